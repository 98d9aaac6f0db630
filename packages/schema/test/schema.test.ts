import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AssetSchema, isRealDate, isSafeUrl, minutesOf, nearest, parseYaml, ScheduleSchema } from '../src/index.ts';

const asset = {
  id: 'knit-and-natter',
  name: 'Knit and Natter',
  kind: 'group',
  summary: 'Bring your knitting and have a chat.',
  categories: ['arts-and-creativity'],
  areaWide: true,
  cost: { free: true },
  eligibility: { referral: 'self' },
  lastReviewed: '2026-09-01',
};

describe('AssetSchema', () => {
  it('accepts a minimal asset', () => {
    assert.equal(AssetSchema.safeParse(asset).success, true);
  });

  it('rejects unknown fields instead of dropping them', () => {
    const result = AssetSchema.safeParse({ ...asset, summry: 'typo' });
    assert.equal(result.success, false);
    assert.equal(result.error?.issues[0]?.code, 'unrecognized_keys');
  });

  it('needs a location, area-wide or online', () => {
    const { areaWide, ...rest } = asset;
    assert.equal(AssetSchema.safeParse(rest).success, false);
    assert.equal(AssetSchema.safeParse({ ...rest, online: true }).success, true);
  });

  for (const postcode of ['B16 8AA', 'b16 8aa', 'CV1 2GT', 'WV10 0QP', 'DY1 1HF', 'B168AA']) {
    it(`accepts postcode ${postcode}`, () => {
      const loc = { address: ['1 High St'], postcode, lat: 52.4, lng: -1.9 };
      assert.equal(AssetSchema.safeParse({ ...asset, locations: [loc] }).success, true);
    });
  }
  for (const postcode of ['B16', '16 8AA', 'B16 8A', 'QQ1 1AA', 'B16 8AAA']) {
    it(`rejects postcode ${postcode}`, () => {
      const loc = { address: ['1 High St'], postcode, lat: 52.4, lng: -1.9 };
      assert.equal(AssetSchema.safeParse({ ...asset, locations: [loc] }).success, false);
    });
  }

  it('rejects a summary over 200 characters', () => {
    assert.equal(AssetSchema.safeParse({ ...asset, summary: 'x'.repeat(201) }).success, false);
    assert.equal(AssetSchema.safeParse({ ...asset, summary: 'x'.repeat(200) }).success, true);
  });

  it('treats a weekly session closing at its opening time as invalid', () => {
    const schedule = { weekly: [{ days: ['mon'], opens: '10:00', closes: '10:00' }] };
    assert.equal(AssetSchema.safeParse({ ...asset, schedule }).success, false);
  });

  it('lets an event end when it starts', () => {
    const schedule = { events: [{ start: '2027-01-01T10:00', end: '2027-01-01T10:00' }] };
    assert.equal(AssetSchema.safeParse({ ...asset, schedule }).success, true);
  });
});

describe('helpers', () => {
  it('isRealDate knows leap years and month lengths', () => {
    assert.equal(isRealDate('2028-02-29'), true);
    assert.equal(isRealDate('2027-02-29'), false);
    assert.equal(isRealDate('2026-04-31'), false);
    assert.equal(isRealDate('2026-12-31'), true);
    assert.equal(isRealDate('2026-1-5'), false);
  });

  it('isSafeUrl allows only http(s), mailto and tel', () => {
    for (const ok of ['https://example.org/', 'http://example.org', 'mailto:a@example.org', 'tel:+441214960000']) assert.equal(isSafeUrl(ok), true, ok);
    for (const bad of [
      'javascript:alert(1)',
      'JAVASCRIPT:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      'ftp://x',
      '//example.org',
      'example.org',
    ]) {
      assert.equal(isSafeUrl(bad), false, bad);
    }
  });

  it('minutesOf converts HH:MM', () => {
    assert.equal(minutesOf('00:00'), 0);
    assert.equal(minutesOf('13:45'), 825);
  });

  it('nearest suggests likely typos only', () => {
    assert.equal(nearest('summry', ['summary', 'name']), 'summary');
    assert.equal(nearest('colour', ['summary', 'name']), undefined);
  });
});

describe('parseYaml', () => {
  it('places a problem at the line and column of the value', () => {
    const text = 'id: x\nname: 12\n';
    const { problems } = parseYaml(text, 'f.yaml', AssetSchema);
    const name = problems.find((p) => p.field === 'name');
    assert.deepEqual([name?.line, name?.column], [2, 7]);
  });

  it('reads times as text (YAML 1.2), so quoted and unquoted 10:00 agree', () => {
    const text = 'weekly:\n  - days: [mon]\n    opens: 10:00\n    closes: "12:00"\n';
    const { value } = parseYaml(text, 'f.yaml', ScheduleSchema);
    assert.equal(value?.weekly?.[0]?.opens, '10:00');
  });
});
