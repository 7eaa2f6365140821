/** npm run new -- meeting|paper|minutes|decision …: writes a new content file; never overwrites. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { contentDirectory } from '../lib/content-directory.ts';
import { parseYamlFile } from '../lib/frontmatter.ts';
import { scaffold, ScaffoldError } from '../lib/scaffold.ts';

const contentDir = contentDirectory();
const bodies = (parseYamlFile(readFileSync(join(contentDir, 'bodies.yaml'), 'utf8')).data as { id: string }[]).map((body) => body.id);

try {
  const { path, text } = scaffold(process.argv.slice(2), bodies);
  const file = join(contentDir, path);
  if (existsSync(file)) {
    console.error(`${join('content', path)} already exists; nothing was written. Edit that file, or choose another name.`);
    process.exit(1);
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text, { flag: 'wx' });
  console.log(`Wrote ${join('content', path)}. Fill it in, then run npm run check.`);
} catch (error) {
  if (error instanceof ScaffoldError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
