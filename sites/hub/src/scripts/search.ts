/**
 * The search page's results, from Pagefind. Pagefind (its script, WebAssembly and index) loads only when it is
 * needed: on the first search, or as soon as the search box gets focus. Results are built as DOM nodes from text,
 * never as HTML strings; Pagefind's excerpts only contribute their <mark> highlights.
 */

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface PagefindApi {
  options(options: { baseUrl?: string }): Promise<void>;
  init(): Promise<void>;
  search(query: string | null, options?: { filters?: Record<string, { any: string[] }> }): Promise<{ results: { data(): Promise<PagefindResultData> }[] }>;
}

const FILTERS = ['category', 'kind', 'day', 'cost', 'accessibility'] as const;
const PAGE_SIZE = 20;

let pagefind: Promise<PagefindApi> | undefined;

function loadPagefind(base: string): Promise<PagefindApi> {
  pagefind ??= (async () => {
    const api = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as PagefindApi;
    await api.options({ baseUrl: base });
    await api.init();
    return api;
  })();
  return pagefind;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };
const decode = (text: string) => text.replace(/&(?:amp|lt|gt|quot|#39|#x27);/g, (e) => ENTITIES[e] ?? e);

/** Pagefind's excerpt as text nodes with <mark> elements for the matched words. */
function excerptNodes(excerpt: string): Node[] {
  return excerpt.split(/(<mark>.*?<\/mark>)/g).map((part) => {
    if (part.startsWith('<mark>')) {
      const mark = document.createElement('mark');
      mark.textContent = decode(part.slice(6, -7));
      return mark;
    }
    return document.createTextNode(decode(part.replace(/<[^>]*>/g, '')));
  });
}

function resultItem(data: PagefindResultData): HTMLLIElement {
  const li = document.createElement('li');
  li.className = 'result';
  const heading = document.createElement('h2');
  const link = document.createElement('a');
  link.href = data.url;
  link.textContent = data.meta.title ?? data.url;
  heading.append(link);
  li.append(heading);
  const facts = [data.meta.type, data.meta.when, data.meta.where].filter(Boolean).join(' · ');
  if (facts) {
    const p = document.createElement('p');
    p.className = 'result-meta';
    p.textContent = facts;
    li.append(p);
  }
  const summary = document.createElement('p');
  if (data.excerpt) summary.append(...excerptNodes(data.excerpt));
  else summary.textContent = data.meta.summary ?? '';
  li.append(summary);
  return li;
}

/** Wires the search page: runs the search in the address bar, and each later submit without a page load. */
export function startSearch(): void {
  const form = document.querySelector<HTMLFormElement>('#search-form');
  const status = document.querySelector<HTMLElement>('#search-status');
  const list = document.querySelector<HTMLOListElement>('#search-results');
  if (!form || !status || !list || !('fetch' in window)) return;
  const base = form.dataset.pagefindBase ?? '/';
  const input = form.querySelector<HTMLInputElement>('input[name="q"]');
  let run = 0;

  const fromUrl = () => {
    const params = new URLSearchParams(location.search);
    if (input) input.value = params.get('q') ?? '';
    for (const box of form.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) box.checked = params.getAll(box.name).includes(box.value);
  };

  const search = async () => {
    const params = new URLSearchParams(new FormData(form) as unknown as Record<string, string>);
    const query = (params.get('q') ?? '').trim();
    const filters: Record<string, { any: string[] }> = {};
    for (const name of FILTERS) {
      const values = params.getAll(name);
      if (values.length) filters[name] = { any: values };
    }
    if (!query && Object.keys(filters).length === 0) {
      status.textContent = '';
      list.replaceChildren();
      return;
    }
    const mine = ++run;
    status.textContent = 'Searching…';
    try {
      const api = await loadPagefind(base);
      const found = await api.search(query || null, { filters });
      const shown = await Promise.all(found.results.slice(0, PAGE_SIZE).map((r) => r.data()));
      if (mine !== run) return;
      list.replaceChildren(...shown.map(resultItem));
      const n = found.results.length;
      status.textContent =
        n === 0
          ? 'No results. Try other words or fewer filters.'
          : `${n} ${n === 1 ? 'result' : 'results'}${n > PAGE_SIZE ? `, showing the first ${PAGE_SIZE}` : ''}.`;
    } catch {
      if (mine === run) status.textContent = 'Search is not available right now. You can browse everything on the Find support page.';
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const params = new URLSearchParams(new FormData(form) as unknown as Record<string, string>);
    history.replaceState(null, '', `?${params}`);
    void search();
  });
  input?.addEventListener('focus', () => void loadPagefind(base).catch(() => undefined), { once: true });
  fromUrl();
  void search();
}
