/** Readers of what the extension shows on a page, shared with the Chromium hardening suite. */
export { highlightMarks, hoverCard, visibleMark, wrapperMarkCount, type CardState, type MarkBox } from '../../e2e/support-hardening/ui';
