/** Reads plain text (as pdftotext writes it) into source lines: one line each, a form feed starting a new page. */
import type { SourceBlock, SourceLine } from './model.ts';

export function readText(text: string): SourceBlock[] {
  const raw = text.split('\n');
  // a final newline does not make one more (empty) line
  if (raw.length > 1 && raw[raw.length - 1] === '') raw.pop();
  const hasPages = text.includes('\f');
  let page = 1;
  const lines: SourceLine[] = [];
  raw.forEach((value, index) => {
    let content = value.endsWith('\r') ? value.slice(0, -1) : value;
    if (content.includes('\f')) {
      const parts = content.split('\f');
      page += parts.length - 1;
      content = parts.join('');
    }
    const line: SourceLine = { kind: 'line', text: content, line: index + 1 };
    if (hasPages) line.page = page;
    lines.push(line);
  });
  return lines;
}
