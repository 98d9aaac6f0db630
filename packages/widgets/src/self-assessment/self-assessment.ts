import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { HubElement } from '../internal/hub-element.js';
import { LocalizeController } from '../internal/localize.js';
import { buttonStyles, focusStyles, visuallyHidden } from '../internal/theme.js';
import { changeSincePrevious, scoreHistory } from '../measures/history.js';
import {
  availableMeasure,
  bandFor,
  formatScore,
  isMeasureId,
  loadedMeasure,
  loadMeasure,
  type Measure,
  type MeasureScale,
  scoreAnswers,
} from '../measures/index.js';
import { HubAssessmentCompleteEvent, HubPlanChangeEvent } from '../plan/events.js';
import { type Assessment, localDay, newId } from '../plan/schema.js';
import { PlanStore } from '../plan/storage.js';
import { styles } from './self-assessment.styles.js';
import { strings } from './strings.js';

/**
 * @summary A standard wellbeing questionnaire (ONS4, UCLA 3-item loneliness, or SWEMWBS where enabled), scored and
 * saved with the person's plan, with results in plain words and a chart over time.
 *
 * Follows the GOV.UK question pattern: one fieldset per question with its legend, nothing pre-selected, an error
 * summary that takes focus and links to each unanswered question, and inline errors. Wording, order and labels come
 * verbatim from the measure's definition. Results say the score, its band where one is published, the change since
 * last time and whether that change is meaningful (or that no threshold is published). Measures whose licence needs
 * registration (SWEMWBS) show only when listed in `enabled-measures`.
 *
 * The `define` module also registers `<hub-progress-chart>`, which draws the results over time.
 *
 * @event hub-assessment-complete - Answers were scored and saved. `detail: { measure, date, scores }`.
 * @event hub-plan-change - The plan on this device was saved. `detail: { hub, revision }`.
 *
 * @csspart form - The questionnaire form.
 * @csspart results - The results after saving.
 */
export class HubSelfAssessment extends HubElement {
  static override styles = [...HubElement.styles, focusStyles, buttonStyles, visuallyHidden, styles];

  /** The measure: `ons4`, `ucla3` or `swemwbs`. */
  @property() measure = 'ons4';

  /** The hub whose plan on this device keeps the results. */
  @property() hub = 'default';

  /**
   * Measures this deployment has enabled beyond the defaults, space-separated (for example `swemwbs`, once the
   * deployment has registered its use with the University of Warwick).
   */
  @property({ attribute: 'enabled-measures' }) enabledMeasures = '';

  /** The date results are saved under (YYYY-MM-DD); today on the device when unset. */
  @property() today = '';

  /** Heading level of the questionnaire's title, to fit the page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 2;

  @state() private answers: (number | undefined)[] = [];
  @state() private errors: number[] = [];
  @state() private result?: { date: string; replaced: boolean; saved: boolean };
  @state() private assessments: readonly Assessment[] = [];

  private readonly localize = new LocalizeController(this, strings);
  private store?: PlanStore;
  private unsubscribe?: () => void;
  /** Set while the measure's definition loads (SWEMWBS loads on first use). */
  private measureLoading?: Promise<void>;

  /** The measure shown, or undefined when it is unknown or not enabled here. */
  get activeMeasure(): Measure | undefined {
    return availableMeasure(this.measure, this.enabledMeasures.split(/[\s,]+/).filter(Boolean));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.openStore();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.closeStore();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('hub') && this.isConnected && changed.get('hub') !== undefined) this.openStore();
    if (changed.has('measure')) {
      this.reset();
      this.loadDefinition();
    }
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

  /** Resolves once the measure's definition, if it was loading, has arrived and rendered too. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    if (this.measureLoading) {
      await this.measureLoading;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  private openStore(): void {
    this.closeStore();
    this.store = new PlanStore(this.hub || 'default');
    this.assessments = this.store.load().assessments;
    this.unsubscribe = this.store.subscribe((plan) => {
      this.assessments = plan.assessments;
    });
  }

  private closeStore(): void {
    this.unsubscribe?.();
    this.store?.close();
    this.store = undefined;
  }

  /** Clears the answers and shows the questions again. */
  reset(): void {
    this.answers = [];
    this.errors = [];
    this.result = undefined;
  }

  private choose(index: number, value: number): void {
    const answers = [...this.answers];
    answers[index] = value;
    this.answers = answers;
  }

  private async submit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const measure = this.activeMeasure;
    if (!measure) return;
    const answers = measure.items.map((_, i) => this.answers[i]);
    const scores = scoreAnswers(measure, answers);
    if (!scores) {
      this.errors = measure.items.map((_, i) => i).filter((i) => answers[i] === undefined);
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('.error-summary')?.focus();
      return;
    }
    this.errors = [];
    const date = /^\d{4}-\d{2}-\d{2}$/.test(this.today) ? this.today : localDay();
    const store = this.store ?? new PlanStore(this.hub || 'default');
    let replaced = false;
    const plan = store.update((p) => {
      const before = p.assessments.length;
      p.assessments = p.assessments.filter((a) => !(a.measure === measure.id && a.date === date));
      replaced = p.assessments.length < before;
      p.assessments.push({ id: newId(), measure: measure.id, date, answers: answers as number[] });
    });
    this.assessments = plan.assessments;
    this.result = { date, replaced, saved: store.problem === undefined };
    this.emit(new HubAssessmentCompleteEvent({ measure: measure.id, date, scores }));
    this.emit(new HubPlanChangeEvent({ hub: plan.hub, revision: plan.revision }));
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.results')?.focus();
  }

  private async again(): Promise<void> {
    this.reset();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('.title')?.focus();
  }

  /** Error-summary links move focus to the question, as GOV.UK's do (hash links cannot reach into a shadow root). */
  private goToQuestion(event: Event, index: number): void {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>(`#q${index}-0`);
    this.renderRoot.querySelector(`#q${index}-legend`)?.scrollIntoView({ block: 'start' });
    input?.focus({ preventScroll: true });
  }

  private heading(text: string, level: number, cls: string): TemplateResult {
    return html`<div class=${cls} role="heading" aria-level=${Math.min(6, Math.max(1, level))} tabindex="-1">${text}</div>`;
  }

  override render() {
    const measure = this.activeMeasure;
    if (!measure) return this.measureLoading ? nothing : html`<p>${this.localize.t.unavailable}</p>`;
    return this.result ? this.renderResults(measure, this.result) : this.renderForm(measure);
  }

  private renderForm(measure: Measure): TemplateResult {
    const t = this.localize.t;
    const min = measure.options[0]!.value;
    const max = measure.options[measure.options.length - 1]!.value;
    return html`<form part="form" novalidate @submit=${this.submit}>
      ${
        this.errors.length
          ? html`<div class="error-summary" tabindex="-1" aria-labelledby="error-summary-title">
            <div role="alert">
              <div class="error-summary-title" id="error-summary-title" role="heading" aria-level=${Math.min(6, this.headingLevel)}>${t.thereIsAProblem}</div>
              <ul>
                ${this.errors.map(
                  (i) =>
                    html`<li><a href="#q${i}-0" @click=${(e: Event) => this.goToQuestion(e, i)}>${t.answerQuestion(i + 1, measure.items[i]!.text)}</a></li>`,
                )}
              </ul>
            </div>
          </div>`
          : nothing
      }
      ${this.heading(measure.title, this.headingLevel, 'title')}
      ${measure.instruction ? html`<p class="instruction">${measure.instruction}</p>` : nothing}
      ${measure.items.map((item, i) => {
        const error = this.errors.includes(i);
        const describedBy = [item.anchors ? `q${i}-hint` : '', error ? `q${i}-error` : ''].filter(Boolean).join(' ');
        return html`<div class="form-group ${error ? 'form-group--error' : ''}">
          <fieldset aria-describedby=${describedBy || nothing}>
            <legend id="q${i}-legend">${item.text}</legend>
            ${item.anchors ? html`<p class="hint" id="q${i}-hint">${t.anchors(item.anchors.low, item.anchors.high, min, max)}</p>` : nothing}
            ${error ? html`<p class="error-message" id="q${i}-error"><span class="visually-hidden">${t.error}</span> ${t.selectAnswer}</p>` : nothing}
            <div class="radios radios--${measure.layout}">
              ${measure.options.map(
                (o, j) => html`<div class="radio">
                  <input
                    type="radio"
                    id="q${i}-${j}"
                    name="q${i}"
                    .value=${String(o.value)}
                    .checked=${this.answers[i] === o.value}
                    @change=${() => this.choose(i, o.value)}
                  />
                  <label for="q${i}-${j}">${o.label}</label>
                </div>`,
              )}
            </div>
          </fieldset>
        </div>`;
      })}
      <button class="hub-button" type="submit">${t.save}</button>
      ${measure.licence.notice ? html`<p class="licence">${measure.licence.notice}</p>` : nothing}
    </form>`;
  }

  private renderResults(measure: Measure, result: { date: string; replaced: boolean; saved: boolean }): TemplateResult {
    const t = this.localize.t;
    const lang = this.localize.lang;
    const history = scoreHistory(measure, this.assessments);
    const current = history.find((r) => r.date === result.date);
    const comparison = changeSincePrevious(measure, history, result.date);
    const level = Math.min(6, this.headingLevel);
    return html`<div class="results" part="results" tabindex="-1" aria-labelledby="results-heading">
      <div class="title" role="heading" aria-level=${level} id="results-heading">${t.resultsHeading}: ${measure.title}</div>
      <div class="panel ${result.saved ? '' : 'panel--warning'}" role="status">
        <p>${result.saved ? t.savedOn(result.date, lang) : t.notSaved}</p>
        ${result.replaced ? html`<p>${t.replaced}</p>` : nothing}
      </div>
      ${current ? measure.scales.map((scale) => this.renderScaleResult(scale, current.scores[scale.id] as number, comparison, level + 1)) : nothing}
      ${measure.licence.notice ? html`<p class="licence">${measure.licence.notice}</p>` : nothing}
      <div class="scale-heading" role="heading" aria-level=${Math.min(6, level + 1)}>${t.chartHeading}</div>
      <hub-progress-chart measure=${measure.id} heading-level=${Math.min(6, level + 2)} .assessments=${this.assessments}></hub-progress-chart>
      <p class="actions"><button class="hub-button hub-button--secondary" type="button" @click=${this.again}>${t.again}</button></p>
    </div>`;
  }

  private renderScaleResult(scale: MeasureScale, score: number, comparison: ReturnType<typeof changeSincePrevious>, level: number): TemplateResult {
    const t = this.localize.t;
    const lang = this.localize.lang;
    const band = bandFor(scale, score);
    const change = comparison?.changes[scale.id];
    const threshold = scale.meaningfulChange ? formatScore(scale, scale.meaningfulChange.threshold) : undefined;
    let meaning: string | typeof nothing = nothing;
    if (change && change.direction !== 'same')
      meaning = change.meaningful === undefined ? t.noThreshold : change.meaningful ? t.meaningful(threshold!) : t.notMeaningful(threshold!);
    return html`<div class="scale-heading" role="heading" aria-level=${Math.min(6, level)}>${scale.label}</div>
      <p>${t.score(formatScore(scale, score), String(scale.min), String(scale.max), scale.better)}</p>
      ${band ? html`<p>${t.band(band.label, scale.bandNote)}</p>` : nothing}
      <p>${change && comparison ? t.change(formatScore(scale, change.change), change.direction, comparison.previous.date, lang) : t.firstResult}</p>
      ${meaning === nothing ? nothing : html`<p>${meaning}</p>`}
      ${change && scale.meaningfulChange?.note ? html`<p class="licence">${scale.meaningfulChange.note}</p>` : nothing}`;
  }
}
