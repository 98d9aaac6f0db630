import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { decodeFeed } from '@townhub/schema/feed';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import './define.js';
import '../plan-view/define.js';
import { HubPlanAddEvent } from '../internal/events.js';
import { sampleFeed } from '../plan/sample-feed.js';
import { samplePlan, sampleV1Plan } from '../plan/samples.js';
import { planKey } from '../plan/storage.js';
import type { HubPlanView } from '../plan-view/plan-view.js';
import type { HubPlanBuilder } from './plan-builder.js';

let count = 0;
const hubs: string[] = [];
const freshHub = () => {
  const hub = `pb-test-${Date.now()}-${count++}`;
  hubs.push(hub);
  return hub;
};
const feed = decodeFeed(sampleFeed);
const text = (el: Element | ShadowRoot) => (el.textContent ?? '').replace(/\s+/g, ' ');
const $ = <T extends Element = HTMLElement>(el: HubPlanBuilder, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;
const editor = (el: HubPlanBuilder) => $(el, '.editor');

async function make(hub = freshHub(), withFeed = true): Promise<HubPlanBuilder> {
  return fixture<HubPlanBuilder>(html`<hub-plan-builder hub=${hub} today="2026-11-01" .feed=${withFeed ? feed : undefined}></hub-plan-builder>`);
}

async function addGoal(el: HubPlanBuilder, value: string, area = ''): Promise<void> {
  $<HTMLTextAreaElement>(el, '#new-goal').value = value;
  if (area) $<HTMLSelectElement>(el, '#new-goal-area').value = area;
  $<HTMLButtonElement>(el, '#new-goal ~ button, form.add button').click();
  await el.updateComplete;
}

describe('<hub-plan-builder>', () => {
  afterEach(() => {
    for (const hub of hubs.splice(0)) localStorage.removeItem(planKey(hub));
  });

  it('starts with an empty plan and every section', async () => {
    const el = await make();
    const headings = [...el.shadowRoot!.querySelectorAll('.editor [role="heading"]')].map((h) => text(h).trim());
    expect(headings).to.deep.equal([
      'My wellness plan',
      'What matters to me',
      'Steps',
      'My support network',
      'Community support I have chosen',
      'Review date',
      'Keep, share or print your plan',
    ]);
    await expect(el).to.be.accessible();
  });

  it('adds goals with a life area and saves them at once', async () => {
    const el = await make();
    const saved = oneEvent(el, 'hub-plan-change');
    await addGoal(el, 'Feel less alone', 'loneliness-and-befriending');
    expect((await saved).detail.revision).to.equal(1);
    expect(el.value.goals[0]).to.deep.include({ text: 'Feel less alone', lifeArea: 'loneliness-and-befriending', progress: 'not-started', notes: '' });
    expect(JSON.parse(localStorage.getItem(planKey(el.hub))!).goals[0].text).to.equal('Feel less alone');
    const radio = el.shadowRoot!.querySelector<HTMLInputElement>(`#goal-${el.value.goals[0]!.id}-in-progress`)!;
    radio.click();
    await el.updateComplete;
    expect(el.value.goals[0]!.progress).to.equal('in-progress');
    await expect(el).to.be.accessible();
  });

  it('shows an inline error for an empty goal', async () => {
    const el = await make();
    await addGoal(el, '   ');
    expect(text($(el, '.error-message'))).to.equal('Error: Enter what matters to you');
    expect(el.value.goals).to.have.length(0);
    expect($(el, '#new-goal').getAttribute('aria-describedby')).to.equal('new-goal-error');
    await expect(el).to.be.accessible();
  });

  it('adds assets from hub-plan-add events anywhere on the page, once each', async () => {
    const el = await make();
    document.body.dispatchEvent(new HubPlanAddEvent({ assetId: 'memory-cafe', name: 'Memory Café at St John’s' }));
    await el.updateComplete;
    expect(el.value.assets).to.deep.equal([{ id: 'memory-cafe', name: 'Memory Café at St John’s', added: '2026-11-01' }]);
    expect(text($(el, '.notice'))).to.contain('Added Memory Café at St John’s to your plan.');
    document.body.dispatchEvent(new HubPlanAddEvent({ assetId: 'memory-cafe', name: 'Memory Café at St John’s' }));
    await el.updateComplete;
    expect(el.value.assets).to.have.length(1);
    expect(text($(el, '.notice'))).to.contain('already in your plan');
    expect($<HTMLAnchorElement>(el, '.asset-name a').href).to.equal('https://example-town.example.org/assets/memory-cafe/');
  });

  it('searches the feed inside the plan and adds a result', async () => {
    const el = await make();
    const search = $<HTMLInputElement>(el, '#search');
    search.value = 'debt advice';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    const results = [...el.shadowRoot!.querySelectorAll('.search .item')];
    expect(results.map((r) => text(r.querySelector('.asset-name')!))).to.deep.equal(['Citizens Advice drop-in']);
    results[0]!.querySelector('button')!.click();
    await el.updateComplete;
    expect(el.value.assets.map((a) => a.id)).to.deep.equal(['citizens-advice']);
    expect(text($(el, '.search'))).to.contain('In your plan');
    await expect(el).to.be.accessible();
  });

  it('fetches the feed from src, and says so when it cannot', async () => {
    const src = `data:application/json,${encodeURIComponent(JSON.stringify(sampleFeed))}`;
    const el = await fixture<HubPlanBuilder>(html`<hub-plan-builder hub=${freshHub()} src=${src}></hub-plan-builder>`);
    await waitUntil(() => el.shadowRoot!.querySelector('#search'), 'the search appears once the feed is in');
    expect(el.shadowRoot!.querySelector('#new-goal-area')).not.to.equal(null);
    el.src = '/no-such-feed.json';
    await waitUntil(() => el.shadowRoot!.querySelector('.warning'), 'a warning when the feed fails');
    expect(text($(el, '.warning'))).to.contain('could not be loaded');
    expect(el.shadowRoot!.querySelector('#search')).to.equal(null);
  });

  it('undoes a delete, putting the item back where it was', async () => {
    const el = await make();
    await addGoal(el, 'First');
    await addGoal(el, 'Second');
    await addGoal(el, 'Third');
    const second = el.value.goals[1]!;
    const button = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.items button')].find((b) => text(b).includes('“Second”'))!;
    button.click();
    await el.updateComplete;
    await el.updateComplete;
    expect(el.value.goals.map((g) => g.text)).to.deep.equal(['First', 'Third']);
    const undo = $<HTMLButtonElement>(el, '.notice button');
    expect(text($(el, '.notice'))).to.contain('Deleted goal “Second”.');
    expect(el.shadowRoot!.activeElement).to.equal(undo);
    await expect(el).to.be.accessible();
    undo.click();
    await el.updateComplete;
    expect(el.value.goals.map((g) => g.text)).to.deep.equal(['First', 'Second', 'Third']);
    expect(el.value.goals[1]).to.deep.equal(second);
  });

  it('keeps two open copies in step without either overwriting the other', async () => {
    const hub = freshHub();
    const a = await make(hub);
    const b = await make(hub);
    await addGoal(a, 'From the first tab');
    // b has not re-rendered yet; it adds a person from its own (older) view of the plan.
    b.shadowRoot!.querySelector<HTMLInputElement>('#new-person-name')!.value = 'Jo';
    b.shadowRoot!.querySelector<HTMLFormElement>('form[aria-labelledby="new-person-title"]')!.requestSubmit();
    await b.updateComplete;
    // The other copy hears through BroadcastChannel, which is asynchronous: wait for it rather than for a fixed time.
    await waitUntil(() => a.value.people.length > 0 && b.value.goals.length > 0, 'both copies see both changes', { timeout: 5000 });
    await a.updateComplete;
    for (const el of [a, b]) {
      expect(
        el.value.goals.map((g) => g.text),
        'goals',
      ).to.deep.equal(['From the first tab']);
      expect(
        el.value.people.map((p) => p.name),
        'people',
      ).to.deep.equal(['Jo']);
    }
    expect(text(a.shadowRoot!.querySelector('.editor')!)).to.contain('Jo');
  });

  it('sets aside a corrupt saved plan, tells the person and offers the copy', async () => {
    const hub = freshHub();
    localStorage.setItem(planKey(hub), '{"format":"townhub-plan","version":2,"goals":[');
    const el = await make(hub);
    const alert = $(el, '.warning[role="alert"]');
    expect(text(alert)).to.contain('Your saved plan could not be read');
    expect(text(alert)).to.contain('A copy has been kept on this device');
    expect(alert.querySelector('button')).to.exist;
    const keys = Object.keys(localStorage).filter((k) => k.startsWith(`${planKey(hub)}:unreadable:`));
    expect(keys).to.have.length(1);
    expect(localStorage.getItem(keys[0]!)).to.equal('{"format":"townhub-plan","version":2,"goals":[');
    await expect(el).to.be.accessible();
    localStorage.removeItem(keys[0]!);
  });

  it('exports and imports a plan file, and the import can be undone', async () => {
    const source = await make();
    await addGoal(source, 'Exported goal');
    const file = await source.exportFile();
    expect(file.name).to.match(/^wellness-plan-\d{4}-\d{2}-\d{2}\.json$/);
    const target = await make();
    await addGoal(target, 'Goal before import');
    expect(await target.importFile(file)).to.equal(true);
    await target.updateComplete;
    expect(target.value.goals.map((g) => g.text)).to.deep.equal(['Exported goal']);
    expect(target.value.hub).to.equal(target.hub);
    expect(text($(target, '.notice'))).to.contain('Imported your plan from');
    $<HTMLButtonElement>(target, '.notice button').click();
    await target.updateComplete;
    expect(target.value.goals.map((g) => g.text)).to.deep.equal(['Goal before import']);
  });

  it('imports an older (version 1) file', async () => {
    const el = await make();
    expect(await el.importFile(new File([JSON.stringify(sampleV1Plan())], 'old.json'))).to.equal(true);
    expect(el.value.people.map((p) => p.name)).to.deep.equal(['Jo', 'Dr Khan']);
  });

  it('refuses a wrong or damaged file with a clear message and keeps the plan', async () => {
    const el = await make();
    await addGoal(el, 'Keep me');
    expect(await el.importFile(new File(['not json at all'], 'notes.txt'))).to.equal(false);
    await el.updateComplete;
    expect(text($(el, '#import-error'))).to.equal(
      'Error: The file could not be imported. This file is not a wellness plan: it could not be read as a plan file (JSON).',
    );
    expect($(el, '#import').getAttribute('aria-describedby')).to.contain('import-error');
    await expect(el).to.be.accessible();
    expect(await el.importFile(new File([JSON.stringify({ ...samplePlan(), goals: [{ id: 'g' }] })], 'plan.json'))).to.equal(false);
    await el.updateComplete;
    expect(text($(el, '#import-error'))).to.match(/damaged.*goals\.0/);
    expect(el.value.goals.map((g) => g.text)).to.deep.equal(['Keep me']);
  });

  it('makes a read-only share link that <hub-plan-view> opens', async () => {
    const el = await make();
    await addGoal(el, 'Shared goal');
    const link = (await el.createShareLink())!;
    await el.updateComplete;
    expect(link.length).to.be.below(2000);
    expect($<HTMLInputElement>(el, '#share-link').value).to.equal(link);
    expect(text(el.shadowRoot!)).to.contain('Anyone with this link can read your plan');
    await expect(el).to.be.accessible();
    const view = await fixture<HubPlanView>(html`<hub-plan-view .link=${link}></hub-plan-view>`);
    await view.opened;
    await view.updateComplete;
    expect(text(view.shadowRoot!)).to.contain('Shared goal');
  });

  it('prints the plan as read-only text, without the controls', async () => {
    const el = await make(freshHub());
    await addGoal(el, 'Printed goal');
    // The printable plan loads on its own once the page is idle, so printing from the browser's menu works too.
    await waitUntil(() => el.shadowRoot!.querySelector('.print'), 'the printable plan loads when idle');
    try {
      await emulateMedia({ media: 'print' });
      expect(getComputedStyle(editor(el)).display).to.equal('none');
      const print = $(el, '.print');
      expect(getComputedStyle(print).display).to.equal('block');
      expect(text(print)).to.contain('Printed goal');
      expect(print.querySelectorAll('input, button, select, textarea')).to.have.length(0);
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('shows focus on every stop inside a date input, even under a hostile page style', async () => {
    const hostile = document.createElement('style');
    hostile.textContent = '* { outline: none !important; box-shadow: none !important; }';
    document.head.append(hostile);
    try {
      const el = await make();
      const date = $<HTMLInputElement>(el, '#review-date');
      const look = () => {
        const s = getComputedStyle(date);
        return `${s.outlineStyle} ${s.outlineWidth} ${s.outlineColor} ${s.boxShadow}`;
      };
      const rest = look();
      $(el, '#review-hint').setAttribute('tabindex', '-1');
      $(el, '#review-hint').focus();
      // Day, month, year, then the calendar button: each is a Tab stop inside the one input.
      const stops: string[] = [];
      for (let i = 0; i < 4; i++) {
        await sendKeys({ press: 'Tab' });
        if (el.shadowRoot!.activeElement === date) stops.push(look());
      }
      expect(stops.length).to.be.greaterThan(1);
      for (const stop of stops) expect(stop).not.to.equal(rest);
      expect(stops[0]).to.contain('solid 3px');
    } finally {
      hostile.remove();
    }
  });

  it('keeps the page’s own content in view until its first render, which comes in a later task', async () => {
    const el = document.createElement('hub-plan-builder');
    el.hub = freshHub();
    el.innerHTML = '<p>Plan on paper</p>';
    document.body.append(el);
    try {
      const fallback = el.querySelector('p')!;
      expect(fallback.getClientRects().length).to.equal(1);
      expect(el.shadowRoot!.querySelector('.editor')).to.equal(null);
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.editor')).not.to.equal(null);
      expect(el.shadowRoot!.querySelector('slot')).to.equal(null);
      expect(fallback.getClientRects().length).to.equal(0);
    } finally {
      el.remove();
    }
  });

  it('works without a feed', async () => {
    const el = await make(freshHub(), false);
    expect(el.shadowRoot!.querySelector('#search')).to.equal(null);
    expect(el.shadowRoot!.querySelector('#new-goal-area')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
