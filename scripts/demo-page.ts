/**
 * The demo page: the bundled source article laid out as a clean news article. Used by
 * `scripts/start.ts` (the newcomer's first look) and by the end-to-end tests (/demo.html).
 * Line 1 of the text is the title, line 2 the standfirst, then one paragraph a line; the last
 * two lines are the author's note and the licence line (see ../shared/sources/README.md).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { SourceMeta } from '../lib/knowledge/types';

const SOURCE_DIR = fileURLToPath(new URL('../assets/source/', import.meta.url));
const ARTICLE_FILE = 'litwak-2019-trump-kim-summit-ii.txt';

type Meta = SourceMeta;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for HTML content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

function humanDate(iso: string): string {
  const [year, month] = iso.split('-');
  const name = month ? MONTHS[Number(month) - 1] : undefined;
  return name ? `${name} ${year}` : (year ?? iso);
}

const CSS = `
  :root { color-scheme: light dark; --ink: #1d1d1f; --muted: #5f6368; --paper: #fbfaf7; --rule: #e2ded5; --accent: #8c2f1b; }
  @media (prefers-color-scheme: dark) {
    :root { --ink: #e8e6e1; --muted: #a6a29a; --paper: #17181a; --rule: #34353a; --accent: #e0876f; }
  }
  * { box-sizing: border-box; }
  body { margin: 0; background: var(--paper); color: var(--ink);
    font: 18px/1.65 Georgia, "Times New Roman", serif; }
  header.masthead { border-bottom: 1px solid var(--rule); padding: 12px 24px;
    font: 600 14px/1.2 system-ui, sans-serif; letter-spacing: .08em; text-transform: uppercase; color: var(--muted); }
  main { max-width: 42rem; margin: 0 auto; padding: 32px 24px 64px; }
  .kicker { font: 600 13px/1.2 system-ui, sans-serif; letter-spacing: .06em; text-transform: uppercase; color: var(--accent); margin: 0 0 8px; }
  h1 { font-size: 2.3rem; line-height: 1.15; margin: 0 0 16px; }
  .standfirst { font-size: 1.2rem; line-height: 1.5; color: var(--muted); margin: 0 0 20px; }
  .byline { font: 14px/1.4 system-ui, sans-serif; color: var(--muted); border-top: 1px solid var(--rule);
    border-bottom: 1px solid var(--rule); padding: 10px 0; margin: 0 0 28px; }
  .byline strong { color: var(--ink); }
  article p { margin: 0 0 1.1em; }
  .author-note { font-style: italic; color: var(--muted); border-top: 1px solid var(--rule); padding-top: 16px; margin-top: 32px; }
  footer.licence { font: 13px/1.5 system-ui, sans-serif; color: var(--muted); margin-top: 24px; }
`;

/** The demo page as a complete HTML document (UTF-8). */
export function demoPageHtml(): string {
  const meta = JSON.parse(readFileSync(SOURCE_DIR + 'meta.json', 'utf8')) as Meta;
  const lines = readFileSync(SOURCE_DIR + ARTICLE_FILE, 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  if (lines.length < 5) throw new Error(`${ARTICLE_FILE}: expected title, standfirst, paragraphs, note, licence`);
  const title = lines[0]!;
  const standfirst = lines[1]!;
  const paragraphs = lines.slice(2, -2);
  const authorNote = lines[lines.length - 2]!;
  const licenceLine = lines[lines.length - 1]!;
  const e = escapeHtml;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(title)} — NK Context demo</title>
<style>${CSS}</style>
</head>
<body>
<header class="masthead">NK Context · demo article</header>
<main>
<article>
<p class="kicker">Analysis · Nuclear diplomacy</p>
<h1>${e(title)}</h1>
<p class="standfirst">${e(standfirst)}</p>
<p class="byline">By <strong>${e(meta.author)}</strong> · ${e(meta.publisher)} · ${e(humanDate(meta.date))}</p>
${paragraphs.map((p) => `<p>${e(p)}</p>`).join('\n')}
<p class="author-note">${e(authorNote)}</p>
</article>
<footer class="licence">
<p>${e(licenceLine)}</p>
<p>${e(meta.attribution)}</p>
</footer>
</main>
</body>
</html>
`;
}
