/**
 * npm run new -- meeting|paper|minutes|decision …: writes a new content file; never overwrites.
 * npm run new -- site: starts the archive of a new office, its content/site.yaml and content/bodies.yaml.
 * content/bodies.yaml and content/site.yaml are read through their schemas, as the check reads them, and
 * every file is written through writeFileInside: inside content/, by the one rule for names.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { contentDirectory } from '#lib/build/content-directory.ts';
import { resolveInside, UnsafePathError, writeFileInside } from '#lib/build/safe-write.ts';
import { readBodies, readSite, SettingsError } from '#lib/check/read-settings.ts';
import { scaffold, ScaffoldError, siteScaffold, type Scaffold } from '#lib/authoring/scaffold.ts';
import { decisionNumbering } from '#lib/model/decision-numbering.ts';
import { todayInLondon } from '#lib/model/dates.ts';

const contentDir = contentDirectory();
const args = process.argv.slice(2);

function readScaffolds(): Scaffold[] {
  if (args[0] === 'site') return siteScaffold(todayInLondon());
  // only what the kind needs is read: a decision needs the numbering, the others the bodies
  const decision = args[0] === 'decision';
  const bodies = decision ? [] : readBodies(contentDir).map((body) => body.id);
  return [scaffold(args, bodies, decision ? decisionNumbering(readSite(contentDir).decisionNumbering) : undefined)];
}

try {
  const scaffolds = readScaffolds();
  const existing = scaffolds.filter(({ path }) => existsSync(resolveInside(contentDir, path)));
  if (existing.length > 0) {
    console.error(`${existing.map(({ path }) => join('content', path)).join(' and ')} already ${existing.length > 1 ? 'exist' : 'exists'}; nothing was written. Edit that file, or choose another name.`);
    process.exit(1);
  }
  for (const { path, text } of scaffolds) {
    writeFileInside(contentDir, path, text);
    console.log(`Wrote ${join('content', path)}.`);
  }
  console.log('Fill it in, then run npm run check.');
} catch (error) {
  if (error instanceof ScaffoldError || error instanceof SettingsError || error instanceof UnsafePathError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
