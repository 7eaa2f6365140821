// The search page: Pagefind's JavaScript API behind an ordinary form, so the query, the filters and how
// many pages of results are shown live in the address (shareable) and the filters are real form controls.
const script = document.currentScript || document.querySelector('script[data-base]');
const base = script.dataset.base.endsWith('/') ? script.dataset.base : `${script.dataset.base}/`;
const form = document.getElementById('search-form');
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');
const more = document.getElementById('search-more');
const filtersBox = document.getElementById('search-filters');
// what a result calls its type ("Paper"): each "Type of document" checkbox carries it
const TYPE_LABELS = Object.fromEntries([...form.querySelectorAll('input[name=type]')].map((box) => [box.value, box.dataset.one]));
const PAGE_SIZE = 10;

/**
 * Pagefind's ranking, tuned on the real questions of tests/fixtures/search-questions.yaml (see
 * docs/developing/search.md for the figures): long papers hold the answers, so how densely a page uses a
 * word counts for less than in Pagefind's default (termFrequency 1).
 */
const RANKING = { termFrequency: 0.6 };

let pagefind;
async function loadPagefind() {
  pagefind ??= import(`${base}pagefind/pagefind.js`).then(async (module) => {
    await module.options({ baseUrl: base, excerptEllipsis: '…', ranking: RANKING });
    return module;
  });
  return pagefind;
}

/** The query planning (src/lib/outputs/search-query.ts) and the glossary it reads, as data. */
let planner;
async function loadPlanner() {
  planner ??= Promise.all([
    import(`${base}search-query.js`),
    fetch(`${base}search-glossary.json`)
      .then((response) => (response.ok ? response.json() : []))
      .catch(() => []),
  ]).then(([module, glossary]) => ({ ...module, glossary }));
  return planner;
}

function readForm() {
  const params = new URLSearchParams(location.search);
  form.q.value = params.get('q') ?? '';
  for (const box of form.querySelectorAll('input[type=checkbox]')) box.checked = params.getAll(box.name).includes(box.value);
  form.year.value = params.get('year') ?? '';
  form.sort.value = params.get('sort') ?? '';
  // the filters stay folded away, so that on a phone the first result shows without scrolling, unless some are set
  if (['type', 'body', 'year', 'sort'].some((name) => params.get(name))) filtersBox.open = true;
  return params;
}

function filtersFrom(params) {
  const filters = {};
  const types = params.getAll('type');
  const bodies = params.getAll('body');
  if (types.length) filters.type = { any: types };
  if (bodies.length) filters.body = { any: bodies };
  if (params.get('year')) filters.year = params.get('year');
  return filters;
}

/** The number of pages of results the address asks for: ?page=3 shows the first 30. */
function pagesFrom(params) {
  const pages = Number(params.get('page'));
  return Number.isInteger(pages) && pages > 1 ? pages : 1;
}

function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

/** An excerpt's parts, marked (a matched word: Pagefind marks them with <mark>) or not; only that markup is kept. */
function excerptParts(html) {
  const template = document.createElement('template');
  template.innerHTML = html ?? '';
  return [...template.content.childNodes].map((node) => ({ text: node.textContent, marked: node.nodeName === 'MARK' }));
}

function excerpt(parts) {
  const span = element('span', { class: 'excerpt' });
  for (const part of parts) span.append(part.marked ? element('mark', {}, [part.text]) : document.createTextNode(part.text));
  return span;
}

function formatDate(iso) {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/**
 * The section of the page that holds the best match. Pagefind splits a page's matches at its headings
 * that have an id (sub_results, in page order; the part before the first such heading has no anchor).
 * The section with the most matches wins, then the one whose matches weigh most (a heading's words weigh
 * more than the text's): a heading alone makes a poor excerpt.
 */
function bestSection(data) {
  const weight = (section) => section.weighted_locations.reduce((sum, location) => sum + location.balanced_score, 0);
  let best;
  for (const section of data.sub_results ?? []) {
    if (!section.anchor) continue;
    const better = !best || section.locations.length > best.locations.length || (section.locations.length === best.locations.length && weight(section) > weight(best));
    if (better) best = section;
  }
  return best;
}

/**
 * A result: its title links to the section that holds the best match, with a text fragment of the words
 * matched there, so that the browser scrolls to them and highlights them (no script on the paper's page).
 */
function resultItem(data, planner) {
  const meta = data.meta ?? {};
  const details = [TYPE_LABELS[meta.type] ?? meta.type, meta.body, formatDate(meta.date)].filter(Boolean).join(' · ');
  const section = bestSection(data);
  const parts = excerptParts(section?.excerpt ?? data.excerpt);
  const target = planner.withTextFragment(section?.url ?? data.url, planner.textFragment(parts));
  const item = element('li', { class: 'search-result' }, [element('a', { href: target }, [meta.title ?? data.url]), element('span', { class: 'meta' }, [details]), excerpt(parts)]);
  // The label is an element of its own so that the link is not its line's first child, which the site's
  // style sets as large as a result's title.
  if (section) item.append(element('span', { class: 'meta' }, [element('span', {}, ['Best match in:']), ' ', element('a', { href: target }, [section.title])]));
  return item;
}

let latestRun = 0;
/** The search whose results are on the page: its results, its query and its run. */
let shown;

function describe(total, count, query, notes = []) {
  return [`${total} result${total === 1 ? '' : 's'}${query ? ` for “${query}”` : ''}${count < total ? `, showing the first ${count}` : ''}.`, ...notes].join(' ');
}

/** Shows the results up to `count`, fetching them at once and showing each as soon as it and those before it arrive. */
async function showUpTo(count, thisRun) {
  const { results, query, notes, planner } = shown;
  const from = list.children.length;
  const pending = results.slice(from, count).map((result) => result.data());
  list.setAttribute('aria-busy', 'true');
  const added = [];
  for (const promise of pending) {
    const data = await promise;
    if (thisRun !== latestRun) return []; // a newer search has started
    const item = resultItem(data, planner);
    list.append(item);
    added.push(item);
  }
  list.removeAttribute('aria-busy');
  more.hidden = list.children.length >= results.length;
  status.textContent = describe(results.length, list.children.length, query, notes);
  return added;
}

async function run() {
  const thisRun = ++latestRun;
  const params = readForm();
  const query = params.get('q')?.trim() ?? '';
  const filters = filtersFrom(params);
  list.replaceChildren();
  list.removeAttribute('aria-busy');
  more.hidden = true;
  shown = undefined;
  if (!query && Object.keys(filters).length === 0) {
    status.textContent = '';
    return;
  }
  status.textContent = 'Searching…';
  const [api, planner] = await Promise.all([loadPagefind(), loadPlanner()]);
  const options = { filters };
  if (params.get('sort') === 'newest') options.sort = { date: 'desc' };
  const found = query ? await runPlan(api, planner, query, options) : await filtersOnly(api, options);
  if (thisRun !== latestRun) return;
  if (found.results.length === 0) {
    status.textContent = query ? `No results matched “${query}”. Try fewer or different words, or remove a filter.` : 'No results matched these filters.';
    return;
  }
  shown = { ...found, query, planner };
  await showUpTo(pagesFrom(params) * PAGE_SIZE, thisRun);
}

/** A search with filters and no words: Pagefind's results as they are. */
async function filtersOnly(api, options) {
  const search = await api.search(null, options);
  return { results: search.results, notes: [] };
}

/**
 * A filter that no page of the site has: a search with it finds nothing, but Pagefind still says how many
 * pages hold its words (unfilteredResultCount) without scoring them, nor downloading any filter's index.
 */
const NO_PAGE = { 'no-such-filter': 'none' };

/**
 * Runs the plan for a query (src/lib/outputs/search-query.ts): counts the pages holding each word, searches
 * every concept together, then, while too few pages are found, the best subsets of the concepts; the pages
 * are ranked by the plan's rules, and each keeps the result of its best search, whose excerpt marks its words.
 */
async function runPlan(api, planner, query, options) {
  const plan = planner.planSearch(query, planner.glossary);
  const counts = new Map(await Promise.all(plan.words.map(async (word) => [word, (await api.search(word, { filters: NO_PAGE })).unfilteredResultCount])));
  const results = new Map();
  const runs = [];
  const runAll = (searches) =>
    Promise.all(
      searches.map(async (planned) => {
        const search = await api.search(planned.query, options);
        results.set(planned.query, new Map(search.results.map((result) => [result.id, result])));
        runs.push({ ...planned, pages: search.results.map(({ id, score }) => ({ id, score })) });
      }),
    );
  await runAll(planner.fullSearches(plan, counts));
  for (const level of planner.relaxedSearches(plan, counts)) {
    if (planner.pagesFound(runs) >= planner.ENOUGH_RESULTS) break;
    await runAll(level);
  }
  // newest first: every page in the order Pagefind sorts them, whichever search found them
  const order = options.sort ? new Map((await api.search(null, options)).results.map((result, index) => [result.id, index])) : undefined;
  const ranked = planner.rankPages(runs, order);
  return { results: ranked.map((page) => results.get(page.query).get(page.id)), notes: planner.describePlan(plan, counts, ranked) };
}

more.addEventListener('click', async () => {
  if (!shown || list.hasAttribute('aria-busy')) return;
  const pages = Math.ceil(list.children.length / PAGE_SIZE) + 1;
  const params = new URLSearchParams(location.search);
  params.set('page', String(pages));
  history.replaceState(null, '', `?${params}`);
  const added = await showUpTo(pages * PAGE_SIZE, latestRun);
  // Keyboard and screen reader users carry on from the first result added; the status says how many are shown.
  added[0]?.querySelector('a').focus();
});

form.addEventListener('submit', (event) => {
  event.preventDefault();
  const params = new URLSearchParams(new FormData(form));
  for (const [key, value] of [...params]) if (!value) params.delete(key);
  history.pushState(null, '', `?${params}`);
  run();
});
for (const control of form.querySelectorAll('input[type=checkbox], select')) {
  control.addEventListener('change', () => form.requestSubmit());
}
addEventListener('popstate', run);
// Load the search engine while the reader types, so the first results do not wait for it.
loadPagefind().then((api) => api.init());
run();
