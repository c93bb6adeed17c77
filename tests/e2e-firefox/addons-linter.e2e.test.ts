/**
 * Mozilla's addons-linter (what addons.mozilla.org runs on upload) on the Firefox build: no error
 * and no warning, so the store review has nothing to flag.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';
import { ROOT } from './support/build';

interface LintMessage {
  code: string;
  message: string;
  file?: string;
  line?: number;
}
interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
}

const run = promisify(execFile);

describe('the Firefox manifest', () => {
  it('asks for storage and contextMenus only, and lets no web page in', () => {
    const manifest = JSON.parse(readFileSync(path.join(inject('firefoxExtensionDir'), 'manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.manifest_version).toBe(2);
    // In MV2, host patterns in "permissions" would be host permissions: there must be none.
    expect(manifest.permissions).toEqual(['storage', 'contextMenus']);
    for (const key of ['optional_permissions', 'externally_connectable', 'web_accessible_resources', 'content_security_policy']) {
      expect(manifest, key).not.toHaveProperty(key);
    }
    const gecko = (manifest.browser_specific_settings as { gecko?: Record<string, unknown> } | undefined)?.gecko;
    expect(gecko?.id).toBeTruthy();
    expect(gecko?.data_collection_permissions).toEqual({ required: ['none'] });
  });
});

describe('addons-linter on the Firefox build', () => {
  it('reports no error and no warning', async () => {
    const bin = path.join(ROOT, 'node_modules', '.bin', 'addons-linter');
    const { stdout } = await run(bin, [inject('firefoxExtensionDir'), '--output', 'json'], { maxBuffer: 16 << 20 }).catch(
      // The linter exits non-zero when it finds errors; its JSON is still on stdout.
      (e: { stdout?: string }) => ({ stdout: e.stdout ?? '' }),
    );
    const report = JSON.parse(stdout) as LintReport;
    const describe = (m: LintMessage) => `${m.code} ${m.file ?? ''}${m.line ? `:${m.line}` : ''} ${m.message}`;
    expect([...report.errors, ...report.warnings].map(describe)).toEqual([]);
    expect(report.summary.errors + report.summary.warnings).toBe(0);
  }, 90_000);
});
