/**
 * Builds the extension into a private folder for this suite's runs, so it never overwrites the
 * shared .output/ while other engineers test against it:
 *   npx wxt build -c tests/e2e/support-cards/wxt-build.config.ts   (then NK_EXT_DIR=$NK_H11_OUT)
 */
import path from 'node:path';
import base from '../../../wxt.config';

const outDir = process.env.NK_H11_OUT ?? path.join(process.env.TMPDIR ?? '/tmp', 'nk-h11-build');

export default { ...base, root: path.resolve(import.meta.dirname, '../../..'), outDir };
