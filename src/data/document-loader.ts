/**
 * The loader of the documents with a text (meetings, papers, minutes, decisions): Astro's glob loader,
 * keeping each .mdx file's frontmatter only. With @astrojs/mdx's own entry type, the glob loader would
 * make every file a module for the bundler to compile; here no file ever becomes code. The text stays in
 * its file: it is read by the archive (src/data/archive.ts) and rendered to HTML by the page that shows
 * it (src/lib/text/content-html.ts), so a build renders only the texts of the pages it does not copy from
 * the last build, and the content store the bundler reads stays small.
 */
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';

/** What Astro's glob loader reads a file with (its context's entry types, by extension). */
interface EntryType {
  extensions: string[];
  getEntryInfo(params: { fileUrl: URL; contents: string }): { data: Record<string, unknown> };
}

/**
 * An .mdx file as data: its frontmatter, read as @astrojs/mdx reads it. Without a render function or a
 * module, the glob loader keeps the data (and, with `retainBody: false`, no text) in the content store.
 */
const FRONTMATTER_ONLY: EntryType = {
  extensions: ['.mdx'],
  getEntryInfo({ fileUrl, contents }) {
    try {
      return { data: parseFrontmatter(contents).frontmatter };
    } catch (error) {
      // the content check, which runs first, names a frontmatter mistake by file, line and field
      throw new Error(`${fileURLToPath(fileUrl)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  },
};

/** The glob loader `files`, reading .mdx files as data. */
export function documentFrontmatter(files: Loader): Loader {
  return {
    name: 'board-papers-documents',
    load: (context) => files.load({ ...context, entryTypes: new Map([['.mdx', FRONTMATTER_ONLY]]) } as LoaderContext),
  };
}

/** How Astro's glob loader warns of a pattern that matches no file. */
const NO_FILES_WARNING = 'No files found matching';

/**
 * The glob loader `files`, without its warning that a kind has no files: an office may have no forward
 * plans or decisions yet, and a warning on every build that staff can do nothing about teaches them to
 * ignore warnings. A file in the wrong place is the content check's to name. Every other warning is kept.
 */
export function quietWhenEmpty(files: Loader): Loader {
  return {
    name: files.name,
    load: (context) => {
      const logger = Object.create(context.logger) as LoaderContext['logger'];
      logger.warn = (message: string) => {
        if (!message.startsWith(NO_FILES_WARNING)) context.logger.warn(message);
      };
      return files.load({ ...context, logger });
    },
  };
}
