/**
 * Splitting a content file into frontmatter and text, keeping line numbers for error messages.
 *
 * Astro decides where the frontmatter ends and reads it with js-yaml; the check reads it with `yaml`,
 * which knows the line of every field. A file that the two could read differently is refused, so what
 * the check judges is what the site builds.
 */
import { LineCounter, parseDocument, isMap, type Document } from 'yaml';
import { load as loadAsAstroDoes } from 'js-yaml';
import { extractFrontmatter, parseFrontmatter as splitAsAstroDoes } from '@astrojs/internal-helpers/frontmatter';

export interface ParsedFile {
  /** The frontmatter (or the whole YAML file) as plain data; dates stay text. */
  data: unknown;
  /** The text after the frontmatter ('' for a YAML file). */
  body: string;
  /** The line of the file on which the body starts (1-based). */
  bodyLine: number;
  /**
   * The text exactly as the renderer receives it (documentText): the whole file with the frontmatter
   * blanked to spaces, so its lines are the file's lines ('' for a YAML file).
   */
  renderedText: string;
  /** The line of a field's value (or, with `atKey`, of its name), by its path, where it can be known. */
  lineOf: (path: readonly (string | number)[], atKey?: boolean) => number | undefined;
}

export class SyntaxProblem extends Error {
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(message);
    this.line = line;
  }
}

/** A YAML value as js-yaml gives it equals the value `yaml` gives, dates aside (js-yaml makes Date objects). */
function sameValue(astro: unknown, ours: unknown): boolean {
  if (astro instanceof Date) {
    return typeof ours === 'string' && (ours.trim() === astro.toISOString().slice(0, 10) || Date.parse(ours) === astro.getTime());
  }
  if (Array.isArray(astro)) return Array.isArray(ours) && astro.length === ours.length && astro.every((value, index) => sameValue(value, ours[index]));
  if (astro !== null && typeof astro === 'object') {
    if (ours === null || typeof ours !== 'object' || Array.isArray(ours)) return false;
    const keys = Object.keys(astro);
    return keys.length === Object.keys(ours).length && keys.every((key) => Object.hasOwn(ours, key) && sameValue((astro as Record<string, unknown>)[key], (ours as Record<string, unknown>)[key]));
  }
  return Object.is(astro, ours);
}

/** The first place where the two readings differ, as a path, for the error's line. */
function firstDifference(astro: unknown, ours: unknown, path: (string | number)[] = []): (string | number)[] {
  if (astro !== null && typeof astro === 'object' && !(astro instanceof Date) && ours !== null && typeof ours === 'object') {
    const onlyOurs = Object.keys(ours).find((key) => !Object.hasOwn(astro, key));
    if (onlyOurs !== undefined) return [...path, Array.isArray(ours) ? Number(onlyOurs) : onlyOurs];
    for (const key of Object.keys(astro)) {
      const step = Array.isArray(astro) ? Number(key) : key;
      const here = (astro as Record<string, unknown>)[key];
      const there = (ours as Record<string, unknown>)[key];
      if (!sameValue(here, there)) return firstDifference(here, there, [...path, step]);
    }
  }
  return path;
}

/** The YAML reader's error, in plain words with the fix: staff never see parser jargon. */
export function plainYamlError(code: string, message: string): string {
  const indentation = 'this line is indented differently from the lines around it; line it up with the other fields at its level (two spaces for each level), or put a long text in quotes on one line';
  switch (code) {
    case 'BAD_INDENT':
    case 'MULTILINE_IMPLICIT_KEY':
      return indentation;
    case 'BLOCK_AS_IMPLICIT_KEY':
      return 'this value holds a colon followed by a space, or the next line is indented under it; put the value in double quotes, or line the next line up with this one';
    case 'TAB_AS_INDENT':
      return 'this line is indented with a tab; indent with spaces, two for each level';
    case 'DUPLICATE_KEY':
      return 'this field is written twice; keep one of them';
    case 'MISSING_CHAR':
      return /quote|\]|\}|flow/i.test(message) ? 'a quotation mark or bracket opened on this line or above is never closed; close it, or write the text without it' : indentation;
    case 'BAD_SCALAR_START':
      return 'this value starts with a character that has a meaning of its own in the frontmatter; put the whole value in double quotes';
    case 'MULTIPLE_DOCS':
      return 'a line of three dashes (---) here ends the block early; delete it, or put text that starts with --- in quotes';
    case 'TAG_RESOLVE_FAILED':
      return 'a value here starts with !, which has a meaning of its own in the frontmatter; put the whole value in double quotes';
    default:
      return `this line cannot be read as "field: value" (${message.split('\n')[0]}); check its indentation and its colon, and put text that holds a colon or a # in double quotes`;
  }
}

function parseYaml(text: string, firstLine: number, astroData: () => unknown): Omit<ParsedFile, 'body' | 'bodyLine' | 'renderedText'> {
  const lineCounter = new LineCounter();
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  // The core schema keeps 2019-02-31 as text, so impossible dates reach our own check.
  const document: Document = parseDocument(text, { lineCounter, schema: 'core', prettyErrors: false, uniqueKeys: true });
  if (document.errors.length > 0) {
    const error = document.errors[0]!;
    throw new SyntaxProblem(plainYamlError(error.code, error.message), lineAt(error.pos[0]));
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 100 }) ?? {};
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new SyntaxProblem(
      /alias/i.test(message)
        ? 'the YAML repeats its aliases (*name) so often that reading it would exhaust the machine; write each value out instead of using & and *'
        : `the YAML cannot be read: ${message}`,
    );
  }
  let astro: unknown;
  try {
    astro = astroData() ?? {};
  } catch (error) {
    const mark = (error as { mark?: { line?: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error instanceof Error ? error.message : String(error));
    throw new SyntaxProblem(`the YAML cannot be read as the site reads it: ${reason}`, mark?.line === undefined ? undefined : mark.line + firstLine);
  }
  const lineOf = (path: readonly (string | number)[], atKey = false): number | undefined => {
    for (let depth = path.length; depth > 0; depth--) {
      const node = atKey && depth === path.length ? undefined : (document.getIn(path.slice(0, depth), true) as { range?: [number, number, number] } | undefined);
      const start = node?.range?.[0];
      if (start !== undefined) return lineAt(start);
      // a key whose value is null has no node: find the key itself
      const parent = depth > 1 ? document.getIn(path.slice(0, depth - 1), true) : document.contents;
      if (isMap(parent)) {
        const pair = parent.items.find((item) => (item.key as { value?: unknown })?.value === path[depth - 1]);
        const keyStart = (pair?.key as { range?: [number] } | undefined)?.range?.[0];
        if (keyStart !== undefined) return lineAt(keyStart);
      }
    }
    return undefined;
  };
  if (!sameValue(astro, data)) {
    throw new SyntaxProblem(
      'this YAML can be read in two ways, and the site might publish something other than what the check sees; write it plainly: put text in quotes, and do not use anchors (&), aliases (*), merge keys (<<) or tags (!)',
      lineOf(firstDifference(astro, data)),
    );
  }
  return { data, lineOf };
}

/**
 * A document file's text as the site renders it: the frontmatter blanked to spaces as Astro blanks it
 * ('empty-with-spaces'), so that a line of the text is the same line of the file. Reads no YAML: the
 * content check has read the frontmatter, and the content store holds it.
 */
export function documentText(source: string): string {
  const raw = extractFrontmatter(source);
  if (raw === undefined) return source;
  return source.replace(`---${raw}---`, `   ${raw.replace(/[^\r\n]/g, ' ')}   `);
}

/**
 * Reads a Markdown/MDX file with a frontmatter block. The block is where Astro finds it: from a first
 * line of three dashes to the next line that starts with three dashes.
 */
export function parseFrontmatterFile(source: string): ParsedFile {
  if (source.trim() === '') throw new SyntaxProblem('the file is empty; it needs a frontmatter block between two --- lines', 1);
  const opening = /^---[ \t]*\r?\n/.exec(source);
  const raw = extractFrontmatter(source);
  if (!opening || raw === undefined || !source.startsWith(`---${raw}---`)) {
    throw new SyntaxProblem('the file does not start with a frontmatter block between two --- lines; expected its first line to be ---', 1);
  }
  const closingAt = 3 + raw.length;
  const closingLine = source.slice(0, closingAt).split('\n').length;
  const afterClosing = /^[^\r\n]*/.exec(source.slice(closingAt + 3))![0];
  if (afterClosing.trim() !== '') {
    throw new SyntaxProblem(
      `this line starts with ---, which ends the frontmatter, but goes on ("---${afterClosing.slice(0, 30)}"); expected --- alone on the line that ends the frontmatter, and text that starts with --- in quotes`,
      closingLine,
    );
  }
  const yaml = parseYaml(raw, 1, () => splitAsAstroDoes(source).frontmatter);
  const bodyStart = closingAt + 3 + afterClosing.length;
  const newline = /^\r?\n/.exec(source.slice(bodyStart))?.[0] ?? '';
  return { ...yaml, body: source.slice(bodyStart + newline.length), bodyLine: closingLine + 1, renderedText: documentText(source) };
}

/** Reads a whole YAML file, as Astro's loaders do with js-yaml. */
export function parseYamlFile(source: string): ParsedFile {
  if (source.trim() === '') throw new SyntaxProblem('the file is empty', 1);
  return { ...parseYaml(source, 1, () => loadAsAstroDoes(source)), body: '', bodyLine: 1, renderedText: '' };
}
