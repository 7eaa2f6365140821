/**
 * The field reference for staff, docs/publishing/fields.md: the part between these two markers is written from
 * the schemas by npm run docs (src/cli/docs.ts), and a test fails if it differs from what they state.
 */
export const FIELD_REFERENCE_FILE = 'docs/publishing/fields.md';
export const BEGIN = '<!-- fields:begin (npm run docs writes this part from src/lib/model/schema.ts) -->';
export const END = '<!-- fields:end -->';

export function generatedPart(document: string): string | undefined {
  const start = document.indexOf(BEGIN);
  const end = document.indexOf(END);
  return start >= 0 && end > start ? document.slice(start + BEGIN.length, end).trim() : undefined;
}

export function replaceGenerated(document: string, generated: string): string {
  const start = document.indexOf(BEGIN);
  const end = document.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${FIELD_REFERENCE_FILE} has no ${BEGIN} … ${END} section`);
  return `${document.slice(0, start + BEGIN.length)}\n\n${generated}\n\n${document.slice(end)}`;
}
