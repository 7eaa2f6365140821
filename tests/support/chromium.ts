/**
 * The Chromium the tests drive. `npm install` brings one: @sparticuz/chromium ships a headless Chromium inside its
 * package, compressed, with the few libraries it links (NSS, NSPR, expat) and a font. It is unpacked once into
 * node_modules/.cache/ and needs nothing that apt installs. Debian's /usr/bin/chromium is used instead where it is
 * installed. CHROMIUM=npm forces the package's (to try the suite as on a machine without Debian's), and
 * CHROMIUM=<path> runs another binary.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';

export const SYSTEM_CHROMIUM = '/usr/bin/chromium';
const projectRoot = resolve(import.meta.dirname, '../..');

export interface Chromium {
  executablePath: string;
  /** the environment it runs in: for the package's, where its libraries and its font are */
  env: NodeJS.ProcessEnv;
  /** where it came from, for messages */
  source: 'npm' | 'system' | 'CHROMIUM';
}

/** The folder of @sparticuz/chromium's compressed files, and its version. */
function packageFiles(): { bin: string; version: string } {
  const entry = createRequire(import.meta.url).resolve('@sparticuz/chromium');
  const root = resolve(dirname(entry), '..');
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  return { bin: join(root, 'bin'), version };
}

/**
 * Unpacks the package's Chromium, once per version: the browser, its libraries (lib/) and its font (fonts/, with a
 * fontconfig file naming that folder only, so pages render alike on every machine). Unpacked beside the final folder
 * and renamed into place, so that two test workers starting at once never see half a browser.
 */
export function unpackPackagedChromium(): { folder: string; executablePath: string } {
  const { bin, version } = packageFiles();
  const folder = join(projectRoot, 'node_modules/.cache/board-papers-chromium', version);
  const executablePath = join(folder, 'chromium');
  if (existsSync(executablePath)) return { folder, executablePath };
  const partial = `${folder}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(join(partial, 'lib'), { recursive: true });
  mkdirSync(join(partial, 'fonts'), { recursive: true });
  writeFileSync(join(partial, 'chromium'), brotliDecompressSync(readFileSync(join(bin, 'chromium.br'))), { mode: 0o755 });
  const untar = (archive: string, into: string) => {
    const result = spawnSync('tar', ['-x', '-C', into], { input: brotliDecompressSync(readFileSync(join(bin, archive))) });
    if (result.status !== 0) throw new Error(`could not unpack ${archive} of @sparticuz/chromium: ${result.stderr}`);
  };
  untar('al2023.tar.br', partial); // lib/libnss3.so, libnspr4.so, libexpat.so.1…
  untar('fonts.tar.br', join(partial, 'fonts')); // fonts/Open_Sans/*.ttf and a fonts.conf for AWS Lambda's folders
  writeFileSync(
    join(partial, 'fonts/fonts.conf'),
    `<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <dir>${join(folder, 'fonts/fonts')}</dir>\n  <cachedir>${join(folder, 'fonts/cache')}</cachedir>\n</fontconfig>\n`,
  );
  try {
    renameSync(partial, folder);
  } catch (error) {
    // another worker put it in place first
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(executablePath)) throw error;
  }
  return { folder, executablePath };
}

/** The Chromium to drive: CHROMIUM if set ("npm" or a path), else Debian's where installed, else the package's. */
export function findChromium(environment: NodeJS.ProcessEnv = process.env): Chromium {
  const chosen = environment.CHROMIUM;
  if (chosen && chosen !== 'npm') {
    if (!existsSync(chosen)) throw new Error(`CHROMIUM is ${chosen}, which does not exist`);
    return { executablePath: chosen, env: environment, source: 'CHROMIUM' };
  }
  if (!chosen && existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, env: environment, source: 'system' };
  const { folder, executablePath } = unpackPackagedChromium();
  const libraries = join(folder, 'lib');
  return {
    executablePath,
    env: {
      ...environment,
      LD_LIBRARY_PATH: [libraries, environment.LD_LIBRARY_PATH].filter(Boolean).join(':'),
      FONTCONFIG_PATH: join(folder, 'fonts'),
      FONTCONFIG_FILE: join(folder, 'fonts/fonts.conf'),
    },
    source: 'npm',
  };
}
