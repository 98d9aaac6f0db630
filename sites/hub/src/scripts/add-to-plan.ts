/**
 * "Add to my plan" buttons on asset pages submit `my-plan/?add=<id>`. Once the plan builder is ready, this adds that
 * asset (looked up in the hub's feed, so only real listings are added) and tidies the address so a reload does not
 * repeat it. Without JavaScript the page explains how to plan on paper instead.
 */
interface PlanBuilder extends HTMLElement {
  updateComplete?: Promise<unknown>;
  addAsset(id: string, name: string): void;
}

export async function addFromAddress(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const id = params.get('add');
  const builder = document.querySelector<PlanBuilder>('hub-plan-builder');
  if (!id || !builder || !('customElements' in window)) return;
  await customElements.whenDefined('hub-plan-builder');
  await builder.updateComplete;
  const src = builder.getAttribute('src');
  if (!src) return;
  // Loaded only when there is something to add, so the plan page's first load does not wait for it.
  const { decodeFeed } = await import('@townhub/schema/feed');
  const feed = decodeFeed(await (await fetch(src)).json());
  const asset = feed.assets.find((a) => a.id === id);
  if (asset && typeof builder.addAsset === 'function') builder.addAsset(asset.id, asset.name);
  params.delete('add');
  history.replaceState(null, '', `${location.pathname}${params.size ? `?${params}` : ''}${location.hash}`);
}

/**
 * On pages without a plan builder, a finder's "Add to my plan" (the `hub-plan-add` event) opens the plan page with
 * `?add=<id>`, the same address the asset pages' buttons use.
 */
export function sendAddsToPlanPage(): void {
  const planUrl = document.querySelector<HTMLElement>('[data-plan-url]')?.dataset.planUrl;
  if (!planUrl) return;
  document.addEventListener('hub-plan-add', (event) => {
    if (document.querySelector('hub-plan-builder')) return;
    const id = (event as CustomEvent<{ assetId?: string }>).detail?.assetId;
    if (id) location.assign(`${planUrl}?add=${encodeURIComponent(id)}`);
  });
}
