/**
 * The example text the authoring tools write for staff to replace, and the note the importer leaves for
 * checking. The check refuses a published file that still holds either, so neither reaches the site.
 */

/**
 * The example text `npm run new` writes for staff to replace. The check refuses a file that still
 * holds any of it outside a comment, so a scaffold left unfilled is never published.
 */
export const EXAMPLE_TEXTS = {
  paperTitle: "The paper's own title, as printed on it",
  agendaTitle: 'Title of the report as the agenda prints it',
  paperText: 'The text of the paper, word for word.',
  minuteText: 'The text of the minute, word for word.',
  letteredParagraph: 'Lettered paragraphs are a list.',
  decisionTitle: 'The subject of the decision',
  decisionSummary: 'The decision, in the words of the record.',
  decisionText: 'The text of the decision record, word for word.',
  person: 'A Example',
  chair: 'Councillor A Example',
  substitute: 'Councillor B Example',
  absentee: 'Councillor C Example',
  officer: 'D Example',
  email: 'a.example@example.police.uk',
  sourceUrl: 'https://www.example.gov.uk/paper.pdf',
  paperNote: 'An editorial note shown above the text',
  minutesNote: 'A note shown above the minutes',
  publisher: 'The publisher’s name, as its papers print it',
  area: 'The area it serves, as its papers name it',
  bodyName: 'The full name of the board or panel, as its papers print it',
  howTested: 'How the site was last tested for accessibility, and by whom',
  decisionNumbering: 'EXAMPLE {year}-{number:3}',
  venue: 'The venue, as printed',
  procedureTitle: 'Title of a procedural item (apologies, declarations), as the agenda prints it',
  minutesItemTitle: 'Title of the item approving the last minutes, as the agenda prints it',
  presenter: 'Who presents it, as the agenda prints it',
  paperTo: 'Whom the paper is addressed to, as printed',
  paperFrom: 'The role the paper is from, as printed',
  marking: 'The protective marking as printed',
  recommendation: 'Each recommendation, word for word',
} as const;

/**
 * How the importer's notes to the person checking a draft begin: `<EditorialNote>Import check: …`. They
 * show in the preview; the check refuses a file that still holds one once it is no longer a draft.
 */
export const IMPORT_CHECK_NOTE = 'Import check:';

/**
 * The lines of a content file that still hold example text, outside YAML comments. `frontmatterLines`
 * is how many lines the frontmatter takes (the whole file for a YAML file): a `#` there starts a comment.
 */
export function findExampleText(text: string, frontmatterLines: number): { line: number; example: string }[] {
  const found: { line: number; example: string }[] = [];
  // most files hold none: one search of the whole text each, before any line is looked at
  if (!Object.values(EXAMPLE_TEXTS).some((example) => text.includes(example))) return found;
  text.split(/\r\n|\r|\n/).forEach((lineText, index) => {
    const visible = index < frontmatterLines ? lineText.replace(/(^|\s)#.*$/, '') : lineText;
    for (const example of Object.values(EXAMPLE_TEXTS)) if (visible.includes(example)) found.push({ line: index + 1, example });
  });
  return found;
}
