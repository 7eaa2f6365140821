/**
 * npm run bench -- --docs N [--runs R]
 * Generates a synthetic archive of N documents outside content/, builds it with the real site, indexes
 * it with Pagefind, and builds the same text with two baselines: a minimal Astro site (the framework's
 * floor) and Hugo. Then the incremental phase: one paper's text changed and rebuilt, one new meeting of
 * four papers added and rebuilt, each with its index, and the result compared with a clean build of the
 * same content. Prints the figures, and last a single BENCH line.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import * as pagefind from 'pagefind';
import { syntheticArchive } from './synthetic-archive.ts';
import { checkContent } from '#lib/check/check.ts';
import { buildArchive } from '#lib/model/archive.ts';
import { buildLinkGraph } from '#lib/text/link-graph.ts';
import { parseFrontmatterFile } from '#lib/text/frontmatter.ts';
import { buildCacheDirectory } from '#lib/build/build-cache.ts';
import { readBodies } from '#lib/check/read-settings.ts';
import { writeFileInside } from '#lib/build/safe-write.ts';
import { locateContentFile } from '#lib/model/document-kinds.ts';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const documents = option('docs', 500);
const runs = option('runs', documents <= 2000 ? 3 : 1);
const project = resolve(import.meta.dirname, '../..');
const work = join(tmpdir(), `board-papers-bench-${documents}`);
const node = process.execPath;

interface Measured {
  seconds: number;
  peakMb: number;
  /**
   * Processor time, user and system, of the whole process tree: less disturbed by other load than wall
   * time. Sampled every 100 ms, so it misses at most the last 100 ms of each process.
   */
  cpuSeconds: number;
}

const clockTicksPerSecond = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout.trim()) || 100;

/**
 * One look at a process and all its descendants in /proc: their resident memory now, in bytes, and
 * each one's processor time so far, in clock ticks, recorded into cpuTicksByPid.
 */
function sampleTree(rootPid: number, cpuTicksByPid: Map<number, number>): number {
  const children = new Map<number, number[]>();
  const pages = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const parent = Number(fields[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
      ticks.set(Number(entry), Number(fields[11]) + Number(fields[12]));
      pages.set(Number(entry), Number(fields[21]));
    } catch {
      // the process ended while we looked
    }
  }
  let rss = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    rss += (pages.get(pid) ?? 0) * 4096;
    if (ticks.has(pid)) cpuTicksByPid.set(pid, ticks.get(pid)!);
    stack.push(...(children.get(pid) ?? []));
  }
  return rss;
}

/** Runs a command, timing it and sampling the memory and processor time of its whole process tree. */
function measure(command: string, commandArgs: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): Promise<Measured> {
  return new Promise((resolvePromise, reject) => {
    const started = performance.now();
    const child = spawn(command, commandArgs, { cwd: options.cwd, env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...options.env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let peak = 0;
    const cpuTicksByPid = new Map<number, number>();
    let errors = '';
    child.stderr.on('data', (chunk) => (errors += chunk));
    const timer = setInterval(() => (peak = Math.max(peak, sampleTree(child.pid!, cpuTicksByPid))), 100);
    child.on('exit', (code) => {
      clearInterval(timer);
      const cpuTicks = [...cpuTicksByPid.values()].reduce((sum, value) => sum + value, 0);
      if (code !== 0) reject(new Error(`${command} ${commandArgs.join(' ')} failed:\n${errors.slice(-4000)}`));
      else resolvePromise({ seconds: (performance.now() - started) / 1000, peakMb: peak / 1024 / 1024, cpuSeconds: cpuTicks / clockTicksPerSecond });
    });
  });
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function folderBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}

function writeFiles(root: string, files: Map<string, string>): void {
  for (const [path, text] of files) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
}

/** The framework's floor: one collection, one page template, the same Astro and Markdown processor. */
function writeFloorSite(root: string, contentDir: string, extension = 'mdx'): void {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'src/pages'), { recursive: true });
  symlinkSync(join(project, 'node_modules'), join(root, 'node_modules'));
  writeFileSync(join(root, 'package.json'), '{ "type": "module" }\n');
  writeFileSync(join(root, 'astro.config.mjs'), "import { defineConfig } from 'astro/config';\nimport mdx from '@astrojs/mdx';\nexport default defineConfig({ integrations: [mdx()], vite: { logLevel: 'error' } });\n");
  writeFileSync(
    join(root, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';\nimport { glob } from 'astro/loaders';\nexport const collections = { docs: defineCollection({ loader: glob({ base: ${JSON.stringify(contentDir)}, pattern: '**/*.${extension}', deferRender: true }) }) };\n`,
  );
  writeFileSync(
    join(root, 'src/pages/[...slug].astro'),
    "---\nimport { getCollection, render } from 'astro:content';\nexport async function getStaticPaths() {\n  return (await getCollection('docs')).map((entry) => ({ params: { slug: entry.id }, props: { entry } }));\n}\nconst { Content } = await render(Astro.props.entry);\n---\n<html lang=\"en\"><head><title>{Astro.props.entry.data.title ?? Astro.props.entry.id}</title></head><body><main><Content /></main></body></html>\n",
  );
}

function ensureHugo(): string {
  const found = spawnSync('sh', ['-c', 'command -v hugo'], { encoding: 'utf8' }).stdout.trim();
  if (found) return found;
  console.log('Hugo is missing: installing Debian\'s package…');
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  for (const step of [['apt-get', 'update'], ['apt-get', 'install', '-y', 'hugo']]) {
    const result = spawnSync(sudo[0] ?? step[0]!, sudo.length ? step : step.slice(1), { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.status !== 0) throw new Error(`could not install Hugo (${step.join(' ')})`);
  }
  return 'hugo';
}

/** Hugo with a trivial template, on the same text (its Markdown files are the .mdx files renamed). */
function writeHugoSite(root: string, files: Map<string, string>): void {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(join(root, 'layouts/_default'), { recursive: true });
  writeFileSync(join(root, 'hugo.toml'), "baseURL = 'https://example.org/'\ntitle = 'bench'\ndisableKinds = ['taxonomy', 'term', 'RSS', 'sitemap', 'robotsTXT', '404']\n[markup.goldmark.renderer]\nunsafe = true\n");
  const template = '<!doctype html><html lang="en"><head><title>{{ .Title }}</title></head><body><main>{{ .Content }}</main></body></html>\n';
  writeFileSync(join(root, 'layouts/_default/single.html'), template);
  writeFileSync(join(root, 'layouts/_default/list.html'), template);
  writeFiles(join(root, 'content'), new Map([...files].filter(([path]) => path.endsWith('.mdx')).map(([path, text]) => [path.replace(/\.mdx$/, '.md').replace(/\/index\.md$/, '/_index.md'), text])));
}

const files = syntheticArchive(documents);
const docCount = [...files.keys()].filter((path) => path.endsWith('.mdx')).length;
rmSync(work, { recursive: true, force: true });
const contentDir = join(work, 'content');
writeFiles(contentDir, files);
console.log(`Synthetic archive: ${docCount} documents (${files.size} files) in ${contentDir}; ${runs} run(s) each, side by side.`);

/** The content check and the link graph, in this process: both must stay linear in the archive. */
function timeCheckAndLinkGraph(): { checkS: number; graphMs: number; citations: number } {
  const encoder = new TextEncoder();
  const started = performance.now();
  const { problems, input } = checkContent([...files].map(([path, text]) => ({ path, bytes: encoder.encode(text) })));
  const checkS = (performance.now() - started) / 1000;
  if (problems.length) throw new Error(`the synthetic archive has ${problems.length} content problems`);
  const archive = buildArchive(input, '9999-12-31');
  const text = (file: string) => parseFrontmatterFile(files.get(file)!).body;
  const documents = [
    ...archive.papers.map((paper) => ({ path: paper.path, title: paper.data.title, body: paper.meetingKey.split('/')[0], meetingKey: paper.meetingKey, text: text(paper.file) })),
    ...archive.minutes.map((minutes) => ({ path: minutes.path, title: minutes.key, body: minutes.meetingKey.split('/')[0], meetingKey: minutes.meetingKey, text: text(minutes.file) })),
    ...archive.decisions.map((decision) => ({ path: decision.path, title: decision.data.id, text: text(decision.file) })),
  ];
  const graphStarted = performance.now();
  const graph = buildLinkGraph(documents, archive);
  return { checkS, graphMs: performance.now() - graphStarted, citations: graph.counts.citations };
}
const inProcess = timeCheckAndLinkGraph();
console.log(`content check: ${inProcess.checkS.toFixed(2)} s; link graph: ${inProcess.graphMs.toFixed(0)} ms for ${inProcess.citations} citations`);

const hugo = ensureHugo();
writeFloorSite(join(work, 'floor'), contentDir);
// The same floor on plain Markdown: what the file type costs (the site uses MDX for its components).
const markdownDir = join(work, 'content-md');
writeFiles(markdownDir, new Map([...files].filter(([path]) => path.endsWith('.mdx')).map(([path, text]) => [path.replace(/\.mdx$/, '.md'), text])));
writeFloorSite(join(work, 'floor-md'), markdownDir, 'md');
writeHugoSite(join(work, 'hugo'), files);

/** The build's own cache of a content folder (the content store and the incremental build's pages). */
const cacheOf = (dir: string) => join(project, buildCacheDirectory(project, dir));
const siteEnv = (dir: string, out: string) => ({ CONTENT_DIR: dir, OUT_DIR: out, SEARCH_INDEX: 'skip', BASE_PATH: '/' });

/** Pagefind over a built site, as the build's integration runs it; in seconds. */
async function indexSite(dir: string): Promise<{ seconds: number; pages: number }> {
  const started = performance.now();
  const { index } = await pagefind.createIndex({});
  const added = await index!.addDirectory({ path: dir });
  await index!.writeFiles({ outputPath: join(dir, 'pagefind') });
  await pagefind.close();
  return { seconds: (performance.now() - started) / 1000, pages: added.page_count };
}

const site: Measured[] = [];
const floor: Measured[] = [];
const floorMarkdown: Measured[] = [];
const hugoRuns: Measured[] = [];
const search: number[] = [];
const outDir = join(work, 'dist');
for (let run = 1; run <= runs; run++) {
  // A clean build for each: no cache, and no earlier output to remove inside the timing.
  rmSync(cacheOf(contentDir), { recursive: true, force: true });
  rmSync(outDir, { recursive: true, force: true });
  site.push(await measure(node, ['src/cli/build.ts'], { cwd: project, env: siteEnv(contentDir, outDir) }));
  const added = await indexSite(outDir);
  search.push(added.seconds);
  rmSync(join(work, 'floor/dist'), { recursive: true, force: true });
  rmSync(join(work, 'floor/.astro'), { recursive: true, force: true });
  floor.push(await measure(node, [join(project, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: join(work, 'floor') }));
  rmSync(join(work, 'floor-md/dist'), { recursive: true, force: true });
  rmSync(join(work, 'floor-md/.astro'), { recursive: true, force: true });
  floorMarkdown.push(await measure(node, [join(project, 'node_modules/astro/bin/astro.mjs'), 'build'], { cwd: join(work, 'floor-md') }));
  rmSync(join(work, 'hugo/public'), { recursive: true, force: true });
  hugoRuns.push(await measure(hugo, ['--quiet', '-d', 'public'], { cwd: join(work, 'hugo') }));
  console.log(
    `run ${run}: site ${site.at(-1)!.seconds.toFixed(1)} s (${site.at(-1)!.peakMb.toFixed(0)} MB, cpu ${site.at(-1)!.cpuSeconds.toFixed(1)} s), pagefind ${search.at(-1)!.toFixed(1)} s (${added.pages} pages), ` +
      `floor ${floor.at(-1)!.seconds.toFixed(1)} s (${floor.at(-1)!.peakMb.toFixed(0)} MB, cpu ${floor.at(-1)!.cpuSeconds.toFixed(1)} s), floor .md ${floorMarkdown.at(-1)!.seconds.toFixed(1)} s, hugo ${hugoRuns.at(-1)!.seconds.toFixed(1)} s (${hugoRuns.at(-1)!.peakMb.toFixed(0)} MB)`,
  );
}

// the clean build's output, before the incremental phase adds to it
const indexMb = folderBytes(join(outDir, 'pagefind')) / 1024 / 1024;
const outputMb = folderBytes(outDir) / 1024 / 1024;
const pages = readdirSync(outDir, { recursive: true }).filter((file) => String(file).endsWith('.html')).length;

// The incremental phase, on the cache the last clean build left: what a governance officer waits for.
// Each rebuild is the build (which checks the cache, renders what changed and copies the rest) plus the
// Pagefind index of the whole site, timed as above.
const papers = [...files.keys()].filter((path) => path.endsWith('-paper.mdx')).sort();
const rebuilds: { one: number[]; meeting: number[]; oneBuild: number[]; meetingBuild: number[]; reused: string[] } = { one: [], meeting: [], oneBuild: [], meetingBuild: [], reused: [] };
async function rebuild(): Promise<{ total: number; build: number }> {
  const built = await measure(node, ['src/cli/build.ts'], { cwd: project, env: siteEnv(contentDir, outDir) });
  const indexed = await indexSite(outDir);
  return { total: built.seconds + indexed.seconds, build: built.seconds };
}
// the new meeting is of the body of the archive's last meeting, a week after it: the bodies read through
// their schema (readBodies), as every tool reads content/, and the files written through writeFileInside
const bodyIds = new Set(readBodies(contentDir).map((body) => body.id));
const [newMeetingBody, lastMeetingDate] = [...files.keys()]
  .map(locateContentFile)
  .filter((location) => location.kind === 'meeting' && bodyIds.has(location.body!))
  .map((location) => [location.body!, location.date!] as [string, string])
  .sort((a, b) => a[1].localeCompare(b[1]))
  .at(-1)!;
for (let run = 1; run <= runs; run++) {
  // one paper of the middle of the archive: a sentence added to its text
  const paper = join(contentDir, papers[Math.floor((papers.length * run) / (runs + 1))]!);
  writeFileSync(paper, `${readFileSync(paper, 'utf8')}\nA correction published in rebuild ${run}.\n`);
  const one = await rebuild();
  rebuilds.one.push(one.total);
  rebuilds.oneBuild.push(one.build);
  // one new meeting, a week after the last, with four papers
  const date = new Date(Date.parse(`${lastMeetingDate}T00:00:00Z`) + run * 7 * 86_400_000).toISOString().slice(0, 10);
  const folder = `meetings/${newMeetingBody}/${date}`;
  const items = [1, 2, 3, 4];
  writeFileInside(contentDir, `${folder}/index.mdx`, `---\ntime: "14:00"\nvenue: Conference Room 2\nagenda:\n${items.map((item) => `  - number: "${item}"\n    title: New report ${item}\n`).join('')}---\n`);
  for (const item of items) {
    const { body } = parseFrontmatterFile(readFileSync(join(contentDir, papers[item]!), 'utf8'));
    writeFileInside(contentDir, `${folder}/0${item}-paper.mdx`, `---\ntitle: New report ${item} of ${date}\nitem: "${item}"\n---\n${body}`);
  }
  const meeting = await rebuild();
  rebuilds.meeting.push(meeting.total);
  rebuilds.meetingBuild.push(meeting.build);
  console.log(`rebuild ${run}: one paper ${one.total.toFixed(1)} s (build ${one.build.toFixed(1)} s), one new meeting ${meeting.total.toFixed(1)} s (build ${meeting.build.toFixed(1)} s)`);
}
// The same content built clean, in a folder of its own (so with no cache): the two sites must be the same.
const cleanContent = join(work, 'content-clean');
const cleanOut = join(work, 'dist-clean');
cpSync(contentDir, cleanContent, { recursive: true });
await measure(node, ['src/cli/build.ts'], { cwd: project, env: siteEnv(cleanContent, cleanOut) });
await indexSite(cleanOut);
rmSync(cacheOf(cleanContent), { recursive: true, force: true });
const listFiles = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => relative(dir, join(entry.parentPath, entry.name))).sort();
const incrementalFiles = listFiles(outDir);
const cleanFiles = listFiles(cleanOut);
const differing = [...new Set([...incrementalFiles, ...cleanFiles])].filter((file) => !existsSync(join(outDir, file)) || !existsSync(join(cleanOut, file)) || !readFileSync(join(outDir, file)).equals(readFileSync(join(cleanOut, file))));
const identical = differing.length === 0;

const buildS = median(site.map((m) => m.seconds));
const peakMb = Math.max(...site.map((m) => m.peakMb));
const floorS = median(floor.map((m) => m.seconds));
const hugoS = median(hugoRuns.map((m) => m.seconds));
const pagefindS = median(search);

console.log(`\nsite build:   ${buildS.toFixed(2)} s, peak ${peakMb.toFixed(0)} MB (process tree), ${((buildS * 1000) / docCount).toFixed(2)} ms per document, ${pages} pages`);
console.log(`floor build:  ${floorS.toFixed(2)} s, peak ${Math.max(...floor.map((m) => m.peakMb)).toFixed(0)} MB; site/floor ${(buildS / floorS).toFixed(2)}`);
const siteCpuS = median(site.map((m) => m.cpuSeconds));
const floorCpuS = median(floor.map((m) => m.cpuSeconds));
console.log(`processor:    site ${siteCpuS.toFixed(1)} s, floor ${floorCpuS.toFixed(1)} s (user and system, whole process tree); site/floor ${(siteCpuS / floorCpuS).toFixed(2)}`);
console.log(`floor, .md:   ${median(floorMarkdown.map((m) => m.seconds)).toFixed(2)} s, peak ${Math.max(...floorMarkdown.map((m) => m.peakMb)).toFixed(0)} MB (the same floor on plain Markdown)`);
console.log(`hugo build:   ${hugoS.toFixed(2)} s, peak ${Math.max(...hugoRuns.map((m) => m.peakMb)).toFixed(0)} MB; site/hugo ${(buildS / hugoS).toFixed(2)}`);
console.log(`pagefind:     ${pagefindS.toFixed(2)} s, index ${indexMb.toFixed(2)} MB`);
console.log(`output:       ${outputMb.toFixed(1)} MB`);
const rebuildOneS = median(rebuilds.one);
const rebuildMeetingS = median(rebuilds.meeting);
console.log(`incremental:  one paper changed ${rebuildOneS.toFixed(2)} s (build ${median(rebuilds.oneBuild).toFixed(2)} s, then the index); one new meeting of four papers ${rebuildMeetingS.toFixed(2)} s (build ${median(rebuilds.meetingBuild).toFixed(2)} s); a clean build and index takes ${(buildS + pagefindS).toFixed(2)} s`);
console.log(`identical:    ${identical ? `yes: the incremental site and a clean build of the same content are the same, ${cleanFiles.length} files byte for byte` : `NO: ${differing.length} files differ: ${differing.slice(0, 20).join(', ')}`}`);
rmSync(cacheOf(contentDir), { recursive: true, force: true });
if (existsSync(work) && !args.includes('--keep')) rmSync(work, { recursive: true, force: true });
console.log(
  `BENCH docs=${docCount} build_s=${buildS.toFixed(2)} peak_mb=${peakMb.toFixed(0)} ms_per_doc=${((buildS * 1000) / docCount).toFixed(2)} floor_s=${floorS.toFixed(2)} ratio_floor=${(buildS / floorS).toFixed(2)} hugo_s=${hugoS.toFixed(2)} ratio_hugo=${(buildS / hugoS).toFixed(2)} pagefind_s=${pagefindS.toFixed(2)} index_mb=${indexMb.toFixed(2)} rebuild_one_s=${rebuildOneS.toFixed(2)} rebuild_meeting_s=${rebuildMeetingS.toFixed(2)} identical=${identical ? 1 : 0}`,
);
