import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { closestAcrossShadow } from './dom.js';

const hosts = new Set<ReactiveControllerHost>();
let observer: MutationObserver | undefined;

/** One observer for the whole page: when `<html lang>` or `dir` changes, every connected widget re-renders. */
function watchDocument(): void {
  if (observer) return;
  observer = new MutationObserver(() => {
    for (const host of hosts) host.requestUpdate();
  });
  observer.observe(document.documentElement, { attributes: true, attributeFilter: ['lang', 'dir'] });
}

/**
 * Gives a widget the strings for the language it is shown in: its own `lang` attribute, else the closest ancestor's,
 * else `<html lang>`. Falls back to en-GB (any `en` locale without its own strings uses en-GB). No global set-up,
 * so any number of bundles can share a page.
 *
 * ```ts
 * private readonly localize = new LocalizeController(this, strings);
 * render() { return html`${this.localize.t.search}`; }
 * ```
 */
export class LocalizeController<S extends object> implements ReactiveController {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly translations: { 'en-GB': S } & Record<string, S>;

  constructor(host: ReactiveControllerHost & HTMLElement, translations: { 'en-GB': S } & Record<string, S>) {
    this.host = host;
    this.translations = translations;
    host.addController(this);
  }

  hostConnected(): void {
    hosts.add(this.host);
    watchDocument();
  }

  hostDisconnected(): void {
    hosts.delete(this.host);
  }

  /** The language in effect, as written in the closest `lang` attribute. */
  get lang(): string {
    return closestAcrossShadow(this.host, '[lang]:not([lang=""])')?.getAttribute('lang') || document.documentElement.lang || 'en-GB';
  }

  /** The strings for the language in effect. */
  get t(): S {
    return this.pick(this.translations);
  }

  /** The entry of any per-locale table for the language in effect: an exact match, else the same primary language, else en-GB. */
  pick<T>(translations: { 'en-GB': T } & Record<string, T>): T {
    const lang = this.lang.toLowerCase();
    const locales = Object.keys(translations);
    const primary = (l: string) => l.toLowerCase().split('-')[0];
    const locale = locales.find((l) => l.toLowerCase() === lang) ?? locales.find((l) => primary(l) === primary(lang)) ?? 'en-GB';
    return translations[locale] as T;
  }
}
