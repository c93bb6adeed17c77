/**
 * axe-core in a real page: injected with page.evaluate (DevTools evaluation is not subject to the
 * extension pages' script CSP) and run on the whole document or on one element, shadow tree
 * included (axe walks open shadow roots).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../support/paths';

let source: string | undefined;
const axeSource = () => (source ??= readFileSync(path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8'));

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string }[];
}

export interface AxeResult {
  /** Rules that passed or failed at least one node: proof that axe looked at something. */
  checkedNodes: number;
  /** Of those, nodes inside a shadow root (axe names them by a selector path through the host). */
  shadowNodes: number;
  violations: AxeViolation[];
}

/**
 * Run axe on `page`, or only on the first element matching `selector` (e.g. the card's host).
 * Returns every violation; `serious()` keeps the serious and critical ones.
 */
export async function runAxe(page: Page, selector?: string): Promise<AxeResult> {
  const loaded = await page.evaluate(() => typeof (window as { axe?: unknown }).axe === 'object');
  if (!loaded) await page.evaluate(axeSource());
  return page.evaluate(async (selector) => {
    type Node = { target: unknown[]; failureSummary?: string };
    type Rule = { id: string; impact?: string | null; help: string; nodes: Node[] };
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Rule[]; passes: Rule[] }> } }).axe;
    const context = selector ? { include: [document.querySelector(selector)] } : document;
    if (selector && !document.querySelector(selector)) throw new Error(`axe: nothing matches ${selector}`);
    const result = await axe.run(context, { resultTypes: ['violations', 'passes'] });
    const all = [...result.passes, ...result.violations].flatMap((r) => r.nodes);
    return {
      checkedNodes: all.length,
      shadowNodes: all.filter((n) => Array.isArray(n.target[0])).length,
      violations: result.violations.map((v) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        nodes: v.nodes.slice(0, 5).map((n) => ({ target: JSON.stringify(n.target), summary: (n.failureSummary ?? '').slice(0, 300) })),
      })),
    };
  }, selector ?? null);
}

export function serious(result: AxeResult): AxeViolation[] {
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
