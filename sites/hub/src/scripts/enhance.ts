/**
 * Upgrades the page's static HTML with widgets. Each widget's code is a separate chunk, loaded only when its tag is
 * on the page; widgets marked `lazy` (the small map on asset pages) load when they scroll into view. Browsers
 * without custom elements keep the static page.
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

/** Small maps of one asset (`data-feed` + `data-asset`) get the hub's feed narrowed to that asset. */
async function showSingleAssets(): Promise<void> {
  const maps = [...document.querySelectorAll<HTMLElement & { feed?: unknown }>('hub-map[data-asset][data-feed]')];
  if (maps.length === 0) return;
  const { decodeFeed } = await import('@townhub/schema/feed');
  for (const map of maps) {
    const feed = decodeFeed(await (await fetch(map.dataset.feed ?? '')).json());
    map.feed = { ...feed, assets: feed.assets.filter((a) => a.id === map.dataset.asset) };
  }
}

if (supported) {
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
      load(tag);
    }
  }
}
