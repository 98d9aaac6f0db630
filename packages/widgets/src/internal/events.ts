/**
 * Typed events. Each event is a class with a readonly `detail`; all bubble and cross shadow roots (`composed`), so a
 * page can listen on `document`. Names are prefixed `hub-`; native `input`/`change` are used for form values.
 * Every event is declared in `GlobalEventHandlersEventMap`, so `addEventListener('hub-plan-add', e => e.detail.assetId)`
 * is typed.
 */

/**
 * Base of all our events: `detail` is frozen, the event bubbles and is composed. Subclasses give their name as a
 * static getter (not a static field), so bundlers drop the events a widget does not use.
 */
export abstract class HubEvent<D> extends Event {
  readonly detail: Readonly<D>;
  constructor(type: string, detail: D) {
    super(type, { bubbles: true, composed: true });
    this.detail = Object.freeze({ ...detail });
  }
}

/** "Add to my plan" on an asset. The plan builder listens for it on `document`. */
export class HubPlanAddEvent extends HubEvent<{ assetId: string; name: string }> {
  static get eventName() {
    return 'hub-plan-add' as const;
  }
  constructor(detail: { assetId: string; name: string }) {
    super(HubPlanAddEvent.eventName, detail);
  }
}

/** A finder's feed has loaded and been indexed. */
export class HubFeedLoadEvent extends HubEvent<{ assetCount: number }> {
  static get eventName() {
    return 'hub-feed-load' as const;
  }
  constructor(detail: { assetCount: number }) {
    super(HubFeedLoadEvent.eventName, detail);
  }
}

/** A finder's feed failed to load or was not a feed. */
export class HubFeedErrorEvent extends HubEvent<{ message: string }> {
  static get eventName() {
    return 'hub-feed-error' as const;
  }
  constructor(detail: { message: string }) {
    super(HubFeedErrorEvent.eventName, detail);
  }
}

/** A finder's result set changed (after a search, filter or sort). Ids in display order. */
export class HubResultsChangeEvent extends HubEvent<{ ids: readonly string[]; total: number }> {
  static get eventName() {
    return 'hub-results-change' as const;
  }
  constructor(detail: { ids: readonly string[]; total: number }) {
    super(HubResultsChangeEvent.eventName, detail);
  }
}

/** An asset was selected (a map marker, for example). `source` is the widget that selected it. */
export class HubAssetSelectEvent extends HubEvent<{ assetId: string; source: 'map' | 'finder' }> {
  static get eventName() {
    return 'hub-asset-select' as const;
  }
  constructor(detail: { assetId: string; source: 'map' | 'finder' }) {
    super(HubAssetSelectEvent.eventName, detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'hub-plan-add': HubPlanAddEvent;
    'hub-feed-load': HubFeedLoadEvent;
    'hub-feed-error': HubFeedErrorEvent;
    'hub-results-change': HubResultsChangeEvent;
    'hub-asset-select': HubAssetSelectEvent;
  }
}
