// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import boardPapers from './src/integrations/board-papers.ts';

// BASE_PATH serves the site under a sub-path, e.g. BASE_PATH=/papers/ for https://example.org/papers/.
export default defineConfig({
  site: process.env.SITE_URL ?? 'https://papers.example.org',
  base: process.env.BASE_PATH ?? '/',
  outDir: process.env.OUT_DIR ?? 'dist',
  // 'jsx' (Astro 7's default) drops the whitespace between elements, which runs words together in
  // search excerpts ("DateTime"); true collapses whitespace but keeps a separator.
  compressHTML: true,
  srcDir: './src',
  publicDir: './public',
  integrations: [mdx(), sitemap(), boardPapers()],
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
