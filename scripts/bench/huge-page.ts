/**
 * A generated huge page for the bench: the source article's paragraphs scattered through much more
 * unrelated text, every paragraph cut into inline elements nested up to three deep (so mentions
 * cross element boundaries), with the furniture real pages have: navigation, tables, lists, code,
 * a form, hidden blocks, and a script as the last thing in <body>. Deterministic (seeded).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { escapeHtml } from '../demo-page';

export interface HugePageOptions {
  /** Visible text to generate, in UTF-16 code units (default 2.2 million). */
  textChars?: number;
  /** One article paragraph per this many paragraphs (default 6). */
  articleEvery?: number;
  seed?: number;
}

export interface HugePage {
  html: string;
  /** Text in non-empty text nodes that a reader sees (generated text, not markup). */
  textChars: number;
  /** Non-blank text nodes (as the parser makes them). */
  textNodes: number;
  paragraphs: number;
  articleParagraphs: number;
}

const SOURCE = fileURLToPath(new URL('../../assets/source/litwak-2019-trump-kim-summit-ii.txt', import.meta.url));

const WORDS = (
  'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they ' +
  'you were her she there been one all we their has would when if so no will more can about up out them some time ' +
  'could into two then its only other new people over what year years first after also made many did most like ' +
  'garden river council market season train museum library school teacher recipe oven bread harvest weather storm ' +
  'coast village bridge festival concert players league coach match goals software update release browser server ' +
  'database network battery camera screen phone review price shipping customer store bakery painting gallery ' +
  'artist novel chapter author reader film director actor audience ticket travel flight hotel beach mountain trail ' +
  'hikers forest birds otters fishing boat harbour morning evening afternoon weekend holiday family children ' +
  'parents neighbours community volunteers project budget report survey study researchers scientists doctors ' +
  'patients health diet exercise sleep coffee tea kitchen table window door street traffic parking bicycle bus'
).split(' ');

/** mulberry32: small, fast, good enough to vary a page. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function hugePageHtml(options: HugePageOptions = {}): HugePage {
  const target = options.textChars ?? 2_200_000;
  const articleEvery = options.articleEvery ?? 6;
  const rnd = random(options.seed ?? 20190227);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const article = readFileSync(SOURCE, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 80);

  let textChars = 0;
  let textNodes = 0;
  const text = (s: string): string => {
    textChars += s.length;
    if (/\S/.test(s)) textNodes++;
    return escapeHtml(s);
  };

  const sentence = (): string => {
    const n = 8 + Math.floor(rnd() * 12);
    const words = Array.from({ length: n }, () => pick(WORDS));
    const first = words[0]!;
    words[0] = first[0]!.toUpperCase() + first.slice(1);
    return `${words.join(' ')}.`;
  };
  const unrelated = (): string => Array.from({ length: 4 + Math.floor(rnd() * 4) }, sentence).join(' ');

  const WRAPS: [string, string][] = [
    ['<em>', '</em>'],
    ['<strong>', '</strong>'],
    ['<a href="#top">', '</a>'],
    ['<span class="x">', '</span>'],
    ['<b>', '</b>'],
    ['<i>', '</i>'],
    ['<mark>', '</mark>'],
    ['<abbr title="t">', '</abbr>'],
  ];
  /** A paragraph's words in groups of 2–5: every other group wrapped, up to three deep. */
  const inline = (paragraph: string): string => {
    const words = paragraph.split(' ');
    const out: string[] = [];
    let plain = ''; // adjacent plain groups are one text node
    for (let i = 0; i < words.length; ) {
      const n = 2 + Math.floor(rnd() * 4);
      const group = `${words.slice(i, i + n).join(' ')}${i + n < words.length ? ' ' : ''}`;
      i += n;
      if (rnd() < 0.5) {
        plain += group;
        continue;
      }
      if (plain) out.push(text(plain));
      plain = '';
      const depth = 1 + Math.floor(rnd() * 3);
      const wraps = Array.from({ length: depth }, () => pick(WRAPS));
      out.push(wraps.map((w) => w[0]).join('') + text(group) + wraps.map((w) => w[1]).reverse().join(''));
    }
    if (plain) out.push(text(plain));
    return out.join('');
  };

  const parts: string[] = [];
  const nav = Array.from({ length: 40 }, (_, i) => `<li><a href="#s${i}">${text(`Section ${i + 1}: ${pick(WORDS)} ${pick(WORDS)}`)}</a></li>`);
  parts.push(`<header><nav aria-label="Sections"><ul>${nav.join('')}</ul></nav></header><main>`);

  let paragraphs = 0;
  let articleParagraphs = 0;
  for (let section = 0; textChars < target; section++) {
    parts.push(`<section id="s${section}"><h2>${text(`${sentence().slice(0, -1)}`)}</h2>`);
    for (let p = 0; p < 12 && textChars < target; p++) {
      paragraphs++;
      let body: string;
      if (paragraphs % articleEvery === 0) {
        body = article[articleParagraphs++ % article.length]!;
      } else {
        body = unrelated();
      }
      parts.push(`<p>${inline(body)}</p>`);
    }
    switch (section % 6) {
      case 0:
        parts.push(`<table><tr><th>${text('Item')}</th><th>${text('Value')}</th></tr>${Array.from({ length: 6 }, () => `<tr><td>${text(pick(WORDS))}</td><td>${text(String(Math.floor(rnd() * 1000)))}</td></tr>`).join('')}</table>`);
        break;
      case 1:
        parts.push(`<ul>${Array.from({ length: 5 }, () => `<li>${inline(sentence())}</li>`).join('')}</ul>`);
        break;
      case 2:
        // Skipped by the extension: code, a form field, hidden text.
        parts.push(`<pre><code>${escapeHtml('const sanctions = relief(North Korea); // not prose')}</code></pre>`);
        parts.push(`<form><label>${text('Comment')} <textarea>${escapeHtml('Kim Jong Un in a text area')}</textarea></label></form>`);
        break;
      case 3:
        parts.push(`<div hidden>${escapeHtml('Hidden: denuclearisation of the Korean Peninsula')}</div>`);
        parts.push(`<blockquote><p>${inline(unrelated())}</p></blockquote>`);
        break;
      default:
        parts.push(`<aside><h3>${text('Related')}</h3><p>${inline(sentence())}</p></aside>`);
    }
    parts.push('</section>');
  }
  parts.push(`</main><footer><p>${text('Generated for the NK Context bench. Article paragraphs: Robert S. Litwak, Wilson Center, CC BY-NC-ND.')}</p></footer>`);

  const html =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>NK Context bench: a huge page</title>' +
    '<style>body{font:16px/1.5 Georgia,serif;max-width:50rem;margin:0 auto;padding:1rem}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:2px 6px}</style>' +
    `</head><body>${parts.join('\n')}\n<script>window.__benchLoaded = true;</script></body></html>`;
  return { html, textChars, textNodes, paragraphs, articleParagraphs };
}
