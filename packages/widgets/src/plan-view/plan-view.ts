import { Task } from '@lit/task';
import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { HubElement } from '../internal/hub-element.js';
import { LocalizeController } from '../internal/localize.js';
import { focusStyles } from '../internal/theme.js';
import { loadAllMeasures } from '../measures/index.js';
import { parseLiveShareFragment } from '../plan/live-share-link.js';
import type { Plan } from '../plan/schema.js';
import { ShareError } from '../plan/share-crypto.js';
import { decryptPlan, parseShareFragment } from '../plan/share-open.js';
import { styles } from './plan-view.styles.js';
import { renderPlan } from './render-plan.js';
import { planStyles } from './render-plan.styles.js';
import { strings } from './strings.js';

/**
 * @summary Shows a shared wellness plan, read-only. Opens the encrypted plan in a share link's fragment
 * (`#plan=<data>.<key>`), or fetches the encrypted plan from `src` and opens it with the key in the fragment
 * (`#key=<key>`), or — with `share-service` — fetches a live share (`#share=<id>.<key>`) from the share service and
 * shows its latest version with when it was updated.
 *
 * Decryption happens in the browser; the key never leaves the fragment, so no server sees it. A changed, cut-off or
 * wrongly keyed link fails as a whole with a message, never a partial plan.
 *
 * @csspart plan - The plan's sections.
 */
/** An opened plan; `live` plans come from the share service, with the time the owner last updated them. */
interface Opened {
  plan: Plan;
  live?: boolean;
  updatedAt?: string;
}

export class HubPlanView extends HubElement {
  static override styles = [...HubElement.styles, focusStyles, planStyles, styles];

  /** A share link or its fragment. When unset (and `src` is unset), the page's own address is read. */
  @property() link = '';

  /** Where to fetch the encrypted plan from (bytes as stored by a share service); the key comes from `key` or `#key=`. */
  @property() src = '';

  /** The key for `src`; read from the page's `#key=` fragment when unset. */
  @property() key = '';

  /** Base URL of the share service (e.g. `/api/shares`), for live links (`#share=<id>.<key>`). */
  @property({ attribute: 'share-service' }) shareService = '';

  /** A plan to show as it is (no decryption). */
  @property({ attribute: false }) plan?: Plan;

  /** Heading level of the plan's title; sections are one level below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private hash = location.hash;

  private readonly localize = new LocalizeController(this, strings);
  private readonly onHashChange = () => {
    this.hash = location.hash;
  };

  private readonly opening = new Task(this, {
    args: () => [this.plan, this.link, this.src, this.key, this.hash, this.shareService] as const,
    // Every measure's definition loads alongside, so check-ins with any measure show; a page with no plan to open
    // (the plan page without a link) loads none.
    task: async (args, { signal }) => {
      const [plan, link, src, , hash] = args;
      const measures = plan || src || /(^|[#&])(plan|share|key)=/.test(link || hash) ? loadAllMeasures() : undefined;
      measures?.catch(() => undefined);
      const opened = await this.open(...args, signal);
      if (opened) await (measures ?? loadAllMeasures());
      return opened;
    },
  });

  private async open(
    plan: Plan | undefined,
    link: string,
    src: string,
    key: string,
    hash: string,
    service: string,
    signal: AbortSignal,
  ): Promise<Opened | undefined> {
    if (plan) return { plan };
    const fragment = link ? (link.includes('#') ? link.slice(link.indexOf('#')) : link) : hash;
    const live = service ? parseLiveShareFragment(fragment) : undefined;
    if (live) return this.openLive(service, live, signal);
    if (src) {
      const fragmentKey = key || new URLSearchParams((link ? new URL(link, location.href).hash : hash).replace(/^#/, '')).get('key') || '';
      if (!fragmentKey) throw new ShareError(this.localize.t.noLink);
      const response = await fetch(src, { signal, credentials: 'omit' }).catch(() => undefined);
      if (!response?.ok) throw new ShareError('This shared plan could not be fetched. It may have been withdrawn, or you may be offline.');
      return { plan: await decryptPlan(new Uint8Array(await response.arrayBuffer()), fragmentKey) };
    }
    const parts = parseShareFragment(fragment);
    if (!parts) return undefined;
    return { plan: await decryptPlan(parts.ciphertext, parts.key) };
  }

  /** Fetches a live share's latest version; every way it can fail becomes a ShareError saying what happened. */
  private async openLive(service: string, share: { id: string; key: string }, signal: AbortSignal): Promise<Opened> {
    const t = this.localize.t;
    // The share service's client loads only for live links.
    const { fetchShare } = await import('@townhub/share-service/client');
    const fetched = await fetchShare(service, share.id, { signal });
    if (!fetched.ok) {
      const reason = fetched.reason;
      throw new ShareError(reason === 'revoked' ? t.withdrawn : reason === 'not-found' ? t.notFound : reason === 'network' ? t.offline : t.serviceProblem);
    }
    if (fetched.unchanged) throw new ShareError(t.serviceProblem);
    const plan = await decryptPlan(fetched.ciphertext as Uint8Array<ArrayBuffer>, share.key);
    return { plan, live: true, updatedAt: fetched.updatedAt ?? undefined };
  }

  /** Opens the plan again (for a live link: fetches the latest version). */
  reload(): Promise<unknown> {
    void this.opening.run();
    return this.opened;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHashChange);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
  }

  /** Resolves when the plan has been opened (or has failed to open). */
  get opened(): Promise<unknown> {
    return this.opening.taskComplete.catch(() => undefined);
  }

  override render() {
    const t = this.localize.t;
    const level = Math.min(6, Math.max(1, this.headingLevel));
    return this.opening.render({
      initial: () => html`<p role="status">${t.loading}</p>`,
      pending: () => html`<p role="status">${t.loading}</p>`,
      error: (error) => html`<div class="error" role="alert">
        <div class="error-title" role="heading" aria-level=${level}>${t.cannotOpen}</div>
        <p>${error instanceof ShareError ? error.message : t.noLink}</p>
      </div>`,
      complete: (opened) => {
        if (!opened) return html`<p class="notice">${t.noLink}</p>`;
        const { plan, live, updatedAt } = opened;
        const lang = this.localize.lang;
        return html`<article aria-labelledby="title">
          <div class="title" role="heading" aria-level=${level} id="title">${this.plan ? t.title : t.sharedTitle}</div>
          <p class="meta">${live ? t.liveUpdated(updatedAt ?? plan.updated, lang) : t.updated(plan.updated, lang)}</p>
          ${this.plan ? nothing : html`<p class="notice">${live ? t.liveNotice : t.readOnly}</p>`}
          <div part="plan">${renderPlan(plan, t, { lang, headingLevel: level + 1 })}</div>
        </article>`;
      },
    });
  }
}
