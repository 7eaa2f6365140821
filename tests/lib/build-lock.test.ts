/**
 * One build at a time: real processes take the lock, and none holds it while another does; a second
 * waits or stops naming the first; a lock left by a process that is gone is taken over.
 */
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BuildLocked, acquireBuildLock, isRunningBuild } from '#lib/build/build-lock.ts';

const LOCK_MODULE = resolve(import.meta.dirname, '../../src/lib/build/build-lock.ts');
const lockIn = () => join(mkdtempSync(join(tmpdir(), 'board-papers-lock-')), 'build.lock');

/** A process that runs until stopped; "build" among its arguments makes it look like a build. */
function runningProcess(looksLikeBuild: boolean): ChildProcess {
  return spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', ...(looksLikeBuild ? ['build'] : [])], { stdio: 'ignore' });
}

/** The number of a process that has ended. */
function endedProcess(): number {
  return Number(spawnSync(process.execPath, ["-e", "console.log(process.pid)"], { encoding: "utf8" }).stdout.trim());
}

describe('the build lock', () => {
  it('stops a second build at once when told not to wait, naming the process that runs', async () => {
    const lockFile = lockIn();
    const build = runningProcess(true);
    writeFileSync(lockFile, `${build.pid}\n`);
    await expect(acquireBuildLock(lockFile, { waitMs: 0 })).rejects.toThrow(new BuildLocked(build.pid!).message);
    await expect(acquireBuildLock(lockFile, { waitMs: 0 })).rejects.toThrow(`another build is running (process ${build.pid})`);
    build.kill('SIGKILL');
  });

  it('waits while the other build runs, and takes the lock once it has ended, even killed', async () => {
    const lockFile = lockIn();
    const build = runningProcess(true);
    writeFileSync(lockFile, `${build.pid}\n`);
    const waitedFor: number[] = [];
    setTimeout(() => build.kill('SIGKILL'), 400);
    const started = Date.now();
    const lock = await acquireBuildLock(lockFile, { waitMs: 20_000, pollMs: 50, onWait: (pid) => waitedFor.push(pid) });
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(waitedFor).toEqual([build.pid]);
    expect(readFileSync(lockFile, 'utf8').trim()).toBe(String(process.pid));
    lock.release();
    expect(existsSync(lockFile)).toBe(false);
  });

  it('takes over at once a lock whose process has ended, or whose number now belongs to a program that is not a build', async () => {
    const other = runningProcess(false);
    await new Promise((done) => setTimeout(done, 100));
    for (const pid of [Number(endedProcess()), other.pid!]) {
      expect(isRunningBuild(pid), String(pid)).toBe(false);
      const lockFile = lockIn();
      writeFileSync(lockFile, `${pid}\n`);
      const stale: number[] = [];
      const lock = await acquireBuildLock(lockFile, { waitMs: 0, onStale: (holder) => stale.push(holder) });
      expect(stale).toEqual([pid]);
      expect(readFileSync(lockFile, 'utf8').trim()).toBe(String(process.pid));
      lock.release();
    }
    other.kill('SIGKILL');
  });

  it('is held by one process at a time, among many that start together on a stale lock', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'board-papers-lock-'));
    const lockFile = join(dir, 'build.lock');
    const log = join(dir, 'log');
    writeFileSync(lockFile, `${Number(endedProcess())}\n`);
    // each process: take the lock, note its start, hold it a moment, note its end, give it back
    const script = `
      const { acquireBuildLock } = await import(${JSON.stringify(LOCK_MODULE)});
      const { appendFileSync } = await import('node:fs');
      const lock = await acquireBuildLock(${JSON.stringify(lockFile)}, { waitMs: 60000, pollMs: 20 });
      appendFileSync(${JSON.stringify(log)}, 'start\\n');
      await new Promise((done) => setTimeout(done, 60));
      appendFileSync(${JSON.stringify(log)}, 'end\\n');
      lock.release();`;
    const runs = Array.from({ length: 6 }, () => new Promise<number | null>((done) => spawn(process.execPath, ['--input-type=module', '-e', script, 'build'], { stdio: 'inherit' }).on('exit', done)));
    expect(await Promise.all(runs)).toEqual([0, 0, 0, 0, 0, 0]);
    const events = readFileSync(log, 'utf8').trim().split('\n');
    expect(events).toEqual(Array.from({ length: 6 }, () => ['start', 'end']).flat());
    expect(existsSync(lockFile)).toBe(false);
  }, 60_000);
});
