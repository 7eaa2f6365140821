/**
 * The content model: the one statement of what staff may write.
 * Astro's collections (src/content.config.ts), the content check (src/lib/check/check.ts)
 * and the authoring guide's field tables all derive from these schemas.
 * Longer than 300 lines on purpose: it is the one statement of the model, read whole, kind after kind.
 */
import { z } from 'zod';
import { dateWrittenOtherwise, isCalendarDate } from './dates.ts';
import { AGENDA_NUMBER_PATTERN } from './agenda.ts';
import { RESERVED_ADDRESSES, endsLikeFileName } from './routes.ts';
import { readNumberingPattern } from './decision-numbering.ts';
import { glossaryConflicts } from './glossary-rules.ts';

/** YAML may hand us a Date object for a date written YYYY-MM-DD; we keep the text. */
const dateAsText = (value: unknown) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value);

/** A calendar date written YYYY-MM-DD. */
export const calendarDate = z.preprocess(
  dateAsText,
  z
    .string({ error: 'expected a date written YYYY-MM-DD, for example 2019-06-11' })
    .refine(isCalendarDate, { error: 'expected a real date written YYYY-MM-DD, for example 2019-06-11' }),
);

const nonEmpty = z.string().trim().min(1, { error: 'expected some text, not an empty value' });

/** An agenda number as printed: "5", "5.0", "8.1". */
export const agendaNumber = z.preprocess(
  (value) => (typeof value === 'number' ? String(value) : value),
  z.string().regex(AGENDA_NUMBER_PATTERN, {
    error: 'expected an agenda item number such as "5", "5.0" or "8.1" (write it in quotes)',
  }),
);

/** Fields every published document shares: what keeps it off the site until it is public. */
const publication = {
  /** A draft is never published. */
  draft: z.boolean().default(false).describe('true keeps the file off the site entirely'),
  /** Embargo: not published before this date. */
  published: calendarDate.optional().describe('do not publish before this date (YYYY-MM-DD)'),
};

export const bodySchema = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, { error: 'expected a short lower-case id such as "board"' }).describe('short lower-case id, the first part of every address: "board"'),
  name: nonEmpty.describe('the full name, as the papers print it'),
  shortName: z.string().optional().describe('the short name used in breadcrumbs, such as "Board"'),
  aliases: z.array(z.string()).default([]).describe('other names the papers use for this body'),
  description: z.string().optional().describe('one or two sentences on what the body does'),
});

export const personSchema = z.strictObject({
  name: nonEmpty.describe('as printed, such as "Councillor Edward Leigh"'),
  role: z.string().optional().describe('such as "Chairperson" or "Chief Constable"'),
  note: z.string().optional().describe('such as "substitute for Councillor Bull"'),
});

export const exemptionSchema = z.strictObject({
  reason: nonEmpty.describe('the legal reason, for example "Schedule 12A paragraph 3"'),
});

export const agendaItemKinds = ['paper', 'verbal', 'procedural', 'minutes', 'action-log', 'heading'] as const;

export interface AgendaItemInput {
  number: string;
  title: string;
  kind: (typeof agendaItemKinds)[number];
  presenter?: string;
  minutesOf?: string;
  exempt?: { reason: string };
  paperNotInArchive: boolean;
  note?: string;
  items: AgendaItemInput[];
}

export const agendaItemSchema: z.ZodType<AgendaItemInput> = z.lazy(() =>
  z.strictObject({
    number: agendaNumber.describe('as printed, in quotes: "5", "8.0", "8.1"'),
    title: nonEmpty.describe('the title as the agenda prints it'),
    kind: z
      .enum(agendaItemKinds, {
        error: `expected one of ${agendaItemKinds.join(', ')}`,
      })
      .default('paper')
      .describe('paper (has one or more papers), verbal, procedural, minutes, action-log, or heading (only sub-items)'),
    presenter: z.string().optional().describe('as printed, such as "Report from Chief Constable"'),
    minutesOf: calendarDate.optional().describe('for a minutes item: the date of the meeting whose minutes are approved'),
    exempt: exemptionSchema.optional().describe('an item not open to the public; its papers are never published'),
    paperNotInArchive: z.boolean().default(false).describe('true when the item had a paper that this archive does not hold'),
    note: z.string().optional().describe('a note shown under the item'),
    items: z.array(agendaItemSchema).default([]).describe('sub-items, such as 8.0 and 8.1 under 8'),
  }),
) as z.ZodType<AgendaItemInput>;

export const attendanceSchema = z.strictObject({
  present: z.array(personSchema).default([]).describe('members present'),
  substitutes: z.array(personSchema).default([]).describe('substitutes, with whom they replaced in note'),
  officers: z.array(personSchema).default([]).describe('officers present or in attendance'),
  others: z.array(personSchema).default([]).describe('others present'),
  apologies: z.array(personSchema).default([]).describe('those who sent apologies'),
});

export const attachmentSchema = z.strictObject({
  file: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*\.(pdf|docx)$/, { error: 'expected the name of a file in the same folder, such as "pack.pdf": lower-case letters, digits and hyphens, ending .pdf or .docx' })
    .describe('the original file, in the same folder: "pack.pdf"'),
  title: z.string().optional().describe('what it is, such as "The pack as published"'),
});

export const declarationSchema = z.strictObject({
  name: nonEmpty.describe('who declared it, as printed, such as "Councillor A Example"'),
  item: agendaNumber.optional().describe('the agenda item it concerns, as printed: "5"'),
  interest: nonEmpty.describe('the interest, in the words of the minutes or agenda'),
});

/** "none" when the papers record that no interest was declared; the list when some were; left out when they do not say. */
export const declarationsSchema = z.union([z.literal('none'), z.array(declarationSchema).min(1)], {
  error: 'expected none (the papers record that no interest was declared), or a list of declarations, each with name, interest and item',
});

export const meetingSchema = z.strictObject({
  ...publication,
  title: z.string().optional().describe('defaults to the body name and date'),
  time: z
    .string()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'expected a 24-hour time such as "15:00" (write it in quotes)' })
    .optional()
    .describe('start time, 24-hour HH:MM; leave out when not known'),
  venue: z.string().optional().describe('as printed, such as "HQ, Conference Room 3"'),
  status: z.enum(['scheduled', 'held', 'cancelled']).default('held').describe('held (the default), scheduled or cancelled'),
  provenance: z.string().optional().describe('how this meeting is known, when not from its own pack'),
  agendaNote: z.string().optional().describe('for example, that the agenda was reconstructed from the reports'),
  attendance: attendanceSchema.optional().describe('who was present, in attendance, substituting or sent apologies'),
  declarations: declarationsSchema
    .optional()
    .describe('declarations of interest: none when the papers record none; else each with name, interest and item; leave out when the papers do not say'),
  agenda: z.array(agendaItemSchema).default([]).describe('the agenda items, in order'),
  attachments: z.array(attachmentSchema).default([]).describe('original files kept beside it, such as the pack as a PDF: file, title'),
});

export const contactSchema = z.strictObject({
  name: nonEmpty.describe('the contact officer’s name'),
  role: z.string().optional().describe('their job title'),
  email: z.string().optional().describe('as printed'),
  phone: z.string().optional().describe('as printed, in quotes'),
});

export const sourceDocumentSchema = z.strictObject({
  title: nonEmpty.describe('the title as printed, with its agenda item, body and date when given'),
  url: z.url({ protocol: /^https?$/, error: 'expected a full web address starting http:// or https://' }).optional(),
  note: z.string().optional().describe('such as "not in the archive"'),
}).describe('a source or background document');

export const appendixSchema = z.strictObject({
  title: nonEmpty.describe('as printed, such as "Appendix 1 – Grants"'),
  included: z.boolean().default(true).describe('false when the pack promises the appendix but does not hold it'),
  note: z.string().optional().describe('a note shown beside the appendix'),
});

/** A paper's own address within its meeting, such as "9-annex": lower-case letters, digits, dots and hyphens. */
const paperAddressSegment = z
  .string()
  .regex(/^[a-z0-9][a-z0-9.-]*$/, { error: 'expected lower-case letters, digits, dots and hyphens, such as "9-annex"' })
  .refine((segment) => !endsLikeFileName(segment), { error: 'expected an address that does not end like a file’s name (.html, .xml, .pdf, .ics, .json…), which a web server would serve as a file; such as "9-annex"' })
  .refine((segment) => !RESERVED_ADDRESSES.includes(segment), { error: `expected an address that is not one of the meeting's own pages or the site's own names (${RESERVED_ADDRESSES.join(', ')})` });

export const paperSchema = z.strictObject({
  ...publication,
  title: nonEmpty.describe("the paper's own title"),
  item: agendaNumber.optional().describe('the agenda item it is under, as printed: "5.0", "8.1"'),
  address: paperAddressSegment.optional().describe('its own address in the meeting, for a second paper under one agenda item: "9-annex"; never change it once published'),
  formerAddresses: z.array(paperAddressSegment).default([]).describe('addresses in the meeting it was published at before; each leads here'),
  to: z.string().optional().describe('as printed, such as "Business Coordination Board"'),
  from: z.string().optional().describe('a role, such as "Chief Constable"'),
  date: calendarDate.optional().describe('the date printed on the paper'),
  dateNote: z.string().optional().describe('why the paper is dated after its meeting, when it is'),
  marking: z.string().optional().describe('protective marking as printed, such as "Official"'),
  recommendations: z.array(z.string()).default([]).describe('each recommendation, word for word'),
  appendices: z.array(appendixSchema).default([]).describe('each appendix: title, included, note'),
  contacts: z.array(contactSchema).default([]).describe('contact officers: name, role, email, phone'),
  sources: z.array(sourceDocumentSchema).default([]).describe('source or background documents: title, url, note'),
  attachments: z.array(attachmentSchema).default([]).describe('original files kept beside it, such as the paper as a Word file: file, title'),
  note: z.string().optional().describe('an editorial note shown above the text'),
});

export const minutesSchema = z.strictObject({
  ...publication,
  title: z.string().optional().describe('defaults to "Minutes of the meeting of <date>"'),
  status: z.enum(['draft', 'approved'], { error: 'expected draft or approved' }).describe('draft until a later meeting approves them'),
  approvedAt: calendarDate.optional().describe('the date of the meeting that approved these minutes'),
  note: z.string().optional().describe('a note shown above the minutes'),
});

/** The address of a page of the site, such as "board/2017-09-21/11"; leading and trailing slashes are dropped. */
const siteAddress = z.string().transform((address) => address.trim().replace(/^\/+|\/+$/g, ''));

export const decisionSchema = z.strictObject({
  ...publication,
  id: nonEmpty.describe('as content/site.yaml’s decisionNumbering writes it, such as "ABC 2021-020"'),
  printedId: z.string().optional().describe('the id as the source printed it, when it differs'),
  title: nonEmpty.describe('the subject'),
  date: calendarDate.describe('the date of the decision'),
  summary: z.string().optional().describe('the decision, in the words of the record'),
  papers: z.array(siteAddress).default([]).describe('addresses of supporting papers, such as "board/2017-09-21/11"'),
  meeting: siteAddress.optional().describe('address of the meeting where it was discussed, such as "board/2017-09-21"'),
  notified: siteAddress.optional().describe('address of the meeting where it was notified to the Panel'),
});

/**
 * An action's target: a date written YYYY-MM-DD, or text as printed ("Date Req"). A date written
 * another way ("14/11/2019") is refused with the date to write, so that histories can compare targets.
 */
const actionTarget = z.preprocess(
  dateAsText,
  z.string().superRefine((text, context) => {
    if (/^\d{4}-\d{2}-\d{2}$/.test(text.trim()) && !isCalendarDate(text.trim())) {
      context.addIssue({ code: 'custom', message: 'expected a real date written YYYY-MM-DD, for example 2019-06-11' });
      return;
    }
    const other = dateWrittenOtherwise(text);
    if (other) {
      context.addIssue({
        code: 'custom',
        message: other.iso
          ? `expected a date written YYYY-MM-DD: write ${other.iso} (read day first, as British papers write dates)`
          : 'expected a real date written YYYY-MM-DD; this names no day that exists',
      });
    }
  }),
);

export const actionStatuses = ['Open', 'Ongoing', 'Not Started', 'Closed'] as const;

export const actionRowSchema = z.strictObject({
  number: z.preprocess((v) => (typeof v === 'number' ? v.toFixed(1) : v), nonEmpty).describe('as printed, such as "4.0"'),
  raised: calendarDate.describe('the date of the meeting that raised it'),
  item: agendaNumber.optional().describe('the agenda item it was raised under'),
  action: nonEmpty.describe('the action, word for word'),
  owner: z.string().optional().describe('such as "Constabulary" or "OPCC"'),
  target: actionTarget.optional().describe('a date (YYYY-MM-DD), or text as printed such as "Date Req"'),
  update: z.string().optional().describe('the update, word for word'),
  updated: calendarDate.optional().describe('the date of the update'),
  status: z.enum(actionStatuses, { error: `expected one of ${actionStatuses.join(', ')}` }).optional().describe('Open, Ongoing, Not Started or Closed'),
  note: z.string().optional().describe('an editorial note, such as a value the source damaged'),
});

export const actionLogSchema = z.strictObject({
  title: nonEmpty.describe('the heading of the log as printed'),
  note: z.string().optional().describe('a note shown under the log'),
  actions: z.array(actionRowSchema).describe('the rows of the log'),
});

export const plannedDecisionSchema = z.strictObject({
  area: z.string().optional().describe('the heading it is listed under, as printed, such as "COLLABORATION"'),
  subject: nonEmpty.describe('what is to be decided, word for word'),
  background: z.array(sourceDocumentSchema).default([]).describe('the background reports it lists: title, url, note'),
  timescale: z.string().optional().describe('the anticipated timescale or date, as printed'),
  decisions: z.array(nonEmpty).default([]).describe('the ids of the decisions taken on it, once there are any'),
  note: z.string().optional().describe('an editorial note shown beside it'),
});

export const forwardPlanSchema = z.strictObject({
  ...publication,
  title: nonEmpty.describe('the heading of the plan as printed'),
  note: z.string().optional().describe('a note shown under the plan, such as which paper prints it'),
  planned: z.array(plannedDecisionSchema).describe('each area where a decision is likely, in the order printed'),
});

/** One term of the plain-words glossary (content/glossary.yaml): a word of the papers, explained for a resident. */
export const glossaryTermSchema = z.strictObject({
  term: nonEmpty.describe('the term as the papers write it, such as "MTFS" or "precept"; each term once'),
  expansion: nonEmpty.optional().describe('for an abbreviation: what it stands for, as the papers give it, such as "Medium Term Financial Strategy"'),
  explanation: nonEmpty.describe('what it means, in one or two plain sentences a resident understands'),
  publicWords: z.array(nonEmpty).describe('the words the public uses for it, such as [council tax]; [] when there are none'),
  alsoWritten: z.array(nonEmpty).default([]).describe('other forms the papers print, such as [Medium-Term Financial Strategy]'),
  sharedPublicWords: z.array(nonEmpty).default([]).describe('public words deliberately given to this term and another too; each must also be in publicWords'),
});

/** The plain-words glossary, content/glossary.yaml: every term the papers use that a resident may not know. */
export const glossarySchema = z
  .strictObject({
    terms: z.array(glossaryTermSchema).describe('each term, in any order: the site lists them alphabetically'),
  })
  .superRefine(({ terms }, context) => {
    for (const { path, message } of glossaryConflicts(terms)) context.addIssue({ code: 'custom', path, message });
  });

/** An email address, telephone number and postal address, each as the packs print it. */
export const siteContactSchema = z.strictObject({
  email: z.email({ error: 'expected an email address such as opcc@example.org' }).optional().describe('an email address, as the packs print it'),
  phone: z.string().optional().describe('a telephone number, as the packs print it, in quotes'),
  address: z.string().optional().describe('the postal address, as the packs print it; leave out when they give none'),
}).refine((contact) => Boolean(contact.email || contact.phone || contact.address), { error: 'expected at least one of email, phone or address' });

const webAddress = z.url({ protocol: /^https?$/, error: 'expected a full web address starting http:// or https://' });

/** The publisher's identity and the facts of the accessibility statement, in content/site.yaml. */
export const siteSchema = z.strictObject({
  name: nonEmpty.describe('the publisher’s name, in its own words as the papers print it'),
  area: nonEmpty.describe('the area it serves, as the papers name it'),
  siteName: nonEmpty.describe('the name of this site, in the header and at the end of every page title'),
  website: webAddress.optional().describe('the publisher’s own website, where readers find what this site does not give'),
  contact: siteContactSchema.describe('how to reach the publisher: email, phone and address, as the packs print them'),
  privacyNotice: webAddress.optional().describe('the address of the publisher’s privacy notice on its own website'),
  accessibilityContact: siteContactSchema.optional().describe('where to report an accessibility problem; leave out to use the contact above'),
  lastTested: calendarDate.describe('the date the site was last tested for accessibility (YYYY-MM-DD)'),
  howTested: nonEmpty.describe('how it was last tested, and by whom'),
  statementPrepared: calendarDate.describe('the date the accessibility statement was prepared or last reviewed (YYYY-MM-DD)'),
  decisionNumbering: z
    .string({ error: 'expected how decision ids are written, in quotes, such as "OPCC {year}-{number:3}"' })
    .superRefine((pattern, context) => {
      const read = readNumberingPattern(pattern);
      if ('problem' in read) context.addIssue({ code: 'custom', message: read.problem });
    })
    .describe('how the decision ids are written: the letters they start with, then {year} (four digits) or {yy} (two), and {number}, or {number:3} for at least three digits; such as "OPCC {year}-{number:3}" or "PFCC/{number:3}/{yy}"'),
  citationWords: z
    .array(nonEmpty)
    .optional()
    .describe('the words papers use for the board or panel they go to, as in "brought to this Board"; leave out to use the last word of each body’s name'),
  knownIssues: z.array(nonEmpty).default([]).describe('each accessibility problem known, in plain words; none means the site claims full compliance'),
});

export type Body = z.infer<typeof bodySchema>;
export type Person = z.infer<typeof personSchema>;
export type AgendaItem = z.infer<typeof agendaItemSchema>;
export type Meeting = z.infer<typeof meetingSchema>;
export type Paper = z.infer<typeof paperSchema>;
export type Minutes = z.infer<typeof minutesSchema>;
export type Decision = z.infer<typeof decisionSchema>;
export type ActionRow = z.infer<typeof actionRowSchema>;
export type ActionLog = z.infer<typeof actionLogSchema>;
export type Declaration = z.infer<typeof declarationSchema>;
export type ForwardPlan = z.infer<typeof forwardPlanSchema>;
export type PlannedDecision = z.infer<typeof plannedDecisionSchema>;
export type SiteContact = z.infer<typeof siteContactSchema>;
export type Site = z.infer<typeof siteSchema>;
export type GlossaryTerm = z.infer<typeof glossaryTermSchema>;
export type Glossary = z.infer<typeof glossarySchema>;
