import type { FeedAsset } from '@townhub/schema/feed';
import { assetPath } from '@townhub/schema/feed';
import { isSafeUrl } from '@townhub/schema/vocabulary';
import { html, nothing, type PropertyDeclarations } from 'lit';
import { upcomingEvents } from '../internal/dates.js';
import { HubPlanAddEvent } from '../internal/events.js';
import { HubElement } from '../internal/hub-element.js';
import { linkFocusStyles } from '../internal/theme.js';
import { styles } from './asset-card.styles.js';
import { strings } from './strings.js';

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
  static override styles = [...HubElement.styles, linkFocusStyles, styles];

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

  /** The link to the asset's page, or undefined when no (safe) base URL is set. */
  get pageUrl(): string | undefined {
    try {
      const href = new URL(assetPath(this.asset!.id), new URL(this.baseUrl.replace(/\/?$/, '/'), document.baseURI)).href;
      return this.baseUrl && isSafeUrl(href) ? href : undefined;
    } catch {
      // No asset, or a base URL that does not parse.
      return undefined;
    }
  }

  /** The button is only there while there is an asset. */
  private addToPlan() {
    const { id, name } = this.asset as FeedAsset;
    this.emit(new HubPlanAddEvent({ assetId: id, name }));
  }

  override render() {
    const asset = this.asset;
    if (!asset) return nothing;
    const t = strings['en-GB'];
    const href = this.pageUrl;
    // When, in words: weekly, monthly, the next three one-off events, by appointment, the feed's own note.
    const when = [
      ...asset.weekly.map((w) =>
        t.weekly(
          w.days.map((d) => t.days[d]),
          w.opens,
          w.closes,
        ),
      ),
      ...asset.monthly.map((m) => t.monthly(m.week, t.days[m.day], m.opens, m.closes)),
      ...upcomingEvents(asset, this.now ?? new Date())
        .slice(0, 3)
        .map((e) => t.event(e.start, e.end)),
      asset.byAppointment && t.byAppointment,
      asset.scheduleNote,
    ].filter(Boolean);
    const where = [asset.areaWide && t.areaWide, asset.online && t.online].filter(Boolean).join('. ');
    const distance = Number.isFinite(this.distance) ? t.distanceAway(this.distance as number) : where;
    const row = (term: string, value: unknown) => html`<dt>${term}</dt><dd>${value}</dd>`;
    const plan = this.inPlan ? t.inPlan : t.addToPlan;
    // [href, label, opens in a new tab]; only safe schemes become links.
    const links = (
      [
        [asset.phone && `tel:${asset.phone.replace(/[^\d+]/g, '')}`, t.phone(asset.phone as string)],
        [asset.email && `mailto:${asset.email}`, t.email(asset.email as string)],
        [asset.website, t.website, true],
        [asset.booking, t.booking, true],
      ] as [string | undefined, string, boolean?][]
    ).filter(([link]) => link && isSafeUrl(link));
    // Line breaks fall inside expressions: white space between these tags would never show, but would ship.
    return html`<article part="base" aria-labelledby="name"><p class="kind">${t.kinds[asset.kind]}</p><div class="name" part="name" role="heading" aria-level=${Math.min(6, Math.max(1, this.headingLevel))} id="name">${
      href ? html`<a href=${href}>${asset.name}</a>` : asset.name
    }</div>${asset.summary ? html`<p>${asset.summary}</p>` : nothing}<dl>${
      when.length
        ? row(
            t.when,
            when.map((line) => html`<span>${line}</span>`),
          )
        : nothing
    }${row(t.cost, [
      asset.free ? t.free : (asset.cost ?? ''),
      asset.free && asset.cost ? html`<span>${asset.cost}</span>` : nothing,
    ])}${row(t.age, t.ageRange(asset.ageMin, asset.ageMax))}${row(t.access, t.referral[asset.referral])}${distance ? row(t.distance, distance) : nothing}</dl>${
      asset.accessibility.length
        ? html`<ul class="access" aria-label=${t.accessibilityHeading}>${asset.accessibility.map((f) => html`<li>${t.accessibility[f]}</li>`)}</ul>`
        : nothing
    }${
      links.length
        ? html`<ul aria-label=${t.contact}>${links.map(
            ([link, label, external]) =>
              html`<li><a href=${link as string} target=${external ? '_blank' : nothing} rel="noopener noreferrer" aria-label=${external ? `${label} ${t.opensInNewTab}` : nothing}>${label}</a></li>`,
          )}</ul>`
        : nothing
    }${
      this.hidePlan ? nothing : html`<button type="button" part="plan-button" aria-label=${`${plan}: ${asset.name}`} @click=${this.addToPlan}>${plan}</button>`
    }</article>`;
  }
}
