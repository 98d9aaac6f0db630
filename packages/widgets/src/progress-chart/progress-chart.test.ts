import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import './define.js';
import { samplePlan } from '../plan/samples.js';
import { PlanStore, planKey } from '../plan/storage.js';
import type { HubProgressChart } from './progress-chart.js';

const text = (el: Element | ShadowRoot) => (el.textContent ?? '').replace(/\s+/g, ' ');
const assessments = samplePlan().assessments;

describe('<hub-progress-chart>', () => {
  it('draws one chart per ONS4 score, with a summary sentence and a data table', async () => {
    const el = await fixture<HubProgressChart>(html`<hub-progress-chart measure="ons4" .assessments=${assessments}></hub-progress-chart>`);
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('svg')).to.have.length(4);
    const summaries = [...root.querySelectorAll('.summary')].map((p) => text(p));
    expect(summaries[0]).to.equal(
      'Across 2 results, your life satisfaction score went from 4 (Low) on 1 October 2026 to 6 (Medium) on 1 November 2026: better overall.',
    );
    expect(summaries[3]).to.equal(
      'Across 2 results, your anxiety score went from 7 (High) on 1 October 2026 to 4 (Medium) on 1 November 2026: better overall.',
    );
    const rows = [...root.querySelectorAll('section')[0]!.querySelectorAll('tbody tr')].map((r) => text(r).trim());
    expect(rows).to.deep.equal(['1 Oct 2026 4 Low', '1 Nov 2026 6 Medium']);
    const svg = root.querySelector('svg')!;
    expect(svg.getAttribute('role')).to.equal('img');
    expect(root.getElementById(svg.getAttribute('aria-labelledby')!)?.classList.contains('summary')).to.equal(true);
    expect(svg.querySelectorAll('circle')).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('shades the meaningful-change band where the measure publishes a threshold', async () => {
    const records = [
      { measure: 'swemwbs', date: '2026-09-01', answers: [3, 3, 3, 3, 3, 4, 4] },
      { measure: 'swemwbs', date: '2026-10-01', answers: [4, 4, 4, 4, 4, 4, 4] },
    ];
    const el = await fixture<HubProgressChart>(html`<hub-progress-chart measure="swemwbs" .assessments=${records}></hub-progress-chart>`);
    const root = el.shadowRoot!;
    expect(root.querySelectorAll('rect.band')).to.have.length(1);
    expect(text(root)).to.contain('Shaded: within 2.87 points of your first result');
    expect(text(root.querySelector('.summary')!)).to.contain(
      'went from 20.73 on 1 September 2026 to 25.03 on 1 October 2026: better overall, a meaningful change.',
    );
    await expect(el).to.be.accessible();
  });

  it('labels the UCLA grouping as indicative', async () => {
    const el = await fixture<HubProgressChart>(html`<hub-progress-chart measure="ucla3" .assessments=${assessments}></hub-progress-chart>`);
    expect(el.shadowRoot!.querySelectorAll('svg')).to.have.length(1);
    expect(text(el.shadowRoot!)).to.contain('an indicative grouping, not an official threshold');
    await expect(el).to.be.accessible();
  });

  it('says so when there are no results yet, and with one result', async () => {
    const empty = await fixture<HubProgressChart>(html`<hub-progress-chart measure="ons4" .assessments=${[]}></hub-progress-chart>`);
    expect(text(empty.shadowRoot!)).to.contain('No results yet.');
    await expect(empty).to.be.accessible();
    const one = await fixture<HubProgressChart>(html`<hub-progress-chart measure="ucla3" .assessments=${assessments.slice(0, 2)}></hub-progress-chart>`);
    expect(text(one.shadowRoot!.querySelector('.summary')!)).to.equal('You have one result for loneliness so far: 8 (Lonely) on 1 October 2026.');
  });

  it('redraws at the width it is given, keeping text in CSS pixels (400% zoom of a 1280px window)', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 320px"><hub-progress-chart measure="ucla3" .assessments=${assessments}></hub-progress-chart></div>`,
    );
    const el = wrapper.querySelector('hub-progress-chart')!;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    await el.updateComplete;
    const svg = el.shadowRoot!.querySelector('svg')!;
    expect(svg.getAttribute('width')).to.equal('320');
    expect(svg.getBoundingClientRect().width).to.be.at.most(320);
    // The text is drawn at 1:1 scale, so zoom enlarges it like the rest of the page.
    expect(svg.getAttribute('viewBox')).to.equal('0 0 320 240');
  });

  it("reads the hub's plan on this device and follows saves from other widgets and tabs", async () => {
    const hub = `chart-test-${Date.now()}`;
    const plan = samplePlan(hub);
    plan.assessments = plan.assessments.filter((a) => a.measure === 'ucla3' && a.date === '2026-10-01');
    localStorage.setItem(planKey(hub), JSON.stringify(plan));
    try {
      const el = await fixture<HubProgressChart>(html`<hub-progress-chart measure="ucla3" hub=${hub}></hub-progress-chart>`);
      expect(text(el.shadowRoot!.querySelector('.summary')!)).to.equal('You have one result for loneliness so far: 8 (Lonely) on 1 October 2026.');
      const other = new PlanStore(hub);
      other.update((p) => {
        p.assessments.push({ id: 'later', measure: 'ucla3', date: '2026-11-01', answers: [1, 1, 2] });
      });
      other.close();
      await waitUntil(() => el.shadowRoot!.querySelectorAll('circle').length === 2, 'the chart did not hear the save');
      expect(text(el.shadowRoot!.querySelector('.summary')!)).to.contain('Across 2 results');
      await expect(el).to.be.accessible();
    } finally {
      localStorage.removeItem(planKey(hub));
    }
  });
});
