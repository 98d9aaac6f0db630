/**
 * The plan builder's "Share with someone" section: one live link per person through the share service, kept up to
 * date on every save, and withdrawn on request. Loaded only when the builder has a `share-service`, so pages
 * without one never download it (or the share-service client and the encryption it needs).
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { LocalizeController } from '../internal/localize.js';
import { createLiveShare, type LiveShare, LiveShareError, LiveShareList, liveShareLink, pushLiveShare, revokeLiveShare } from '../plan/live-shares.js';
import type { Plan } from '../plan/schema.js';
import type { strings } from './live-sharing.strings.js';

export { strings } from './live-sharing.strings.js';

/** What the section needs from the plan builder. */
export interface LiveSharingHost extends ReactiveControllerHost, HTMLElement {
  readonly hub: string;
  readonly shareService: string;
  /** The plan as currently saved. */
  readonly value: Plan;
  /** The page that opens shared plans. */
  readonly viewerUrl: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export class LiveSharing implements ReactiveController {
  private readonly host: LiveSharingHost;
  private readonly localize: LocalizeController<(typeof strings)['en-GB']>;
  private list!: LiveShareList;
  private shares: LiveShare[] = [];
  private state: { error?: string; status?: string; busy?: boolean } = {};
  /** Requests run one after another, so each person's ETag is always the latest one. */
  private queue: Promise<void> = Promise.resolve();

  /** `localize` is over this module's `strings`; the host makes it, so this module shares no code with the host's first load. */
  constructor(host: LiveSharingHost, localize: LocalizeController<(typeof strings)['en-GB']>) {
    this.host = host;
    this.localize = localize;
    host.addController(this);
    this.open();
  }

  hostConnected(): void {}

  /** Reads the hub's list of links (again, after the hub changes). */
  open(): void {
    this.list = new LiveShareList(this.host.hub || 'default');
    this.shares = this.list.load();
    this.host.requestUpdate();
  }

  private set(shares: LiveShare[] | undefined, state: LiveSharing['state']): void {
    if (shares) {
      this.shares = shares;
      this.list.save(shares);
    }
    this.state = state;
    this.host.requestUpdate();
  }

  /** Runs work after any already queued; resolves when it is done. */
  private run(work: () => Promise<void>): Promise<void> {
    this.queue = this.queue.then(work, work);
    return this.queue;
  }

  /** Resolves when every queued request (create, update, withdraw) has finished. */
  get settled(): Promise<void> {
    return this.queue;
  }

  async shareWith(label: string): Promise<string | undefined> {
    const t = this.localize.t;
    const service = this.host.shareService;
    let link: string | undefined;
    await this.run(async () => {
      this.set(undefined, { busy: true });
      try {
        const share = await createLiveShare(service, this.host.value, label);
        link = liveShareLink(this.host.viewerUrl, share);
        this.set([...this.list.load(), share], { status: t.liveCreated(label) });
      } catch (error) {
        this.set(undefined, { error: this.problem(error, t.liveCreateFailed) });
      }
    });
    return link;
  }

  async revoke(id: string): Promise<boolean> {
    const t = this.localize.t;
    let done = false;
    await this.run(async () => {
      const share = this.list.load().find((s) => s.id === id);
      if (!share) return;
      try {
        await revokeLiveShare(this.host.shareService, share);
        this.set(
          this.list.load().filter((s) => s.id !== id),
          { status: t.liveRevoked(share.label) },
        );
        done = true;
      } catch (error) {
        this.set(undefined, { error: this.problem(error, t.liveRevokeFailed(share.label)) });
      }
    });
    return done;
  }

  /** Sends the saved plan to everyone with a link. Links the service no longer has are dropped from the list. */
  push(): void {
    if (!this.host.shareService || this.list.load().length === 0) return;
    const t = this.localize.t;
    void this.run(async () => {
      const plan = this.host.value;
      const kept: LiveShare[] = [];
      const problems: string[] = [];
      for (const share of this.list.load()) {
        try {
          kept.push(await pushLiveShare(this.host.shareService, share, plan));
        } catch (error) {
          if (error instanceof LiveShareError && error.gone) {
            problems.push(t.liveGone(share.label));
          } else {
            kept.push(share);
            problems.push(this.problem(error, t.liveUpdateFailed(share.label)));
          }
        }
      }
      this.set(kept, problems.length ? { error: problems.join(' ') } : {});
    });
  }

  private problem(error: unknown, fallback: string): string {
    const t = this.localize.t;
    if (!(error instanceof LiveShareError)) return fallback;
    if (error.failure.reason === 'network') return `${fallback} ${t.liveOffline}`;
    if (error.failure.reason === 'rate-limited') return `${fallback} ${t.liveBusy}`;
    return fallback;
  }

  private async copy(share: LiveShare): Promise<void> {
    try {
      await navigator.clipboard.writeText(liveShareLink(this.host.viewerUrl, share));
      this.set(undefined, { status: this.localize.t.liveCopied(share.label) });
    } catch {
      this.host.renderRoot.querySelector<HTMLInputElement>(`#live-link-${share.id}`)?.select();
    }
  }

  private onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const input = form.elements.namedItem('label') as HTMLInputElement;
    const label = input.value.trim();
    if (!label) {
      this.set(undefined, { error: this.localize.t.liveLabelMissing });
      input.focus();
      return;
    }
    void this.shareWith(label).then((link) => {
      if (link) form.reset();
    });
  };

  render(level: number): TemplateResult {
    const t = this.localize.t;
    const lang = this.localize.lang;
    const state = this.state;
    const select = (e: Event) => (e.target as HTMLInputElement).select();
    return html`<section aria-labelledby="live-heading" class="live-shares" part="share">
      <div class="heading heading--section" role="heading" aria-level=${Math.min(6, level)} id="live-heading">${t.liveHeading}</div>
      <p class="hint">${t.liveHint}</p>
      <form class="live-form" @submit=${this.onSubmit} novalidate>
        <div class="field">
          <label for="live-label">${t.liveLabel}</label>
          <p class="hint" id="live-label-hint">${t.liveLabelHint}</p>
          <input id="live-label" name="label" autocomplete="off" maxlength="80" aria-describedby="live-label-hint" />
        </div>
        <button type="submit" class="hub-button" ?disabled=${state.busy}>${t.liveCreate}</button>
      </form>
      ${state.error ? html`<p class="error-message" role="alert">${state.error}</p>` : nothing}
      <p role="status" class="live-status">${state.status ?? ''}</p>
      ${
        this.shares.length
          ? html`<ul class="live-list" aria-label=${t.liveListLabel}>
              ${this.shares.map(
                (share) => html`<li class="live-item">
                  <div class="field">
                    <label for="live-link-${share.id}">${t.liveLinkFor(share.label)}</label>
                    <p class="hint" id="live-updated-${share.id}">${t.liveSentAt(share.updatedAt, lang)}</p>
                    <input id="live-link-${share.id}" readonly .value=${liveShareLink(this.host.viewerUrl, share)} aria-describedby="live-updated-${share.id}" @focus=${select} />
                  </div>
                  <div class="buttons">
                    <button type="button" class="hub-button hub-button--secondary" @click=${() => this.copy(share)}>
                      ${t.copy}<span class="visually-hidden"> ${t.forLabel(share.label)}</span>
                    </button>
                    <button type="button" class="hub-button hub-button--secondary" @click=${() => this.revoke(share.id)}>
                      ${t.liveRevoke}<span class="visually-hidden"> ${t.forLabel(share.label)}</span>
                    </button>
                  </div>
                </li>`,
              )}
            </ul>`
          : html`<p class="hint">${t.liveNone}</p>`
      }
    </section>`;
  }
}
