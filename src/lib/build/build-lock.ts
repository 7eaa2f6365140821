/**
 * One build at a time in a checkout: builds share the output folder, its staging and previous folders,
 * and Astro's caches, so two at once can leave dist/ holding a part of a site. A build holds a lock file
 * naming its process; a second build waits for it, or stops with "another build is running (process N)".
 * A lock whose process is no longer running (a build killed with kill -9) is taken over.
 */
import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

export class BuildLocked extends Error {
  readonly pid: number;
  constructor(pid: number) {
    super(`another build is running (process ${pid}); wait for it to finish, or stop it, then build again`);
    this.pid = pid;
  }
}

export interface BuildLock {
  /** removes the lock, if it is still this process's */
  release(): void;
}

/** The process a lock file names, or undefined when it names none (a lock half written). */
function holderOf(lockFile: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(lockFile, 'utf8'), 10);
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether a process is running and is a build: a process that no longer exists, or (where /proc tells)
 * one whose number was since given to another program, holds no lock.
 */
export function isRunningBuild(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('build');
  } catch {
    return true;
  }
}

/** A lock file that has named no process for this long was left by a build killed as it wrote it. */
const UNNAMED_LOCK_MS = 10_000;

/** Whether a lock file has named no process for too long to be one being written. */
function isLeftUnnamed(lockFile: string): boolean {
  try {
    return Date.now() - statSync(lockFile).mtimeMs > UNNAMED_LOCK_MS;
  } catch {
    return false;
  }
}

/** Takes the lock file, or answers who holds it. */
function tryTake(lockFile: string): { taken: true } | { holder: number | undefined } {
  try {
    const fd = openSync(lockFile, 'wx');
    writeSync(fd, `${process.pid}\n`);
    closeSync(fd);
    return { taken: true };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { holder: holderOf(lockFile) };
  }
}

/**
 * Removes a lock left by a process that is gone. It is moved aside first (one rename, which only one
 * process can win) and read again: a lock that another build took meanwhile is put back, never removed.
 */
function clearStaleLock(lockFile: string, stalePid: number | undefined): void {
  const aside = `${lockFile}.${process.pid}.stale`;
  try {
    renameSync(lockFile, aside);
  } catch {
    return;
  }
  if (holderOf(aside) !== stalePid) {
    try {
      linkSync(aside, lockFile);
    } catch {
      // a third build has taken the lock since: it is that build's now
    }
  }
  rmSync(aside, { force: true });
}

/**
 * Takes the build lock, waiting up to `waitMs` for a running build to finish (`onWait` is told once,
 * with its process number); throws BuildLocked when it is still running then.
 */
export async function acquireBuildLock(lockFile: string, options: { waitMs: number; pollMs?: number; onWait?: (pid: number) => void; onStale?: (pid: number) => void }): Promise<BuildLock> {
  const deadline = Date.now() + options.waitMs;
  let told = false;
  for (;;) {
    const attempt = tryTake(lockFile);
    if ('taken' in attempt) break;
    const { holder } = attempt;
    if (holder === undefined ? isLeftUnnamed(lockFile) : !isRunningBuild(holder)) {
      if (holder !== undefined) options.onStale?.(holder);
      clearStaleLock(lockFile, holder);
      continue;
    }
    // a lock being written names no process yet: it is waited for like any other
    if (Date.now() >= deadline) throw new BuildLocked(holder ?? 0);
    if (!told && holder !== undefined) {
      options.onWait?.(holder);
      told = true;
    }
    await sleep(options.pollMs ?? 500);
  }
  return {
    release() {
      if (holderOf(lockFile) === process.pid) rmSync(lockFile, { force: true });
    },
  };
}
