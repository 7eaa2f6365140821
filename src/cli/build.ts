/**
 * npm run build: builds into a staging folder and moves it into dist/ only when every step succeeded,
 * so a failed build never leaves a half-built site to publish.
 */
import { rm, rename } from 'node:fs/promises';
import { resolve } from 'node:path';
import { build } from 'astro';

const finalDir = resolve(process.env.OUT_DIR ?? 'dist');
const stagingDir = `${finalDir}.staging`;

await rm(stagingDir, { recursive: true, force: true });
try {
  await build({ outDir: stagingDir, logLevel: 'warn' });
} catch (error) {
  await rm(stagingDir, { recursive: true, force: true });
  console.error(error instanceof Error ? error.message : error);
  console.error('\nThe build failed; the site in dist/ was not changed.');
  process.exit(1);
}
await rm(finalDir, { recursive: true, force: true });
await rename(stagingDir, finalDir);
console.log(`Built the site into ${finalDir}`);
