/**
 * The search page's query planning (src/lib/outputs/search-query.ts) as a JavaScript module for the
 * browser: the same pure functions the unit tests run, with their types removed by esbuild.
 * public/search.js imports it.
 */
import { transform } from 'esbuild';
import source from '#lib/outputs/search-query.ts?raw';

export async function GET(): Promise<Response> {
  const { code } = await transform(source, { loader: 'ts', format: 'esm', target: 'es2022' });
  return new Response(code, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
}
