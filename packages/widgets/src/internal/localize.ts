import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { inheritedAttribute } from './dom.js';

const hosts = new Set<ReactiveControllerHost>();
let observer: MutationObserver | undefined;

/**
 * Gives a widget the strings for the language it is shown in: its own `lang` attribute, else the closest ancestor's,
 * else `<html lang>`. Falls back to en-GB (any `en` locale without its own strings uses en-GB). No global set-up,
 * so any number of bundles can share a page; one observer re-renders every widget when `<html lang>` or `dir` changes.
 *
 * ```ts
 * private readonly localize = new LocalizeController(this, strings);
 * render() { return html`${this.localize.t.search}`; }
 * ```
 */
export class LocalizeController<S extends object> implements ReactiveController {
  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly translations: { 'en-GB': S } & Record<string, S>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    hosts.add(this.host);
    observer ??= new MutationObserver(() => {
      for (const host of hosts) host.requestUpdate();
    });
    // Observing the same node again only replaces the options.
    observer.observe(document.documentElement, { attributeFilter: ['lang', 'dir'] });
  }

  hostDisconnected(): void {
    hosts.delete(this.host);
  }

  /** The language in effect, as written in the closest `lang` attribute. */
  get lang(): string {
    return inheritedAttribute(this.host, 'lang') || 'en-GB';
  }

  /** The strings for the language in effect. */
  get t(): S {
    return this.pick(this.translations);
  }

  /** The entry of any per-locale table for the language in effect: an exact match, else the same primary language, else en-GB. */
  pick<T>(translations: { 'en-GB': T } & Record<string, T>): T {
    const lang = this.lang.toLowerCase();
    const primary = (l: string) => l.toLowerCase().split('-')[0];
    const locales = Object.keys(translations);
    return translations[locales.find((l) => l.toLowerCase() === lang) ?? locales.find((l) => primary(l) === primary(lang)) ?? 'en-GB'] as T;
  }
}
