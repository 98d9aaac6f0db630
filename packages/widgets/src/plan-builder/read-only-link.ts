/**
 * The plan builder's read-only link: a copy of the plan, encrypted, carried entirely in the link's fragment. Loaded
 * when the person first asks for a link.
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { LocalizeController } from '../internal/localize.js';
import type { Plan } from '../plan/schema.js';
import { createShareLink } from '../plan/share-crypto.js';

/** Links longer than this may be cut off by some apps, so the person is warned. */
const LONG_LINK = 2000;

const enGB = {
  shareLink: 'Read-only link to your plan',
  shareWarning: 'Anyone with this link can read your plan, so only share it with people you trust. It is a copy: changes you make later will not show.',
  shareLong: 'This link is long, and some apps may cut it off. If it does not open, export the plan to a file instead.',
  copy: 'Copy link',
  copied: 'Link copied.',
};
export const strings: { 'en-GB': typeof enGB } & Record<string, typeof enGB> = { 'en-GB': enGB };

/** What the link needs from the plan builder. */
export interface ReadOnlyLinkHost extends ReactiveControllerHost, HTMLElement {
  /** The plan as currently saved. */
  readonly value: Plan;
  /** The page that opens shared plans. */
  readonly viewerUrl: string;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

export class ReadOnlyLink implements ReactiveController {
  private readonly host: ReadOnlyLinkHost;
  private readonly localize: LocalizeController<typeof enGB>;
  private link?: string;
  private copied = false;

  /** `localize` is over this module's `strings`; the host makes it, so this module shares no code with the host's first load. */
  constructor(host: ReadOnlyLinkHost, localize: LocalizeController<typeof enGB>) {
    this.host = host;
    this.localize = localize;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Makes a new link to the plan as it is now, and shows it. */
  async create(): Promise<string> {
    this.clear();
    this.link = await createShareLink(this.host.value, this.host.viewerUrl);
    this.host.requestUpdate();
    return this.link;
  }

  clear(): void {
    this.link = undefined;
    this.copied = false;
    this.host.requestUpdate();
  }

  private copy = async (): Promise<void> => {
    const input = this.host.renderRoot.querySelector<HTMLInputElement>('#share-link');
    if (!input) return;
    try {
      await navigator.clipboard.writeText(input.value);
      this.copied = true;
      this.host.requestUpdate();
    } catch {
      input.select();
    }
  };

  render(): TemplateResult | typeof nothing {
    const t = this.localize.t;
    const link = this.link;
    if (!link) return nothing;
    return html`<div class="share">
      <div class="field">
        <label for="share-link">${t.shareLink}</label>
        <p class="hint" id="share-hint">${t.shareWarning}${link.length > LONG_LINK ? ` ${t.shareLong}` : ''}</p>
        <input id="share-link" readonly .value=${link} aria-describedby="share-hint" @focus=${(e: Event) => (e.target as HTMLInputElement).select()} />
      </div>
      <button type="button" class="hub-button hub-button--secondary" @click=${this.copy}>${t.copy}</button>
      <span role="status">${this.copied ? t.copied : ''}</span>
    </div>`;
  }
}
