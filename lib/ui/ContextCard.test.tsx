import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it, vi } from 'vitest';
import type { CardData } from '../knowledge/types';
import { ContextCard, type ContextCardProps } from './ContextCard';
import { denuclearisation, entry, source, yongbyon, mountRoot } from './testing/fixtures';

const rootOf = mountRoot();

function show(props: ContextCardProps): HTMLElement {
  act(() => render(<ContextCard {...props} />, rootOf()));
  return rootOf().querySelector('article.nk-card')!;
}
const text = (el: Element | null) => el?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

describe('ContextCard', () => {
  it('shows every part of a full entry', () => {
    const card = show({
      card: denuclearisation,
      pageSentence: { text: 'Talks on denuclearization stalled in Hanoi.', at: 9, length: 16 },
    });
    expect(card.dataset.entryId).toBe('denuclearisation');
    const heading = card.querySelector('h3')!;
    expect(heading.textContent).toBe('Denuclearisation');
    expect(card.getAttribute('aria-labelledby')).toBe(heading.id);
    expect(text(card.querySelector('.nk-card-kind'))).toBe('Term');
    expect(text(card.querySelector('.nk-card-definition'))).toContain('Giving up nuclear weapons');

    const sides = [...card.querySelectorAll('.nk-card-perspectives dt')].map((d) => d.textContent);
    expect(sides).toEqual(['Pyongyang', 'Washington']);
    expect(text(card.querySelector('.nk-card-perspectives'))).toContain('verifiably');

    const dates = [...card.querySelectorAll('.nk-card-dates time')].map((t) => t.textContent);
    expect(dates).toEqual(['12 June 2018', 'February 2019']);
    expect(card.querySelector('.nk-card-dates time')!.getAttribute('datetime')).toBe('2018-06-12');

    const sentence = card.querySelector('.nk-card-page-sentence')!;
    expect(sentence.textContent).toBe('Talks on denuclearization stalled in Hanoi.');
    expect(sentence.querySelector('mark')!.textContent).toBe('denuclearization');

    const quotes = card.querySelectorAll('blockquote.nk-card-quote');
    expect(quotes).toHaveLength(2);
    expect(text(quotes[0]!)).toBe('The two sides hold starkly different views of denuclearization.');
    const attribution = text(card.querySelector('.nk-card-source'));
    expect(attribution).toContain('Trump-Kim Summit II: Setting Realistic Expectations');
    expect(attribution).toContain('Robert S. Litwak');
    expect(attribution).toContain('Wilson Center');
    expect(attribution).toContain('Feb 2019');
    expect(attribution).toContain('CC licence');
    expect(card.querySelector('.nk-card-background')).toBeNull();
  });

  it('says a background entry is not from the source, and quotes nothing', () => {
    const card = show({ card: yongbyon });
    expect(text(card.querySelector('.nk-card-background'))).toBe('Widely known background, not from the source article.');
    expect(card.querySelector('blockquote')).toBeNull();
    expect(text(card.querySelector('.nk-card-kind'))).toBe('Place');
  });

  it('renders text that looks like HTML as text', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const card: CardData = {
      entry: entry({ id: 'evil', label: `Label ${evil}`, definition: `Def ${evil}`, quotes: [`Quote ${evil}`], perspectives: [{ side: evil, view: evil }] }),
      related: [{ id: 'x', label: evil, kind: 'term' }],
      source,
    };
    const el = show({ card, pageSentence: { text: `Page ${evil} here`, at: 5, length: evil.length }, onRelated: () => {} });
    expect(rootOf().querySelector('img')).toBeNull();
    expect(el.querySelector('.nk-card-definition')!.textContent).toBe(`Def ${evil}`);
    expect(el.querySelector('.nk-card-page-sentence mark')!.textContent).toBe(evil);
    expect(el.querySelector('h3')!.textContent).toBe(`Label ${evil}`);
  });

  it('makes related entries buttons that open their card', () => {
    const onRelated = vi.fn();
    const card = show({ card: denuclearisation, onRelated });
    const buttons = [...card.querySelectorAll<HTMLButtonElement>('.nk-card-related button')];
    expect(buttons.map((b) => b.dataset.entryId)).toEqual(['cvid', 'kim-jong-un']);
    act(() => buttons[1]!.click());
    expect(onRelated).toHaveBeenCalledWith('kim-jong-un');
  });

  it('lists related entries as plain labels when nothing can open them', () => {
    const card = show({ card: denuclearisation });
    expect(card.querySelectorAll('.nk-card-related button')).toHaveLength(0);
    expect(text(card.querySelector('.nk-card-related'))).toContain('Kim Jong Un');
  });

  it('offers "Open in popup" only when asked, and uses the heading level given', () => {
    const open = vi.fn();
    const card = show({ card: denuclearisation, onOpenInPopup: open, headingLevel: 2 });
    expect(card.querySelector('h2')!.textContent).toBe('Denuclearisation');
    expect(card.querySelector('h3.nk-card-subhead')).not.toBeNull();
    const button = [...card.querySelectorAll('button')].find((b) => b.textContent === 'Open in popup')!;
    act(() => button.click());
    expect(open).toHaveBeenCalledOnce();
    expect([...show({ card: denuclearisation }).querySelectorAll('button')].some((b) => b.textContent === 'Open in popup')).toBe(false);
  });

  it('compact cards keep only the first quote', () => {
    const card = show({ card: denuclearisation, compact: true });
    expect(card.classList.contains('nk-compact')).toBe(true);
    expect(card.querySelectorAll('blockquote.nk-card-quote')).toHaveLength(1);
    expect(card.querySelector('.nk-card-source')).not.toBeNull();
  });

  it('shows the page sentence whole when the mention offsets are out of range', () => {
    const card = show({ card: denuclearisation, pageSentence: { text: 'Short sentence.', at: 10, length: 40 } });
    const s = card.querySelector('.nk-card-page-sentence')!;
    expect(s.textContent).toBe('Short sentence.');
    expect(s.querySelector('mark')).toBeNull();
  });
});
