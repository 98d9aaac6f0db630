import { html, nothing, type PropertyValues, svg, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { HubElement } from '../internal/hub-element.js';
import { LocalizeController } from '../internal/localize.js';
import { focusStyles, visuallyHidden } from '../internal/theme.js';
import { type AssessmentRecord, type ScoredResult, scoreHistory } from '../measures/history.js';
import { bandFor, compareScores, formatScore, isMeasureId, loadedMeasure, loadMeasure, type Measure, type MeasureScale } from '../measures/index.js';
import { dayTime, shortDay } from '../plan/dates.js';
import type { PlanStore } from '../plan/storage.js';
import { styles } from './progress-chart.styles.js';
import { strings } from './strings.js';

const HEIGHT = 240;
// Plot edges in CSS pixels. The right margin holds the band names, outside the plot so they never cover a point.
const LEFT = 40;
const RIGHT = 76;
const TOP = 12;
const BOTTOM = HEIGHT - 44;
/** Space between the plot's sides and the first and last points. */
const INSET = 12;

/** Tick step for a scale's range: whole sevenths for SWEMWBS (7–35), otherwise about five ticks. */
const tickStep = (range: number) => (range > 10 && range % 7 === 0 ? 7 : Math.max(1, Math.ceil(range / 5)));

/**
 * @summary A line chart of one measure's results over time, with a data table and a one-sentence summary per score.
 *
 * Draws each score of the measure (ONS4 has four) as its own chart: hand-written SVG sized in CSS pixels (so text stays
 * readable at 400% zoom), system colours in forced-colours mode, and a table with the same numbers behind a
 * disclosure. Where the measure publishes a meaningful-change threshold, the band within that distance of the first
 * result is shaded; where it publishes score bands, they are drawn and named.
 *
 * Results come from the person's plan on this device (`hub`), and follow it as it changes; or from `.assessments`.
 *
 * @csspart scale - The block of one score: heading, summary, chart and table.
 */
export class HubProgressChart extends HubElement {
  static override styles = [...HubElement.styles, focusStyles, visuallyHidden, styles];

  /** The measure to chart: `ons4`, `ucla3` or `swemwbs`. */
  @property() measure = 'ons4';

  /** The hub whose plan (on this device) holds the results. Ignored when `assessments` is set. */
  @property() hub = '';

  /** Results to chart instead of the plan's. */
  @property({ attribute: false }) assessments?: readonly AssessmentRecord[];

  /** Heading level of each score's heading, to fit the page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  @state() private stored: readonly AssessmentRecord[] = [];
  @state() private width = 480;

  private readonly localize = new LocalizeController(this, strings);
  private store?: PlanStore;
  private storeLoading?: Promise<void>;
  private unsubscribe?: () => void;
  private resizeObserver?: ResizeObserver;
  /** Set while the measure's definition loads (SWEMWBS loads on first use). */
  private measureLoading?: Promise<void>;

  override connectedCallback(): void {
    super.connectedCallback();
    this.resizeObserver = new ResizeObserver(([entry]) => {
      const width = Math.round(entry?.contentRect.width ?? 0);
      // Redraw in the next frame: redrawing inside the observer callback would resize within the same frame.
      if (width > 0 && Math.abs(width - this.width) > 1) requestAnimationFrame(() => (this.width = width));
    });
    this.resizeObserver.observe(this);
    this.openStore();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.closeStore();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('hub') && this.isConnected) this.openStore();
    if (changed.has('measure')) this.loadDefinition();
  }

  private loadDefinition(): void {
    const id = this.measure;
    if (!isMeasureId(id) || loadedMeasure(id)) return;
    const loading = loadMeasure(id)
      .catch(() => undefined)
      .then(() => {
        if (this.measureLoading === loading) this.measureLoading = undefined;
        this.requestUpdate();
      });
    this.measureLoading = loading;
  }

  /** Resolves once the measure's definition and the plan, if they were loading, have arrived and rendered too. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    for (const loading of [this.measureLoading, this.storeLoading]) {
      if (!loading) continue;
      await loading;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  /** Follows the hub's plan. The storage code loads only here, so a chart given `.assessments` never fetches it. */
  private openStore(): void {
    this.closeStore();
    const hub = this.hub;
    if (!hub) return;
    const loading = import('../plan/storage.js').then(
      ({ PlanStore }) => {
        // Closed or reopened for another hub meanwhile.
        if (this.storeLoading !== loading) return;
        const store = new PlanStore(hub);
        this.store = store;
        this.stored = store.load().assessments;
        this.unsubscribe = store.subscribe((plan) => {
          this.stored = plan.assessments;
        });
      },
      () => undefined,
    );
    this.storeLoading = loading;
  }

  private closeStore(): void {
    this.storeLoading = undefined;
    this.unsubscribe?.();
    this.store?.close();
    this.store = undefined;
  }

  /** Re-reads the plan (after this page saved a result through another store). */
  refresh(): void {
    if (this.store) this.stored = this.store.load().assessments;
  }

  override render() {
    const measure = isMeasureId(this.measure) ? loadedMeasure(this.measure) : undefined;
    if (!measure) return nothing;
    const history = scoreHistory(measure, this.assessments ?? this.stored);
    if (history.length === 0) return html`<p class="summary">${this.localize.t.noResults}</p>`;
    return measure.scales.map((scale) => this.renderScale(measure, scale, history));
  }

  private renderScale(measure: Measure, scale: MeasureScale, history: ScoredResult[]): TemplateResult {
    const t = this.localize.t;
    const lang = this.localize.lang;
    const points = history.map((r) => ({ date: r.date, score: r.scores[scale.id] as number }));
    const first = points[0]!;
    const last = points[points.length - 1]!;
    const change = compareScores(scale, first.score, last.score);
    const withBand = (score: number) => {
      const band = bandFor(scale, score);
      return band ? `${formatScore(scale, score)} (${band.label})` : formatScore(scale, score);
    };
    const summary = t.summary({
      scale: scale.label,
      count: points.length,
      first: withBand(first.score),
      firstDate: first.date,
      last: withBand(last.score),
      lastDate: last.date,
      direction: change.direction,
      meaningful: points.length > 1 ? change.meaningful : undefined,
      lang,
    });
    const id = `${measure.id}-${scale.id}`;
    const level = Math.min(6, Math.max(1, this.headingLevel));
    return html`<section class="scale" part="scale" aria-labelledby="${id}-heading">
      <div class="heading" role="heading" aria-level=${level} id="${id}-heading">${scale.label}</div>
      <p class="summary" id="${id}-summary">${summary}</p>
      ${this.renderSvg(scale, points, `${id}-summary`)}
      <p class="note">
        ${t.range(String(scale.min), String(scale.max), scale.better)}
        ${scale.meaningfulChange ? t.meaningfulBand(formatScore(scale, scale.meaningfulChange.threshold)) : nothing}
        ${scale.bandNote ? t.bandNote(scale.bandNote) : nothing}
      </p>
      <details>
        <summary>${t.showTable}</summary>
        <table>
          <caption class="visually-hidden">${t.caption(scale.label)}</caption>
          <thead>
            <tr><th scope="col">${t.date}</th><th scope="col">${t.score}</th>${scale.bands ? html`<th scope="col">${t.band}</th>` : nothing}</tr>
          </thead>
          <tbody>
            ${points.map(
              (p) => html`<tr>
                <td>${shortDay(p.date, lang)}</td>
                <td>${formatScore(scale, p.score)}</td>
                ${scale.bands ? html`<td>${bandFor(scale, p.score)?.label ?? ''}</td>` : nothing}
              </tr>`,
            )}
          </tbody>
        </table>
      </details>
    </section>`;
  }

  private renderSvg(scale: MeasureScale, points: { date: string; score: number }[], describedBy: string): TemplateResult {
    const lang = this.localize.lang;
    const { min, max } = scale;
    const width = Math.max(240, this.width);
    const right = width - RIGHT;
    const y = (score: number) => BOTTOM - ((Math.min(max, Math.max(min, score)) - min) / (max - min)) * (BOTTOM - TOP);
    const times = points.map((p) => dayTime(p.date));
    const t0 = times[0]!;
    const span = times[times.length - 1]! - t0;
    const x = (i: number) => (span ? LEFT + INSET + ((times[i]! - t0) / span) * (right - LEFT - 2 * INSET) : (LEFT + right) / 2);
    const hline = (cls: string, at: number) => svg`<line class=${cls} x1=${LEFT} x2=${right} y1=${at} y2=${at}></line>`;
    const rect = (cls: string, top: number, bottom: number) =>
      svg`<rect class=${cls} x=${LEFT} y=${top} width=${right - LEFT} height=${bottom - top} fill="none"></rect>`;

    const ticks: number[] = [];
    for (let v = min, step = tickStep(max - min); v <= max; v += step) ticks.push(v);

    // Label dates left to right, skipping any that would collide with the previous label.
    let lastLabel = Number.NEGATIVE_INFINITY;
    const dateLabels = points.map((p, i) => {
      const px = x(i);
      const isLast = i === points.length - 1;
      // Start- and end-anchored labels grow towards each other, so the last label needs more room after the first.
      if (px - lastLabel < (isLast && lastLabel === x(0) ? 170 : 96)) return nothing;
      lastLabel = px;
      const anchor = points.length === 1 ? 'middle' : i === 0 ? 'start' : isLast ? 'end' : 'middle';
      return svg`<text class="axis-label" x=${px} y=${BOTTOM + 22} text-anchor=${anchor}>${shortDay(p.date, lang)}</text>`;
    });

    const threshold = scale.meaningfulChange?.threshold;
    const first = points[0]!.score;
    return html`<svg viewBox="0 0 ${width} ${HEIGHT}" width=${width} height=${HEIGHT} role="img" aria-labelledby=${describedBy} focusable="false">
      ${(scale.bands ?? []).map((b, i) => {
        const top = y(b.max + 0.5);
        const bottom = y(b.min - 0.5);
        return svg`${rect(i % 2 ? 'band-alt' : 'band-none', top, bottom)} ${b.min > min ? hline('band-edge', bottom) : nothing}
          <text class="band-label" x=${right + 6} y=${(top + bottom) / 2 + 4}>${b.label}</text>`;
      })}
      ${threshold === undefined ? nothing : rect('band', y(first + threshold), y(first - threshold))}
      ${ticks.map(
        (v) => svg`<line class="tick" x1=${LEFT - 4} x2=${LEFT} y1=${y(v)} y2=${y(v)}></line>
          <text class="axis-label" x=${LEFT - 8} y=${y(v) + 4} text-anchor="end">${formatScore(scale, v).replace(/\.0+$/, '')}</text>`,
      )}
      <line class="axis" x1=${LEFT} x2=${LEFT} y1=${TOP} y2=${BOTTOM}></line>
      ${hline('axis', BOTTOM)} ${dateLabels}
      <path class="line" d=${points.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)} ${y(p.score).toFixed(1)}`).join(' ')}></path>
      ${points.map(
        (p, i) =>
          svg`<circle class="point" cx=${x(i)} cy=${y(p.score)} r="5"><title>${this.localize.t.point(shortDay(p.date, lang), formatScore(scale, p.score))}</title></circle>`,
      )}
    </svg>`;
  }
}
