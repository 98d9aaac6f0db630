/**
 * Upgrades the page's static HTML with widgets. Each widget's code is a separate chunk, loaded only when its tag is
 * on the page, and only after the static page has been painted, so widgets never hold back the first paint. Widgets
 * marked `lazy` (the small map on asset pages) load when they scroll into view. Browsers without custom elements
 * keep the static page.
 */
const WIDGETS: Record<string, () => Promise<unknown>> = {
  'hub-asset-finder': () => import('townhub:widget/asset-finder'),
  'hub-asset-card': () => import('townhub:widget/asset-card'),
  'hub-map': () => import('townhub:widget/map'),
  'hub-plan-builder': () => import('townhub:widget/plan-builder'),
  'hub-plan-view': () => import('townhub:widget/plan-view'),
  'hub-self-assessment': () => import('townhub:widget/self-assessment'),
  'hub-progress-chart': () => import('townhub:widget/progress-chart'),
};

const supported = 'customElements' in window && 'attachShadow' in Element.prototype && 'noModule' in HTMLScriptElement.prototype;

function load(tag: string): void {
  WIDGETS[tag]?.()
    .then(() => (tag === 'hub-map' ? showSingleAssets() : undefined))
    .catch((error: unknown) => console.warn(`Could not load <${tag}>; the page keeps its static content.`, error));
}

/** Small maps of one asset carry their own one-asset feed (`data-feed-json`) instead of loading the hub's whole feed. */
async function showSingleAssets(): Promise<void> {
  const maps = [...document.querySelectorAll<HTMLElement & { feed?: unknown }>('hub-map[data-feed-json]')];
  if (maps.length === 0) return;
  const { decodeFeed } = await import('@townhub/schema/feed');
  for (const map of maps) map.feed = decodeFeed(JSON.parse(map.dataset.feedJson ?? ''));
}

/** Runs `start` once the browser has painted the static page (at once in a hidden tab, which does not paint). */
function afterFirstPaint(start: () => void): void {
  if (document.visibilityState === 'hidden') start();
  else requestAnimationFrame(() => setTimeout(start, 0));
}

/**
 * Starts loading one widget per task: Vite's loader adds a preload link for each of a widget's modules, and for two
 * or three widgets at once that made one long task.
 */
function loadEach(tags: string[]): void {
  const tag = tags.shift();
  if (!tag) return;
  load(tag);
  if (tags.length) setTimeout(() => loadEach(tags), 0);
}

function upgrade(): void {
  const eager: string[] = [];
  for (const tag of Object.keys(WIDGETS)) {
    const elements = [...document.querySelectorAll(tag)];
    if (elements.length === 0 || customElements.get(tag)) continue;
    if (elements.every((el) => el.hasAttribute('lazy')) && 'IntersectionObserver' in window) {
      const observer = new IntersectionObserver(
        (entries) => {
          if (entries.some((e) => e.isIntersecting)) {
            observer.disconnect();
            load(tag);
          }
        },
        { rootMargin: '200px' },
      );
      for (const el of elements) observer.observe(el);
    } else {
      eager.push(tag);
    }
  }
  loadEach(eager);
}

if (supported) afterFirstPaint(upgrade);
