/** Splitting a content file into frontmatter and text, keeping line numbers for error messages. */
import { LineCounter, parseDocument, isMap, type Document } from 'yaml';

export interface ParsedFile {
  /** The frontmatter (or the whole YAML file) as plain data; dates stay text. */
  data: unknown;
  /** The text after the frontmatter ('' for a YAML file). */
  body: string;
  /** The line of the file on which the body starts (1-based). */
  bodyLine: number;
  /** The line of a field, by its path, where it can be known. */
  lineOf: (path: readonly (string | number)[]) => number | undefined;
}

export class SyntaxProblem extends Error {
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(message);
    this.line = line;
  }
}

const FRONTMATTER = /^---[ \t]*\r?\n([\s\S]*?)\r?\n?---[ \t]*(?:\r?\n|$)/;

function parseYaml(text: string, firstLine: number): Omit<ParsedFile, 'body' | 'bodyLine'> {
  const lineCounter = new LineCounter();
  // The core schema keeps 2019-02-31 as text, so impossible dates reach our own check.
  const document: Document = parseDocument(text, { lineCounter, schema: 'core', prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    const line = lineCounter.linePos(error.pos[0]).line + firstLine - 1;
    throw new SyntaxProblem(`the YAML cannot be read: ${error.message.split('\n')[0]}`, line);
  }
  return {
    data: document.toJS() ?? {},
    lineOf(path) {
      for (let depth = path.length; depth > 0; depth--) {
        const node = document.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined;
        const start = node?.range?.[0];
        if (start !== undefined) return lineCounter.linePos(start).line + firstLine - 1;
        // a key whose value is null has no node: find the key itself
        const parent = depth > 1 ? document.getIn(path.slice(0, depth - 1), true) : document.contents;
        if (isMap(parent)) {
          const pair = parent.items.find((item) => (item.key as { value?: unknown })?.value === path[depth - 1]);
          const keyStart = (pair?.key as { range?: [number] } | undefined)?.range?.[0];
          if (keyStart !== undefined) return lineCounter.linePos(keyStart).line + firstLine - 1;
        }
      }
      return undefined;
    },
  };
}

/** Reads a Markdown/MDX file with a frontmatter block. */
export function parseFrontmatterFile(source: string): ParsedFile {
  if (source.trim() === '') throw new SyntaxProblem('the file is empty; it needs a frontmatter block between two --- lines', 1);
  const match = FRONTMATTER.exec(source);
  if (!match) throw new SyntaxProblem('the file does not start with a frontmatter block between two --- lines', 1);
  const yaml = parseYaml(match[1] ?? '', 2);
  const bodyLine = match[0].split('\n').length;
  return { ...yaml, body: source.slice(match[0].length), bodyLine };
}

/** Reads a whole YAML file. */
export function parseYamlFile(source: string): ParsedFile {
  if (source.trim() === '') throw new SyntaxProblem('the file is empty', 1);
  return { ...parseYaml(source, 1), body: '', bodyLine: 1 };
}
