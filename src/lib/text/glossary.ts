/**
 * The plain-words glossary at work on the texts: where each term is used, and the first use of each on
 * a page explained where it stands, as a link to its entry on the glossary page (with the expansion of
 * an abbreviation as its <abbr> title). Pure functions of the terms and the text; no script is needed to
 * read an explanation, and nothing here runs in the browser.
 */
import { parseDocument } from 'htmlparser2';
import type { ChildNode } from 'domhandler';
import type { GlossaryTerm } from '#lib/model/schema.ts';
import { escapeHtml } from './citation-html.ts';

/** The id of a term's entry on the glossary page: "MTFS" → "mtfs", "Band D" → "band-d", "S151" → "s151". */
export function termAnchor(term: string): string {
  return term.toLocaleLowerCase('en-GB').normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'term';
}

/** A form written in capitals and digits only ("MTFS", "S151", "HMICFRS") is matched in capitals only, so "pcp" or "Pcc" is never taken for it. */
const isCapitals = (form: string) => !/\p{Ll}/u.test(form) && /\p{Lu}/u.test(form);

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A form as a pattern: its words with any run of spaces or a line break between them, and an "s" for the plural. */
const formPattern = (form: string) => `${form.trim().split(/\s+/).map(escapeRegExp).join('\\s+')}s?`;

interface Matcher {
  /** every form of every term, longest first, each a whole word (or words) */
  pattern: RegExp;
  /** the term a matched text belongs to */
  termOf: (matched: string) => GlossaryTerm | undefined;
}

const matchers = new WeakMap<readonly GlossaryTerm[], Matcher | null>();

/**
 * One pattern for all the terms' forms: the longer first, so "Police and Crime Panel" is found before
 * "Police" could be. Forms in capitals match in capitals only; other forms whatever their case.
 */
function matcherOf(terms: readonly GlossaryTerm[]): Matcher | null {
  if (matchers.has(terms)) return matchers.get(terms)!;
  const exact = new Map<string, GlossaryTerm>();
  const anyCase = new Map<string, GlossaryTerm>();
  for (const term of terms) {
    for (const form of [term.term, ...term.alsoWritten]) {
      const normal = form.trim().replace(/\s+/g, ' ');
      if (isCapitals(normal)) exact.set(normal, term);
      else anyCase.set(normal.toLocaleLowerCase('en-GB'), term);
    }
  }
  const forms = [...[...exact.keys()].map((form) => ({ form, source: formPattern(form) })), ...[...anyCase.keys()].map((form) => ({ form, source: caseless(formPattern(form)) }))];
  if (forms.length === 0) {
    matchers.set(terms, null);
    return null;
  }
  forms.sort((a, b) => b.form.length - a.form.length || a.form.localeCompare(b.form));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${forms.map((each) => each.source).join('|')})(?![\\p{L}\\p{N}])`, 'gu');
  const termOf = (matched: string) => {
    const normal = matched.replace(/\s+/g, ' ');
    const singular = normal.endsWith('s') ? normal.slice(0, -1) : undefined;
    return (
      exact.get(normal) ??
      (singular === undefined ? undefined : exact.get(singular)) ??
      anyCase.get(normal.toLocaleLowerCase('en-GB')) ??
      (singular === undefined ? undefined : anyCase.get(singular.toLocaleLowerCase('en-GB')))
    );
  };
  const matcher = { pattern, termOf };
  matchers.set(terms, matcher);
  return matcher;
}

/** A pattern that matches its letters in either case, while the pattern as a whole stays case-sensitive. */
function caseless(source: string): string {
  return source.replace(/\\.|\p{L}/gu, (part) => {
    if (part.startsWith('\\')) return part;
    const lower = part.toLocaleLowerCase('en-GB');
    const upper = part.toLocaleUpperCase('en-GB');
    return lower === upper ? part : `[${lower}${upper}]`;
  });
}

/**
 * Every match of the shared pattern in a text. (String.matchAll would copy the pattern, hundreds of forms
 * long, for each of the thousands of runs of text on a page.)
 */
function* matchesIn(text: string, pattern: RegExp): Generator<RegExpExecArray> {
  pattern.lastIndex = 0;
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) yield match;
}

/** The terms a text uses, in the glossary's order. */
export function termsUsedIn(text: string, terms: readonly GlossaryTerm[]): GlossaryTerm[] {
  const matcher = matcherOf(terms);
  if (!matcher) return [];
  const used = new Set<GlossaryTerm>();
  for (const match of matchesIn(text, matcher.pattern)) {
    const term = matcher.termOf(match[0]);
    if (term) used.add(term);
  }
  return terms.filter((term) => used.has(term));
}

/** The documents that use each term, in the order the documents are given: each term's list, empty when no document uses it. */
export function documentsUsingTerms<D extends { text: string }>(documents: readonly D[], terms: readonly GlossaryTerm[]): Map<GlossaryTerm, D[]> {
  const uses = new Map<GlossaryTerm, D[]>(terms.map((term) => [term, []]));
  for (const document of documents) for (const term of termsUsedIn(document.text, terms)) uses.get(term)!.push(document);
  return uses;
}

/**
 * Where a term is never explained: inside a link (a link in a link is not HTML), an abbreviation or
 * definition already given, code, a heading (whose words name a section, and may be a link's text), or a
 * table's header cell (whose words name a column for a screen reader).
 */
const LEFT_AS_WRITTEN = new Set(['a', 'abbr', 'dfn', 'code', 'pre', 'kbd', 'samp', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'th', 'caption', 'button', 'label', 'script', 'style', 'svg', 'math']);

/** A character reference ("&amp;", "&#8217;") blanked out, so that no term is found inside one, and none spans one. */
const blankReferences = (raw: string) => raw.replace(/&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);/gi, (reference) => '\u0000'.repeat(reference.length));

/** The first use of a term, explained: a link to its entry, an abbreviation's expansion as its title. */
function explained(written: string, term: GlossaryTerm, glossaryHref: string): string {
  const href = `${glossaryHref}#${termAnchor(term.term)}`;
  const isAbbreviation = term.expansion !== undefined && isCapitals(written.replace(/s$/, '')) && written.replace(/s$/, '') !== term.expansion;
  const inner = isAbbreviation ? `<abbr title="${escapeHtml(term.expansion!)}">${written}</abbr>` : written;
  return `<a class="glossary-term" href="${escapeHtml(href)}">${inner}</a>`;
}

/**
 * The HTML of a text with the first use of each glossary term explained where it stands (see `explained`),
 * and every later use left as it was. `glossaryHref` is the glossary page's address. The HTML is read with
 * htmlparser2 and only the explanations are written: every other byte is copied as it came.
 */
export function explainFirstUses(html: string, terms: readonly GlossaryTerm[], glossaryHref: string): string {
  const matcher = matcherOf(terms);
  if (!matcher) return html;
  const document = parseDocument(html, { withStartIndices: true, withEndIndices: true });
  const explainedTerms = new Set<GlossaryTerm>();
  const insertions: { start: number; end: number; html: string }[] = [];
  const walk = (nodes: ChildNode[]) => {
    for (const node of nodes) {
      if (node.type === 'text') {
        const start = node.startIndex!;
        const raw = html.slice(start, node.endIndex! + 1);
        for (const match of matchesIn(blankReferences(raw), matcher.pattern)) {
          const term = matcher.termOf(match[0]);
          if (!term || explainedTerms.has(term)) continue;
          explainedTerms.add(term);
          insertions.push({ start: start + match.index, end: start + match.index + match[0].length, html: explained(match[0], term, glossaryHref) });
        }
      } else if (node.type === 'tag' && node.attribs.class === 'glossary-term') {
        // a use explained already (the text was explained before): the first use of its term
        const anchor = node.attribs.href?.split('#')[1];
        const term = terms.find((each) => termAnchor(each.term) === anchor);
        if (term) explainedTerms.add(term);
      } else if (node.type === 'tag' && !LEFT_AS_WRITTEN.has(node.name)) {
        walk(node.children);
      }
    }
  };
  walk(document.children);
  let output = '';
  let copiedTo = 0;
  for (const insertion of insertions) {
    output += html.slice(copiedTo, insertion.start) + insertion.html;
    copiedTo = insertion.end;
  }
  return output + html.slice(copiedTo);
}
