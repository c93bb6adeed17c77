/**
 * Storage versions of the settings item. v1 (the first prototype) stored
 * `{ enabled: boolean, disabledSites: string[], hoverDelay?: number, underline?: boolean }`;
 * v2 is `Settings`. Migrations never throw: whatever they cannot read is left for
 * `sanitizeSettings` to repair.
 */
export const SETTINGS_VERSION = 2;

export function migrateV1ToV2(old: unknown): Record<string, unknown> {
  if (typeof old !== 'object' || old === null || Array.isArray(old)) return {};
  const v1 = old as Record<string, unknown>;
  // A v2 value stored without its version marker must not be "migrated" into defaults.
  if (!('enabled' in v1) && !('disabledSites' in v1) && ('mode' in v1 || 'siteModes' in v1)) return v1;
  const out: Record<string, unknown> = {};
  const enabled = v1.enabled !== false;
  out.mode = enabled ? 'auto' : 'off';
  const siteModes: Record<string, string> = {};
  // A site disabled while the extension was globally off is no exception: it stays off anyway.
  if (enabled && Array.isArray(v1.disabledSites)) {
    for (const site of v1.disabledSites) if (typeof site === 'string') siteModes[site] = 'off';
  }
  out.siteModes = siteModes;
  if (typeof v1.hoverDelay === 'number') out.hoverDelayMs = v1.hoverDelay;
  if (typeof v1.underline === 'boolean') out.markStyle = v1.underline ? 'underline' : 'background';
  return out;
}

export const settingsMigrations: Record<number, (old: unknown) => unknown> = {
  2: migrateV1ToV2,
};
