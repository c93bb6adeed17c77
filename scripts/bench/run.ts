/**
 * `npm run bench`: what NK Context costs a page, measured in Debian's Chromium with the built
 * extension, plus the matcher in Node and the bundle sizes. Writes docs/benchmarks.md and prints it.
 *
 *   npx tsx scripts/bench/run.ts [--runs 3] [--pages yahoo-2,guardian-1] [--no-build]
 *                                [--timeout 20000] [--no-matcher]
 *                                [--out docs/benchmarks.md]
 *
 * --no-build measures NK_EXT_DIR or .output/chrome-mv3 as it is (no sourcemaps: no attribution);
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SourceMapConsumer } from 'source-map-js';
import { launchExtension, launchPlainBrowser } from '../../tests/e2e/support/extension';
import { CHROMIUM, CORPUS_DIR, EXT_DIR, ROOT, corpusAvailable } from '../../tests/e2e/support/paths';
import { startServer } from '../../tests/e2e/support/server';
import { benchMatcher, toMarkdown } from '../bench-matcher';
import { buildForBench } from './build';
import { hugePageHtml } from './huge-page';
import { coldStart, measurePage, type Attribution, type ColdStart } from './measure';
import { probeBundle } from './probe-bundle';
import { fmt, kib, spread, table, type PageRun } from './report';
import { CONTENT_GROUPS, bundleSizes, groupShares, sourceShares } from './sizes';

/** The largest saved pages first (they matter most), then NK-related and incidental ones. */
const CORPUS_PAGES = [
  'yahoo-2', 'yahoo-1', 'guardian-1', 'wikipedia-2', 'breitbart', 'wikia',
  'nytimes-3', 'msn', 'schema-org-context-object', 'nytimes-1', 'videos-1', 'bbc-1',
];

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}
const flag = (name: string) => process.argv.includes(`--${name}`);

function machine(): string {
  const cpus = os.cpus();
  let chromium = 'unknown';
  try {
    chromium = execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    // reported as unknown
  }
  return `${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'} (nproc ${os.availableParallelism()}), ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB, ${os.type()} ${os.release()}, Node ${process.version}, ${chromium} (headless)`;
}

function attributionFor(dir: string): Attribution {
  const load = (file: string) => {
    const map = `${path.join(dir, file)}.map`;
    if (!existsSync(map)) return () => '(no sourcemap)';
    const consumer = new SourceMapConsumer(JSON.parse(readFileSync(map, 'utf8')));
    const cache = new Map<string, string>();
    return (frame: string) => {
      let hit = cache.get(frame);
      if (hit === undefined) {
        const [line, column] = frame.split(':').map(Number);
        const source = consumer.originalPositionFor({ line: line! + 1, column: column!, bias: SourceMapConsumer.LEAST_UPPER_BOUND }).source ?? '(unmapped)';
        const i = source.lastIndexOf('node_modules/');
        hit = i >= 0 ? source.slice(i) : source.replace(/^(\.\.\/)+/, '');
        cache.set(frame, hit);
      }
      return hit;
    };
  };
  return { content: load('content-scripts/content.js'), worker: load('background.js') };
}

async function main(): Promise<void> {
  if (flag('help')) {
    console.log(readFileSync(new URL(import.meta.url), 'utf8').split('*/')[0]);
    return;
  }
  const started = Date.now();
  const runs = Number(arg('runs') ?? 3);
  const timeoutMs = Number(arg('timeout') ?? 20_000);
  const out = path.resolve(ROOT, arg('out') ?? 'docs/benchmarks.md');
  const log = (s: string) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${s}`);

  let extDir = EXT_DIR;
  if (!flag('no-build')) {
    log('building …');
    extDir = await buildForBench(ROOT);
  }

  const sizes = bundleSizes(extDir);
  const contentFile = path.join(extDir, 'content-scripts', 'content.js');
  const shares = existsSync(`${contentFile}.map`) ? groupShares(sourceShares(contentFile), CONTENT_GROUPS) : [];

  let matcherMd = '(skipped: --no-matcher)';
  let matcherSpeedup = NaN;
  if (!flag('no-matcher')) {
    log('matcher in Node …');
    const rows = await benchMatcher();
    matcherMd = toMarkdown(rows);
    matcherSpeedup = rows.find((r) => r.name.startsWith('matcher.find ('))?.speedup ?? NaN;
  }

  const server = await startServer();
  const huge = hugePageHtml();
  const pages: { name: string; url: string }[] = [{ name: 'demo', url: server.url('/demo.html') }];
  const wanted = arg('pages')?.split(',') ?? CORPUS_PAGES;
  if (corpusAvailable()) {
    for (const name of wanted) if (existsSync(path.join(CORPUS_DIR, `${name}.html`))) pages.push({ name, url: server.url(`/corpus/${name}.html`) });
  } else {
    log(`../shared/corpus/pages not found (${CORPUS_DIR}): corpus pages skipped`);
  }
  pages.push({ name: 'huge (generated)', url: server.register('/bench-huge.html', huge.html) });

  const probe = await probeBundle();
  const attribution = attributionFor(extDir);
  const harness = await launchExtension({ extensionDir: extDir });
  const plainBrowser = await launchPlainBrowser();
  const plain = await plainBrowser.newContext({ viewport: { width: 1280, height: 800 } });
  const results: PageRun[] = [];
  const colds: ColdStart[] = [];
  const bySource = new Map<string, number>();
  /** Per page, the longest content-script task seen and what filled it. */
  const longestTasks = new Map<string, { ms: number; parts: [string, number][] }>();
  const gaveUp = new Set<string>();
  try {
    const messenger = await harness.context.newPage();
    await messenger.goto(`chrome-extension://${harness.extensionId}/manifest.json`);
    for (let run = 1; run <= runs; run++) {
      log(`run ${run}/${runs}: worker cold start …`);
      colds.push(await coldStart(harness, messenger));
      for (const p of pages) {
        if (gaveUp.has(p.name)) continue;
        log(`run ${run}/${runs}: ${p.name}`);
        try {
          const m = await measurePage({ harness, plain, name: p.name, url: p.url, probe, attribution, timeoutMs });
          results.push(m.run);
          for (const [s, us] of m.contentBySource) bySource.set(s, (bySource.get(s) ?? 0) + us / runs);
          if (!(m.run.longestTaskMs <= (longestTasks.get(p.name)?.ms ?? -1))) longestTasks.set(p.name, { ms: m.run.longestTaskMs, parts: m.longestTask });
          // A page that never settles costs a timeout per run: once is enough to show it.
          if (!m.run.finished) gaveUp.add(p.name);
        } catch (error) {
          log(`  ${p.name} failed: ${String(error).split('\n')[0]}`);
        }
      }
    }
  } finally {
    await harness.close();
    await plainBrowser.close();
    await server.close();
  }

  const md = markdown({ runs, pages: pages.map((p) => p.name), results, colds, sizes, shares, bySource, longestTasks, matcherMd, matcherSpeedup, huge, minutes: (Date.now() - started) / 60_000 });
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, md);
  console.log(md);
  log(`wrote ${path.relative(ROOT, out)}`);
}

interface MdInput {
  runs: number;
  pages: string[];
  results: PageRun[];
  colds: ColdStart[];
  sizes: ReturnType<typeof bundleSizes>;
  shares: ReturnType<typeof groupShares>;
  bySource: Map<string, number>;
  longestTasks: Map<string, { ms: number; parts: [string, number][] }>;
  matcherMd: string;
  matcherSpeedup: number;
  huge: ReturnType<typeof hugePageHtml>;
  minutes: number;
}

function markdown(i: MdInput): string {
  const per = (page: string) => i.results.filter((r) => r.page === page);
  const s = (page: string, pick: (r: PageRun) => number) => spread(per(page).map(pick));
  const ratio = (r: PageRun) => r.extTaskMs / r.floorMs;
  const measured = i.pages.filter((p) => per(p).length);

  const main = table(
    ['page', 'text KB', 'text nodes', 'floor ms', 'extension ms', '× floor', 'longest task ms', 'tasks > 50 ms', 'script ms (sampled)', 'first→last ms', 'frames injected', 'marks', 'status'],
    measured.map((p) => {
      const rs = per(p);
      return [p, s(p, (r) => r.textKb).median.toFixed(0), s(p, (r) => r.textNodes).median.toFixed(0), fmt(s(p, (r) => r.floorMs), 3), fmt(s(p, (r) => r.extTaskMs)), fmt(s(p, ratio)), fmt(s(p, (r) => r.longestTaskMs)), fmt(s(p, (r) => r.tasksOver50), 0), fmt(s(p, (r) => r.extScriptMs)), fmt(s(p, (r) => r.spanMs), 0), fmt(s(p, (r) => r.injections), 0), fmt(s(p, (r) => r.marks), 0), [...new Set(rs.map((r) => r.status))].join(', ')];
    }),
  );
  const pipeline = table(
    ['page', 'compile matcher ms', 'walk → runs ms', 'match ms', 'batch ms', 'candidates', 'sentences KB', 'worker round trip ms', 'worker busy ms (trace)', 'compromise ms', 'heap Δ KiB', 'TaskDuration Δ ms'],
    measured.map((p) => [p, fmt(s(p, (r) => r.compileMs)), fmt(s(p, (r) => r.collectMs)), fmt(s(p, (r) => r.matchMs)), fmt(s(p, (r) => r.batchMs)), fmt(s(p, (r) => r.candidates), 0), fmt(s(p, (r) => r.sentenceKb)), fmt(s(p, (r) => r.roundTripMs)), fmt(s(p, (r) => r.workerTaskMs)), fmt(s(p, (r) => r.compromiseMs)), fmt(s(p, (r) => r.heapKb), 0), fmt(s(p, (r) => r.taskDurationDeltaMs), 0)]),
  );

  // Headline figures.
  const corpus = measured.filter((p) => p !== 'demo' && !p.startsWith('huge'));
  const corpusRatios = corpus.map((p) => s(p, ratio).median).filter(Number.isFinite).sort((a, b) => a - b);
  const medianCorpusRatio = spread(corpusRatios).median;
  const hugeName = measured.find((p) => p.startsWith('huge'));
  const hugeRatio = hugeName ? s(hugeName, ratio).median : NaN;
  const longest = Math.max(...i.results.map((r) => r.longestTaskMs).filter(Number.isFinite));
  const longestPage = i.results.find((r) => r.longestTaskMs === longest)?.page ?? '—';
  const content = i.sizes.find((b) => b.name.startsWith('content script'));
  const cold = spread(i.colds.map((c) => c.coldMs));
  const warm = spread(i.colds.map((c) => c.warmMs));
  const worker100k = i.results.filter((r) => r.finished && r.textKb > 20).map((r) => (r.roundTripMs / r.textKb) * 100);
  const unfinished = measured.filter((p) => per(p).some((r) => !r.finished));
  const compromisePages = measured.filter((p) => per(p).some((r) => r.compromiseMs > 0));
  const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');

  const targets = table(
    ['target', 'measured', ''],
    [
      ['main thread ≤ 3× floor, median corpus page', `${medianCorpusRatio.toFixed(1)}× (median of ${corpusRatios.length} pages' medians)`, verdict(medianCorpusRatio <= 3)],
      ['main thread ≤ 5× floor, huge page', `${hugeRatio.toFixed(1)}×`, verdict(hugeRatio <= 5)],
      ['no extension task > 50 ms', `longest ${longest.toFixed(0)} ms (${longestPage})`, verdict(longest <= 50)],
      ['matcher ≥ 5× the RegExp', `${i.matcherSpeedup.toFixed(1)}×`, verdict(i.matcherSpeedup >= 5)],
      ['content script ≤ 60 KiB minified', content ? `${kib(content.bytes)} (${kib(content.gzip)} gzip)` : '—', verdict(!!content && content.bytes <= 60 * 1024)],
      ['worker first answer after cold start < 300 ms', `${fmt(cold)} ms (warm ${fmt(warm)} ms)`, verdict(cold.median < 300)],
      ['100 KB of page text matched in the worker ≪ 1 s', `${fmt(spread(worker100k))} ms per 100 KB (round trip)`, verdict(spread(worker100k).median < 250)],
      ['every page settles', unfinished.length ? `never settled: ${unfinished.join(', ')}` : 'all settled', verdict(!unfinished.length)],
      ['compromise not loaded when the dictionary decides', compromisePages.length ? `compromise ran on: ${compromisePages.join(', ')}` : 'never ran', compromisePages.length ? 'see pages' : 'met'],
    ],
    ['l', 'l', 'l'],
  );

  const sizeTable = table(['bundle', 'minified', 'gzip -9'], i.sizes.map((b) => [b.name, kib(b.bytes), kib(b.gzip)]));
  const shareTable = i.shares.length ? table(['content script bytes by purpose', 'minified'], i.shares.map((x) => [x.source, kib(x.bytes)])) : '(no sourcemap: build with the bench to see this)';
  const totalUs = [...i.bySource.values()].reduce((a, b) => a + b, 0);
  const profile = table(
    ['content-script source (sampled, all pages, mean per run)', 'ms', 'share'],
    [...i.bySource].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([src, us]) => [src, (us / 1000).toFixed(1), `${((us / totalUs) * 100).toFixed(0)}%`]),
  );

  return `# NK Context benchmarks

Generated by \`npm run bench\` (scripts/bench/run.ts) on ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC in ${i.minutes.toFixed(1)} min.
Machine: ${machine()}.
${i.runs} runs; each cell is the median with (min–max) over the runs.

## Targets

${targets}

## Main thread, per page

- **floor**: a bare TreeWalker pass over every text node of <body> reading its value, in the page, median of 7.
- **extension ms**: total duration of the page's main-thread tasks in which the content script ran (from its
  injection until the marks stopped changing), from a Chromium trace; a task counts when the V8 sampling
  profiler (${'≈'}0.2 ms interval) caught the content script on its stack or the task compiled/called it. It includes
  the DOM, style and GC work inside those tasks, not later paints. **× floor** is the ratio of the two.
- **script ms**: the sampled time with content-script code on the stack (its JS and the DOM calls it makes).
- **first→last**: from the first to the last such task (includes waiting for the worker and yielding).
- **frames injected**: how many of the page's frames ran the content script on this thread (\`allFrames: true\`);
  each pays the whole start-up (settings, pattern table, automaton).
- The trace's profiler slows JS by a few per cent; the floor is measured without it.

${main}

## Pipeline steps (repeated in the page's isolated world with the same library code) and the worker

- compile: decode the pattern table and build the automaton (every frame pays it); walk, match, batch: the
  content script's steps without slicing; round trip: \`content:scan\` with exactly these candidates.
- worker busy: the service worker thread's tasks during the page load (trace); compromise: sampled time in compromise's code.
- heap Δ: retained JS heap after GC with the extension minus without (same isolate: page + content script).
- TaskDuration Δ: CDP Performance.getMetrics with minus without the extension (both traced): a noisy cross-check.

${pipeline}

Huge page: ${(i.huge.textChars / 1e6).toFixed(2)} M characters of text in ${i.huge.textNodes} non-blank text nodes, ${i.huge.paragraphs} paragraphs (${i.huge.articleParagraphs} from the article), inline elements nested up to 3 deep, a script as the last element of <body>.

## Where the content script's time goes (CPU samples mapped through the sourcemap)

${profile}

## The longest content-script task of each page (worst run), and what filled it (sampled ms)

${table(
    ['page', 'task ms', 'top sources in it'],
    [...i.longestTasks].map(([page, t]) => [page, t.ms.toFixed(1), t.parts.slice(0, 4).map(([src, us]) => `${src} ${(us / 1000).toFixed(1)}`).join('; ')]),
    ['l', 'r', 'l'],
  )}

## Worker cold start

CDP \`ServiceWorker.stopAllWorkers\`, then \`popup:search "cvid"\` from an extension page: first answer ${fmt(cold)} ms; warm ${fmt(warm)} ms.

## Bundles

${sizeTable}

${shareTable}

## Matcher in Node (scripts/bench-matcher.ts)

${i.matcherMd}
`;
}

await main();
