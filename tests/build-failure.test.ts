/** A bad file fails the real build with a message that names it, and the published site is left as it was. */
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURE, buildSite, projectRoot } from './support/site.ts';

function brokenCopy(file: string, change: (text: string) => string): { contentDir: string; outDir: string; base: string } {
  const dir = mkdtempSync(join(tmpdir(), 'board-papers-broken-'));
  const contentDir = join(dir, 'content');
  cpSync(FIXTURE.contentDir, contentDir, { recursive: true });
  const path = join(contentDir, file);
  writeFileSync(path, change(readFileSync(path, 'utf8')));
  // a previous good site, which a failed build must not touch
  const outDir = join(dir, 'dist');
  cpSync(FIXTURE.outDir, outDir, { recursive: true });
  return { contentDir, outDir, base: FIXTURE.base };
}

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
    expect(result.output).toContain('bcb/2019-06-11/8.1/index.html: links to /board/registers/, which does not exist');
  });
});

/** The build, started without waiting for it, as a second person on the same checkout would. */
function startBuild(site: { contentDir: string; outDir: string; base: string }, environment: Record<string, string> = {}): Promise<{ status: number | null; output: string }> {
  const { BASE_URL: _base, MODE: _mode, DEV: _dev, PROD: _prod, SSR: _ssr, ...inherited } = process.env;
  const child = spawn(process.execPath, ['src/cli/build.ts'], {
    cwd: projectRoot,
    env: { ...inherited, CONTENT_DIR: site.contentDir, OUT_DIR: site.outDir, BASE_PATH: site.base, ASTRO_TELEMETRY_DISABLED: '1', ...environment },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((done) => child.on('exit', (status) => done({ status, output })));
}

const LOCK = join(projectRoot, 'node_modules/.astro/build.lock');
/** Every file of a built site, by its path in the output folder; a bundled asset without its content hash, which changes with the styles. */
const filesOf = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1).replace(/^(_astro\/[^/]+)\.[\w-]{8}(\.\w+)$/, '$1$2'))
    .sort();

/** Writes the checkout's build lock naming a process, once no build holds it. */
async function holdLockFor(pid: number): Promise<void> {
  for (;;) {
    try {
      const fd = openSync(LOCK, 'wx');
      writeSync(fd, `${pid}\n`);
      closeSync(fd);
      return;
    } catch {
      await sleep(500);
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
      running.kill('SIGKILL');
      rmSync(LOCK, { force: true });
    }
  });

  it('a lock left by a build killed with kill -9 is taken over', async () => {
    const site = brokenCopy('meetings/bcb/2019-06-11/05-fms.mdx', (text) => text);
    const killed = Number(spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' }).stdout.trim());
    await holdLockFor(killed);
    const result = await startBuild(site, { BUILD_WAIT_SECONDS: '0' });
    expect(result.status, result.output.slice(-2000)).toBe(0);
    expect(result.output).toContain(`A build that was stopped (process ${killed}) left its lock behind`);
    expect(existsSync(LOCK)).toBe(false);
  }, 300_000);
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
