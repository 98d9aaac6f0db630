import { expect } from '@open-wc/testing';
import { dayTime, longDay } from './dates.js';
import { planFileName, planToFileText, readPlanFile } from './file.js';
import { migratePlan, PlanFormatError } from './migrate.js';
import { largePlan, samplePlan, sampleV1Plan } from './samples.js';
import { emptyPlan, PLAN_VERSION, type Plan } from './schema.js';
import { createShareLink, encryptPlan, ShareError } from './share-crypto.js';
import { decryptPlan, parseShareFragment } from './share-open.js';
import { PlanStore, planKey } from './storage.js';

function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, String(v)),
  };
}

async function rejects(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('Expected a rejection');
}

let hubCount = 0;
const freshHub = () => `test-hub-${Date.now()}-${hubCount++}`;

describe('dates in words', () => {
  it('writes British English days as Intl does, and other languages through Intl', () => {
    const intl = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
    for (const day of ['2026-01-01', '2026-02-28', '2024-02-29', '2026-03-31', '2026-09-09', '2026-12-25', '1999-07-04', '2026-02-31'])
      expect(longDay(day)).to.equal(intl.format(dayTime(day)));
    expect(longDay('2026-10-01', 'en-gb')).to.equal('1 October 2026');
    expect(longDay('2026-10-01', 'de')).to.equal('1. Oktober 2026');
  });
});

describe('plan migrations', () => {
  it('reads the current version unchanged', () => {
    const plan = samplePlan();
    expect(migratePlan(structuredClone(plan))).to.deep.equal(plan);
  });

  it('migrates version 1 to the current version', () => {
    const plan = migratePlan(sampleV1Plan());
    expect(plan.version).to.equal(PLAN_VERSION);
    expect(plan.goals).to.deep.equal([
      { id: 'g1', text: 'Feel less lonely', progress: 'not-started', notes: '' },
      { id: 'g2', text: 'Learn to use a tablet', progress: 'done', notes: '' },
    ]);
    expect(plan.steps[0]).to.deep.include({ id: 's1', text: 'Try the lunch club', due: '2025-07-04', goalId: 'g1', done: false });
    expect(plan.steps[1]?.due).to.equal(undefined);
    expect(plan.people.map((p) => [p.name, p.relationship, p.contact, p.professional])).to.deep.equal([
      ['Jo', 'Neighbour', '0121 496 0000', false],
      ['Dr Khan', 'GP', '', false],
    ]);
    expect(new Set(plan.people.map((p) => p.id)).size).to.equal(2);
    expect(plan.assets).to.deep.equal([{ id: 'lunch-club', name: 'Friday lunch club', added: '2025-06-30' }]);
    expect(plan.reviewDate).to.equal('2025-09-01');
    expect(plan.assessments).to.deep.equal([]);
    expect(plan.updated).to.equal('2025-06-30T09:00:00.000Z');
  });

  it('reports a damaged version 1 plan with where the problem is', () => {
    const v1 = sampleV1Plan() as unknown as { goals: { done: unknown }[] };
    v1.goals[0]!.done = 'yes';
    expect(() => migratePlan(v1)).to.throw(PlanFormatError, /damaged.*goals\.0\.done/);
  });

  it('refuses plans from a newer version and things that are not plans', () => {
    expect(() => migratePlan({ ...samplePlan(), version: PLAN_VERSION + 1 })).to.throw(PlanFormatError, /newer version/);
    expect(() => migratePlan({ format: 'something-else' })).to.throw(PlanFormatError, /not a wellness plan/);
    expect(() => migratePlan(null)).to.throw(PlanFormatError);
    expect(() => migratePlan({ format: 'townhub-plan' })).to.throw(PlanFormatError, /no version/);
    expect(() => migratePlan({ ...samplePlan(), goals: 'none' })).to.throw(PlanFormatError, /goals/);
  });

  // Each rule of the format, broken once: the message names the problem and where it is.
  for (const [what, change, message] of [
    ['an empty id', (p: Plan) => (p.goals[0]!.id = ''), /Expected some text \(at goals\.0\.id\)/],
    ['an over-long goal', (p: Plan) => (p.goals[1]!.text = 'x'.repeat(501)), /at most 500 characters \(at goals\.1\.text\)/],
    [
      'an unknown progress',
      (p: Plan) => ((p.goals[0] as { progress: string }).progress = 'nearly'),
      /"not-started" or "in-progress" or "done" \(at goals\.0\.progress\)/,
    ],
    ['a date in words', (p: Plan) => (p.steps[0]!.due = '10 November'), /YYYY-MM-DD \(at steps\.0\.due\)/],
    ['a null optional field', (p: Plan) => ((p.steps[0] as { goalId: unknown }).goalId = null), /Expected text \(at steps\.0\.goalId\)/],
    ['a yes/no that is text', (p: Plan) => ((p.people[0] as { professional: unknown }).professional = 'no'), /true or false \(at people\.0\.professional\)/],
    ['a fractional answer', (p: Plan) => (p.assessments[0]!.answers[1] = 2.5), /whole number \(at assessments\.0\.answers\.1\)/],
    ['an unknown measure', (p: Plan) => ((p.assessments[1] as { measure: string }).measure = 'phq9'), /at assessments\.1\.measure/],
    ['a negative revision', (p: Plan) => (p.revision = -1), /at least 0 \(at revision\)/],
    ['too many goals', (p: Plan) => (p.goals = Array.from({ length: 501 }, (_, i) => ({ ...p.goals[0]!, id: `g${i}` }))), /at most 500 entries \(at goals\)/],
    ['a list that is an object', (p: Plan) => ((p as { people: unknown }).people = {}), /Expected a list \(at people\)/],
    ['an entry that is not an object', (p: Plan) => ((p.assets as unknown[])[0] = 'memory-cafe'), /Expected an object \(at assets\.0\)/],
  ] as const) {
    it(`refuses a plan with ${what}, saying where`, () => {
      const plan = samplePlan();
      change(plan);
      expect(() => migratePlan(plan)).to.throw(PlanFormatError, message);
    });
  }

  it('drops fields it does not know and keeps absent optional fields absent', () => {
    const plan = { ...samplePlan(), extra: 'x', goals: [{ id: 'g', text: 'T', progress: 'done', notes: '', colour: 'red' }] };
    const read = migratePlan(plan);
    expect(read).not.to.have.property('extra');
    expect(read.goals).to.deep.equal([{ id: 'g', text: 'T', progress: 'done', notes: '' }]);
    expect(Object.keys(read.steps[3]!)).not.to.include('due');
  });
});

describe('plan storage', () => {
  it('starts empty, saves and loads, counting revisions', () => {
    const store = new PlanStore('a', memoryStorage());
    expect(store.load()).to.deep.include({ hub: 'a', revision: 0, goals: [] });
    store.update((p) => p.goals.push({ id: 'g', text: 'Sleep better', progress: 'not-started', notes: '' }));
    const plan = store.update((p) => {
      p.reviewDate = '2026-12-01';
    });
    expect(plan.revision).to.equal(2);
    expect(store.load()).to.deep.include({ revision: 2, reviewDate: '2026-12-01' });
    expect(store.load().goals[0]?.text).to.equal('Sleep better');
    store.close();
  });

  it('keeps one plan per hub', () => {
    const storage = memoryStorage();
    new PlanStore('a', storage).update((p) => p.goals.push({ id: 'g', text: 'A', progress: 'done', notes: '' }));
    expect(new PlanStore('b', storage).load().goals).to.deep.equal([]);
    expect(new PlanStore('a', storage).load().goals).to.have.length(1);
  });

  it('migrates an older stored plan when it loads', () => {
    const storage = memoryStorage();
    storage.setItem(planKey('example-town'), JSON.stringify(sampleV1Plan()));
    const store = new PlanStore('example-town', storage);
    expect(store.load().goals[1]?.progress).to.equal('done');
    expect(store.setAside).to.equal(undefined);
  });

  for (const [what, raw] of [
    ['text that is not JSON', '{"format":"townhub-plan", oops'],
    ['JSON that is not a plan', '[1,2,3]'],
    ['a plan with a damaged field', JSON.stringify({ ...samplePlan(), revision: -4 })],
    ['a plan from a newer version', JSON.stringify({ ...samplePlan(), version: 99 })],
  ] as const) {
    it(`moves ${what} aside, says why and starts afresh`, () => {
      const storage = memoryStorage();
      storage.setItem(planKey('h'), raw);
      const store = new PlanStore('h', storage);
      expect(store.load().goals).to.deep.equal([]);
      expect(store.setAside?.key).to.match(/^townhub-plan:h:unreadable:/);
      expect(store.setAside?.reason).to.be.a('string').and.not.equal('');
      expect(storage.getItem(store.setAside!.key)).to.equal(raw);
      expect(store.setAsideText()).to.equal(raw);
      expect(storage.getItem(planKey('h'))).to.equal(null);
      // The next save starts a fresh plan and leaves the set-aside copy alone.
      store.update((p) => p.goals.push({ id: 'g', text: 'New', progress: 'not-started', notes: '' }));
      expect(storage.getItem(store.setAside!.key)).to.equal(raw);
    });
  }

  it('keeps working in memory when storage is unavailable', () => {
    const store = new PlanStore('h', null);
    expect(store.problem).to.equal('unavailable');
    store.update((p) => p.goals.push({ id: 'g', text: 'In memory', progress: 'not-started', notes: '' }));
    expect(store.load().goals[0]?.text).to.equal('In memory');
  });

  it('says so when storage is full and keeps the change in memory', () => {
    const storage = memoryStorage();
    storage.setItem = () => {
      throw new DOMException('full', 'QuotaExceededError');
    };
    const store = new PlanStore('h', storage);
    store.update((p) => p.goals.push({ id: 'g', text: 'Kept', progress: 'not-started', notes: '' }));
    expect(store.problem).to.equal('full');
    expect(store.load().goals[0]?.text).to.equal('Kept');
  });

  it('never loses a change made in another tab (two stores, one storage)', async () => {
    const hub = freshHub();
    const tabA = new PlanStore(hub, localStorage);
    const tabB = new PlanStore(hub, localStorage);
    const heard: number[] = [];
    tabB.subscribe((plan) => heard.push(plan.revision));
    // Both tabs loaded the same revision...
    expect(tabA.load().revision).to.equal(tabB.load().revision);
    // ...and each makes a change without reloading first.
    tabA.update((p) => p.goals.push({ id: 'a', text: 'From tab A', progress: 'not-started', notes: '' }));
    tabB.update((p) => p.people.push({ id: 'b', name: 'From tab B', relationship: '', contact: '', helpsWith: '', professional: false }));
    const final = tabA.load();
    expect(final.goals.map((g) => g.text)).to.deep.equal(['From tab A']);
    expect(final.people.map((p) => p.name)).to.deep.equal(['From tab B']);
    expect(final.revision).to.equal(2);
    await new Promise((r) => setTimeout(r, 50));
    expect(heard).to.deep.equal([2]);
    tabA.close();
    tabB.close();
    localStorage.removeItem(planKey(hub));
  });
});

describe('export and import', () => {
  it('round-trips a plan through a file', async () => {
    const plan = samplePlan();
    const file = new File([planToFileText(plan)], planFileName(plan), { type: 'application/json' });
    expect(file.name).to.equal('wellness-plan-2026-11-02.json');
    expect(await readPlanFile(file)).to.deep.equal(plan);
  });

  it('imports a version 1 file through the migrations', async () => {
    const plan = await readPlanFile(new Blob([JSON.stringify(sampleV1Plan())]));
    expect(plan.version).to.equal(PLAN_VERSION);
  });

  for (const [what, content, message] of [
    ['an empty file', '', /empty/],
    ['a photo', '\x89PNG\r\n\x1a\n....', /could not be read/],
    ['some other JSON', '{"name":"shopping list"}', /not a wellness plan/],
    ['a damaged plan', JSON.stringify({ ...samplePlan(), steps: [{ id: 's', text: 1 }] }), /damaged.*steps\.0/],
    ['a plan from a newer version', JSON.stringify({ ...samplePlan(), version: 3 }), /newer version/],
  ] as const) {
    it(`refuses ${what} with a clear message`, async () => {
      const error = await rejects(readPlanFile(new Blob([content])));
      expect(error).to.be.instanceOf(PlanFormatError);
      expect(error.message).to.match(message);
    });
  }
});

describe('share links', () => {
  it('round-trips a plan through encryption', async () => {
    const plan = samplePlan();
    const { ciphertext, key } = await encryptPlan(plan);
    expect(key).to.match(/^[A-Za-z0-9_-]{22}$/);
    expect(await decryptPlan(ciphertext, key)).to.deep.equal(plan);
  });

  it('round-trips a plan through a link, with everything after the #', async () => {
    const plan = samplePlan();
    const link = await createShareLink(plan, 'https://example.org/plan/view?x=1');
    const url = new URL(link);
    expect(url.search).to.equal('?x=1');
    expect(url.hash).to.match(/^#plan=[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    const parts = parseShareFragment(url.hash)!;
    expect(await decryptPlan(parts.ciphertext, parts.key)).to.deep.equal(plan);
  });

  it('makes a link under 2,000 characters for a typical plan', async () => {
    const link = await createShareLink(samplePlan(), 'https://example.org/plan/');
    expect(link.length).to.be.below(2000);
  });

  it('uses a new key every time', async () => {
    const a = await encryptPlan(emptyPlan('h'));
    const b = await encryptPlan(emptyPlan('h'));
    expect(a.key).not.to.equal(b.key);
  });

  it('fails cleanly when one byte of the data is changed', async () => {
    const { ciphertext, key } = await encryptPlan(samplePlan());
    for (const at of [0, 20, ciphertext.length - 1]) {
      const tampered = ciphertext.slice();
      tampered[at]! ^= 1;
      const error = await rejects(decryptPlan(tampered, key));
      expect(error, `byte ${at}`).to.be.instanceOf(ShareError);
      expect(error.message).to.match(/could not be opened/);
    }
  });

  it('fails cleanly with a wrong, damaged or missing key', async () => {
    const { ciphertext } = await encryptPlan(samplePlan());
    const other = await encryptPlan(samplePlan());
    for (const key of [other.key, 'not*base64', '', 'AAAA']) expect(await rejects(decryptPlan(ciphertext, key))).to.be.instanceOf(ShareError);
  });

  it('reads fragments and refuses cut-off ones', () => {
    expect(parseShareFragment('')).to.equal(undefined);
    expect(parseShareFragment('#other=1')).to.equal(undefined);
    expect(() => parseShareFragment('#plan=abc')).to.throw(ShareError, /incomplete/);
    expect(() => parseShareFragment('#plan=abc.def')).to.throw(ShareError);
    expect(() => parseShareFragment('#plan=a*b.def')).to.throw(ShareError);
  });

  it('handles a large plan', async () => {
    const plan = largePlan();
    const { ciphertext, key } = await encryptPlan(plan);
    expect(await decryptPlan(ciphertext, key)).to.deep.equal(plan);
  });
});
