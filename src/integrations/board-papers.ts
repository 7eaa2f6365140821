/**
 * The build's own steps: the content check before Astro reads a file, and the Pagefind index after
 * the pages are written. Either failing fails the build.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { brokenLinks, type BrokenLink } from '../lib/link-check.ts';
import { findUnsafeMarkup } from '../lib/output-safety.ts';
import * as pagefind from 'pagefind';
import { formatProblem } from '../lib/check.ts';
import { checkProjectContent } from '../lib/read-content.ts';

export class ContentProblems extends Error {}

/**
 * Reads the built pages once: counts those to index, finds every broken internal link, and every
 * element the site did not intend (the output gate).
 */
async function inspectPages(dir: string, base: string): Promise<{ indexable: number; broken: BrokenLink[]; unsafe: string[] }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = new Set(entries.filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/')));
  let indexable = 0;
  const broken: BrokenLink[] = [];
  const unsafe: string[] = [];
  for (const file of files) {
    if (!file.endsWith('.html')) continue;
    const html = await readFile(join(dir, file), 'utf8');
    if (html.includes('data-pagefind-body')) indexable++;
    broken.push(...brokenLinks(file, html, base, (path) => files.has(path)));
    for (const markup of findUnsafeMarkup(html, base)) unsafe.push(`${file}:${markup.line} ${markup.element} ${markup.message}`);
  }
  return { indexable, broken, unsafe };
}

export default function boardPapers(): AstroIntegration {
  let root = '';
  let base = '/';
  return {
    name: 'board-papers',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        root = fileURLToPath(config.root);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
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
        const { indexable: expected, broken, unsafe } = await inspectPages(outDir, base);
        if (unsafe.length > 0) {
          throw new Error(`${unsafe.length} element${unsafe.length === 1 ? '' : 's'} in the built pages the site did not intend; nothing was published.\n${unsafe.join('\n')}`);
        }
        if (broken.length > 0) {
          throw new Error(
            `${broken.length} internal link${broken.length === 1 ? '' : 's'} lead to no page; nothing was published.\n` +
              broken.map((link) => `${link.page}: links to ${link.href}, which does not exist`).join('\n'),
          );
        }
        // The benchmark times the search index on its own (npm run bench); nothing else skips it.
        if (process.env.SEARCH_INDEX === 'skip') return;
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
