import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import './define.js';
import { PlanStore, planKey } from '../plan/storage.js';
import type { HubSelfAssessment } from './self-assessment.js';

let count = 0;
const freshHub = () => `sa-test-${Date.now()}-${count++}`;

const shadow = (el: HubSelfAssessment) => el.shadowRoot!;
const radios = (el: HubSelfAssessment, q: number) => [...shadow(el).querySelectorAll<HTMLInputElement>(`input[name="q${q}"]`)];
const submit = (el: HubSelfAssessment) => shadow(el).querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
const text = (el: Element | ShadowRoot) => (el.textContent ?? '').replace(/\s+/g, ' ');

async function answer(el: HubSelfAssessment, values: number[]): Promise<void> {
  values.forEach((v, q) => {
    const input = radios(el, q).find((r) => r.value === String(v))!;
    input.click();
  });
  await el.updateComplete;
}

async function complete(el: HubSelfAssessment, values: number[]): Promise<void> {
  await answer(el, values);
  const done = oneEvent(el, 'hub-assessment-complete');
  submit(el);
  await done;
  await el.updateComplete;
}

describe('<hub-self-assessment>', () => {
  const hubs: string[] = [];
  const make = async (attrs: { measure?: string; enabled?: string; today?: string } = {}) => {
    const hub = freshHub();
    hubs.push(hub);
    return fixture<HubSelfAssessment>(html`<hub-self-assessment
      hub=${hub}
      measure=${attrs.measure ?? 'ons4'}
      enabled-measures=${attrs.enabled ?? ''}
      today=${attrs.today ?? '2026-10-01'}
    ></hub-self-assessment>`);
  };
  afterEach(() => {
    for (const hub of hubs.splice(0)) localStorage.removeItem(planKey(hub));
  });

  it('shows each ONS4 question in a fieldset with its legend, nothing selected', async () => {
    const el = await make();
    const fieldsets = shadow(el).querySelectorAll('fieldset');
    expect(fieldsets).to.have.length(4);
    expect(fieldsets[0]!.querySelector('legend')!.textContent).to.equal('Overall, how satisfied are you with your life nowadays?');
    expect(radios(el, 0)).to.have.length(11);
    expect(shadow(el).querySelectorAll('input:checked')).to.have.length(0);
    expect(text(fieldsets[3]!)).to.contain('0 is not at all anxious and 10 is completely anxious');
    await expect(el).to.be.accessible();
  });

  it('shows an error summary that takes focus and links to each unanswered question', async () => {
    const el = await make();
    await answer(el, [5]);
    submit(el);
    await el.updateComplete;
    const summary = shadow(el).querySelector<HTMLElement>('.error-summary')!;
    expect(summary).to.exist;
    expect(shadow(el).activeElement).to.equal(summary);
    expect(summary.querySelector('[role="alert"]')).to.exist;
    const links = [...summary.querySelectorAll('a')];
    expect(links.map((a) => a.textContent)).to.deep.equal([
      'Answer question 2: Overall, to what extent do you feel that the things you do in your life are worthwhile?',
      'Answer question 3: Overall, how happy did you feel yesterday?',
      "Answer question 4: On a scale where nought is 'not at all anxious' and 10 is 'completely anxious', overall, how anxious did you feel yesterday?",
    ]);
    const inline = shadow(el).querySelectorAll('.error-message');
    expect(inline).to.have.length(3);
    expect(inline[0]!.querySelector('.visually-hidden')!.textContent).to.equal('Error:');
    const fieldset = shadow(el).querySelectorAll('fieldset')[1]!;
    expect(fieldset.getAttribute('aria-describedby')).to.contain('q1-error');
    links[1]!.click();
    expect(shadow(el).activeElement).to.equal(radios(el, 2)[0]);
    await expect(el).to.be.accessible();
    // Nothing was saved.
    expect(localStorage.getItem(planKey(el.hub))).to.equal(null);
  });

  it('can be completed with the keyboard alone', async () => {
    const el = await make({ measure: 'ucla3' });
    radios(el, 0)[0]!.focus();
    // Question 1: arrow to "Some of the time"; Tab to question 2, arrow twice to "Often"; Tab to question 3, Space on "Hardly ever".
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Space' });
    await sendKeys({ press: 'Tab' });
    expect(shadow(el).activeElement).to.equal(shadow(el).querySelector('button[type="submit"]'));
    const done = oneEvent(el, 'hub-assessment-complete');
    await sendKeys({ press: 'Enter' });
    const event = await done;
    expect(event.detail).to.deep.equal({ measure: 'ucla3', date: '2026-10-01', scores: { loneliness: 6 } });
    await el.updateComplete;
    expect(shadow(el).activeElement).to.equal(shadow(el).querySelector('.results'));
    expect(text(shadow(el))).to.contain('Your score is 6, on a scale from 3 to 9 where lower is better.');
    expect(text(shadow(el))).to.contain('“Lonely” band (an indicative grouping, not an official threshold)');
  });

  it('saves dated results with the plan and compares with last time in plain words', async () => {
    const el = await make();
    await complete(el, [4, 5, 3, 7]);
    expect(text(shadow(el))).to.contain('This is your first result');
    expect(text(shadow(el))).to.contain('Your score is 4, on a scale from 0 to 10 where higher is better.');
    expect(text(shadow(el))).to.contain('That is in the “Low” band.');
    await expect(el).to.be.accessible();

    el.today = '2026-11-01';
    el.reset();
    await el.updateComplete;
    await complete(el, [6, 6, 7, 4]);
    const words = text(shadow(el));
    expect(words).to.contain('Saved with your plan on 1 November 2026.');
    expect(words).to.contain('Since last time (1 October 2026) it has gone up by 2, which is better.');
    // Anxiety fell by 3: lower is better.
    expect(words).to.contain('it has gone down by 3, which is better.');
    expect(words).to.contain('There is no published threshold for a meaningful change in this score');
    const stored = JSON.parse(localStorage.getItem(planKey(el.hub))!);
    expect(stored.assessments.map((a: { date: string; answers: number[] }) => [a.date, a.answers])).to.deep.equal([
      ['2026-10-01', [4, 5, 3, 7]],
      ['2026-11-01', [6, 6, 7, 4]],
    ]);
    const chart = shadow(el).querySelector('hub-progress-chart')!;
    await chart.updateComplete;
    expect(chart.shadowRoot!.querySelectorAll('svg')).to.have.length(4);
    await expect(el).to.be.accessible();
  });

  it('keeps the results in step with saves from another tab', async () => {
    const el = await make({ measure: 'ucla3' });
    await complete(el, [2, 2, 2]);
    expect(text(shadow(el))).to.contain('This is your first result');
    const otherTab = new PlanStore(el.hub);
    otherTab.update((p) => {
      p.assessments.push({ id: 'earlier', measure: 'ucla3', date: '2026-09-01', answers: [3, 3, 3] });
    });
    otherTab.close();
    await waitUntil(() => text(shadow(el)).includes('Since last time (1 September 2026) it has gone down by 3, which is better.'));
    const chart = shadow(el).querySelector('hub-progress-chart')!;
    await chart.updateComplete;
    expect(chart.shadowRoot!.querySelectorAll('circle')).to.have.length(2);
  });

  it('saves once when Save is pressed twice in quick succession', async () => {
    const el = await make({ measure: 'ucla3' });
    await answer(el, [2, 2, 2]);
    submit(el);
    submit(el);
    await el.updateComplete;
    expect(text(shadow(el))).to.contain('Your score is 6');
    expect(text(shadow(el))).not.to.contain('These answers replace');
    const stored = JSON.parse(localStorage.getItem(planKey(el.hub))!);
    expect(stored.assessments).to.have.length(1);
    expect(stored.revision).to.equal(1);
  });

  it('replaces answers given earlier the same day', async () => {
    const el = await make();
    await complete(el, [4, 5, 3, 7]);
    el.reset();
    await el.updateComplete;
    await complete(el, [5, 5, 5, 5]);
    expect(text(shadow(el))).to.contain('These answers replace the ones you gave earlier the same day.');
    expect(JSON.parse(localStorage.getItem(planKey(el.hub))!).assessments).to.have.length(1);
  });

  it('keeps SWEMWBS off unless the deployment enables it', async () => {
    const off = await make({ measure: 'swemwbs' });
    expect(text(shadow(off))).to.contain('This questionnaire is not available here.');
    expect(shadow(off).querySelector('form')).to.equal(null);
    await expect(off).to.be.accessible();
  });

  it('shows SWEMWBS verbatim with its notice when enabled, and reports the metric score', async () => {
    const el = await make({ measure: 'swemwbs', enabled: 'swemwbs' });
    const words = text(shadow(el));
    expect(words).to.contain('Please tick the box that best describes your experience of each over the last 2 weeks.');
    expect(words).to.contain('© NHS Health Scotland, University of Warwick and University of Edinburgh, 2008, all rights reserved.');
    expect([...radios(el, 0)].map((r) => r.labels?.[0]?.textContent)).to.deep.equal([
      'None of the time',
      'Rarely',
      'Some of the time',
      'Often',
      'All of the time',
    ]);
    await expect(el).to.be.accessible();
    const done = oneEvent(el, 'hub-assessment-complete');
    await answer(el, [3, 3, 3, 3, 3, 4, 4]);
    submit(el);
    expect((await done).detail.scores).to.deep.equal({ wellbeing: 20.73 });
    await el.updateComplete;
    expect(text(shadow(el))).to.contain('Your score is 20.73, on a scale from 7 to 35 where higher is better.');
    el.today = '2026-10-15';
    el.reset();
    await el.updateComplete;
    await complete(el, [4, 4, 4, 4, 4, 4, 4]);
    expect(text(shadow(el))).to.contain('gone up by 4.30, which is better');
    expect(text(shadow(el))).to.contain('That is a meaningful change: it is at least 2.87 points.');
    await expect(el).to.be.accessible();
  });
});
