/**
 * Page text never becomes HTML or code: our own sources (lib/, entrypoints/) use none of the
 * sinks that parse a string as markup or script. Tests are excluded (they may read innerHTML to
 * compare DOMs); comments are stripped so that a comment saying "never innerHTML" is no hit.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// happy-dom replaces URL, so no fileURLToPath(new URL(…)) here.
const ROOT = path.resolve(import.meta.dirname, '../..');

const SINKS: [string, RegExp][] = [
  ['eval(', /\beval\s*\(/],
  ['new Function', /\bnew\s+Function\b/],
  ['Function(…) call', /(?<![\w.])Function\s*\(/],
  ['innerHTML', /\binnerHTML\b/],
  ['outerHTML', /\bouterHTML\b/],
  ['insertAdjacentHTML', /\binsertAdjacentHTML\b/],
  ['dangerouslySetInnerHTML', /\bdangerouslySetInnerHTML\b/],
  ['document.write', /\.\s*write(ln)?\s*\(/],
  ['createContextualFragment', /\bcreateContextualFragment\b/],
  ['setHTMLUnsafe / parseHTMLUnsafe', /\b(set|parse)HTMLUnsafe\b/],
  ['DOMParser', /\bDOMParser\b/],
  ['string timer', /\bset(Timeout|Interval)\s*\(\s*['"`]/],
];

/** Drop comments, keep strings (a sink spelled in a string is still suspicious). */
function stripComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return d.name === 'testing' ? [] : sourceFiles(full);
    return /\.(ts|tsx)$/.test(d.name) && !/\.test\.tsx?$/.test(d.name) ? [full] : [];
  });
}

function sinksIn(source: string): string[] {
  const code = stripComments(source);
  return SINKS.filter(([, re]) => re.test(code)).map(([name]) => name);
}

describe('HTML and code sinks in our sources', () => {
  const files = [...sourceFiles(path.join(ROOT, 'lib')), ...sourceFiles(path.join(ROOT, 'entrypoints'))];

  it('finds the sources to check', () => {
    expect(files.length).toBeGreaterThan(20);
    expect(files.some((f) => f.endsWith(path.join('entrypoints', 'content', 'index.ts')))).toBe(true);
  });

  it('uses no sink that parses a string as HTML or script, in lib/ or entrypoints/', () => {
    const hits = files.flatMap((f) => sinksIn(readFileSync(f, 'utf8')).map((s) => `${path.relative(ROOT, f)}: ${s}`));
    expect(hits).toEqual([]);
  });

  it('would notice each sink, and not a comment about one', () => {
    expect(sinksIn('el.innerHTML = text;')).toEqual(['innerHTML']);
    expect(sinksIn('host.insertAdjacentHTML("beforeend", s)')).toEqual(['insertAdjacentHTML']);
    expect(sinksIn('<div dangerouslySetInnerHTML={{ __html: s }} />')).toEqual(['dangerouslySetInnerHTML']);
    expect(sinksIn('document.write(s)')).toEqual(['document.write']);
    expect(sinksIn('const f = new Function("x", body)')).toEqual(['new Function', 'Function(…) call']);
    expect(sinksIn('eval(code)')).toEqual(['eval(']);
    expect(sinksIn('setTimeout("alert(1)", 0)')).toEqual(['string timer']);
    expect(sinksIn('// never innerHTML here\n/* nor eval( */ const x = 1;')).toEqual([]);
    expect(sinksIn('const url = "https://example.org"; el.textContent = s;')).toEqual([]);
  });
});
