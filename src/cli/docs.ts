/** npm run docs: rewrites the field reference for staff (docs/publishing/fields.md) from the schemas. */
import { readFileSync, writeFileSync } from 'node:fs';
import { fieldReference } from '#lib/authoring/field-reference.ts';
import { FIELD_REFERENCE_FILE, replaceGenerated } from '#lib/authoring/field-reference-file.ts';

const document = readFileSync(FIELD_REFERENCE_FILE, 'utf8');
writeFileSync(FIELD_REFERENCE_FILE, replaceGenerated(document, fieldReference()));
console.log(`${FIELD_REFERENCE_FILE}: field reference written from src/lib/model/schema.ts`);
