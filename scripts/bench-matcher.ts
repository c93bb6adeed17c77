/**
 * Matcher throughput against the obvious alternative, one alternation RegExp of every alias.
 * Run: `npx tsx scripts/bench-matcher.ts`; `benchMatcher()` is what `npm run bench` calls.
 * Sizes are in MB of UTF-16 code units / 10^6 (≈ bytes for Latin text).
 * Uses assets/generated/patterns.json when present (NK_BENCH_SYNTHETIC=1 forces the built-in table).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { compileMatcher } from '../lib/scan/matcher';
import type { CaseRule, Match, Pattern, PatternTable } from '../lib/scan/types';
import { fold } from '../lib/text/fold';

export interface Row {
  name: string;
  mb: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  mbPerSec: number;
  matches: number;
  /** Median time of the RegExp baseline ÷ this row's median time. */
  speedup: number;
}

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = 7;
const TARGET_CHARS = 5_500_000;

// Unrelated English, so that most of the text is the common case: nothing to find.
const UNRELATED = [
  'The garden club met on Tuesday evening to plan the spring planting. Members agreed that the tomatoes should go in after the last frost, and that the herb beds near the gate needed new soil before anything else.',
  'Our recipe for a simple loaf takes flour, water, salt and a little yeast. Knead the dough for ten minutes, let it rise until doubled, shape it gently and bake it in a hot oven until the crust sounds hollow.',
  'The home side scored twice in the second half to win the match, lifting them to third place in the league. Their coach praised the defence, which has conceded only four goals in the last eight games.',
  'Commuters faced delays this morning after a signal failure near the central station. The rail operator apologised and said that services would return to normal by the afternoon, although some trains may still be crowded.',
  'A new exhibition at the city museum brings together paintings, letters and photographs from a family of local artists. Curators spent two years tracing works that had been scattered across private collections.',
  'Researchers studying river otters found that the animals travel much further than expected in winter, moving between lakes along small streams and drainage ditches that most people never notice.',
];

async function loadTable(): Promise<{ table: PatternTable; source: string }> {
  const file = join(ROOT, 'assets/generated/patterns.json');
  if (existsSync(file) && !process.env.NK_BENCH_SYNTHETIC) {
    const json = JSON.parse(readFileSync(file, 'utf8'));
    if (Array.isArray(json?.patterns)) return { table: json as PatternTable, source: 'assets/generated/patterns.json' };
    try {
      // The bundled file is in the generator's compact encoding.
      const { decodePatternTable } = await import('../lib/scan/pattern-codec');
      return { table: decodePatternTable(json), source: 'assets/generated/patterns.json (decoded)' };
    } catch (error) {
      console.warn(`patterns.json not readable (${String(error)}); using a synthesised table`);
    }
  }
  return { table: synthesiseTable(), source: 'synthesised' };
}

/** A few hundred aliases in the shape the generator makes, for when patterns.json is absent. */
function synthesiseTable(): PatternTable {
  const people = ['Kim Jong Un', 'Donald Trump', 'John Bolton', 'Moon Jae In', 'Mike Pompeo', 'Gina Haspel', 'Muammar Qaddafi', 'Kim Yo Jong', 'Xi Jinping', 'Shinzo Abe', 'Stephen Biegun', 'Robert Litwak', 'Kim Jong Il', 'Kim Il Sung', 'Kim Yong Chol', 'Ri Yong Ho', 'Choe Son Hui', 'Barack Obama', 'Bill Clinton', 'Hassan Rouhani', 'Vladimir Putin', 'Antonio Guterres'];
  const titles = ['', 'President ', 'Chairman ', 'Mr ', 'leader ', 'Secretary of State ', 'Director '];
  const terms = ['denuclearisation', 'sanctions relief', 'Libya model', 'moratorium on nuclear and missile testing', 'regime change', 'behaviour change', 'nuclear umbrella', 'strategic breakout', 'transformational goal', 'transactional strategy', 'fissile material', 'nuclear deterrent', 'rogue state', 'maximum pressure', 'fire and fury', 'freeze agreement', 'ballistic missile', 'hydrogen bomb', 'security guarantee', 'peace treaty'];
  const places = ['North Korea', 'South Korea', 'Korean Peninsula', 'Pyongyang', 'Seoul', 'Washington', 'Hanoi', 'Singapore', 'Yongbyon', 'Iran', 'Libya', 'Iraq', 'Japan', 'China', 'United States', 'Demilitarized Zone'];
  const acronyms = ['CVID', 'US', 'ICBM', 'DPRK', 'ROK', 'IAEA', 'NPT', 'JCPOA', 'CIA', 'UN', 'DMZ', 'SLBM'];
  const forms = new Set<string>();
  for (const p of people) {
    const hyphenated = p.replace(/ (\S+) (\S+)$/, ' $1-$2'); // Kim Jong Un → Kim Jong-Un
    for (const name of [p, hyphenated, hyphenated.replace(/-(\S)/, (_, c: string) => `-${c.toLowerCase()}`)]) {
      for (const t of titles) forms.add(t + name);
    }
    forms.add(p.split(' ').at(-1)!); // the surname alone, as short names are
  }
  for (const t of terms) for (const v of [t, t.replace(/is(e|ation|ing)/g, 'iz$1'), t.replace(/our/g, 'or'), t + 's']) forms.add(v);
  for (const p of places) for (const v of [p, p.replace(/-/g, ' '), `the ${p}`]) forms.add(v);
  const patterns: Pattern[] = [];
  for (const form of forms) {
    const caseRule: CaseRule = /^[A-Z]/.test(form) ? 'initial' : 'any';
    patterns.push({ text: fold(form), form, caseRule, kind: 'full', entries: [fold(form)] });
  }
  for (const a of acronyms) patterns.push({ text: fold(a), form: a, caseRule: 'exact', kind: 'full', entries: [a] });
  return { version: 1, patterns };
}

function buildText(): { text: string; runs: string[] } {
  const dir = join(ROOT, 'assets/source');
  const article = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .flatMap((f) => readFileSync(join(dir, f), 'utf8').split('\n'))
    .filter((p) => p.trim().length > 0);
  const runs: string[] = [];
  let size = 0;
  for (let i = 0; size < TARGET_CHARS; i++) {
    // Two unrelated paragraphs for every article paragraph: news pages are mostly other text.
    const p = i % 3 === 0 ? article[(i / 3) % article.length]! : UNRELATED[i % UNRELATED.length]!;
    runs.push(p);
    size += p.length + 1;
  }
  return { text: runs.join('\n'), runs };
}

// --- The baseline: one alternation RegExp, case rules checked after ---------------------------

const CLASS: Record<string, string> = {
  ' ': '\\s+',
  '-': '[\\-\\u2010-\\u2015\\u2212\\ufe58\\ufe63\\uff0d]',
  "'": "['\\u2018\\u2019\\u201a\\u201b\\u2032\\u2035`\\u00b4\\u02bc\\uff07]",
  '"': '["\\u201c-\\u201f\\u2033\\u2036\\u00ab\\u00bb\\uff02]',
};
const source = (alias: string) => [...alias].map((c) => CLASS[c] ?? c.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')).join('');
const key = (s: string) => fold(s).replace(/ +/g, ' ');

function caseOk(p: Pattern, covered: string): boolean {
  if (p.caseRule === 'any') return true;
  const seen = covered.replace(/\s+/g, ' ');
  for (let i = 0; i < p.form.length; i++) {
    const want = p.form[i]!;
    if (want.toLowerCase() === want.toUpperCase()) continue;
    const upper = seen[i] !== seen[i]!.toLowerCase();
    if (p.caseRule === 'initial') return upper;
    if (upper !== (want !== want.toLowerCase())) return false;
  }
  return true;
}

function regexpFinder(table: PatternTable, boundary: 'unicode' | 'ascii') {
  const [pre, post] = boundary === 'unicode' ? ['(?<![\\p{L}\\p{N}\\p{M}])', '(?![\\p{L}\\p{N}\\p{M}])'] : ['\\b', '\\b'];
  const byKey = new Map<string, number[]>();
  table.patterns.forEach((p, i) => byKey.set(p.text, [...(byKey.get(p.text) ?? []), i]));
  const aliases = [...byKey.keys()].sort((a, b) => b.length - a.length);
  const all = new RegExp(`${pre}(?:${aliases.map(source).join('|')})${post}`, 'giu');
  const one = new Map(aliases.map((a) => [a, new RegExp(`${pre}${source(a)}${post}`, 'iuy')]));
  const firstValid = (k: string, covered: string) => byKey.get(k)?.find((i) => caseOk(table.patterns[i]!, covered));
  return (text: string): Match[] => {
    const out: Match[] = [];
    all.lastIndex = 0;
    for (let m = all.exec(text); m; m = all.exec(text)) {
      const start = m.index;
      let end = start + m[0].length;
      let pattern = firstValid(key(m[0]), m[0]);
      // A failed case rule: try the shorter aliases that are prefixes of this one, longest first.
      for (let k = key(m[0]), cut = k.length - 1; pattern === undefined && cut > 0; cut--) {
        const re = one.get(k.slice(0, cut));
        if (!re) continue;
        re.lastIndex = start;
        const sub = re.exec(text);
        if (sub) [pattern, end] = [firstValid(k.slice(0, cut), sub[0]), start + sub[0].length];
      }
      if (pattern === undefined) all.lastIndex = start + 1;
      else {
        out.push({ start, end, pattern });
        all.lastIndex = end;
      }
    }
    return out;
  };
}

// --- Timing ----------------------------------------------------------------------------------

/**
 * Runs the scanners in turns (one run of each, RUNS times) so that whatever else the machine is
 * doing slows all of them alike; the ratio of medians is what the bench is for.
 */
function measure(mb: number, scanners: [string, () => number][]): Row[] {
  for (const [, fn] of scanners) fn(); // warm-up: compile, inline, fill the fold caches
  const ms = scanners.map(() => [] as number[]);
  const matches = scanners.map(() => 0);
  for (let run = 0; run < RUNS; run++) {
    scanners.forEach(([, fn], i) => {
      const t0 = performance.now();
      matches[i] = fn();
      ms[i]!.push(performance.now() - t0);
    });
  }
  const rows = scanners.map(([name], i) => {
    const sorted = ms[i]!.sort((a, b) => a - b);
    const medianMs = sorted[sorted.length >> 1]!;
    return { name, mb, medianMs, minMs: sorted[0]!, maxMs: sorted.at(-1)!, mbPerSec: mb / (medianMs / 1000), matches: matches[i]!, speedup: 0 };
  });
  for (const r of rows) r.speedup = rows[0]!.medianMs / r.medianMs;
  return rows;
}

export async function benchMatcher(): Promise<Row[]> {
  const { table, source: tableSource } = await loadTable();
  const { text, runs } = buildText();
  const mb = text.length / 1e6;
  const t0 = performance.now();
  const matcher = compileMatcher(table);
  const compileMs = performance.now() - t0;
  const regexp = regexpFinder(table, 'unicode');
  const regexpAscii = regexpFinder(table, 'ascii');

  // Same matches, or the speed comparison means nothing.
  const ours = matcher.find(text);
  const theirs = regexp(text);
  const same = ours.length === theirs.length && ours.every((m, i) => m.start === theirs[i]!.start && m.end === theirs[i]!.end && m.pattern === theirs[i]!.pattern);
  if (!same) throw new Error(`matcher (${ours.length}) and RegExp (${theirs.length}) disagree`);

  const result = measure(mb, [
    ['RegExp alternation, Unicode boundaries (baseline)', () => regexp(text).length],
    ['RegExp alternation, \\b boundaries', () => regexpAscii(text).length],
    ['matcher.find (one 5 MB string)', () => matcher.find(text).length],
    ['matcher.findIter (no arrays)', () => matcher.findIter(text, () => {})],
    [`matcher.find per paragraph (${runs.length} runs)`, () => runs.reduce((n, r) => n + matcher.find(r).length, 0)],
  ]);
  console.log(`patterns: ${table.patterns.length} (${tableSource}); automaton: ${matcher.stats.states} states, ${matcher.stats.classes} classes, ${(matcher.stats.bytes / 1024).toFixed(0)} KiB, compiled in ${compileMs.toFixed(1)} ms`);
  console.log(`text: ${mb.toFixed(2)} MB, ${ours.length} matches, identical to the baseline's`);
  return result;
}

export function toMarkdown(rows: Row[]): string {
  const lines = ['| scanner | MB | median ms | min ms | max ms | MB/s | matches | × baseline |', '|---|---:|---:|---:|---:|---:|---:|---:|'];
  for (const r of rows) {
    lines.push(`| ${r.name} | ${r.mb.toFixed(2)} | ${r.medianMs.toFixed(1)} | ${r.minMs.toFixed(1)} | ${r.maxMs.toFixed(1)} | ${r.mbPerSec.toFixed(1)} | ${r.matches} | ${r.speedup.toFixed(1)} |`);
  }
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const rows = await benchMatcher();
  console.log(toMarkdown(rows));
  const speedup = rows.find((r) => r.name.startsWith('matcher.find ('))!.speedup;
  console.log(`\nmatcher.find is ${speedup.toFixed(1)}× the RegExp baseline (target ≥ 5×): ${speedup >= 5 ? 'OK' : 'BELOW TARGET'}`);
}
