/** What a paper prints besides its text: recommendations, contact officers, source documents, appendices. */
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { ImportedDocument } from './model.ts';
import { isBlank, type PackLine } from './pack-text.ts';

const BIBLIOGRAPHY = /^(BIBLIOGRAPHY|Bibliography)$/;
const SOURCES_LABEL = /^(Source\s+Documents?(?:\(s\))?|Background\s+(?:Papers|Documents)(?:\(s\))?|Background Reading)\s*:?\s*(.*)$/i;
const CONTACT_LABEL = /^(Contact\s+Officers?(?:\(s\))?|Contact)\s*:?\s*[–-]?\s*(.*)$/i;
const APPENDIX_HEADING = /^(Appendix|APPENDIX|Annex|ANNEX)\s+([A-Z0-9]{1,3})\b\s*[-–:]?\s*(.{0,120})$/;
const URL = /https?:\/\/\S+/;

export interface Bibliography {
  sources: ImportedDocument['sources'];
  contacts: ImportedDocument['contacts'];
  /** the lines the bibliography took: [start, end) indexes into the document's lines */
  range?: [number, number];
  /** a numbered section of the paper ("9. Background Documents"): its lines stay in the text */
  numbered?: boolean;
}

/** A section's number alone on its line, as pdftotext prints a numbered heading: "9." or "10". */
const SECTION_NUMBER = /^\d{1,2}\.?$/;
/** A paragraph number alone ("9.1") or leading a line ("9.1 Fire and Rescue Services Act"). */
const PARAGRAPH_NUMBER = /^\d{1,2}\.\d{1,2}\.?(\s+|$)/;
/** The standard words under a "Background documents" heading, which describe the list rather than being in it. */
const SOURCES_PREAMBLE = /^(?:as\s+)?used\s+to\s+prepare\s+this\s+(?:report|paper)\b/i;

/** A line that names a person and their role: "Matthew Warren, Chief Finance Officer, …" */
function contactFrom(text: string): ImportedDocument['contacts'][number] {
  const email = /[\w.+-]+@[\w-]+(\.[\w-]+)+/.exec(text)?.[0];
  const phone = /(?:\+44\s?|0)\d[\d ]{8,12}\d/.exec(text)?.[0]?.trim();
  let rest = text;
  if (email) rest = rest.replace(email, '');
  if (phone) rest = rest.replace(phone, '');
  rest = rest.replace(/\s*[,;–-]\s*$/, '').trim();
  const comma = rest.indexOf(',');
  const contact: ImportedDocument['contacts'][number] = comma > 0 ? { name: rest.slice(0, comma).trim(), role: rest.slice(comma + 1).trim() } : { name: rest };
  if (email) contact.email = email;
  if (phone) contact.phone = phone;
  return contact;
}

const PERSON = /^((C\/Insp|Insp|Supt|Superintendent|Chief\s+Supt|Det\.?|DCI|DI|DS|Dr|Mr|Mrs|Ms|Miss|Cllr|Councillor|T\/[A-Za-z ]+?)\.?\s+)?[A-Z][a-z]+(?:[- ][A-Z][a-z'’]+){1,3}\s*(,|$)/;

/** Splits the bibliography at the end of a paper (before any appendix) into sources and contacts. */
export function extractBibliography(lines: PackLine[]): Bibliography {
  const result: Bibliography = { sources: [], contacts: [] };
  let start = -1;
  let numbered = false;
  for (let index = 0; index < lines.length; index += 1) {
    const text = lines[index].text;
    const sectionLabel = /^\d{1,2}\.?\s+/.test(text) && SOURCES_LABEL.test(text.replace(/^\d{1,2}\.?\s+/, ''));
    if (BIBLIOGRAPHY.test(text) || (SOURCES_LABEL.test(text) && !/^\d/.test(text)) || sectionLabel || (CONTACT_LABEL.test(text) && /^Contact\s+Officer/i.test(text))) {
      start = index;
      // "9." then "BACKGROUND DOCUMENTS", or "9. Background Documents": a section of the paper's own
      numbered = sectionLabel || (SOURCES_LABEL.test(text) && SECTION_NUMBER.test(previousText(lines, index) ?? ''));
      break;
    }
  }
  if (start < 0) return result;
  let end = lines.length;
  let taken = 0;
  let valueSeen = false;
  for (let index = start + 1; index < lines.length; index += 1) {
    const line = lines[index];
    if (!line.text) continue;
    const isLabel = BIBLIOGRAPHY.test(line.text) || SOURCES_LABEL.test(line.text) || CONTACT_LABEL.test(line.text);
    // a numbered section ends at the next section's number; it may run over a page and list many documents
    if (numbered) {
      if (APPENDIX_HEADING.test(line.text) || SECTION_NUMBER.test(line.text) || (/^(\d{1,2})\.?\s+[A-Z]/.test(line.text) && line.text.split(' ').length <= 6) || taken >= 60 || line.table) {
        end = index;
        break;
      }
      taken += 1;
      continue;
    }
    // it ends at an appendix, a numbered section, a new page once it has its values, or after a dozen lines
    if (APPENDIX_HEADING.test(line.text) || (/^(\d{1,2})\.?\s+[A-Z]/.test(line.text) && line.text.split(' ').length <= 6) || (line.lead && valueSeen && !isLabel) || taken >= 12 || line.table) {
      end = index;
      break;
    }
    if (!isLabel) valueSeen = true;
    else if (SOURCES_LABEL.exec(line.text)?.[2] || CONTACT_LABEL.exec(line.text)?.[2]) valueSeen = true;
    taken += 1;
  }
  result.range = [start, end];
  if (numbered) result.numbered = true;
  const labels: ('sources' | 'contacts')[] = [];
  let current: 'sources' | 'contacts' | undefined;
  const values: { text: string; field?: 'sources' | 'contacts'; chunk: number }[] = [];
  let chunk = 0;
  for (let index = start; index < end; index += 1) {
    const line = lines[index];
    if (isBlank(line)) {
      chunk += 1;
      continue;
    }
    let text = line.text;
    if (BIBLIOGRAPHY.test(text)) continue;
    if (numbered) {
      if (PARAGRAPH_NUMBER.test(text)) text = text.replace(PARAGRAPH_NUMBER, '').trim();
      text = text.replace(/^\d{1,2}\.?\s+(?=\D)/, '');
      if (!text || /^[.;,]$/.test(text) || SOURCES_PREAMBLE.test(text)) {
        chunk += 1;
        continue;
      }
    }
    const source = SOURCES_LABEL.exec(text);
    const contact = source ? undefined : CONTACT_LABEL.exec(text);
    if (source || contact) {
      current = source ? 'sources' : 'contacts';
      const value = (source ?? contact)![2].trim();
      if (value) values.push({ text: value, field: current, chunk });
      else labels.push(current);
      chunk += 1;
      continue;
    }
    values.push({ text, field: labels.length > 1 ? undefined : current, chunk });
  }
  // labels printed one under another, their values after them (a table read column by column)
  for (const value of values) {
    if (value.field) continue;
    value.field = PERSON.test(value.text) ? 'contacts' : URL.test(value.text) || value.text.length > 0 ? (labels.includes('sources') ? 'sources' : 'contacts') : 'contacts';
  }
  // a person's role runs on to the next line of the same chunk
  const grouped: { text: string; field: 'sources' | 'contacts' }[] = [];
  let previousChunk = -1;
  for (const value of values) {
    const last = grouped.at(-1);
    const field = value.field!;
    if (last && value.chunk === previousChunk && last.field === field && (field === 'contacts' ? !PERSON.test(value.text) || /,$/.test(last.text) : !URL.test(last.text) && !/^[‘'“"]/.test(value.text))) {
      last.text = `${last.text} ${value.text}`;
    } else grouped.push({ text: value.text, field });
    previousChunk = value.chunk;
  }
  for (const entry of grouped) {
    if (entry.field === 'contacts') {
      if (/^(none|n\/a)$/i.test(entry.text)) continue;
      result.contacts.push(contactFrom(entry.text));
      continue;
    }
    if (/^(none|n\/a)\.?$/i.test(entry.text)) continue;
    const url = URL.exec(entry.text)?.[0];
    const last = result.sources.at(-1);
    if (url && entry.text.trim() === url && last && !last.url) {
      last.url = url;
      continue;
    }
    const title = url ? entry.text.replace(url, '').trim() || url : entry.text;
    result.sources.push(url ? { title, url } : { title });
  }
  return result;
}

function previousText(lines: PackLine[], index: number): string | undefined {
  for (let at = index - 1; at >= 0; at -= 1) if (lines[at].text) return lines[at].text;
  return undefined;
}

/** The recommendations: the paragraphs of the first "Recommendation(s)" section, word for word, numbers dropped. */
export function recommendationsOf(body: Root): string[] {
  const out: string[] = [];
  let inside = false;
  for (const node of body.children) {
    if (node.type === 'heading') {
      if (inside) break;
      inside = /^(\d+\.?\s+)?Recommendations?\b/i.test(toString(node));
      continue;
    }
    if (!inside) continue;
    if (node.type === 'paragraph') out.push(toString(node).replace(/^\d{1,2}(\.\d{1,2}){1,2}\.?\s+/, ''));
    if (node.type === 'list') for (const item of node.children) out.push(toString(item));
  }
  return out.filter((text) => text.length > 0);
}

/** Appendices: headed in the pack (included) or named in the paper's text but absent (not included). */
export function appendicesOf(lines: PackLine[], body: Root): ImportedDocument['appendices'] {
  const found: ImportedDocument['appendices'] = [];
  const seen = new Set<string>();
  for (const line of lines) {
    const match = APPENDIX_HEADING.exec(line.text);
    if (!match || /[.;,]$/.test(line.text) || line.text.split(' ').length > 16) continue;
    const key = `${match[1].toLowerCase()} ${match[2].toUpperCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    found.push({ title: line.text, included: true });
  }
  const text = body.children.map((node: RootContent) => toString(node)).join(' ');
  for (const match of text.matchAll(/\b(?:at|in|as|of|see|attached(?: as)?|given at|shown at)\s+(Appendix|Annex)\s+([A-Z0-9]{1,2})\b/gi)) {
    const key = `${match[1].toLowerCase()} ${match[2].toUpperCase()}`;
    if (seen.has(key)) continue;
    seen.add(key);
    found.push({ title: `${match[1].charAt(0).toUpperCase()}${match[1].slice(1).toLowerCase()} ${match[2]}`, included: false, note: 'Named in the paper’s text but not found in the pack.' });
  }
  return found;
}
