/**
 * How an office numbers the Commissioner's decisions, from one pattern in content/site.yaml, such as
 * "OPCC {year}-{number:3}" (OPCC 2017-020), "PFCC/{number:3}/{yy}" (PFCC/045/21) or
 * "Decision {year}/{number}" (Decision 2021/45). From it come the normal form of an id, the reading of
 * an id as the papers print it ("OPCC 2017-19", "pfcc / 45 / 21"), and its finding in a text. The
 * pattern is data: it is read as literal text and three placeholders, never as a regular expression.
 */

type Part = { literal: string } | { field: 'year' | 'yy' } | { field: 'number'; width: number };

export interface DecisionNumbering {
  /** the pattern as written in content/site.yaml */
  pattern: string;
  /** the id in its normal form, from an id as printed ("OPCC 2017-19" → "OPCC 2017-019"), or undefined when it is not one */
  normalise(printed: string): string | undefined;
  /** every id printed in a text, however spaced: a global pattern for matchAll */
  inText: RegExp;
  /** the letters every id starts with ("OPCC"): a text without them cites no decision */
  marker: string;
  /** the year an id names, four digits, when the pattern has one */
  yearOf(id: string): string | undefined;
  /** an id of this office, for messages: the given year and number in normal form */
  example(year: string, number: number): string;
}

const PLACEHOLDER = /\{(year|yy|number)(?::(\d))?\}/g;
const LITERAL = /^[A-Za-z0-9 .\-–/_]*$/;
const SPACE = String.raw`[\s\u00a0]`;

/** The parts of a pattern, or what is wrong with it, in words for a member of staff. */
export function readNumberingPattern(pattern: string): { parts: Part[] } | { problem: string } {
  const parts: Part[] = [];
  let cursor = 0;
  for (const match of pattern.matchAll(PLACEHOLDER)) {
    if (match.index > cursor) parts.push({ literal: pattern.slice(cursor, match.index) });
    else if (parts.length > 0) return { problem: `"${pattern}" puts two placeholders side by side; expected text between them, such as "{year}-{number:3}"` };
    const field = match[1] as 'year' | 'yy' | 'number';
    if (field === 'number') parts.push({ field, width: Number(match[2] ?? 1) });
    else if (match[2] !== undefined) return { problem: `"${pattern}" gives {${field}} a width; only {number} takes one, such as {number:3}` };
    else parts.push({ field });
    cursor = match.index + match[0].length;
  }
  if (cursor < pattern.length) parts.push({ literal: pattern.slice(cursor) });
  const literals = parts.flatMap((part) => ('literal' in part ? [part.literal] : []));
  const fields = parts.flatMap((part) => ('field' in part ? [part.field] : []));
  if (literals.some((literal) => !LITERAL.test(literal))) {
    return { problem: `"${pattern}" holds characters a decision id cannot; expected letters, digits, spaces, "-", "/", "." and the placeholders {year}, {yy} and {number}` };
  }
  if (fields.filter((field) => field === 'number').length !== 1) return { problem: `"${pattern}" needs {number} once, such as "OPCC {year}-{number:3}"` };
  if (fields.filter((field) => field !== 'number').length > 1) return { problem: `"${pattern}" names the year twice; expected one of {year} or {yy}` };
  if (!/^[A-Za-z]/.test(pattern)) return { problem: `"${pattern}" does not start with letters; expected the letters every id starts with, such as "OPCC {year}-{number:3}"` };
  return { parts };
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * A literal as the papers may print it: any run of spaces, and a separator with or without spaces around
 * it. Between two of its parts there is one allowance for spaces, never two side by side (`\s*\s*`), so
 * that however many separators stand together ("CPCC.-") the expression cannot backtrack: it reads a
 * text in time proportional to its length.
 */
function looseLiteral(literal: string): string {
  let source = '';
  /** the spaces owed before the next part: none, some (`+`, between words) or any (`*`, beside a separator) */
  let owed: '' | '+' | '*' = '';
  for (const token of literal.match(/[-–/.]|[\s\u00a0]+|[^-–/.\s\u00a0]+/g) ?? []) {
    if (/^[\s\u00a0]+$/.test(token)) {
      if (owed === '') owed = '+';
    } else if (/^[-–/.]$/.test(token)) {
      source += `${SPACE}*${/[-–]/.test(token) ? '[-–]' : escape(token)}`;
      owed = '*';
    } else {
      source += (owed ? SPACE + owed : '') + escape(token);
      owed = '';
    }
  }
  return source + (owed ? SPACE + owed : '');
}

const FIELD_PATTERN = { year: String.raw`(\d{4})`, yy: String.raw`(\d{2})`, number: String.raw`(\d{1,6})` };

export function decisionNumbering(pattern: string): DecisionNumbering {
  // an id is read without the spaces around it, so the pattern is too
  const read = readNumberingPattern(pattern.trim());
  if ('problem' in read) throw new Error(read.problem);
  const { parts } = read;
  const source = parts.map((part) => ('literal' in part ? looseLiteral(part.literal) : FIELD_PATTERN[part.field])).join('');
  // matched against the id without the spaces around it, so that no allowance for spaces stands beside another
  const whole = new RegExp(`^${source}$`, 'i');
  const fieldsInOrder = parts.flatMap((part) => ('field' in part ? [part] : []));
  const valuesOf = (printed: string) => {
    const match = whole.exec(printed.trim());
    if (!match) return undefined;
    return new Map(fieldsInOrder.map((part, index) => [part.field, match[index + 1]!]));
  };
  const format = (values: Map<string, string>) =>
    parts
      .map((part) => {
        if ('literal' in part) return part.literal;
        if (part.field === 'number') return String(Number(values.get('number'))).padStart(part.width, '0');
        return values.get(part.field)!;
      })
      .join('');
  return {
    pattern,
    normalise(printed) {
      const values = valuesOf(printed);
      return values ? format(values) : undefined;
    },
    // letters at its ends are whole words: "ABC 2021-020" is found, "XABC 2021-0201" is not
    inText: new RegExp(`(?<![A-Za-z0-9])${source}(?![A-Za-z0-9])`, 'gi'),
    marker: /^[A-Za-z]+/.exec(pattern)![0],
    yearOf(id) {
      const values = valuesOf(id);
      if (values?.has('year')) return values.get('year');
      if (values?.has('yy')) return `20${values.get('yy')}`;
      return undefined;
    },
    example(year, number) {
      return format(new Map([['year', year], ['yy', year.slice(2)], ['number', String(number)]]));
    },
  };
}
