/**
 * The read-only rendering of a plan, shared by `<hub-plan-view>` and the plan builder's print view, so a shared plan
 * and a printed one read the same.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { scoreHistory } from '../measures/history.js';
import { bandFor, formatScore, loadedMeasure, MEASURE_IDS } from '../measures/index.js';
import type { Plan } from '../plan/schema.js';
import type { PlanStrings } from './plan-strings.js';
import type { RenderPlanStrings } from './render-plan.strings.js';

export interface RenderPlanOptions {
  lang: string;
  /** Level of the section headings (the plan's title is one above). */
  headingLevel: number;
  /** Label of a life-area id; by default the id in words ("money-and-debt" → "Money and debt"). */
  lifeAreaLabel?: (id: string) => string | undefined;
  /** Link to an asset's page, when known and safe. */
  assetHref?: (id: string) => string | undefined;
}

const words = (id: string) => id.charAt(0).toUpperCase() + id.slice(1).replaceAll('-', ' ');

const heading = (level: number, text: string, id?: string) =>
  html`<div class="section-heading" role="heading" aria-level=${Math.min(6, Math.max(1, level))} id=${id ?? nothing}>${text}</div>`;

/** The plan's sections as read-only HTML. Load every measure first (`loadAllMeasures`) so all check-ins show. */
export function renderPlan(plan: Plan, t: PlanStrings & RenderPlanStrings, options: RenderPlanOptions): TemplateResult {
  const { lang, headingLevel: h } = options;
  const lifeArea = (id: string) => options.lifeAreaLabel?.(id) ?? words(id);
  const goalText = new Map(plan.goals.map((g) => [g.id, g.text]));
  const assetName = new Map(plan.assets.map((a) => [a.id, a.name]));
  const assetLink = (id: string, name: string) => {
    const href = options.assetHref?.(id);
    return href ? html`<a href=${href}>${name}</a>` : name;
  };

  const checkIns = MEASURE_IDS.map(loadedMeasure)
    .filter((measure) => measure !== undefined)
    .map((measure) => ({ measure, history: scoreHistory(measure, plan.assessments) }))
    .filter((m) => m.history.length > 0);

  return html`<div class="plan">
    <section aria-labelledby="ro-goals">
      ${heading(h, t.goals, 'ro-goals')}
      ${
        plan.goals.length === 0
          ? html`<p>${t.noGoals}</p>`
          : html`<ul class="ro-list">
            ${plan.goals.map(
              (g) => html`<li>
                <p class="ro-main">${g.text}</p>
                <dl class="ro-facts">
                  ${g.lifeArea ? html`<div><dt>${t.lifeArea}</dt><dd>${lifeArea(g.lifeArea)}</dd></div>` : nothing}
                  <div><dt>${t.progressLabel}</dt><dd>${t.progress[g.progress]}</dd></div>
                  ${g.notes ? html`<div><dt>${t.notes}</dt><dd class="ro-notes">${g.notes}</dd></div>` : nothing}
                </dl>
              </li>`,
            )}
          </ul>`
      }
    </section>
    <section aria-labelledby="ro-steps">
      ${heading(h, t.steps, 'ro-steps')}
      ${
        plan.steps.length === 0
          ? html`<p>${t.noSteps}</p>`
          : html`<ul class="ro-list">
            ${plan.steps.map(
              (s) => html`<li>
                <p class="ro-main">${s.text}</p>
                <ul class="ro-inline">
                  <li>${s.done ? t.stepDone : t.stepToDo}</li>
                  ${s.due ? html`<li>${t.due(t.day(s.due, lang))}</li>` : nothing}
                  ${s.goalId && goalText.has(s.goalId) ? html`<li>${t.forGoal(goalText.get(s.goalId)!)}</li>` : nothing}
                  ${s.assetId && assetName.has(s.assetId) ? html`<li>${t.withAsset('')}${assetLink(s.assetId, assetName.get(s.assetId)!)}</li>` : nothing}
                </ul>
              </li>`,
            )}
          </ul>`
      }
    </section>
    <section aria-labelledby="ro-people">
      ${heading(h, t.people, 'ro-people')}
      ${
        plan.people.length === 0
          ? html`<p>${t.noPeople}</p>`
          : html`<ul class="ro-list">
            ${plan.people.map(
              (p) => html`<li>
                <p class="ro-main">${p.name}${p.relationship ? `, ${p.relationship}` : ''}${p.professional ? html` <strong class="tag">${t.professional}</strong>` : nothing}</p>
                <dl class="ro-facts">
                  ${p.contact ? html`<div><dt>${t.contact}</dt><dd>${p.contact}</dd></div>` : nothing}
                  ${p.helpsWith ? html`<div><dt>${t.helpsWith}</dt><dd>${p.helpsWith}</dd></div>` : nothing}
                </dl>
              </li>`,
            )}
          </ul>`
      }
    </section>
    <section aria-labelledby="ro-assets">
      ${heading(h, t.assets, 'ro-assets')}
      ${
        plan.assets.length === 0
          ? html`<p>${t.noAssets}</p>`
          : html`<ul class="ro-list">
            ${plan.assets.map((a) => html`<li><p class="ro-main">${assetLink(a.id, a.name)}</p><p class="ro-meta">${t.added(a.added, lang)}</p></li>`)}
          </ul>`
      }
    </section>
    <section aria-labelledby="ro-review">
      ${heading(h, t.review, 'ro-review')}
      <p>${plan.reviewDate ? t.reviewOn(t.day(plan.reviewDate, lang)) : t.noReview}</p>
    </section>
    <section aria-labelledby="ro-wellbeing">
      ${heading(h, t.wellbeing, 'ro-wellbeing')}
      ${
        checkIns.length === 0
          ? html`<p>${t.noWellbeing}</p>`
          : html`<ul class="ro-list">
            ${checkIns.map(({ measure, history }) => {
              const latest = history[history.length - 1]!;
              return html`<li>
                <p class="ro-main">${t.latest(measure.title, history.length, t.day(latest.date, lang))}</p>
                <ul class="ro-inline">
                  ${measure.scales.map((scale) => {
                    const score = latest.scores[scale.id] as number;
                    return html`<li>${t.scoreWithBand(scale.label, formatScore(scale, score), bandFor(scale, score)?.label)}</li>`;
                  })}
                </ul>
              </li>`;
            })}
          </ul>`
      }
    </section>
  </div>`;
}
