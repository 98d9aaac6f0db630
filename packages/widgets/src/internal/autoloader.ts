/** Loads one widget's module; it registers the tag as a side effect. */
export type WidgetLoader = () => Promise<unknown>;

/**
 * Watches the page for our tags and loads each widget the first time its tag appears, so a council pastes one
 * `<script type="module">` and the tags. Used by the CDN entry (`dist/cdn/townhub.js`), which the build generates
 * with one loader per widget.
 */
export function autoload(loaders: Readonly<Record<string, WidgetLoader>>, root: Document = document): void {
  const pending = new Map(Object.entries(loaders));
  const selector = [...pending.keys()].join(',');

  const load = (tag: string) => {
    const loader = pending.get(tag);
    if (!loader) return;
    pending.delete(tag);
    if (customElements.get(tag)) return;
    loader().catch((error: unknown) => console.warn(`<${tag}> could not be loaded.`, error));
  };

  const scan = (node: ParentNode | Element) => {
    if (node instanceof Element && pending.has(node.localName)) load(node.localName);
    if (selector && pending.size > 0) for (const el of node.querySelectorAll(selector)) load(el.localName);
  };

  scan(root);
  if (pending.size === 0) return;
  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) scan(node);
    if (pending.size === 0) observer.disconnect();
  });
  observer.observe(root.documentElement, { childList: true, subtree: true });
}
