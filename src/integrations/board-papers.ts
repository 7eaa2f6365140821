/**
 * The build's own steps: the content check before Astro reads a file, and the Pagefind index after
 * the pages are written. Either failing fails the build.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { formatProblem } from '../lib/check.ts';
import { checkProjectContent } from '../lib/read-content.ts';

export class ContentProblems extends Error {}

async function countIndexablePages(dir: string): Promise<number> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  let count = 0;
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const { readFile } = await import('node:fs/promises');
    const html = await readFile(join(entry.parentPath, entry.name), 'utf8');
    if (html.includes('data-pagefind-body')) count++;
  }
  return count;
}

export default function boardPapers(): AstroIntegration {
  let root = '';
  return {
    name: 'board-papers',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        root = fileURLToPath(config.root);
        if (command !== 'build') return;
        const { problems, input } = await checkProjectContent(root);
        if (problems.length > 0) {
          throw new ContentProblems(
            `The content has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was built.\n${problems.map(formatProblem).join('\n')}`,
          );
        }
        logger.info(`content checked: ${input.meetings.length} meetings, ${input.papers.length} papers, ${input.decisions.length} decisions`);
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        const expected = await countIndexablePages(outDir);
        const { index, errors } = await pagefind.createIndex({});
        if (!index || errors.length) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
        const added = await index.addDirectory({ path: outDir });
        if (added.errors.length) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
        if (added.page_count < expected) {
          throw new Error(`Pagefind indexed ${added.page_count} pages but the site has ${expected} searchable pages`);
        }
        const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
        if (written.errors.length) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
        await pagefind.close();
        logger.info(`search index: ${added.page_count} pages`);
      },
    },
  };
}
