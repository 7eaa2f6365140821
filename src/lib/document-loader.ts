/**
 * The loader of the documents with a text (meetings, papers, minutes, decisions): Astro's glob loader,
 * with each file's text rendered to HTML when it is loaded (src/lib/content-html.ts) instead of being
 * compiled as an MDX module by the bundler. The HTML is kept in Astro's content store with the file's
 * digest, so a file whose text is unchanged is not rendered again by the next build.
 *
 * Content that may not be published stops the build here, naming each file and line, and is left out
 * of the store, so that the next build judges it again.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { relative } from 'node:path';
import type { Loader, LoaderContext } from 'astro/loaders';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { contentHtml } from './content-html.ts';
import { digestOf } from './page-keys.ts';
import { UnsafeContentError } from './safe-content.ts';

/** The entry type Astro's glob loader reads a file with: what @astrojs/mdx gives, minus its module. */
interface EntryType {
  extensions: string[];
  getEntryInfo(params: { fileUrl: URL; contents: string }): unknown;
  getRenderFunction?(config: unknown): Promise<(entry: { id: string; filePath?: string }) => Promise<{ html: string }>>;
}

/**
 * What the HTML is made by: the renderer's own source and the versions of the parser and the writer.
 * When it changes, every document is rendered again; the store's digests are of the files alone.
 */
function rendererVersion(): string {
  // a file that cannot be read gives a version never seen before: every document is rendered again
  const read = (url: URL) => {
    try {
      return readFileSync(url, 'utf8');
    } catch {
      return `unreadable ${Math.random()}`;
    }
  };
  const packageFile = (name: string) => new URL(`../../node_modules/${name}/package.json`, import.meta.url);
  return digestOf([
    read(new URL('./content-html.ts', import.meta.url)),
    read(new URL('./safe-content.ts', import.meta.url)),
    read(packageFile('satteri')),
    read(packageFile('hast-util-to-html')),
  ]);
}

/** The glob loader `files`, rendering each document's text as it is loaded. */
export function renderedDocuments(files: Loader): Loader {
  return {
    name: 'board-papers-documents',
    async load(context) {
      const entryTypes = (context as LoaderContext & { entryTypes?: Map<string, EntryType> }).entryTypes;
      const mdx = entryTypes?.get('.mdx');
      if (!mdx) throw new Error('board-papers: .mdx files need the @astrojs/mdx integration in astro.config.mjs');
      const version = rendererVersion();
      if (context.meta.get('renderer') !== version) context.store.clear();

      // A file's text as the renderer reads it: the frontmatter blanked, so that lines are the file's.
      const textByFile = new Map<string, string>();
      // The glob loader logs a render's error and goes on; these stop the build once all files are read.
      const refused: { id: string; message: string }[] = [];
      const rendering: EntryType = {
        extensions: ['.mdx'],
        getEntryInfo({ fileUrl, contents }) {
          textByFile.set(fileURLToPath(fileUrl), parseFrontmatter(contents, { frontmatter: 'empty-with-spaces' }).content);
          return mdx.getEntryInfo({ fileUrl, contents });
        },
        async getRenderFunction() {
          return async ({ id, filePath }) => {
            const text = textByFile.get(filePath!) ?? '';
            textByFile.delete(filePath!);
            const file = relative(fileURLToPath(context.config.root), filePath!);
            try {
              return { html: contentHtml(text, file) };
            } catch (error) {
              refused.push({ id, message: error instanceof UnsafeContentError ? error.message : `${file} could not be rendered: ${error instanceof Error ? error.message : String(error)}` });
              throw error;
            }
          };
        },
      };
      await files.load({ ...context, entryTypes: new Map([['.mdx', rendering]]) } as LoaderContext);
      if (refused.length > 0) {
        for (const { id } of refused) context.store.delete(id);
        throw new Error(refused.map(({ message }) => message).join('\n\n'));
      }
      context.meta.set('renderer', version);
    },
  };
}
