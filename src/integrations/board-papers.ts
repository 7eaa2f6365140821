/**
 * The build's own steps: the content check before Astro reads a file, and the Pagefind index after
 * the pages are written. Either failing fails the build. In the live preview (astro dev) the same
 * check runs whenever a content file is saved, and its problems show in the browser's error overlay.
 */
import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { copyFileInside } from '#lib/build/safe-write.ts';
import { dirname, isAbsolute, join, relative, sep } from 'node:path';
import { brokenLinks, type BrokenLink } from '#lib/check/link-check.ts';
import { contentSecurityPolicyText, findUnsafeMarkup, type UnsafeMarkup } from '#lib/build/output-safety.ts';
import { UNSAFE_CONTENT_WORDS, UnsafeContentError, findUnsafeContent, type UnsafeContent } from '#lib/text/safe-content.ts';
import { codeVersion, openDigestMemo, type DigestMemo } from '#lib/build/digest-memo.ts';
import { incrementalBuildsOn } from '#lib/build/build-cache.ts';
import { movedPageHtml, movedPages } from '#lib/outputs/moved-pages.ts';
import { publishedAttachments } from '#lib/check/attachments.ts';
import { contentDirectory } from '#lib/build/content-directory.ts';
import { buildArchive, type ArchiveInput } from '#lib/model/archive.ts';
import { todayInLondon } from '#lib/model/dates.ts';
import { withBase } from '#lib/model/routes.ts';
import * as pagefind from 'pagefind';
import { formatProblem, type Problem } from '#lib/check/check.ts';
import { checkProjectContent } from '#lib/check/read-content.ts';
import { overlayError, reportProblems } from '#lib/check/dev-problems.ts';
import { projectUnpublishedReferences } from '#lib/check/unpublished-references.ts';

export class ContentProblems extends Error {}

/**
 * Reads the built pages once: counts those to index, finds every broken internal link, and every
 * element the site did not intend (the output gate). With `gate`, a page the same as one the gate passed
 * in the last build (an incremental build copies most) is not judged again.
 */
async function inspectPages(dir: string, base: string, gate: DigestMemo<UnsafeMarkup[]> | undefined): Promise<{ indexable: number; broken: BrokenLink[]; unsafe: string[] }> {
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
    const judged = gate ? gate.judge(html, (page) => findUnsafeMarkup(page, base)) : findUnsafeMarkup(html, base);
    for (const markup of judged) unsafe.push(`${file}:${markup.line} ${markup.element} ${markup.message}`);
  }
  return { indexable, broken, unsafe };
}

/**
 * The code of the content check's judgement of a text, and of the output gate's of a page: each module
 * it runs, and the lockfile for every library they use (satteri, entities, htmlparser2), so that a changed
 * module or library version discards what was remembered.
 */
const source = (path: string) => new URL(path, import.meta.url);
const LIBRARIES = source('../../package-lock.json');
const JUDGE_VERSION = () => codeVersion([source('../lib/text/safe-content.ts'), LIBRARIES]);
const GATE_VERSION = (base: string) =>
  codeVersion([source('../lib/build/output-safety.ts'), source('../lib/text/safe-content.ts'), source('../lib/model/routes.ts'), source('../lib/model/agenda.ts'), LIBRARIES], [base]);

export default function boardPapers(): AstroIntegration {
  let root = '';
  let base = '/';
  /** where an incremental build keeps what it remembers (Astro's cacheDir); none when builds are not incremental */
  let memoDir: string | undefined;
  /** the checked content of this build, for the pages the build writes itself */
  let checked: ArchiveInput | undefined;
  return {
    name: 'board-papers',
    hooks: {
      'astro:config:setup': async ({ command, config, logger }) => {
        root = fileURLToPath(config.root);
        base = config.base.endsWith('/') ? config.base : `${config.base}/`;
        if (command !== 'build') return;
        memoDir = incrementalBuildsOn() ? fileURLToPath(config.cacheDir) : undefined;
        const judgements = memoDir ? openDigestMemo<UnsafeContent[]>(join(memoDir, 'content-judgements.json'), JUDGE_VERSION()) : undefined;
        const { problems, input } = await checkProjectContent(root, judgements && ((text) => judgements.judge(text, findUnsafeContent)));
        await judgements?.save();
        if (problems.length > 0) {
          throw new ContentProblems(
            `The content has ${problems.length} problem${problems.length === 1 ? '' : 's'}; nothing was built.\n${problems.map(formatProblem).join('\n')}`,
          );
        }
        checked = input;
        for (const warning of projectUnpublishedReferences(root, input, todayInLondon())) logger.warn(formatProblem(warning));
        const remembered = judgements ? `; ${judgements.counts().remembered} of ${judgements.counts().asked} texts judged by an earlier build` : '';
        logger.info(`content checked: ${input.meetings.length} meetings, ${input.papers.length} papers, ${input.decisions.length} decisions${remembered}`);
      },
      'astro:server:setup': ({ server, logger }) => {
        const contentDir = contentDirectory(root);
        /** the problems the overlay shows now; none while the content passes */
        let shown: Problem[] = [];
        let latest = 0;
        let timer: ReturnType<typeof setTimeout> | undefined;
        // Sent through server.ws.send, which Astro wraps to escape the message for its overlay. Only to pages
        // that are open: Vite would keep an error sent to none for the next page to connect, even once the
        // problems are fixed; a page that connects is shown the problems then.
        const showProblems = () => {
          if ([...server.ws.clients].some((client) => client.socket.readyState === client.socket.OPEN)) {
            server.ws.send({ type: 'error', err: overlayError(shown) });
          }
        };
        const check = async () => {
          const run = ++latest;
          let problems: Problem[];
          try {
            ({ problems } = await checkProjectContent(root));
          } catch (error) {
            // nothing thrown here may stop the preview
            problems = [{ file: relative(root, contentDir) || '.', message: `could not be checked: ${error instanceof Error ? error.message : String(error)}` }];
          }
          // a later save has started a newer check
          if (run !== latest) return;
          if (problems.length > 0) {
            shown = problems;
            logger.error(`${reportProblems(problems).title}\n${problems.map(formatProblem).join('\n')}`);
            showProblems();
          } else if (shown.length > 0) {
            shown = [];
            logger.info('content checked: no problems');
            server.ws.send({ type: 'full-reload' });
          }
        };
        // one save can fire several events (an editor writes, renames, touches): one check for them all
        const schedule = () => {
          clearTimeout(timer);
          timer = setTimeout(() => void check(), 100);
        };
        server.watcher.add(contentDir);
        server.watcher.on('all', (_event, path) => {
          const inside = relative(contentDir, path);
          if (!inside.startsWith('..') && !isAbsolute(inside)) schedule();
        });
        // While the content has problems they are what the overlay shows: an error Astro meets rendering
        // a page of that content (it is in the terminal) would replace them with one about Astro's code.
        const send = server.ws.send;
        server.ws.send = function (this: unknown, ...args: unknown[]) {
          const payload = args[0] as { type?: string; err?: { plugin?: string; name?: string; message?: string } };
          if (shown.length > 0 && payload.type === 'error' && payload.err?.plugin !== 'board-papers') return showProblems();
          // A page that refused a text reports it after a moment (Astro prepares the report on its own time):
          // once the check passes, such a report is of a text since fixed, and the check judges texts the
          // same way, so it is not shown.
          if (shown.length === 0 && payload.type === 'error' && (payload.err?.name === UnsafeContentError.name || payload.err?.message?.includes(UNSAFE_CONTENT_WORDS))) return;
          return (send as (...args: unknown[]) => void).apply(this, args);
        } as typeof send;
        // A page opened or reloaded later starts without the overlay: show it again to every page.
        server.ws.on('vite:client:connect', () => {
          if (shown.length > 0) showProblems();
        });
        // problems already in the content when the preview starts
        schedule();
      },
      'astro:build:done': async ({ dir, logger }) => {
        const outDir = fileURLToPath(dir);
        // A moved paper's former addresses lead to it: written before the gate and the link check read the pages.
        if (checked) {
          const archive = buildArchive(checked, todayInLondon());
          // the originals of published documents, served beside their meeting's pages
          const contentDir = contentDirectory(root);
          // copied through the one guard: from inside content/ to inside the output, by the one rule for names
          for (const attachment of publishedAttachments(archive)) copyFileInside(contentDir, attachment.file, outDir, attachment.path);
          for (const page of movedPages(archive)) {
            const file = join(outDir, page.from, 'index.html');
            if (existsSync(file)) throw new Error(`${page.from} is a former address of ${page.to} but also a page of the site; nothing was published.`);
            await mkdir(dirname(file), { recursive: true });
            await writeFile(file, movedPageHtml(page, (path) => withBase(base, path), contentSecurityPolicyText()));
          }
        }
        const gate = memoDir ? openDigestMemo<UnsafeMarkup[]>(join(memoDir, 'output-gate.json'), GATE_VERSION(base)) : undefined;
        const { indexable: expected, broken, unsafe } = await inspectPages(outDir, base, gate);
        await gate?.save();
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
