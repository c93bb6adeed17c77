/**
 * Markup for DOM tests, in one place: tests build fixtures from HTML strings and compare the page's
 * markup byte for byte. Product code never parses or serialises HTML (tests/unit/no-html-sinks).
 */
export function setHtml(el: Element, html: string): void {
  el.innerHTML = html;
}

export function htmlOf(el: Element): string {
  return el.innerHTML;
}
