/**
 * The real toolbar popup. `action.openPopup()` works in headless Chromium, but Playwright does not
 * attach to the popup's target; this finds it through the DevTools protocol and evaluates
 * expressions in it (Target.sendMessageToTarget on a non-flattened session).
 */
import type { CDPSession, Page } from 'playwright-core';
import { poll } from '../support/waits';

export interface ToolbarPopup {
  url: string;
  /** Evaluate a JavaScript expression in the popup and return its JSON value (promises awaited). */
  evaluate<T>(expression: string): Promise<T>;
  close(): Promise<void>;
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/** Wait for an extension popup target (`…/popup.html…`) and attach to it; `via` is any open page. */
export async function attachToolbarPopup(via: Page, extensionId: string): Promise<ToolbarPopup> {
  const cdp: CDPSession = await via.context().newCDPSession(via);
  const prefix = `chrome-extension://${extensionId}/popup.html`;
  const target = await poll(
    async () => ((await cdp.send('Target.getTargets')).targetInfos as TargetInfo[]).find((t) => t.url.startsWith(prefix)),
    (t) => t !== undefined,
    { what: 'the toolbar popup to open', intervalMs: 100, timeoutMs: 10_000 },
  );
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target!.targetId, flatten: false });
  type Reply = { id?: number; result?: { result?: { value?: unknown }; exceptionDetails?: unknown }; error?: unknown };
  const waiting = new Map<number, (reply: Reply) => void>();
  cdp.on('Target.receivedMessageFromTarget', (event: { sessionId?: string; message: string }) => {
    if (event.sessionId !== sessionId) return;
    const reply = JSON.parse(event.message) as Reply;
    if (reply.id !== undefined) waiting.get(reply.id)?.(reply);
  });
  let seq = 0;
  const evaluate = <T>(expression: string) =>
    new Promise<T>((resolve, reject) => {
      const id = ++seq;
      waiting.set(id, (reply) => {
        waiting.delete(id);
        if (reply.error || reply.result?.exceptionDetails) reject(new Error(`popup evaluate failed: ${JSON.stringify(reply.error ?? reply.result?.exceptionDetails)}`));
        else resolve(reply.result?.result?.value as T);
      });
      const message = { id, method: 'Runtime.evaluate', params: { expression, returnByValue: true, awaitPromise: true } };
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify(message) }).catch(reject);
    });
  return {
    url: target!.url,
    evaluate,
    /** Close it, and wait until it is gone so the next lookup can't find this one. */
    async close() {
      await evaluate('window.close()').catch(() => undefined);
      await poll(
        async () => ((await cdp.send('Target.getTargets')).targetInfos as TargetInfo[]).some((t) => t.targetId === target!.targetId),
        (open) => !open,
        { what: 'the toolbar popup to close', intervalMs: 50, timeoutMs: 5_000 },
      );
      await cdp.detach().catch(() => undefined);
    },
  };
}
