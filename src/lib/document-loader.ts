/**
 * The loader of the documents with a text (meetings, papers, minutes, decisions): Astro's glob loader,
 * reading each .mdx file as data and text only. With @astrojs/mdx's own entry type, the glob loader would
 * make every file a module for the bundler to compile; here no file ever becomes code. The text is
 * rendered to HTML by the page that shows it (src/components/DocumentText.astro, src/lib/content-html.ts),
 * so a build renders only the texts of the pages it does not copy from the last build.
 */
import { fileURLToPath } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';

/** What Astro's glob loader reads a file with (its context's entry types, by extension). */
interface EntryType {
  extensions: string[];
  getEntryInfo(params: { fileUrl: URL; contents: string }): { data: Record<string, unknown>; body: string };
}

/**
 * An .mdx file as data and text: the frontmatter read as @astrojs/mdx reads it, and the text with the
 * frontmatter blanked, so that a line of the text is the same line of the file (for the renderer's
 * messages). Without a render function or a module, the glob loader keeps both in the content store.
 */
const TEXT_ONLY: EntryType = {
  extensions: ['.mdx'],
  getEntryInfo({ fileUrl, contents }) {
    try {
      const { frontmatter, content } = parseFrontmatter(contents, { frontmatter: 'empty-with-spaces' });
      return { data: frontmatter, body: content };
    } catch (error) {
      // the content check, which runs first, names a frontmatter mistake by file, line and field
      throw new Error(`${fileURLToPath(fileUrl)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  },
};

/** The glob loader `files`, reading .mdx files as data and text. */
export function documentTexts(files: Loader): Loader {
  return {
    name: 'board-papers-documents',
    load: (context) => files.load({ ...context, entryTypes: new Map([['.mdx', TEXT_ONLY]]) } as LoaderContext),
  };
}
