// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { satteri } from '@astrojs/markdown-satteri';
import boardPapers from './src/integrations/board-papers.ts';
import { CONTENT_FEATURES, safeContentPlugin, tableAlignmentClasses } from './src/lib/safe-content.ts';
import { CONTENT_SECURITY_POLICY } from './src/lib/output-safety.ts';
import { buildCacheDirectory } from './src/lib/build-cache.ts';

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
  // Content compiles only within the safe subset: the plugin refuses anything else inside the compiler
  // (see "Safe MDX" in README.md). MDX inherits this processor.
  // Code blocks are shown plain: Shiki's highlighting writes inline styles, which the policy refuses.
  markdown: {
    syntaxHighlight: false,
    processor: satteri({ mdastPlugins: [safeContentPlugin], hastPlugins: [tableAlignmentClasses], features: CONTENT_FEATURES }),
  },
  // A Content-Security-Policy on every page, with hashes of the site's own scripts and styles.
  security: { csp: CONTENT_SECURITY_POLICY },
  integrations: [mdx(), sitemap(), boardPapers()],
  // A page whose code and cacheKey (src/lib/page-keys.ts) are unchanged is copied from the last build
  // instead of being rendered; npm run build checks the cache first (src/lib/build-cache.ts).
  // INCREMENTAL_BUILD=0 builds as before it: no page copied, none kept (the benchmark compares the two).
  experimental: { incrementalBuild: process.env.INCREMENTAL_BUILD !== '0' },
  vite: {
    build: {
      rolldownOptions: {
        // Every .mdx module carries Astro's "use astro:head-inject" directive, and the bundler warns
        // once per file that it may not keep it. Astro handles it; one line per paper buries real warnings.
        onLog(level, log, handler) {
          if (log.code === 'MODULE_LEVEL_DIRECTIVE' && log.message.includes('astro:head-inject')) return;
          handler(level, log);
        },
      },
    },
  },
});
