/** The type check (`npm run typecheck`, astro check) of src/, tests/ and tools/, .astro files included: run as a test so that it runs beside the others. */
import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';
import { projectRoot } from './support/site.ts';

it('finds no type error', () => {
  // Vitest's own variables (VITEST…, NODE_ENV=test, Vite's BASE_URL, MODE…) are not astro check's
  const { BASE_URL: _base, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, NODE_ENV: _nodeEnv, ...inherited } = process.env;
  const environment = Object.fromEntries(Object.entries(inherited).filter(([name]) => !name.startsWith('VITEST')));
  const result = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'check'], { cwd: projectRoot, env: { ...environment, ASTRO_TELEMETRY_DISABLED: '1' }, encoding: 'utf8' });
  const output = `${result.stdout}\n${result.stderr}`;
  expect(result.status, output).toBe(0);
  expect(output).toMatch(/- 0 errors/);
}, 300_000);
