import type { FeedAsset } from '@townhub/schema/feed';
import { assetPath } from '@townhub/schema/feed';
import { isSafeUrl } from '@townhub/schema/vocabulary';
import { html, nothing, type PropertyDeclarations, svg } from 'lit';
import { upcomingEvents } from '../internal/dates.js';
import { HubPlanAddEvent } from '../internal/events.js';
import { HubElement } from '../internal/hub-element.js';
import { LocalizeController } from '../internal/localize.js';
import { buttonBaseStyles, focusStyles, visuallyHidden } from '../internal/theme.js';
import { styles } from './asset-card.styles.js';
import { type AssetCardStrings, strings } from './strings.js';

/** Whether each link is safe (https, http, mailto or tel), remembered: the same cards come back as people type. */
const safe = new Map<string, boolean>();
function isSafe(url: string): boolean {
  let ok = safe.get(url);
  if (ok === undefined) {
    if (safe.size > 5000) safe.clear();
    ok = isSafeUrl(url);
    safe.set(url, ok);
  }
  return ok;
}

const tick = svg`<svg viewBox="0 0 16 16" aria-hidden="true" focusable="false"><circle cx="8" cy="8" r="7.5" fill="currentColor"/><path d="m4.5 8.3 2.3 2.3 4.7-4.9" fill="none" stroke="#fff" stroke-width="2"/></svg>`;

/**
 * @tag hub-asset-card
 * @summary One community asset: what it is, when it runs, what it costs, who it is for, how to get in touch.
 *
 * All text comes from the feed and is rendered as text, never as HTML; links only use https, http, mailto or tel.
 *
 * @event hub-plan-add - "Add to my plan" was pressed. `detail: { assetId, name }`.
 *
 * @csspart base - The card's outer box.
 * @csspart name - The asset's name (a link to its page when `base-url` is set).
 * @csspart plan-button - The "Add to my plan" button.
 */
export class HubAssetCard extends HubElement {
  static override styles = [...HubElement.styles, focusStyles, buttonBaseStyles, visuallyHidden, styles];

  static override properties: PropertyDeclarations = {
    asset: { attribute: false },
    distance: { type: Number },
    baseUrl: { attribute: 'base-url' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    selected: { type: Boolean, reflect: true },
    hidePlan: { type: Boolean, attribute: 'hide-plan' },
    inPlan: { type: Boolean, attribute: 'in-plan' },
    now: { attribute: false },
  };

  /** The asset to show (from a decoded feed). */
  asset?: FeedAsset;

  /** Distance from the person's chosen place, in kilometres (shown in miles). */
  distance?: number;

  /** The hub site's base URL; when set, the name links to the asset's page (`<base-url>/assets/<id>/`). */
  baseUrl = '';

  /** Heading level of the asset's name, to fit the page's outline. */
  headingLevel = 3;

  /** Marks the card as the current selection (for example from a map). */
  selected = false;

  /** Hides the "Add to my plan" button. */
  hidePlan = false;

  /** Whether the asset is already in the person's plan (the button then says so). */
  inPlan = false;

  /** The moment "upcoming" is measured from; the current time when unset. */
  now?: Date;

  private readonly localize = new LocalizeController(this, strings);

  /** The link to the asset's page, or undefined when no (safe) base URL is set. */
  get pageUrl(): string | undefined {
    if (!this.baseUrl || !this.asset) return undefined;
    try {
      const base = new URL(this.baseUrl.endsWith('/') ? this.baseUrl : `${this.baseUrl}/`, document.baseURI);
      const href = new URL(assetPath(this.asset.id), base).href;
      return isSafe(href) ? href : undefined;
    } catch {
      return undefined;
    }
  }

  private addToPlan() {
    if (!this.asset) return;
    this.emit(new HubPlanAddEvent({ assetId: this.asset.id, name: this.asset.name }));
  }

  private scheduleLines(asset: FeedAsset, t: AssetCardStrings): string[] {
    const lines = asset.weekly.map((w) =>
      t.weekly(
        w.days.map((d) => t.days[d]),
        w.opens,
        w.closes,
      ),
    );
    for (const m of asset.monthly) lines.push(t.monthly(m.week, t.days[m.day], m.opens, m.closes));
    for (const e of upcomingEvents(asset, this.now ?? new Date()).slice(0, 3)) {
      const closes = e.end && e.end.slice(0, 10) === e.start.slice(0, 10) ? e.end.slice(11, 16) : undefined;
      lines.push(t.event(new Date(`${e.start.slice(0, 10)}T12:00`), e.start.slice(11, 16), closes));
    }
    if (asset.byAppointment) lines.push(t.byAppointment);
    if (asset.scheduleNote) lines.push(asset.scheduleNote);
    return lines;
  }

  override render() {
    const asset = this.asset;
    if (!asset) return nothing;
    const t = this.localize.t;
    const href = this.pageUrl;
    const when = this.scheduleLines(asset, t);
    const where = [asset.areaWide ? t.areaWide : '', asset.online ? t.online : ''].filter(Boolean).join('. ');
    const distance = this.distance !== undefined && Number.isFinite(this.distance) ? t.distanceAway(this.distance) : where;
    const row = (term: string, value: unknown) => html`<dt>${term}</dt><dd>${value}</dd>`;
    // [href, label, opens in a new tab]; only safe schemes become links.
    const links = (
      [
        [asset.phone && `tel:${asset.phone.replace(/[^\d+]/g, '')}`, t.phone(asset.phone ?? '')],
        [asset.email && `mailto:${asset.email}`, t.email(asset.email ?? '')],
        [asset.website, t.website, true],
        [asset.booking, t.booking, true],
      ] as [string | undefined, string, boolean?][]
    ).filter(([link]) => link && isSafe(link));
    return html`<article class="card" part="base" aria-labelledby="name">
      <p class="kind">${t.kinds[asset.kind]}</p>
      <div class="name" part="name" role="heading" aria-level=${Math.min(6, Math.max(1, this.headingLevel))} id="name">${href ? html`<a href=${href}>${asset.name}</a>` : asset.name}</div>
      ${asset.summary ? html`<p class="summary">${asset.summary}</p>` : nothing}
      <dl>
        ${
          when.length
            ? row(
                t.when,
                when.map((line) => html`<span>${line}</span>`),
              )
            : nothing
        }
        ${row(t.cost, [asset.free ? t.free : (asset.cost ?? ''), asset.free && asset.cost ? html`<span>${asset.cost}</span>` : nothing])}
        ${row(t.age, t.ageRange(asset.ageMin, asset.ageMax))}
        ${row(t.access, t.referral[asset.referral])}
        ${distance ? row(t.distance, distance) : nothing}
      </dl>
      ${
        asset.accessibility.length
          ? html`<ul class="access" aria-label=${t.accessibilityHeading}>
            ${asset.accessibility.map((f) => html`<li>${tick}<span>${t.accessibility[f]}</span></li>`)}
          </ul>`
          : nothing
      }
      ${
        links.length
          ? html`<ul class="contact" aria-label=${t.contact}>
            ${links.map(
              ([link, label, external]) =>
                html`<li><a href=${link as string} target=${external ? '_blank' : nothing} rel=${external ? 'noopener noreferrer' : nothing}>${label}${external ? html`<span class="visually-hidden"> ${t.opensInNewTab}</span>` : nothing}</a></li>`,
            )}
          </ul>`
          : nothing
      }
      ${
        this.hidePlan
          ? nothing
          : html`<div class="actions">
            <button type="button" class="hub-button hub-button--secondary" part="plan-button" @click=${this.addToPlan}>
              ${this.inPlan ? t.inPlan : t.addToPlan}<span class="visually-hidden">: ${asset.name}</span>
            </button>
          </div>`
      }
    </article>`;
  }
}
