import { expect } from '@open-wc/testing';
import { availableMeasure, bandFor, compareScores, formatScore, isComplete, loadAllMeasures, loadMeasure, ONS4, scoreAnswers, UCLA3 } from './index.js';
import { SWEMWBS, SWEMWBS_METRIC, swemwbsMetric } from './swemwbs.js';

/** The published SWEMWBS conversion table, row by row (raw → metric). */
const SWEMWBS_TABLE: [number, number][] = [
  [7, 7.0],
  [8, 9.51],
  [9, 11.25],
  [10, 12.4],
  [11, 13.33],
  [12, 14.08],
  [13, 14.75],
  [14, 15.32],
  [15, 15.84],
  [16, 16.36],
  [17, 16.88],
  [18, 17.43],
  [19, 17.98],
  [20, 18.59],
  [21, 19.25],
  [22, 19.98],
  [23, 20.73],
  [24, 21.54],
  [25, 22.35],
  [26, 23.21],
  [27, 24.11],
  [28, 25.03],
  [29, 26.02],
  [30, 27.03],
  [31, 28.13],
  [32, 29.31],
  [33, 30.7],
  [34, 32.55],
  [35, 35.0],
];

/** Seven SWEMWBS answers (1–5) that add up to `raw`. */
function answersSumming(raw: number): number[] {
  const answers = Array(7).fill(1);
  let left = raw - 7;
  for (let i = 0; i < 7 && left > 0; i++) {
    const add = Math.min(4, left);
    answers[i] += add;
    left -= add;
  }
  return answers;
}

describe('SWEMWBS', () => {
  it('converts every raw score of the published table to its metric score', () => {
    expect(SWEMWBS_METRIC).to.have.length(29);
    for (const [raw, metric] of SWEMWBS_TABLE) {
      expect(swemwbsMetric(raw), `raw ${raw}`).to.equal(metric);
      expect(scoreAnswers(SWEMWBS, answersSumming(raw)), `answers for raw ${raw}`).to.deep.equal({ wellbeing: metric });
    }
  });

  it('matches the published test cases', () => {
    expect(swemwbsMetric(7)).to.equal(7.0);
    expect(swemwbsMetric(23)).to.equal(20.73);
    expect(swemwbsMetric(32)).to.equal(29.31);
    expect(swemwbsMetric(35)).to.equal(35.0);
  });

  it('refuses raw scores outside 7–35', () => {
    for (const raw of [6, 36, 20.5, Number.NaN]) expect(() => swemwbsMetric(raw)).to.throw(RangeError);
  });

  it('scores only when all seven items are answered', () => {
    expect(scoreAnswers(SWEMWBS, [3, 3, 3, 3, 3, 3])).to.equal(undefined);
    expect(scoreAnswers(SWEMWBS, [3, 3, 3, undefined, 3, 3, 3])).to.equal(undefined);
    expect(scoreAnswers(SWEMWBS, [3, 3, 3, 0, 3, 3, 3])).to.equal(undefined);
    expect(scoreAnswers(SWEMWBS, [3, 3, 3, 3, 3, 4, 4])).to.deep.equal({ wellbeing: 20.73 });
  });

  it('keeps its wording, order and labels', () => {
    expect(SWEMWBS.items.map((i) => i.text)).to.deep.equal([
      "I've been feeling optimistic about the future",
      "I've been feeling useful",
      "I've been feeling relaxed",
      "I've been dealing with problems well",
      "I've been thinking clearly",
      "I've been feeling close to other people",
      "I've been able to make up my own mind about things",
    ]);
    expect(SWEMWBS.options.map((o) => [o.label, o.value])).to.deep.equal([
      ['None of the time', 1],
      ['Rarely', 2],
      ['Some of the time', 3],
      ['Often', 4],
      ['All of the time', 5],
    ]);
  });

  it('has no bands and a meaningful-change threshold of 2.87', () => {
    const [scale] = SWEMWBS.scales;
    expect(scale?.bands).to.equal(undefined);
    expect(compareScores(scale!, 19.98, 22.35)).to.deep.equal({ change: 2.37, direction: 'better', meaningful: false });
    expect(compareScores(scale!, 17.98, 20.73)).to.deep.equal({ change: 2.75, direction: 'better', meaningful: false });
    expect(compareScores(scale!, 20.73, 23.21).meaningful).to.equal(false);
    expect(compareScores(scale!, 20.0, 22.87)).to.deep.equal({ change: 2.87, direction: 'better', meaningful: true });
    expect(compareScores(scale!, 24.11, 20.73)).to.deep.equal({ change: -3.38, direction: 'worse', meaningful: true });
  });

  it('is off unless a deployment enables it', async () => {
    expect(await loadMeasure('swemwbs')).to.equal(SWEMWBS);
    expect(availableMeasure('swemwbs')).to.equal(undefined);
    expect(availableMeasure('swemwbs', ['swemwbs'])).to.equal(SWEMWBS);
    expect(availableMeasure('ons4')).to.equal(ONS4);
    expect(availableMeasure('ucla3')).to.equal(UCLA3);
    expect(availableMeasure('wemwbs', ['wemwbs'])).to.equal(undefined);
    expect(availableMeasure('toString')).to.equal(undefined);
  });
});

describe('ONS4', () => {
  const [life, worthwhile, happiness, anxiety] = ONS4.scales;

  it('keeps four separate scores and never a composite', () => {
    expect(scoreAnswers(ONS4, [7, 8, 6, 3])).to.deep.equal({ 'life-satisfaction': 7, worthwhile: 8, happiness: 6, anxiety: 3 });
    expect(ONS4.scales.map((s) => s.id)).to.deep.equal(['life-satisfaction', 'worthwhile', 'happiness', 'anxiety']);
  });

  it('offers 0–10 with the published anchors', () => {
    expect(ONS4.options.map((o) => o.value)).to.deep.equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(ONS4.items[3]?.anchors).to.deep.equal({ low: 'not at all anxious', high: 'completely anxious' });
    expect(ONS4.items[0]?.text).to.equal('Overall, how satisfied are you with your life nowadays?');
  });

  it('bands every score of life satisfaction, worthwhile and happiness', () => {
    const expected = ['Low', 'Low', 'Low', 'Low', 'Low', 'Medium', 'Medium', 'High', 'High', 'Very high', 'Very high'];
    for (const scale of [life, worthwhile, happiness])
      for (let s = 0; s <= 10; s++) expect(bandFor(scale!, s)?.label, `${scale!.id} ${s}`).to.equal(expected[s]);
  });

  it('bands every anxiety score, lower being better', () => {
    const expected = ['Very low', 'Very low', 'Low', 'Low', 'Medium', 'Medium', 'High', 'High', 'High', 'High', 'High'];
    for (let s = 0; s <= 10; s++) expect(bandFor(anxiety!, s)?.label, `anxiety ${s}`).to.equal(expected[s]);
    expect(compareScores(anxiety!, 6, 4).direction).to.equal('better');
    expect(compareScores(life!, 6, 4).direction).to.equal('worse');
  });

  it('says meaningfulness is unknown, since no threshold is published', () => {
    expect(compareScores(life!, 2, 9)).to.deep.equal({ change: 7, direction: 'better', meaningful: undefined });
    expect(compareScores(happiness!, 5, 5)).to.deep.equal({ change: 0, direction: 'same', meaningful: undefined });
  });

  it('refuses incomplete or out-of-range answers', () => {
    expect(isComplete(ONS4, [1, 2, 3])).to.equal(false);
    expect(isComplete(ONS4, [1, 2, 3, 11])).to.equal(false);
    expect(isComplete(ONS4, [0, 0, 0, 0])).to.equal(true);
  });
});

describe('UCLA 3-item loneliness scale', () => {
  const [scale] = UCLA3.scales;

  it('sums the three items (3–9) for every combination of answers', () => {
    for (const a of [1, 2, 3])
      for (const b of [1, 2, 3]) for (const c of [1, 2, 3]) expect(scoreAnswers(UCLA3, [a, b, c])).to.deep.equal({ loneliness: a + b + c });
  });

  it('labels 3–5 and 6–9 as an indicative grouping', () => {
    const expected: Record<number, string> = { 3: 'Not lonely', 4: 'Not lonely', 5: 'Not lonely', 6: 'Lonely', 7: 'Lonely', 8: 'Lonely', 9: 'Lonely' };
    for (let s = 3; s <= 9; s++) expect(bandFor(scale!, s)?.label, String(s)).to.equal(expected[s]);
    expect(scale?.bandNote).to.match(/indicative/);
    expect(scale?.better).to.equal('lower');
  });

  it('uses the published labels and values', () => {
    expect(UCLA3.options).to.deep.equal([
      { value: 1, label: 'Hardly ever' },
      { value: 2, label: 'Some of the time' },
      { value: 3, label: 'Often' },
    ]);
  });
});

describe('measure registry', () => {
  it('formats scores with each scale’s decimals', () => {
    expect(formatScore(SWEMWBS.scales[0]!, 7)).to.equal('7.00');
    expect(formatScore(ONS4.scales[0]!, 7)).to.equal('7');
  });

  it('turns off exactly the measures whose licence needs registration', async () => {
    expect((await loadAllMeasures()).filter((m) => m.licence.registrationRequired).map((m) => m.id)).to.deep.equal(['swemwbs']);
    expect(SWEMWBS.licence.notice).to.contain('© NHS Health Scotland, University of Warwick and University of Edinburgh, 2008');
  });
});
