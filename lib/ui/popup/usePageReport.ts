/**
 * The active tab's page report, polled while the page is still being scanned or while an action
 * the reader took ("Annotate anyway", a site mode) has not yet shown in the report.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PageReport } from '../../messaging/protocol';
import { isScriptableUrl, type ViewStatus } from '../page-view';
import type { PopupApi } from './api';

export interface PageReportState {
  status: ViewStatus;
  report: PageReport | null;
  /** Fetch again; with `awaitChangeFrom`, keep polling a while until the status leaves that value. */
  refresh(awaitChangeFrom?: ViewStatus): void;
  /** Show a status at once (e.g. pending after "Annotate anyway") before the report confirms it. */
  assume(status: ViewStatus): void;
}

const MAX_PENDING_POLLS = 20;
const MAX_CHANGE_POLLS = 8;
const SILENT_POLLS = 5;

export function usePageReport(api: PopupApi, tabId: number | null, pollMs: number): PageReportState {
  const [status, setStatus] = useState<ViewStatus>(tabId === null ? 'unavailable' : 'pending');
  const [report, setReport] = useState<PageReport | null>(null);
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  function load(awaitChangeFrom: ViewStatus | undefined, attempt: number): void {
    clearTimeout(timer.current);
    if (tabId === null) {
      setStatus('unavailable');
      return;
    }
    const mine = ++seq.current;
    api.pageReport(tabId).then(
      (r) => {
        if (mine !== seq.current) return;
        const scriptable = r.url === '' || isScriptableUrl(r.url);
        let next: ViewStatus = scriptable ? r.status : 'unavailable';
        const waiting = next === 'pending' || (awaitChangeFrom !== undefined && next === awaitChangeFrom);
        const limit = next === 'pending' ? MAX_PENDING_POLLS : MAX_CHANGE_POLLS;
        if (waiting && attempt < limit) {
          timer.current = setTimeout(() => load(awaitChangeFrom, attempt + 1), pollMs);
        }
        // The worker has not heard from this tab for a while: most likely no content script can
        // run there (browser pages). Say so, but keep listening in case the page was just slow.
        if (next === 'pending' && r.url === '' && attempt >= SILENT_POLLS) next = 'unavailable';
        setReport(r);
        // Keep showing the assumed status while an action is still on its way to the page.
        if (!(waiting && awaitChangeFrom !== undefined && attempt < limit && next !== 'unavailable')) setStatus(next);
      },
      () => {
        if (mine !== seq.current) return;
        setStatus('unavailable');
      },
    );
  }

  useEffect(() => {
    load(undefined, 0);
    return () => {
      seq.current++;
      clearTimeout(timer.current);
    };
  }, [api, tabId]);

  return {
    status,
    report,
    refresh: (awaitChangeFrom) => load(awaitChangeFrom, 0),
    assume: setStatus,
  };
}
