/**
 * What the popup needs from the outside world. entrypoints/popup/main.tsx wires it to the
 * background worker and settings; tests pass fakes.
 */
import type { CardData } from '../../knowledge/types';
import type { PageReport, SearchHit, SiteMode } from '../../messaging/protocol';
import type { ThemeChoice } from '../theme';

export interface PopupApi {
  search(query: string): Promise<SearchHit[]>;
  getCard(id: string): Promise<CardData | null>;
  pageReport(tabId: number): Promise<PageReport>;
  annotateAnyway(tabId: number): Promise<unknown>;
  showOnPage(tabId: number, id: string): Promise<unknown>;
  /** The query the context menu left for the popup, consumed once. */
  takePendingLookup(): Promise<string | null>;
  /** The effective mode for a host (its override, else the global default). */
  getSiteMode(host: string): Promise<SiteMode>;
  setSiteMode(host: string, mode: SiteMode): Promise<void>;
  openOptions(): void | Promise<void>;
  /** The theme setting; omitted follows the OS. */
  getTheme?(): Promise<ThemeChoice>;
}
