/** npm run docs: rewrites the README's field reference from the schemas. */
import { readFileSync, writeFileSync } from 'node:fs';
import { fieldReference } from '#lib/authoring/field-reference.ts';
import { replaceGenerated } from '#lib/authoring/readme.ts';

const readme = readFileSync('README.md', 'utf8');
writeFileSync('README.md', replaceGenerated(readme, fieldReference()));
console.log('README.md: field reference written from src/lib/model/schema.ts');
