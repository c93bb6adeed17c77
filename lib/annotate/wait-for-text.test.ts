import { afterEach, describe, expect, it, vi } from 'vitest';
import { waitForText } from './wait-for-text';
import { setHtml } from '../../tests/support/dom';

describe('waitForText', () => {
  afterEach(() => vi.useRealTimers());

  it('resolves at once for a frame that already has text', async () => {
    setHtml(document.body, '<p>North Korea has stopped the production of nuclear weapons, Kim claimed.</p>');
    await expect(waitForText(document.body)).resolves.toBeUndefined();
  });

  it('waits in an empty frame until text arrives, ignoring whitespace and tiny additions', async () => {
    vi.useFakeTimers();
    setHtml(document.body, '<div>   \n  </div>');
    let done = false;
    void waitForText(document.body).then(() => (done = true));
    document.body.append('Ad');
    await vi.advanceTimersByTimeAsync(200);
    expect(done).toBe(false);
    const p = document.createElement('p');
    p.textContent = 'Pyongyang faces a double dilemma in its nuclear diplomacy with Washington.';
    document.body.append(p);
    await vi.advanceTimersByTimeAsync(200);
    expect(done).toBe(true);
  });

  it('stops watching when aborted', async () => {
    vi.useFakeTimers();
    setHtml(document.body, '');
    const controller = new AbortController();
    let done = false;
    void waitForText(document.body, controller.signal).then(() => (done = true));
    controller.abort();
    document.body.append('x'.repeat(100));
    await vi.advanceTimersByTimeAsync(200);
    expect(done).toBe(false);
  });
});
