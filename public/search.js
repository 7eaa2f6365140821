// The search page: Pagefind's JavaScript API behind an ordinary form, so the query and filters
// live in the address (shareable) and the filters are real form controls.
const script = document.currentScript || document.querySelector('script[data-base]');
const base = script.dataset.base.endsWith('/') ? script.dataset.base : `${script.dataset.base}/`;
const form = document.getElementById('search-form');
const status = document.getElementById('search-status');
const list = document.getElementById('search-results');
const TYPE_LABELS = { paper: 'Paper', decision: 'Decision', meeting: 'Meeting', minutes: 'Minutes', action: 'Action' };
const PAGE_SIZE = 10;

let pagefind;
async function loadPagefind() {
  pagefind ??= import(`${base}pagefind/pagefind.js`).then(async (module) => {
    await module.options({ baseUrl: base });
    return module;
  });
  return pagefind;
}

function readForm() {
  const params = new URLSearchParams(location.search);
  form.q.value = params.get('q') ?? '';
  for (const box of form.querySelectorAll('input[type=checkbox]')) box.checked = params.getAll(box.name).includes(box.value);
  form.year.value = params.get('year') ?? '';
  form.sort.value = params.get('sort') ?? '';
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

function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

function excerpt(html) {
  // Pagefind marks matches with <mark>; keep only that markup.
  const span = element('span', { class: 'excerpt' });
  const template = document.createElement('template');
  template.innerHTML = html;
  for (const node of template.content.childNodes) {
    span.append(node.nodeName === 'MARK' ? element('mark', {}, [node.textContent]) : document.createTextNode(node.textContent));
  }
  return span;
}

function formatDate(iso) {
  if (!iso) return '';
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

let latestRun = 0;

async function run() {
  const thisRun = ++latestRun;
  const params = readForm();
  const query = params.get('q')?.trim() ?? '';
  const filters = filtersFrom(params);
  list.replaceChildren();
  if (!query && Object.keys(filters).length === 0) {
    status.textContent = '';
    return;
  }
  status.textContent = 'Searching…';
  const api = await loadPagefind();
  const options = { filters };
  if (params.get('sort') === 'newest') options.sort = { date: 'desc' };
  const search = await api.search(query || null, options);
  if (thisRun !== latestRun) return;
  const total = search.results.length;
  if (total === 0) {
    status.textContent = query ? `No results matched “${query}”. Try fewer or different words, or remove a filter.` : 'No results matched these filters.';
    return;
  }
  status.textContent = `${total} result${total === 1 ? '' : 's'}${query ? ` for “${query}”` : ''}${total > PAGE_SIZE ? `, showing the first ${PAGE_SIZE}` : ''}.`;
  // Fetch the first page of results at once, and show each as soon as it and those before it arrive.
  const pending = search.results.slice(0, PAGE_SIZE).map((result) => result.data());
  list.setAttribute('aria-busy', 'true');
  for (const promise of pending) {
    const data = await promise;
    if (thisRun !== latestRun) return; // a newer search has started
    const sub = (data.sub_results ?? []).find((result) => result.url !== data.url && result.url.includes('#'));
    const meta = data.meta ?? {};
    const details = [TYPE_LABELS[meta.type] ?? meta.type, meta.body, formatDate(meta.date)].filter(Boolean).join(' · ');
    const item = element('li', { class: 'search-result' }, [
      element('a', { href: data.url }, [meta.title ?? data.url]),
      element('span', { class: 'meta' }, [details]),
      excerpt(data.excerpt),
    ]);
    if (sub) item.append(element('span', { class: 'meta' }, ['Best match in: ', element('a', { href: sub.url }, [sub.title])]));
    list.append(item);
  }
  list.removeAttribute('aria-busy');
}

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
