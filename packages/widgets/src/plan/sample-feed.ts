import type { Feed } from '@townhub/schema/feed';

/** A small feed for stories and tests: three assets and a few life areas. */
export const sampleFeed: Feed = {
  format: 'townhub-feed',
  version: 1,
  hub: {
    slug: 'example-town',
    name: 'Example Town',
    centre: [52.5, -1.9],
    bounds: [52.4, -2.0, 52.6, -1.8],
    places: [],
    siteUrl: 'https://example-town.example.org/',
    exampleData: true,
  },
  categories: [
    ['mental-wellbeing', 'Mental wellbeing', 0],
    ['loneliness-and-befriending', 'Loneliness and befriending', 0],
    ['physical-activity', 'Physical activity', 0],
    ['money-and-debt', 'Money and debt', 0],
    ['digital-skills', 'Digital skills', 'learning-and-skills'],
  ],
  // Rows may stop early: trailing empty values are dropped on the wire, as toFeed does.
  assets: [
    ['health-walks', 'Park health walks', 1, 'Gentle guided walks every Saturday morning.', [2], 'Example Walking Group', [52.5, -1.9], 8],
    ['memory-cafe', 'Memory Café at St John’s', 0, 'A friendly café for people living with memory loss and their carers.', [1], 0, [52.51, -1.91], 8],
    ['citizens-advice', 'Citizens Advice drop-in', 2, 'Free advice on debt, benefits and bills.', [3], 'Citizens Advice', [52.49, -1.89], 8],
  ] as unknown as Feed['assets'],
};
