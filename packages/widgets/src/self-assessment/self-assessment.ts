import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { HubElement } from '../internal/hub-element.js';
import { LocalizeController } from '../internal/localize.js';
import { buttonStyles, focusStyles, visuallyHidden } from '../internal/theme.js';
import { availableMeasure, isMeasureId, loadedMeasure, loadMeasure, type Measure, scoreAnswers } from '../measures/index.js';
import type { Results, Saved } from './results.js';
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
  @state() private result?: Saved;
  @state() private loadFailed = false;

  private readonly localize = new LocalizeController(this, strings);
  /** Saving and the results view, loaded when the page is idle or on submit (see results.ts). */
  private results?: Results;
  private resultsLoading?: Promise<Results>;
  private saving?: Promise<void>;
  private savePending = false;
  /** What to focus once the next render is done. */
  private focusAfter?: string;
  /** Set while the measure's definition loads (SWEMWBS loads on first use). */
  private measureLoading?: Promise<void>;

  /** The measure shown, or undefined when it is unknown or not enabled here. */
  get activeMeasure(): Measure | undefined {
    return availableMeasure(this.measure, this.enabledMeasures.split(/[\s,]+/).filter(Boolean));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.result) this.results?.open(this.hub);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.results?.close();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('hub') && this.isConnected && changed.get('hub') !== undefined && this.result) this.results?.open(this.hub);
    if (changed.has('measure')) {
      this.reset();
      this.loadDefinition();
    }
  }

  /** Once the page is idle, fetches the code that saves and shows results, so submitting works offline later. */
  protected override firstUpdated(): void {
    (globalThis.requestIdleCallback ?? setTimeout)(() => this.loadResults().catch(() => undefined));
  }

  protected override updated(): void {
    if (!this.focusAfter) return;
    this.renderRoot.querySelector<HTMLElement>(this.focusAfter)?.focus();
    this.focusAfter = undefined;
  }

  private loadResults(): Promise<Results> {
    this.resultsLoading ??= import('./results.js').then(
      (m) => (this.results = new m.Results(this)),
      (error: unknown) => {
        this.resultsLoading = undefined;
        throw error;
      },
    );
    return this.resultsLoading;
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

  /** Resolves once the measure's definition and a save in progress, if any, have arrived and rendered too. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    for (const loading of [this.measureLoading, this.saving]) {
      if (!loading) continue;
      await loading;
      done = await super.getUpdateComplete();
    }
    return done;
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

  private submit(event: SubmitEvent): void {
    event.preventDefault();
    const measure = this.activeMeasure;
    if (!measure) return;
    const answers = measure.items.map((_, i) => this.answers[i]);
    const scores = scoreAnswers(measure, answers);
    if (!scores) {
      this.errors = measure.items.map((_, i) => i).filter((i) => answers[i] === undefined);
      this.focusAfter = '.error-summary';
      return;
    }
    this.errors = [];
    // A second press while the saving code loads must not save the answers twice.
    if (this.savePending) return;
    this.savePending = true;
    this.saving = this.loadResults().then(
      (results) => {
        this.savePending = false;
        this.result = results.save(this.hub, measure, answers as number[], scores, this.today);
        this.loadFailed = false;
        this.focusAfter = '.results';
      },
      () => {
        this.savePending = false;
        this.loadFailed = true;
      },
    );
  }

  private again(): void {
    this.reset();
    this.focusAfter = '.title';
  }

  /** Error-summary links move focus to the question, as GOV.UK's do (hash links cannot reach into a shadow root). */
  private goToQuestion(event: Event, index: number): void {
    event.preventDefault();
    this.renderRoot.querySelector(`#q${index}-legend`)?.scrollIntoView({ block: 'start' });
    this.renderRoot.querySelector<HTMLInputElement>(`#q${index}-0`)?.focus({ preventScroll: true });
  }

  override render() {
    const measure = this.activeMeasure;
    if (!measure) return this.measureLoading ? nothing : html`<p>${this.localize.t.unavailable}</p>`;
    return this.result && this.results ? this.results.render(measure, this.result, this.headingLevel, this.again) : this.renderForm(measure);
  }

  private renderForm(measure: Measure): TemplateResult {
    const t = this.localize.t;
    const min = measure.options[0]!.value;
    const max = measure.options[measure.options.length - 1]!.value;
    const level = Math.min(6, Math.max(1, this.headingLevel));
    return html`<form part="form" novalidate @submit=${this.submit}>
      ${
        this.errors.length
          ? html`<div class="error-summary" tabindex="-1" aria-labelledby="error-summary-title">
            <div role="alert">
              <div class="error-summary-title" id="error-summary-title" role="heading" aria-level=${level}>${t.thereIsAProblem}</div>
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
      <div class="title" role="heading" aria-level=${level} tabindex="-1">${measure.title}</div>
      ${measure.instruction ? html`<p class="instruction">${measure.instruction}</p>` : nothing}
      ${measure.items.map((item, i) => {
        const error = this.errors.includes(i);
        const describedBy = [item.anchors && `q${i}-hint`, error && `q${i}-error`].filter(Boolean).join(' ');
        return html`<div class="form-group ${error ? 'form-group--error' : ''}">
          <fieldset aria-describedby=${describedBy || nothing}>
            <legend id="q${i}-legend">${item.text}</legend>
            ${item.anchors ? html`<p class="hint" id="q${i}-hint">${t.anchors(item.anchors.low, item.anchors.high, min, max)}</p>` : nothing}
            ${error ? html`<p class="error-message" id="q${i}-error"><span class="visually-hidden">${t.error}</span> ${t.selectAnswer}</p>` : nothing}
            <div class="radios radios--${measure.layout}">
              ${measure.options.map(
                (o, j) => html`<div class="radio">
                  <input type="radio" id="q${i}-${j}" name="q${i}" .value=${String(o.value)} .checked=${this.answers[i] === o.value} @change=${() => this.choose(i, o.value)} />
                  <label for="q${i}-${j}">${o.label}</label>
                </div>`,
              )}
            </div>
          </fieldset>
        </div>`;
      })}
      ${this.loadFailed ? html`<p class="error-message" role="alert">${t.loadFailed}</p>` : nothing}
      <button class="hub-button" type="submit">${t.save}</button>
      ${measure.licence.notice ? html`<p class="licence">${measure.licence.notice}</p>` : nothing}
    </form>`;
  }
}
