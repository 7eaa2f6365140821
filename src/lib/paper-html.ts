/**
 * Anchors in the rendered text of a paper, so that a numbered paragraph ("3.1") or an appendix can be
 * linked to: /bcb/2019-06-11/5/#para-3.1, /bcb/2019-06-11/6/#appendix-1.
 * Works on the HTML the Markdown processor emits, touching only the opening tags it wrote.
 */

const NUMBERED_PARAGRAPH = /<p>(\d{1,2}(?:\.\d{1,3})+)(\s|&nbsp;)/g;
const APPENDIX_HEADING = /<h([2-4])(\s[^>]*)?>(\s*Appendix\s+([A-Z0-9]{1,3})\b)/gi;

/** "3.1" → "para-3.1"; repeats (an appendix restarting its numbering) get "-2", "-3". */
export function anchorNumberedParagraphs(html: string): string {
  const used = new Map<string, number>();
  return html.replace(NUMBERED_PARAGRAPH, (_match, number: string, space: string) => {
    const count = (used.get(number) ?? 0) + 1;
    used.set(number, count);
    const id = count === 1 ? `para-${number}` : `para-${number}-${count}`;
    return `<p id="${id}"><a class="para-number" href="#${id}" aria-label="Paragraph ${number}">${number}</a>${space}`;
  });
}

/** The anchor of an appendix from its title: "Appendix 1 – Grants" → "appendix-1". */
export function appendixAnchor(title: string): string {
  const label = /^\s*Appendix\s+([A-Z0-9]{1,3})\b/i.exec(title)?.[1];
  return label ? `appendix-${label.toLowerCase()}` : 'appendices';
}

/** "Appendix 1 – Grants" heading → id "appendix-1", replacing any id the processor gave it. */
export function anchorAppendices(html: string): string {
  const used = new Set<string>();
  return html.replace(APPENDIX_HEADING, (match, level: string, attributes: string | undefined, text: string, label: string) => {
    const id = appendixAnchor(`Appendix ${label}`);
    if (used.has(id)) return match;
    used.add(id);
    const otherAttributes = (attributes ?? '').replace(/\sid="[^"]*"/, '');
    return `<h${level} id="${id}"${otherAttributes}>${text}`;
  });
}

export function anchorPaperText(html: string): string {
  return anchorAppendices(anchorNumberedParagraphs(html));
}
