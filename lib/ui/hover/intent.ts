/**
 * When the hover card shows and hides, as a small state machine fed with pointer, click and key
 * events. Pure: no DOM; timers are the global setTimeout/clearTimeout (fake them in tests).
 *
 * - Over a mark for `showDelayMs` → show (a card for another mark is replaced then).
 * - Off the mark (and not over the card) for `hideDelayMs` → hide.
 * - Pinned (a click in the card, or a keyboard show): only Escape, an outside press or hideNow close it.
 * - While a mouse button is down outside the card (text being selected) nothing shows.
 */
export type HideReason = 'leave' | 'escape' | 'outside' | 'api';

export interface IntentActions<A> {
  show(anchor: A): void;
  hide(reason: HideReason): void;
}

export interface IntentOptions<A> {
  showDelayMs: number;
  hideDelayMs?: number;
  /** Whether two anchors are the same mention (default: identity). */
  same?: (a: A, b: A) => boolean;
}

export type IntentState = 'closed' | 'open' | 'pinned';

export interface Intent<A> {
  markEnter(anchor: A): void;
  markLeave(): void;
  cardEnter(): void;
  cardLeave(): void;
  /** Keep the card open until Escape or an outside press. */
  pin(): void;
  /** A button pressed down; `inCard` when on the card itself. */
  pointerDown(inCard: boolean): void;
  pointerUp(): void;
  /** Returns true when it closed something. */
  escape(): boolean;
  showNow(anchor: A, opts?: { pin?: boolean }): void;
  hideNow(reason?: HideReason): void;
  setShowDelay(ms: number): void;
  readonly state: IntentState;
  readonly anchor: A | null;
  destroy(): void;
}

export const HIDE_DELAY_MS = 300;

export function createIntent<A>(options: IntentOptions<A>, actions: IntentActions<A>): Intent<A> {
  let showDelayMs = options.showDelayMs;
  const hideDelayMs = options.hideDelayMs ?? HIDE_DELAY_MS;
  const same = options.same ?? ((a: A, b: A) => a === b);
  let visible: A | null = null;
  let pinned = false;
  let overCard = false;
  let selecting = false;
  let showTimer: ReturnType<typeof setTimeout> | undefined;
  let hideTimer: ReturnType<typeof setTimeout> | undefined;

  const cancelShow = () => {
    if (showTimer !== undefined) clearTimeout(showTimer);
    showTimer = undefined;
  };
  const cancelHide = () => {
    if (hideTimer !== undefined) clearTimeout(hideTimer);
    hideTimer = undefined;
  };
  const open = (anchor: A, pin: boolean) => {
    cancelShow();
    cancelHide();
    visible = anchor;
    pinned = pin;
    overCard = false;
    actions.show(anchor);
  };
  const close = (reason: HideReason) => {
    cancelShow();
    cancelHide();
    if (visible === null) return;
    visible = null;
    pinned = false;
    overCard = false;
    actions.hide(reason);
  };
  const hideLater = () => {
    if (visible === null || pinned || overCard) return;
    cancelHide();
    hideTimer = setTimeout(() => {
      hideTimer = undefined;
      close('leave');
    }, hideDelayMs);
  };

  return {
    markEnter(anchor) {
      if (selecting || pinned) return;
      cancelHide();
      if (visible !== null && same(visible, anchor)) {
        cancelShow();
        return;
      }
      cancelShow();
      showTimer = setTimeout(() => open(anchor, false), showDelayMs);
    },
    markLeave() {
      cancelShow();
      hideLater();
    },
    cardEnter() {
      overCard = true;
      cancelHide();
    },
    cardLeave() {
      overCard = false;
      hideLater();
    },
    pin() {
      if (visible === null) return;
      pinned = true;
      cancelShow();
      cancelHide();
    },
    pointerDown(inCard) {
      if (inCard) return;
      selecting = true;
      cancelShow();
      close('outside');
    },
    pointerUp() {
      selecting = false;
    },
    escape() {
      const wasOpen = visible !== null;
      close('escape');
      return wasOpen;
    },
    showNow(anchor, opts) {
      open(anchor, opts?.pin ?? false);
    },
    hideNow(reason = 'api') {
      close(reason);
    },
    setShowDelay(ms) {
      showDelayMs = ms;
    },
    get state(): IntentState {
      return visible === null ? 'closed' : pinned ? 'pinned' : 'open';
    },
    get anchor() {
      return visible;
    },
    destroy() {
      cancelShow();
      cancelHide();
      visible = null;
    },
  };
}
