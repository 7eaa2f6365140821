/**
 * One run of the test suite, shared by Vitest's process and its workers:
 * - a temporary folder of its own, removed at its end, and in it one for each test file, which is TMPDIR for the
 *   file and every build, command and browser it starts, removed after the file with the build caches
 *   (node_modules/.astro/…) of the content folders made in it; anything still left at the end fails the run;
 * - the shared archives (the fixture's, the real one and the second office's), built once, one after another, in
 *   the background while the unit and command-line tests run, each announced by a file when it is built.
 */
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { buildCacheDirectory } from '#lib/build/build-cache.ts';

const projectRoot = resolve(import.meta.dirname, '../..');

/** The environment variable that names the run's folder, set by the global setup for every worker. */
export const RUN_FOLDER = 'BOARD_PAPERS_TEST_RUN';

export interface SharedArchive {
  name: string;
  contentDir: string;
  outDir: string;
  base: string;
}

export interface BuildResult {
  status: number | null;
  output: string;
}

/** The environment of a build: the test's own, less what Vitest adds for Vite (BASE_URL, MODE…), which a build must not inherit. */
export function buildEnvironment(site: { contentDir: string; outDir: string; base: string }): NodeJS.ProcessEnv {
  const { BASE_URL: _base, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, ...environment } = process.env;
  return { ...environment, CONTENT_DIR: site.contentDir, OUT_DIR: site.outDir, BASE_PATH: site.base, ASTRO_TELEMETRY_DISABLED: '1' };
}

/** The run's folder; outside a run (a script importing the test helpers), none. */
function runFolder(): string | undefined {
  return process.env[RUN_FOLDER];
}

const archiveFile = (folder: string, name: string) => join(folder, 'archives', `${name}.json`);
const cachesFile = (folder: string) => join(folder, 'build-caches.txt');

/** The content folders this process has built. */
const builtHere: string[] = [];

/** Notes the build cache a build of this content folder uses, so that it can be removed with the folder. */
export function noteBuildCache(contentDir: string): void {
  builtHere.push(resolve(projectRoot, contentDir));
  const folder = runFolder();
  if (folder) appendFileSync(cachesFile(folder), `${resolve(projectRoot, contentDir)}\n`);
}

const inside = (folder: string, path: string) => !relative(folder, path).startsWith('..');

/**
 * Removes a temporary folder and the build cache (node_modules/.astro/…) of every content folder in it: those this
 * process built, and any other folder in it that has a cache (one `astro dev` or a command built).
 */
export function removeWithBuildCaches(folder: string): void {
  const folders = existsSync(folder)
    ? readdirSync(folder, { recursive: true, withFileTypes: true }).filter((entry) => entry.isDirectory()).map((entry) => join(entry.parentPath, entry.name))
    : [];
  for (const contentDir of new Set([...builtHere.filter((built) => inside(folder, built)), folder, ...folders])) {
    const cache = join(projectRoot, buildCacheDirectory(projectRoot, contentDir));
    if (existsSync(cache)) rmSync(cache, { recursive: true, force: true });
  }
  rmSync(folder, { recursive: true, force: true });
}

/**
 * Gives the test file about to run a temporary folder of its own (TMPDIR, for it and every process it starts), and
 * removes it, with the build caches of the content folders made in it, after the file's last hook: whatever a test
 * makes in the temporary folder goes with it, even when the test fails.
 */
export function scratchFolderPerFile(afterAll: (hook: () => void) => void): void {
  const run = runFolder();
  if (!run) return;
  // a short name: Debian's Chromium puts a socket in it, and a socket's path has at most 107 characters
  const folder = mkdtempSync(join(run, 'tmp', 'f-'));
  process.env.TMPDIR = folder;
  afterAll(() => removeWithBuildCaches(folder));
}

/** Builds a shared archive with the real build command, in the background; resolves with its exit status and output. */
function buildInBackground(site: SharedArchive): Promise<BuildResult> {
  noteBuildCache(site.contentDir);
  const child = spawn(process.execPath, ['src/cli/build.ts'], { cwd: projectRoot, env: buildEnvironment(site), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => {
    child.on('error', (error) => resolve({ status: null, output: `${output}\n${error.message}` }));
    child.on('close', (status) => resolve({ status, output }));
  });
}

/** Waits until the shared archives are built; fails with the build's output if one did not build. */
export async function sharedArchivesBuilt(names: string[]): Promise<void> {
  const folder = runFolder();
  if (!folder) throw new Error(`${RUN_FOLDER} is not set: run the tests through Vitest's configuration (tests/vitest.config.ts)`);
  for (const name of names) {
    while (!existsSync(archiveFile(folder, name))) await new Promise((resolve) => setTimeout(resolve, 200));
    const result = JSON.parse(readFileSync(archiveFile(folder, name), 'utf8')) as BuildResult;
    if (result.status !== 0) throw new Error(`building the ${name} archive failed:\n${result.output}`);
  }
}

/** The run, as Vitest's own process keeps it: started by the first global setup, finished by the last teardown. */
export class TestRun {
  readonly folder: string;
  private readonly previousTmpdir: string | undefined;
  private builds: Promise<void> | undefined;
  users = 0;

  constructor() {
    this.folder = mkdtempSync(join(tmpdir(), 'board-papers-tests-'));
    mkdirSync(join(this.folder, 'tmp'));
    mkdirSync(join(this.folder, 'archives'));
    writeFileSync(cachesFile(this.folder), '');
    this.previousTmpdir = process.env.TMPDIR;
    process.env[RUN_FOLDER] = this.folder;
    process.env.TMPDIR = join(this.folder, 'tmp');
    // Node keeps what it compiled of Astro, Vite and the tests' modules for every later process, of this run and the next
    process.env.NODE_COMPILE_CACHE ??= join(projectRoot, 'node_modules/.cache/board-papers-compile-cache');
  }

  /** Starts building the shared archives, one after another (once, however often it is asked). */
  buildSharedArchives(archives: SharedArchive[], reuse: boolean): void {
    this.builds ??= (async () => {
      for (const site of archives) {
        const result: BuildResult =
          reuse && existsSync(site.outDir) ? { status: 0, output: 'REUSE_BUILD=1: the site the last run built' } : await buildInBackground(site);
        writeFileSync(archiveFile(this.folder, site.name), JSON.stringify(result));
      }
    })();
  }

  /**
   * Waits for the shared builds, removes the run's folder, and fails if a test left something behind: a file or
   * folder in the run's temporary folder, or the build cache (node_modules/.astro/…) of a content folder made there.
   */
  async finish(): Promise<void> {
    await this.builds;
    const temporary = join(this.folder, 'tmp');
    const leftInTmp = existsSync(temporary) ? readdirSync(temporary).filter((name) => !name.startsWith('.org.chromium.')) : [];
    const noted = existsSync(cachesFile(this.folder)) ? readFileSync(cachesFile(this.folder), 'utf8') : '';
    const leftCaches = [...new Set(noted.split('\n').filter(Boolean))]
      .filter((contentDir) => inside(temporary, contentDir))
      .map((contentDir) => buildCacheDirectory(projectRoot, contentDir))
      .filter((cache) => existsSync(join(projectRoot, cache)));
    for (const cache of leftCaches) rmSync(join(projectRoot, cache), { recursive: true, force: true });
    rmSync(this.folder, { recursive: true, force: true });
    if (this.previousTmpdir === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = this.previousTmpdir;
    const left = [...leftInTmp.map((name) => `${name} (in the temporary folder)`), ...leftCaches];
    if (left.length > 0) {
      throw new Error(`tests left behind what they made (removed now); remove it in the test's afterAll:\n${left.map((item) => `  ${item}`).join('\n')}`);
    }
  }
}
