/**
 * Saving answers with the plan and showing the results: loaded when the page is idle after the questions render, or
 * on submit if not yet there, so the questions render without the plan's storage code.
 */
import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { LocalizeController } from '../internal/localize.js';
import { changeSincePrevious, scoreHistory } from '../measures/history.js';
import { bandFor, formatScore, type Measure } from '../measures/index.js';
import { HubAssessmentCompleteEvent, HubPlanChangeEvent } from '../plan/events.js';
import { type Assessment, localDay, newId } from '../plan/schema.js';
import { PlanStore } from '../plan/storage.js';
import '../progress-chart/define.js';
import { type ResultsStrings, strings } from './results.strings.js';

/** What the last save did. */
export interface Saved {
  date: string;
  /** Answers of the same measure and day were replaced. */
  replaced: boolean;
  /** False when the plan could not be written to the device. */
  saved: boolean;
}

export class Results {
  private readonly host: ReactiveControllerHost & HTMLElement;
  private readonly localize: LocalizeController<ResultsStrings>;
  private store?: PlanStore;
  private unsubscribe?: () => void;
  /** The plan's results, kept up to date as other tabs and widgets save. */
  private assessments: readonly Assessment[] = [];

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.host = host;
    this.localize = new LocalizeController(host, strings);
  }

  /** Follows the hub's plan on this device. */
  open(hub: string): void {
    this.close();
    const store = new PlanStore(hub || 'default');
    this.store = store;
    this.assessments = store.load().assessments;
    this.unsubscribe = store.subscribe((plan) => {
      this.assessments = plan.assessments;
      this.host.requestUpdate();
    });
  }

  close(): void {
    this.unsubscribe?.();
    this.store?.close();
    this.store = undefined;
  }

  /** Saves complete answers with the plan, dated `today` (YYYY-MM-DD) or today on the device, and tells the page. */
  save(hub: string, measure: Measure, answers: number[], scores: Record<string, number>, today: string): Saved {
    if (this.store?.hub !== (hub || 'default')) this.open(hub);
    const store = this.store!;
    const date = /^\d{4}-\d{2}-\d{2}$/.test(today) ? today : localDay();
    let replaced = false;
    const plan = store.update((p) => {
      const before = p.assessments.length;
      p.assessments = p.assessments.filter((a) => !(a.measure === measure.id && a.date === date));
      replaced = p.assessments.length < before;
      p.assessments.push({ id: newId(), measure: measure.id, date, answers });
    });
    this.assessments = plan.assessments;
    this.host.dispatchEvent(new HubAssessmentCompleteEvent({ measure: measure.id, date, scores }));
    this.host.dispatchEvent(new HubPlanChangeEvent({ hub: plan.hub, revision: plan.revision }));
    return { date, replaced, saved: store.problem === undefined };
  }

  /** The results in plain words: per score, the score, its band, and the change since last time and what it means. */
  render(measure: Measure, result: Saved, headingLevel: number, again: () => void): TemplateResult {
    const t = this.localize.t;
    const lang = this.localize.lang;
    const history = scoreHistory(measure, this.assessments);
    const current = history.find((r) => r.date === result.date);
    const comparison = changeSincePrevious(measure, history, result.date);
    const level = Math.min(6, headingLevel);
    const sub = Math.min(6, level + 1);
    const licence = measure.licence.notice ? html`<p class="licence">${measure.licence.notice}</p>` : nothing;
    return html`<div class="results" part="results" tabindex="-1" aria-labelledby="results-heading">
      <div class="title" role="heading" aria-level=${level} id="results-heading">${t.resultsHeading}: ${measure.title}</div>
      <div class="panel ${result.saved ? '' : 'panel--warning'}" role="status">
        <p>${result.saved ? t.savedOn(result.date, lang) : t.notSaved}</p>
        ${result.replaced ? html`<p>${t.replaced}</p>` : nothing}
      </div>
      ${
        current
          ? measure.scales.map((scale) => {
              const score = current.scores[scale.id] as number;
              const band = bandFor(scale, score);
              const change = comparison?.changes[scale.id];
              const threshold = scale.meaningfulChange && formatScore(scale, scale.meaningfulChange.threshold);
              const meaning =
                change && change.direction !== 'same'
                  ? threshold === undefined
                    ? t.noThreshold
                    : change.meaningful
                      ? t.meaningful(threshold)
                      : t.notMeaningful(threshold)
                  : '';
              return html`<div class="scale-heading" role="heading" aria-level=${sub}>${scale.label}</div>
                <p>${t.score(formatScore(scale, score), String(scale.min), String(scale.max), scale.better)}</p>
                ${band ? html`<p>${t.band(band.label, scale.bandNote)}</p>` : nothing}
                <p>${change && comparison ? t.change(formatScore(scale, change.change), change.direction, comparison.previous.date, lang) : t.firstResult}</p>
                ${meaning ? html`<p>${meaning}</p>` : nothing}
                ${change && scale.meaningfulChange?.note ? html`<p class="licence">${scale.meaningfulChange.note}</p>` : nothing}`;
            })
          : nothing
      }
      ${licence}
      <div class="scale-heading" role="heading" aria-level=${sub}>${t.chartHeading}</div>
      <hub-progress-chart measure=${measure.id} heading-level=${Math.min(6, level + 2)} .assessments=${this.assessments}></hub-progress-chart>
      <p class="actions"><button class="hub-button hub-button--secondary" type="button" @click=${again}>${t.again}</button></p>
    </div>`;
  }
}
