/** A bad file fails the real build with a message that names it, and the published site is left as it was. */
import { afterAll, describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE, buildSite, projectRoot } from './support/site.ts';
import { buildCacheDirectory } from '#lib/build/build-cache.ts';

function brokenCopy(file: string, change: (text: string) => string): { contentDir: string; outDir: string; base: string } {
  const dir = mkdtempSync(join(tmpdir(), 'board-papers-broken-'));
  const contentDir = join(dir, 'content');
  cpSync(FIXTURE.contentDir, contentDir, { recursive: true });
  const path = join(contentDir, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
  // a previous good site, which a failed build must not touch
  const outDir = join(dir, 'dist');
  cpSync(FIXTURE.outDir, outDir, { recursive: true });
  scratch.push({ contentDir });
  return { contentDir, outDir, base: FIXTURE.base };
}

/** The copies of the fixture the tests made, removed with their build caches when they are done. */
const scratch: { contentDir: string }[] = [];
afterAll(() => {
  for (const { contentDir } of scratch) {
    rmSync(join(projectRoot, buildCacheDirectory(projectRoot, contentDir)), { recursive: true, force: true });
    rmSync(join(contentDir, '..'), { recursive: true, force: true });
  }
});

describe('a failed build', () => {
  it('stops on a content problem, names the file and field, and leaves the site alone', () => {
    const site = brokenCopy('meetings/bcb/2019-06-11/05-fms.mdx', (text) => text.replace('item: "5.0"', 'item: "6"'));
    const before = readFileSync(join(site.outDir, 'bcb/2019-06-11/5/index.html'), 'utf8');
    const result = buildSite(site);
    expect(result.status).not.toBe(0);
    expect(result.output).toMatch(/content\/meetings\/bcb\/2019-06-11\/05-fms\.mdx:3 item: found "6", which is not on the agenda of bcb\/2019-06-11/);
    expect(result.output).toContain('The build failed; the site in dist/ was not changed.');
    expect(readFileSync(join(site.outDir, 'bcb/2019-06-11/5/index.html'), 'utf8')).toBe(before);
    expect(existsSync(`${site.outDir}.staging`)).toBe(false);
  });

  it('stops on an unclosed MDX tag, naming the file', () => {
    const site = brokenCopy('meetings/bcb/2019-06-11/08-1-actions.mdx', (text) => `${text}\n<EditorialNote>never closed\n`);
    const result = buildSite(site);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('08-1-actions.mdx');
    expect(existsSync(join(site.outDir, 'bcb/2019-06-11/8.1/index.html'))).toBe(true);
  });

  it('puts back the old site when an earlier build was stopped between moving it aside and moving the new one in', () => {
    const site = brokenCopy('meetings/bcb/2019-06-11/05-fms.mdx', (text) => text.replace('item: "5.0"', 'item: "6"'));
    renameSync(site.outDir, `${site.outDir}.previous`);
    const result = buildSite(site);
    expect(result.status).not.toBe(0);
    expect(existsSync(join(site.outDir, 'bcb/2019-06-11/5/index.html'))).toBe(true);
    expect(existsSync(`${site.outDir}.previous`)).toBe(false);
  });

  it('stops on a link to a page that does not exist, naming the page and the link', () => {
    const site = brokenCopy('meetings/bcb/2019-06-11/08-1-actions.mdx', (text) => `${text}\nSee [the register](/board/registers/).\n`);
    const result = buildSite(site);
    expect(result.status).not.toBe(0);
    // the fixture is built under /board/, so the address staff wrote from the site's root is moved under it
    expect(result.output).toContain('bcb/2019-06-11/8.1/index.html: links to /board/board/registers/, which does not exist');
  });
});

/** The build, started without waiting for it, as a second person on the same checkout would. */
function spawnBuild(site: { contentDir: string; outDir: string; base: string }, environment: Record<string, string> = {}) {
  const { BASE_URL: _base, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, ...inherited } = process.env;
  return spawn(process.execPath, ['src/cli/build.ts'], {
    cwd: projectRoot,
    env: { ...inherited, CONTENT_DIR: site.contentDir, OUT_DIR: site.outDir, BASE_PATH: site.base, ASTRO_TELEMETRY_DISABLED: '1', ...environment },
  });
}

/**
 * The checkout's own lock. The builds below take it as every build does: builds in one checkout share
 * more than dist/ (Astro's .astro/ folder), so a build of the tests with a lock of its own would break,
 * and be broken by, any other build running here meanwhile.
 */
const LOCK = join(projectRoot, 'node_modules/.astro/build.lock');

function startBuild(site: { contentDir: string; outDir: string; base: string }, environment: Record<string, string> = {}): Promise<{ status: number | null; output: string }> {
  const child = spawnBuild(site, environment);
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((done) => child.on('exit', (status) => done({ status, output })));
}

/** Every file of a built site, by its path in the output folder; a bundled asset without its content hash, which changes with the styles. */
const filesOf = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1).replace(/^(_astro\/[^/]+)\.[\w-]{8}(\.\w+)$/, '$1$2'))
    .sort();

/** Writes the checkout's lock as a build does, naming a process, once no build holds it. */
async function holdLockFor(pid: number): Promise<void> {
  for (;;) {
    try {
      const fd = openSync(LOCK, 'wx');
      writeSync(fd, `${pid}\n`);
      closeSync(fd);
      return;
    } catch {
      await sleep(200);
    }
  }
}

describe('one build at a time in a checkout', () => {
  it('two builds started together both finish, one after the other, and leave the whole site in dist/', async () => {
    const site = brokenCopy('meetings/bcb/2019-06-11/05-fms.mdx', (text) => text);
    rmSync(site.outDir, { recursive: true });
    const [first, second] = await Promise.all([startBuild(site), sleep(300).then(() => startBuild(site))]);
    expect(first.status, first.output.slice(-2000)).toBe(0);
    expect(second.status, second.output.slice(-2000)).toBe(0);
    expect(`${first.output}${second.output}`).toMatch(/Another build is running \(process \d+\); waiting for it to finish/);
    expect(filesOf(site.outDir)).toEqual(filesOf(FIXTURE.outDir));
    expect(existsSync(`${site.outDir}.staging`)).toBe(false);
  }, 300_000);

  it('a build told not to wait stops, naming the build that runs, and leaves dist/ alone', async () => {
    const site = brokenCopy('meetings/bcb/2019-06-11/05-fms.mdx', (text) => text);
    const running = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', 'build'], { stdio: 'ignore' });
    await holdLockFor(running.pid!);
    try {
      const result = await startBuild(site, { BUILD_WAIT_SECONDS: '0' });
      expect(result.status).toBe(1);
      expect(result.output).toContain(`another build is running (process ${running.pid})`);
      expect(filesOf(site.outDir)).toEqual(filesOf(FIXTURE.outDir));
    } finally {
      rmSync(LOCK, { force: true });
      running.kill('SIGKILL');
    }
  });

  it('a lock left by a build killed with kill -9 is taken over', async () => {
    const site = brokenCopy('meetings/bcb/2019-06-11/05-fms.mdx', (text) => text);
    const killed = Number(spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout.trim());
    await holdLockFor(killed);
    // a lock not taken over would keep this build waiting, then stop it
    const result = await startBuild(site, { BUILD_WAIT_SECONDS: '120' });
    expect(result.status, result.output.slice(-2000)).toBe(0);
    // this build took it over; or another build in this checkout came first, and this one waited for that
    expect(result.output).toMatch(new RegExp(`A build that was stopped \\(process ${killed}\\) left its lock behind|Another build is running \\(process (?!${killed}\\))\\d+\\)`));
  }, 300_000);
});

describe('a build killed with kill -9', () => {
  it('at any moment leaves a whole site in dist/, and the next build takes over its lock and publishes', async () => {
    const site = brokenCopy('meetings/bcb/2019-06-11/05-fms.mdx', (text) => text.replace('marking: Official', 'marking: Official – revised'));
    const whole = filesOf(site.outDir);
    // from its first moment to its last: a build of this archive takes some 15 to 30 seconds here
    for (const seconds of [0.5, 2, 4, 7, 10, 14, 19, 25]) {
      const child = spawnBuild(site);
      child.stdout.resume();
      child.stderr.resume();
      const ended = new Promise((done) => child.on('exit', done));
      await Promise.race([sleep(seconds * 1000), ended]);
      child.kill('SIGKILL');
      await ended;
      // dist/ is whole; or, in the instant between its two renames, the old site is aside, for the next build to put back
      const published = existsSync(site.outDir) ? site.outDir : `${site.outDir}.previous`;
      expect(filesOf(published), `killed after ${seconds} s`).toEqual(whole);
    }
    // the lock a killed build held is taken over (a lock not taken over would stop this build)
    const result = await startBuild(site, { BUILD_WAIT_SECONDS: '120' });
    expect(result.status, result.output.slice(-2000)).toBe(0);
    expect(filesOf(site.outDir)).toEqual(whole);
    expect(readFileSync(join(site.outDir, 'bcb/2019-06-11/5/index.html'), 'utf8')).toContain('Official – revised');
  }, 600_000);
});

describe('an address that would be written over another file', () => {
  it('is named by the check before anything is built, and once corrected the next build publishes, with no --clean', () => {
    const site = brokenCopy('meetings/bcb/2019-06-11/08-0-support.mdx', (text) => text.replace(/^item: "8.0"$/m, 'item: "8.0"\naddress: index.html'));
    const refused = buildSite(site);
    expect(refused.status).not.toBe(0);
    expect(refused.output).toMatch(/content\/meetings\/bcb\/2019-06-11\/08-0-support\.mdx:\d+ address: found "index\.html"; expected an address that does not end like a file’s name/);
    expect(refused.output).not.toContain('EISDIR');
    const file = join(site.contentDir, 'meetings/bcb/2019-06-11/08-0-support.mdx');
    writeFileSync(file, readFileSync(file, 'utf8').replace('address: index.html', 'address: 8-support'));
    const built = buildSite(site);
    expect(built.status, built.output.slice(-2000)).toBe(0);
    expect(existsSync(join(site.outDir, 'bcb/2019-06-11/8-support/index.html'))).toBe(true);
  }, 300_000);
});
