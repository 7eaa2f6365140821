/**
 * An imported pack as the files of a meeting: index.mdx, one .mdx for each paper, the minutes of an earlier
 * meeting in that meeting's folder, action-log.yaml and the import report. Every file is a draft.
 *
 * The text is serialised from its Markdown tree by remark-stringify with remark-gfm, and every "{", "}" and
 * "<" of the imported words is escaped, so that nothing imported can become an MDX expression, a tag or an
 * import: the check compiles the result with the same safe-content rules as every other file.
 */
import type { Nodes, Paragraph, Root } from 'mdast';
import type { Handle, Unsafe } from 'mdast-util-to-markdown';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import { stringify as toYaml } from 'yaml';
import { paperFileName } from '../scaffold.ts';
import type { ImportedAgendaItem, ImportedDocument, ImportedPack, ImportNote } from './model.ts';

export interface PackTarget {
  /** the body's id, such as "bcb" */
  body: string;
  /** the meeting's date, YYYY-MM-DD */
  date: string;
  /** the name of the file imported, for the report and the meeting's provenance */
  sourceName: string;
}

/** A file to write, by its path under content/. */
export interface FileToWrite {
  path: string;
  text: string;
}

/**
 * MDX reads these as code or markup: "{", "}" and "<" anywhere in text, and "import" or "export" at the start
 * of a line. Each is escaped by the serialiser (a letter as a character reference, such as "&#x69;mport").
 */
const MDX_SYNTAX: Unsafe[] = [{ character: '{' }, { character: '}' }, { character: '<' }, { character: 'i', after: 'mport\\b', atBreak: true }, { character: 'e', after: 'xport\\b', atBreak: true }];

/**
 * "\<", "\{" and "\}" as character references: a web address in text runs on over a backslash (GFM's
 * literal autolinks), which would leave the "<" after it unescaped; "&#x3C;" cannot be swallowed so.
 */
const CHARACTER_REFERENCE: Record<string, string> = { '<': '&#x3C;', '{': '&#x7B;', '}': '&#x7D;' };
const asCharacterReferences = (markdown: string) =>
  markdown.replace(/(?<!\\)((?:\\\\)*)\\([<{}])/g, (_match, backslashes: string, character: string) => `${backslashes}${CHARACTER_REFERENCE[character]}`);

/** `<EditorialNote>` on one line, holding its paragraph's text, escaped like any other text. */
const editorialNote: Handle = (node: { children: Paragraph[] }, _parent, state, info) => {
  const text = node.children.map((paragraph) => state.containerPhrasing(paragraph, info)).join(' ');
  return `<EditorialNote>${text}</EditorialNote>`;
};

/** Raw HTML and images are not in the site's safe subset: their text is written as text. */
const asText: Handle = (node: { value?: string; alt?: string | null }, _parent, state, info) => state.safe(node.value ?? node.alt ?? '', info);

const markdown = unified()
  .use(remarkGfm)
  .use(remarkStringify, {
    bullet: '-',
    emphasis: '*',
    strong: '*',
    fences: true,
    rule: '-',
    // never "<https://…>": MDX reads an autolink as a tag
    resourceLink: true,
    unsafe: MDX_SYNTAX,
    handlers: { mdxJsxFlowElement: editorialNote, html: asText, image: asText },
  });

/** The Markdown of a document's text. */
export function markdownOf(body: Root): string {
  return asCharacterReferences(markdown.stringify(body as Nodes as Root));
}

/** YAML frontmatter with the fields in the order given, undefined and empty lists left out. */
function frontmatter(fields: Record<string, unknown>, comment: string): string {
  const present = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)));
  const yaml = toYaml(present, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' });
  return `---\n# ${comment}\n${yaml}---\n`;
}

function agendaForYaml(items: readonly ImportedAgendaItem[]): unknown[] {
  return items.map((item) => ({
    number: item.number,
    title: item.title,
    kind: item.kind,
    presenter: item.presenter,
    minutesOf: item.minutesOf,
    items: item.items && item.items.length > 0 ? agendaForYaml(item.items) : undefined,
  }));
}

/** A short title for a file name: the first five words of the title. */
const shortTitle = (title: string) => title.split(/\s+/).slice(0, 5).join(' ');

function paperFile(document: ImportedDocument, index: number, used: Set<string>): string {
  const item = document.item ?? String(90 + index);
  let name = paperFileName(item, shortTitle(document.title));
  for (let copy = 2; used.has(name); copy++) name = name.replace(/(-\d+)?\.mdx$/, `-${copy}.mdx`);
  used.add(name);
  return name;
}

function paperText(document: ImportedDocument, target: PackTarget): string {
  const head = frontmatter(
    {
      title: document.title,
      item: document.item,
      to: document.to,
      from: document.from,
      date: document.date,
      marking: document.marking,
      recommendations: document.recommendations,
      appendices: document.appendices.map(({ title, included, note }) => ({ title, included: included ? undefined : false, note })),
      contacts: document.contacts,
      sources: document.sources,
      draft: true,
    },
    `Imported from ${target.sourceName}: a draft until it has been checked against the pack. Then delete "draft: true".`,
  );
  return `${head}\n${markdownOf(document.body)}`;
}

function minutesText(document: ImportedDocument, target: PackTarget): string {
  const head = frontmatter({ title: document.title, status: 'draft', draft: true }, `Imported from ${target.sourceName}, where they were presented for approval.`);
  return `${head}\n${markdownOf(document.body)}`;
}

function meetingText(pack: ImportedPack, target: PackTarget): string {
  return frontmatter(
    { time: pack.time, venue: pack.venue, agenda: agendaForYaml(pack.agenda), draft: true },
    `Imported from ${target.sourceName}: a draft until it has been checked against the pack. Then delete "draft: true".`,
  );
}

/** The import report, for the person who checks the drafts: what was written, and what needs a look. */
export function importReport(pack: ImportedPack, target: PackTarget, written: readonly FileToWrite[], notes: readonly ImportNote[] = pack.notes): string {
  const lines = [
    `# Import of ${target.sourceName}`,
    '',
    `Meeting: ${target.body}, ${target.date}. Every file is a draft ("draft: true"): check each against the pack, then delete that line.`,
    '',
    '## Files written',
    '',
    ...written.map((file) => `- content/${file.path}`),
    '',
    '## To look at',
    '',
  ];
  if (notes.length === 0) lines.push('Nothing was marked for a look; check the drafts against the pack all the same.');
  for (const note of notes) lines.push(`- ${note.document}${note.sourceLine ? `, line ${note.sourceLine} of the source` : ''} (${note.kind}): ${note.message}`);
  return `${lines.join('\n')}\n`;
}

/** The meeting whose minutes the pack holds, when the archive does not have it yet: known from its minutes. */
function earlierMeetingText(target: PackTarget): string {
  return frontmatter(
    { provenance: `Known from its minutes, presented for approval at the meeting of ${target.date}.`, draft: true },
    `Imported from ${target.sourceName}: add its agenda when you have it.`,
  );
}

/**
 * The files of an imported pack, by their paths under content/. `exists` says whether a path under
 * content/ is already there: the meeting of minutes in the pack gets an index.mdx only when it has none.
 */
export function packFiles(pack: ImportedPack, target: PackTarget, exists: (path: string) => boolean = () => false): FileToWrite[] {
  const folder = `meetings/${target.body}/${target.date}`;
  const files: FileToWrite[] = [{ path: `${folder}/index.mdx`, text: meetingText(pack, target) }];
  const used = new Set<string>(['index.mdx', 'minutes.mdx']);
  pack.documents.forEach((document, index) => {
    if (document.kind === 'minutes' && document.minutesOf) {
      const earlier = `meetings/${target.body}/${document.minutesOf}`;
      if (!exists(`${earlier}/index.mdx`)) files.push({ path: `${earlier}/index.mdx`, text: earlierMeetingText(target) });
      files.push({ path: `${earlier}/minutes.mdx`, text: minutesText(document, target) });
      return;
    }
    files.push({ path: `${folder}/${paperFile(document, index, used)}`, text: paperText(document, target) });
  });
  if (pack.actionLog && pack.actionLog.rows.length > 0) {
    files.push({ path: `${folder}/action-log.yaml`, text: `# Imported from ${target.sourceName}: check each row against the pack.\n${toYaml({ title: pack.actionLog.title, actions: pack.actionLog.rows }, { lineWidth: 0 })}` });
  }
  return files;
}
