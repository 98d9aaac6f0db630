/**
 * HubElement: the one base class of every `hub-*` widget. Widgets never extend LitElement directly.
 *
 * Conventions every widget follows:
 * - Reactive properties use Lit's decorators (`@property`, `@state`, `@query` from `lit/decorators.js`) with
 *   `experimentalDecorators: true` and `useDefineForClassFields: false` (see tsconfig.json); esbuild, Vite and tsc
 *   all read these from tsconfig.json. Do not use `accessor` or standard decorators. Widgets on every page (this
 *   class, the card, the finder) declare `static properties` instead: decorators cost bytes per property.
 * - Relative imports use the `.js` extension (`./asset-card.js`), which every tool resolves to the `.ts` source.
 * - Styles: `static override styles = [...HubElement.styles, css\`…\`]`; colours and sizes come from the private
 *   `--_*` variables of `theme.ts`; use logical properties (`margin-inline-start`) so right-to-left works.
 * - Strings come from a `LocalizeController` over the widget's `strings.ts`; events are classes from `events.ts`
 *   dispatched with `this.emit(new SomeEvent(…))`.
 */

import { LitElement, type PropertyDeclarations } from 'lit';
import { hostStyles } from './theme.js';
import { VERSION } from './version.js';

export class HubElement extends LitElement {
  /** The package version, compared by `define()` when a tag is registered twice. */
  static readonly hubVersion: string = VERSION;

  static override styles = [hostStyles];

  static override properties: PropertyDeclarations = { dir: {}, lang: {} };

  /** Text direction. Inherited from the page when unset (see `inheritedAttribute` in dom.ts); `rtl` mirrors the layout. */
  override dir!: string;

  /** Language of the widget's own text. Inherited from the closest `lang` (usually `<html lang>`) when unset. */
  override lang!: string;

  /** Dispatches one of our typed events (bubbling and composition are set by the event class). */
  protected emit<E extends Event>(event: E): boolean {
    return this.dispatchEvent(event);
  }
}
