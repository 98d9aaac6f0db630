/**
 * The one script of every page that JavaScript improves. It upgrades the page's static HTML with widgets: each
 * widget's code is a separate chunk, loaded only when its tag is on the page, and only after the static page has been
 * painted, so widgets never hold back the first paint. Widgets marked `lazy` (the small map on asset pages) load when
 * they scroll into view. Browsers without custom elements keep the static page. The search page's script loads the
 * same way. One entry script with no imports of its own means nothing else is fetched before the first paint.
 */
import { addFromAddress, sendAddsToPlanPage } from './add-to-plan.ts';

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

/**
 * Runs `start` once the browser has shown the static page: when it reports the first contentful paint (a frame can
 * still be on its way to the screen when `requestAnimationFrame` runs). At once in a hidden tab, which does not paint.
 */
function afterFirstPaint(start: () => void): void {
  let started = false;
  const once = () => {
    if (!started) setTimeout(start, 0);
    started = true;
  };
  if (document.visibilityState === 'hidden') once();
  else if (window.PerformanceObserver?.supportedEntryTypes?.includes('paint')) {
    new PerformanceObserver((list, observer) => {
      if (!list.getEntriesByName('first-contentful-paint').length) return;
      observer.disconnect();
      once();
    }).observe({ type: 'paint', buffered: true });
    // A page that is never shown reports no paint: its widgets load anyway.
    setTimeout(once, 3000);
  } else requestAnimationFrame(once);
}

/** Starts loading one widget per task, so that starting two or three never adds up to one long task. */
function loadEach(tags: string[]): void {
  const tag = tags.shift();
  if (!tag) return;
  load(tag);
  if (tags.length) setTimeout(() => loadEach(tags), 0);
}

/** Resolves once the widgets with these tags are defined and have drawn themselves (`updateComplete`). */
async function drawn(tags: string[]): Promise<void> {
  await Promise.all(tags.map((tag) => customElements.whenDefined(tag)));
  await Promise.all(
    tags.flatMap((tag) => [...document.querySelectorAll<HTMLElement & { updateComplete?: Promise<unknown> }>(tag)].map((el) => el.updateComplete)),
  );
}

/** A shared plan's link (`#plan=…`, `#share=…`, `#key=…`) shows the plan view at once, wherever it sits. */
const opensFromAddress = (el: Element) => el.localName === 'hub-plan-view' && /(^|[#&])(plan|share|key)=/.test(location.hash.slice(1));

function upgrade(): void {
  const eager: string[] = [];
  const lazy: [string, Element[]][] = [];
  for (const tag of Object.keys(WIDGETS)) {
    const elements = [...document.querySelectorAll(tag)];
    if (elements.length === 0 || customElements.get(tag)) continue;
    if (elements.every((el) => el.hasAttribute('lazy') && !opensFromAddress(el)) && 'IntersectionObserver' in window) lazy.push([tag, elements]);
    else eager.push(tag);
  }
  loadEach([...eager]);
  // "Add to my plan": on the plan page, the asset named in the address; elsewhere, a finder's adds open the plan page.
  void addFromAddress();
  sendAddsToPlanPage();
  if (lazy.length === 0) return;
  // Lazy widgets are watched once the others have drawn themselves: until then the page is shorter, and a widget
  // that will sit far below the fold (the shared-plan view under the plan builder) would look close enough to load.
  const watch = () => {
    for (const [tag, elements] of lazy) {
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
    }
  };
  if (eager.length === 0) watch();
  // A widget that fails to load never draws: watch after a few seconds anyway.
  else Promise.race([drawn(eager), new Promise((later) => setTimeout(later, 5000))]).then(watch, watch);
}

/** The search page's results (Pagefind); this works without custom elements. */
function search(): void {
  if (!document.getElementById('search-results')) return;
  import('./search.ts').then((m) => m.startSearch()).catch((error: unknown) => console.warn('Could not load search; the form still works.', error));
}

afterFirstPaint(() => {
  search();
  if (supported) upgrade();
});
