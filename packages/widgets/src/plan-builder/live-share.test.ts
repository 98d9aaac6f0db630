// Live sharing against the real share service, which web-test-runner.config.mjs mounts at /api/shares.
import { expect, fixture, html } from '@open-wc/testing';
import { fetchShare, updateShare } from '@townhub/share-service/client';
import './define.js';
import '../plan-view/define.js';
import { type LiveShare, LiveShareList, parseLiveShareFragment } from '../plan/live-shares.js';
import { samplePlan } from '../plan/samples.js';
import { encryptPlan } from '../plan/share-crypto.js';
import { planKey } from '../plan/storage.js';
import type { HubPlanView } from '../plan-view/plan-view.js';
import type { HubPlanBuilder } from './plan-builder.js';

const SERVICE = '/api/shares';
const VIEWER = 'https://hub.example/plan/view/';

let count = 0;
const hubs: string[] = [];
const freshHub = () => {
  const hub = `live-test-${Date.now()}-${count++}`;
  hubs.push(hub);
  return hub;
};
const text = (el: Element | ShadowRoot) => (el.textContent ?? '').replace(/\s+/g, ' ');
/** Text of the first match, or '' when there is none (assertions never hand a whole element to chai). */
const textOf = (el: Element, selector: string) => {
  const found = el.shadowRoot!.querySelector(selector);
  return found ? text(found) : '';
};
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => el.shadowRoot!.querySelector<T>(selector)!;

async function makeBuilder(hub = freshHub()): Promise<HubPlanBuilder> {
  return fixture<HubPlanBuilder>(html`<hub-plan-builder hub=${hub} today="2026-11-01" share-service=${SERVICE} share-url=${VIEWER}></hub-plan-builder>`);
}

async function addGoal(el: HubPlanBuilder, value: string): Promise<void> {
  $<HTMLTextAreaElement>(el, '#new-goal').value = value;
  $<HTMLButtonElement>(el, '#new-goal ~ button, form.add button').click();
  await el.updateComplete;
}

/** Creates a link through the form, as a person would; returns the link shown. */
async function shareThroughForm(el: HubPlanBuilder, label: string): Promise<string> {
  $<HTMLInputElement>(el, '#live-label').value = label;
  $<HTMLFormElement>(el, '.live-form').requestSubmit();
  await el.liveSharesSettled;
  await el.updateComplete;
  const inputs = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('.live-item input')];
  return inputs.at(-1)!.value;
}

async function view(link: string): Promise<HubPlanView> {
  const el = await fixture<HubPlanView>(html`<hub-plan-view share-service=${SERVICE} link=${link}></hub-plan-view>`);
  await el.opened;
  await el.updateComplete;
  return el;
}

const stored = (hub: string): LiveShare[] => new LiveShareList(hub).load();

describe('live sharing (<hub-plan-builder share-service> + <hub-plan-view share-service>)', () => {
  afterEach(() => {
    for (const hub of hubs.splice(0)) {
      localStorage.removeItem(planKey(hub));
      localStorage.removeItem(new LiveShareList(hub).key);
    }
  });

  it('creates a link, shows updates in another view, and says when access was withdrawn', async () => {
    const hub = freshHub();
    const builder = await makeBuilder(hub);
    await addGoal(builder, 'Feel less alone');
    const link = await shareThroughForm(builder, 'my sister');

    expect(link.startsWith(`${VIEWER}#share=`)).to.equal(true);
    const [share] = stored(hub);
    expect(share?.label).to.equal('my sister');
    expect(parseLiveShareFragment(new URL(link).hash)).to.deep.equal({ id: share!.id, key: share!.key });
    expect(textOf(builder, '.live-list')).to.contain('Link for my sister');
    // The service holds ciphertext only: the goal's words are not in what it stores.
    const raw = await fetchShare(SERVICE, share!.id);
    expect(raw.ok && !raw.unchanged && new TextDecoder().decode(raw.ciphertext).includes('Feel less alone')).to.equal(false);

    const first = await view(link);
    expect(text(first.shadowRoot!)).to.contain('Feel less alone');
    expect(text(first.shadowRoot!)).to.match(/Updated now\./);
    expect(text(first.shadowRoot!)).to.contain('latest version');

    await addGoal(builder, 'Walk on Sundays');
    await builder.liveSharesSettled;
    expect(stored(hub)[0]!.etag).to.not.equal(share!.etag);
    const second = await view(link);
    expect(text(second.shadowRoot!)).to.contain('Walk on Sundays');
    await first.reload();
    await first.updateComplete;
    expect(text(first.shadowRoot!)).to.contain('Walk on Sundays');

    const withdraw = [...builder.shadowRoot!.querySelectorAll<HTMLButtonElement>('.live-item button')].find((b) => text(b).includes('Withdraw access'))!;
    withdraw.click();
    await builder.liveSharesSettled;
    await builder.updateComplete;
    expect(stored(hub)).to.deep.equal([]);
    expect(textOf(builder, '.live-list')).to.equal('');
    expect(textOf(builder, '.live-status')).to.contain('Access withdrawn');

    await first.reload();
    await first.updateComplete;
    expect(textOf(first, '[role="alert"]')).to.contain('withdrawn access');
    expect(text(first.shadowRoot!)).to.not.contain('Walk on Sundays');
  });

  it('gives each person their own key, and withdrawing one leaves the others working', async () => {
    const hub = freshHub();
    const builder = await makeBuilder(hub);
    await addGoal(builder, 'Sleep better');
    const sister = await shareThroughForm(builder, 'my sister');
    const worker = await shareThroughForm(builder, 'link worker');
    const [a, b] = stored(hub);
    expect(a!.key).to.not.equal(b!.key);
    expect(a!.id).to.not.equal(b!.id);

    expect(await builder.revokeLiveShare(a!.id)).to.equal(true);
    expect(textOf(await view(sister), '[role="alert"]')).to.contain('withdrawn access');
    expect(text((await view(worker)).shadowRoot!)).to.contain('Sleep better');
  });

  it('overwrites a version saved elsewhere (stale ETag) with this device’s plan', async () => {
    const hub = freshHub();
    const builder = await makeBuilder(hub);
    const link = await shareThroughForm(builder, 'link worker');
    const share = stored(hub)[0]!;
    // Another tab or device holding the same token saves first, so this device's ETag is now stale.
    const elsewhere = await updateShare(SERVICE, share.id, share.ownerToken, share.etag, (await encryptPlan(samplePlan(), share.key)).ciphertext);
    expect(elsewhere.ok).to.equal(true);
    const stale = await updateShare(SERVICE, share.id, share.ownerToken, share.etag, new Uint8Array(40));
    expect(stale.ok ? 'ok' : stale.reason).to.equal('stale');

    await addGoal(builder, 'Cook a proper meal');
    await builder.liveSharesSettled;
    await builder.updateComplete;
    expect(textOf(builder, '.live-shares [role="alert"]')).to.equal('');
    expect(stored(hub)[0]!.etag).to.equal(elsewhere.ok ? `"${Number(elsewhere.etag.slice(1, -1)) + 1}"` : '');
    expect(text((await view(link)).shadowRoot!)).to.contain('Cook a proper meal');
  });

  it('fails cleanly with a wrong key or changed data', async () => {
    const hub = freshHub();
    const builder = await makeBuilder(hub);
    await addGoal(builder, 'Private words');
    const link = await shareThroughForm(builder, 'my sister');
    const share = stored(hub)[0]!;

    const otherKey = (await encryptPlan(samplePlan())).key;
    const wrong = await view(link.replace(share.key, otherKey));
    expect(textOf(wrong, '[role="alert"]')).to.contain('could not be opened');
    expect(text(wrong.shadowRoot!)).to.not.contain('Private words');

    const bytes = (await fetchShare(SERVICE, share.id)) as { ciphertext: Uint8Array; etag: string };
    const tampered = new Uint8Array(bytes.ciphertext);
    tampered[tampered.length - 1]! ^= 1;
    expect((await updateShare(SERVICE, share.id, share.ownerToken, bytes.etag, tampered)).ok).to.equal(true);
    const changed = await view(link);
    expect(textOf(changed, '[role="alert"]')).to.contain('could not be opened');
    expect(text(changed.shadowRoot!)).to.not.contain('Private words');
  });

  it('says when a link is not found', async () => {
    const el = await view(`${VIEWER}#share=AAAAAAAAAAAAAAAAAAAAAA.${(await encryptPlan(samplePlan())).key}`);
    expect(textOf(el, '[role="alert"]')).to.contain('This link was not found');
  });

  it('asks who a link is for before creating it', async () => {
    const hub = freshHub();
    const builder = await makeBuilder(hub);
    $<HTMLFormElement>(builder, '.live-form').requestSubmit();
    await builder.updateComplete;
    expect(textOf(builder, '.live-shares [role="alert"]')).to.contain('Say who the link is for');
    expect(stored(hub)).to.deep.equal([]);
  });

  it('drops a link the service no longer has when the plan changes', async () => {
    const hub = freshHub();
    const builder = await makeBuilder(hub);
    await shareThroughForm(builder, 'old friend');
    const share = stored(hub)[0]!;
    await fetch(`${SERVICE}/${share.id}`, { method: 'DELETE', headers: { Authorization: `Bearer ${share.ownerToken}` } });
    await addGoal(builder, 'Join a choir');
    await builder.liveSharesSettled;
    await builder.updateComplete;
    expect(stored(hub)).to.deep.equal([]);
    expect(textOf(builder, '.live-shares [role="alert"]')).to.contain('old friend’s link no longer works');
  });

  it('has an accessible share section', async () => {
    const builder = await makeBuilder();
    await shareThroughForm(builder, 'my sister');
    await expect(builder).to.be.accessible();
    const section = $(builder, '.live-shares');
    expect(text(section)).to.contain('Share with someone');
    expect(section.querySelector('label[for="live-label"]') !== null).to.equal(true);
  });

  it('keeps the link-only read-only copy when no share service is set', async () => {
    const hub = freshHub();
    const el = await fixture<HubPlanBuilder>(html`<hub-plan-builder hub=${hub}></hub-plan-builder>`);
    expect(textOf(el, '.live-shares')).to.equal('');
    const button = [...el.shadowRoot!.querySelectorAll('button')].find((b) => text(b).includes('Create a read-only link'));
    expect(button !== undefined).to.equal(true);
  });
});
