import { browser } from 'wxt/browser';
import type {
  CardData,
} from '../knowledge/types';
import { isErrorReply } from './protocol';
import type {
  ContentScanMessage,
  ContentScanResponse,
  PageReport,
  RequestMessage,
  Reply,
  SearchHit,
} from './protocol';

/** What each request answers. */
export interface ResponseOf {
  'content:scan': ContentScanResponse;
  'content:cleared': null;
  'content:get-card': CardData | null;
  'popup:get-card': CardData | null;
  'content:open-lookup': null;
  'popup:search': SearchHit[];
  'popup:take-pending-lookup': string | null;
  'page-report': PageReport;
  'popup:annotate-anyway': null;
  'popup:show-on-page': boolean;
}

export class MessageError extends Error {
  /** `reply`: the worker answered with an error (retrying won't help); `no-answer`: nobody answered. */
  constructor(message: string, readonly kind: 'reply' | 'no-answer') {
    super(message);
  }
}

/** Send a request to the background worker and unwrap its reply; throws `MessageError` on an error reply. */
export async function send<M extends RequestMessage>(message: M): Promise<ResponseOf[M['type']]> {
  const reply = (await browser.runtime.sendMessage(message)) as Reply<ResponseOf[M['type']]> | undefined;
  if (reply === undefined) throw new MessageError('No answer from the background worker', 'no-answer');
  if (isErrorReply(reply)) throw new MessageError(reply.error, 'reply');
  return reply;
}

export type { ContentScanMessage };
