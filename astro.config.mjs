// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import boardPapers from './src/integrations/board-papers.ts';
import { CONTENT_SECURITY_POLICY } from '#lib/build/output-safety.ts';
import { buildCacheDirectory, incrementalBuildsOn } from '#lib/build/build-cache.ts';

// Astro's content store and the incremental build's pages remember the files of the last build; an archive
// built from another folder (CONTENT_DIR, as the tests do) keeps a cache of its own.
const cacheDir = `./${buildCacheDirectory(process.cwd(), process.env.CONTENT_DIR ?? 'content')}`;

// BASE_PATH serves the site under a sub-path, e.g. BASE_PATH=/papers/ for https://example.org/papers/.
export default defineConfig({
  site: process.env.SITE_URL ?? 'https://papers.example.org',
  base: process.env.BASE_PATH ?? '/',
  outDir: process.env.OUT_DIR ?? 'dist',
  // 'jsx' (Astro 7's default) drops the whitespace between elements, which runs words together in
  // search excerpts ("DateTime"); true collapses whitespace but keeps a separator.
  compressHTML: true,
  srcDir: './src',
  cacheDir,
  publicDir: './public',
  // A Content-Security-Policy on every page, with hashes of the site's own scripts and styles.
  security: { csp: CONTENT_SECURITY_POLICY },
  // Astro's Markdown pipeline renders nothing of the site's (see below); its code highlighting is off so that
  // it never writes the inline styles the policy refuses.
  markdown: { syntaxHighlight: false },
  // .mdx files are content by @astrojs/mdx; the site's loader keeps each one's frontmatter
  // (src/data/document-loader.ts), and the page that shows its text reads it from the file and renders it
  // to HTML, never compiling it to a module: see docs/developing/trust-boundary.md.
  integrations: [mdx(), sitemap(), boardPapers()],
  // A page whose code and cacheKey (src/lib/build/page-keys.ts) are unchanged is copied from the last build
  // instead of being rendered; npm run build checks the cache first (src/lib/build/build-cache.ts).
  // INCREMENTAL_BUILD=0 builds as before it: no page copied, none kept (the benchmark compares the two).
  experimental: { incrementalBuild: incrementalBuildsOn() },
});
