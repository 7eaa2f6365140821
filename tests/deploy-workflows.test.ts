/**
 * The ready workflow files (docs/deploying.md): GitHub Actions to GitHub Pages, GitLab CI to GitLab Pages. Each
 * must install with npm install, run the project's own check and build, keep the incremental build's cache
 * between runs, build every branch, and publish from main alone.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { buildCacheDirectory } from '#lib/build/build-cache.ts';

interface Step {
  run?: string;
  uses?: string;
  if?: string;
  with?: Record<string, string>;
}
interface GitHubJob {
  if?: string;
  needs?: string | string[];
  steps?: Step[];
}
interface GitLabJob {
  rules?: { if?: string }[];
  script?: string[];
  before_script?: string[];
  artifacts?: { paths?: string[] };
  cache?: { paths?: string[] };
}

const scripts = Object.keys((JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts);
/** Where the build keeps its incremental cache for the archive in content/, as npm run build finds it. */
const buildCache = buildCacheDirectory(process.cwd(), 'content');
/** The build's output folder when OUT_DIR is not set. */
const OUTPUT = 'dist';

/** The npm commands of a list of shell lines, in order: "npm install", "npm run check", … */
const npmCommands = (lines: string[]) => lines.flatMap((line) => [...line.matchAll(/\bnpm\s+(?:run\s+)?[a-z:-]+/g)].map((match) => match[0].replace(/\s+/g, ' ')));

/** The commands must install, check and build, in that order, with the project's own scripts only. */
function expectProjectCommands(commands: string[]): void {
  expect(commands.filter((command) => ['npm install', 'npm run check', 'npm run build'].includes(command))).toEqual(['npm install', 'npm run check', 'npm run build']);
  expect(commands).not.toContain('npm ci');
  for (const command of commands.filter((each) => each.startsWith('npm run '))) expect(scripts, command).toContain(command.slice('npm run '.length));
}

/** Whether a cached folder holds the build's cache (the folder itself or one above it). */
const holdsBuildCache = (path: string) => `${buildCache}/`.startsWith(`${path.replace(/\/?$/, '/')}`);

describe('the GitHub Actions workflow', () => {
  const workflow = parse(readFileSync('.github/workflows/publish.yml', 'utf8')) as {
    on: { push?: { branches?: string[] } };
    env: Record<string, string>;
    jobs: Record<string, GitHubJob>;
  };
  const jobs = Object.entries(workflow.jobs);
  const building = jobs.filter(([, job]) => job.steps?.some((step) => step.run?.includes('npm run build')));
  const ON_MAIN = "github.ref == 'refs/heads/main'";

  it('runs on a push to any branch', () => {
    expect(workflow.on.push).toBeDefined();
    expect(workflow.on.push!.branches ?? ['**']).toEqual(['**']);
  });

  it('installs with npm install, then runs the project’s check and build, in one job that runs on every branch', () => {
    expect(building).toHaveLength(1);
    const [, job] = building[0]!;
    expect(job.if).toBeUndefined();
    expectProjectCommands(npmCommands(job.steps!.filter((step) => step.run && !step.if).map((step) => step.run!)));
  });

  it('keeps the build cache between runs, restored after the install and before the build', () => {
    const steps = building[0]![1].steps!;
    const cacheAt = steps.findIndex((step) => step.uses?.startsWith('actions/cache@') && holdsBuildCache(step.with?.path ?? ''));
    expect(cacheAt, `a cache of ${buildCache}`).toBeGreaterThan(steps.findIndex((step) => step.run === 'npm install'));
    expect(cacheAt).toBeLessThan(steps.findIndex((step) => step.run === 'npm run build'));
    expect(steps[cacheAt]!.with!.key).toContain('github.sha');
    expect(steps[cacheAt]!.with!['restore-keys']).toBeTruthy();
  });

  it('publishes only from main: the upload of the site and the deployment run on main alone', () => {
    const publishing = jobs.flatMap(([name, job]) =>
      (job.steps ?? []).filter((step) => /^actions\/(upload-pages-artifact|deploy-pages)@/.test(step.uses ?? '')).map((step) => ({ name, job, step })),
    );
    expect(publishing.map(({ step }) => step.uses!.split('@')[0])).toEqual(['actions/upload-pages-artifact', 'actions/deploy-pages']);
    for (const { job, step } of publishing) expect([job.if, step.if]).toContain(ON_MAIN);
    expect(publishing[0]!.step.with!.path).toBe(OUTPUT);
  });

  it('builds for a project site, under /<repository>/, unless the repository says otherwise', () => {
    expect(workflow.env.BASE_PATH).toContain("format('/{0}/', github.event.repository.name)");
    expect(workflow.env.SITE_URL).toContain('github.io');
  });
});

describe('the GitLab CI configuration', () => {
  const config = parse(readFileSync('.gitlab-ci.yml', 'utf8')) as { default: GitLabJob } & Record<string, GitLabJob>;
  const before = config.default.before_script ?? [];
  const jobOf = (name: string) => config[name]!;

  it('installs with npm install, then runs the project’s check and build, on main and on every other branch', () => {
    for (const name of ['pages', 'build']) expectProjectCommands(npmCommands([...(jobOf(name).before_script ?? before), ...jobOf(name).script!]));
  });

  it('publishes only from main, and builds every other branch without publishing it', () => {
    expect(jobOf('pages').rules).toEqual([{ if: '$CI_COMMIT_BRANCH == "main"' }]);
    expect(jobOf('build').rules).toEqual([{ if: '$CI_COMMIT_BRANCH && $CI_COMMIT_BRANCH != "main"' }]);
    expect(jobOf('build').artifacts).toBeUndefined();
    expect(jobOf('pages').artifacts!.paths).toEqual(['public']);
    expect(jobOf('pages').script!.at(-1)).toBe(`rm -rf public && mv ${OUTPUT} public`);
  });

  it('keeps the build cache between runs', () => {
    expect((config.default.cache?.paths ?? []).some(holdsBuildCache), `a cache of ${buildCache}`).toBe(true);
  });

  it('builds under the base path of the project’s Pages address, or the one set for it', () => {
    const settings = before.filter((line) => line.startsWith('export '));
    const addressFor = (environment: Record<string, string>) => {
      const result = spawnSync('bash', ['-c', `${settings.join('\n')}\necho "$SITE_URL $BASE_PATH"`], { env: { PATH: process.env.PATH!, ...environment }, encoding: 'utf8' });
      return result.stdout.trim();
    };
    expect(addressFor({ CI_PAGES_URL: 'https://office.gitlab.io/board-papers' })).toBe('https://office.gitlab.io /board-papers/');
    expect(addressFor({ CI_PAGES_URL: 'https://office.gitlab.io/group/board-papers/' })).toBe('https://office.gitlab.io /group/board-papers/');
    expect(addressFor({ CI_PAGES_URL: 'https://board-papers-1a2b3c.gitlab.io' })).toBe('https://board-papers-1a2b3c.gitlab.io /');
    expect(addressFor({ CI_PAGES_URL: 'https://office.gitlab.io/board-papers', SITE_URL: 'https://papers.example.police.uk', BASE_PATH: '/' })).toBe('https://papers.example.police.uk /');
  });
});
