import { expect, fixture, html } from '@open-wc/testing';
import './define.js';
import { toBase64url } from '../plan/base64url.js';
import { samplePlan } from '../plan/samples.js';
import { createShareLink, encryptPlan } from '../plan/share-crypto.js';
import type { HubPlanView } from './plan-view.js';

const text = (el: Element | ShadowRoot) => (el.textContent ?? '').replace(/\s+/g, ' ');

async function open(link: string): Promise<HubPlanView> {
  const el = await fixture<HubPlanView>(html`<hub-plan-view .link=${link}></hub-plan-view>`);
  await el.opened;
  await el.updateComplete;
  return el;
}

describe('<hub-plan-view>', () => {
  it('opens a share link and shows the plan read-only', async () => {
    const el = await open(await createShareLink(samplePlan(), 'https://example.org/view'));
    const words = text(el.shadowRoot!);
    expect(words).to.contain('A wellness plan shared with you');
    expect(words).to.contain('This is a read-only copy.');
    expect(words).to.contain('Get out of the house more and meet people');
    expect(words).to.contain('Loneliness and befriending');
    expect(words).to.contain('Priya Shah, Link worker');
    expect(words).to.contain('I will review this plan on 1 December 2026.');
    expect(words).to.contain('Personal wellbeing (ONS4): answered 2 times, most recently on 1 November 2026.');
    expect(el.shadowRoot!.querySelectorAll('input, textarea, select, button')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('reads the page’s own fragment when no link is given', async () => {
    const link = new URL(await createShareLink(samplePlan(), location.href.split('#')[0]!));
    history.replaceState(null, '', link.hash);
    try {
      const el = await fixture<HubPlanView>(html`<hub-plan-view></hub-plan-view>`);
      await el.opened;
      await el.updateComplete;
      expect(text(el.shadowRoot!)).to.contain('Sort out my gas bill arrears');
    } finally {
      history.replaceState(null, '', location.pathname + location.search);
    }
  });

  it('fails cleanly, with a message, for a tampered link', async () => {
    const link = await createShareLink(samplePlan(), 'https://example.org/view');
    const [data, key] = link.split('#plan=')[1]!.split('.') as [string, string];
    const flipped = `${data.slice(0, 30)}${data[30] === 'A' ? 'B' : 'A'}${data.slice(31)}`;
    const el = await open(`#plan=${flipped}.${key}`);
    const alert = el.shadowRoot!.querySelector('[role="alert"]')!;
    expect(text(alert)).to.contain('The shared plan could not be opened');
    expect(text(alert)).to.contain('The link may be incomplete or changed');
    expect(text(el.shadowRoot!)).not.to.contain('Get out of the house');
    await expect(el).to.be.accessible();
  });

  it('fails cleanly for a cut-off link and for the wrong key', async () => {
    const link = await createShareLink(samplePlan(), 'https://example.org/view');
    const cut = await open(link.slice(0, link.indexOf('.', link.indexOf('#'))));
    expect(text(cut.shadowRoot!)).to.contain('This link is incomplete');
    const other = await encryptPlan(samplePlan());
    const wrong = await open(`${link.slice(0, link.lastIndexOf('.'))}.${other.key}`);
    expect(text(wrong.shadowRoot!)).to.contain('could not be opened');
  });

  it('says so when there is no plan in the link', async () => {
    const el = await open('https://example.org/view');
    expect(text(el.shadowRoot!)).to.contain('There is no shared plan in this link.');
    await expect(el).to.be.accessible();
  });

  it('fetches an encrypted plan from src and opens it with the key in the fragment', async () => {
    const { ciphertext, key } = await encryptPlan(samplePlan());
    const src = URL.createObjectURL(new Blob([ciphertext]));
    const el = await fixture<HubPlanView>(html`<hub-plan-view src=${src} link=${`https://example.org/view#key=${key}`}></hub-plan-view>`);
    await el.opened;
    await el.updateComplete;
    expect(text(el.shadowRoot!)).to.contain('Walk to the park and back without stopping');
    URL.revokeObjectURL(src);
  });

  it('reports a src that cannot be fetched', async () => {
    const { key } = await encryptPlan(samplePlan());
    const el = await fixture<HubPlanView>(html`<hub-plan-view src="/no-such-plan" key=${key}></hub-plan-view>`);
    await el.opened;
    await el.updateComplete;
    expect(text(el.shadowRoot!)).to.contain('could not be fetched');
  });

  it('shows a plan given as a property', async () => {
    const el = await fixture<HubPlanView>(html`<hub-plan-view .plan=${samplePlan()}></hub-plan-view>`);
    await el.opened;
    await el.updateComplete;
    expect(text(el.shadowRoot!)).to.contain('My wellness plan');
    expect(toBase64url(new Uint8Array([251, 255]))).to.equal('-_8');
    await expect(el).to.be.accessible();
  });

  it('shows check-ins of every measure, SWEMWBS included (its definition loads on demand)', async () => {
    const plan = samplePlan();
    plan.assessments.push({ id: 'a5', measure: 'swemwbs', date: '2026-11-01', answers: [3, 3, 3, 3, 3, 4, 4] });
    const el = await fixture<HubPlanView>(html`<hub-plan-view .plan=${plan}></hub-plan-view>`);
    await el.opened;
    await el.updateComplete;
    const words = text(el.shadowRoot!);
    expect(words).to.contain('Short Warwick–Edinburgh Mental Wellbeing Scale (SWEMWBS): answered once, most recently on 1 November 2026.');
    expect(words).to.contain('Mental wellbeing: 20.73');
    expect(words).to.contain('Loneliness (UCLA 3-item scale): answered 2 times');
  });
});
