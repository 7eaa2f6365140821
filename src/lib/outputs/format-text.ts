/**
 * Text as the files the site offers besides its pages can hold it. Every value written into a feed (XML),
 * a calendar (iCalendar) or a CSV file goes through `textForFiles` first, and is then written by that
 * format's library (@astrojs/rss, ical-generator, csv-stringify), which escapes what the format gives a
 * meaning: `<` and `&`, `;` and `,`, quotes.
 */
import { escapeUTF8 } from 'entities';

/** Every way a text can break a line: CR LF, CR, vertical tab, form feed, NEL, line and paragraph separators. */
const LINE_BREAK = /\r\n|[\r\v\f\u0085\u2028\u2029]/g;
/**
 * What none of the three formats can hold as text: the other C0 controls (a tab and a line feed are kept),
 * DEL, the C1 controls, a lone half of a surrogate pair, and the noncharacters U+FFFE and U+FFFF, which
 * XML 1.0 forbids and iCalendar calls control characters.
 */
const UNHELD = /[\u0000-\u0008\u000e-\u001f\u007f-\u009f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/**
 * A value as the feeds, calendars and CSV files hold it: every line break as one line feed, which each
 * format's library then writes in its own way (iCalendar as `\n`, so that a venue cannot start a
 * property of its own), and every control character removed.
 */
export function textForFiles(text: string): string {
  return text.replace(LINE_BREAK, '\n').replace(UNHELD, '');
}

/**
 * A feed's title or description: RSS 2.0 readers decode the XML and render what they get as HTML, so
 * the text is HTML-escaped first ("<img>" is written "&amp;lt;img&amp;gt;" in the XML) and is shown as
 * the words it is.
 */
export function feedText(text: string): string {
  return escapeUTF8(textForFiles(text));
}
