/**
 * npm run new -- meeting|paper|minutes|decision …: writes a new content file; never overwrites.
 * npm run new -- site: starts the archive of a new office, its content/site.yaml and content/bodies.yaml.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { contentDirectory } from '#lib/build/content-directory.ts';
import { parseYamlFile } from '#lib/text/frontmatter.ts';
import { scaffold, ScaffoldError, siteScaffold, type Scaffold } from '#lib/authoring/scaffold.ts';
import { decisionNumbering } from '#lib/model/decision-numbering.ts';
import { siteSchema } from '#lib/model/schema.ts';
import { SITE_FILE } from '#lib/model/document-kinds.ts';
import { todayInLondon } from '#lib/model/dates.ts';

const contentDir = contentDirectory();
const args = process.argv.slice(2);

function readScaffolds(): Scaffold[] {
  if (args[0] === 'site') return siteScaffold(todayInLondon());
  const bodies = (parseYamlFile(readFileSync(join(contentDir, 'bodies.yaml'), 'utf8')).data as { id: string }[]).map((body) => body.id);
  const site = siteSchema.safeParse(parseYamlFile(readFileSync(join(contentDir, SITE_FILE), 'utf8')).data);
  return [scaffold(args, bodies, site.success ? decisionNumbering(site.data.decisionNumbering) : undefined)];
}

try {
  const scaffolds = readScaffolds();
  const existing = scaffolds.filter(({ path }) => existsSync(join(contentDir, path)));
  if (existing.length > 0) {
    console.error(`${existing.map(({ path }) => join('content', path)).join(' and ')} already ${existing.length > 1 ? 'exist' : 'exists'}; nothing was written. Edit that file, or choose another name.`);
    process.exit(1);
  }
  for (const { path, text } of scaffolds) {
    const file = join(contentDir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text, { flag: 'wx' });
    console.log(`Wrote ${join('content', path)}.`);
  }
  console.log('Fill it in, then run npm run check.');
} catch (error) {
  if (error instanceof ScaffoldError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
