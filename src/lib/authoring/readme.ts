/** The part of README.md that is generated: between these two markers. */
export const BEGIN = '<!-- fields:begin (npm run docs writes this part from src/lib/model/schema.ts) -->';
export const END = '<!-- fields:end -->';

export function generatedPart(readme: string): string | undefined {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  return start >= 0 && end > start ? readme.slice(start + BEGIN.length, end).trim() : undefined;
}

export function replaceGenerated(readme: string, generated: string): string {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${BEGIN} … ${END} section`);
  return `${readme.slice(0, start + BEGIN.length)}\n\n${generated}\n\n${readme.slice(end)}`;
}
