import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { decodeFeed } from '@townhub/schema/feed';
import { html } from 'lit';
import { sampleDecoded, sampleFeed, syntheticFeed } from '../test/fixtures.js';
import './define.js';
import type { HubAssetFinder } from './asset-finder.js';

const feedUrl = (doc: unknown) => URL.createObjectURL(new Blob([JSON.stringify(doc)], { type: 'application/json' }));

const meta: Meta<HubAssetFinder> = {
  title: 'Widgets/Asset finder',
  component: 'hub-asset-finder',
  args: { pageSize: 20, geocoder: '' },
  render: (args) => html`<hub-asset-finder page-size=${args.pageSize} geocoder=${args.geocoder} .feed=${sampleDecoded()}></hub-asset-finder>`,
};
export default meta;
type Story = StoryObj<HubAssetFinder>;

/** A small hub, loaded from a feed URL. */
export const Default: Story = {
  render: (args) => html`<hub-asset-finder page-size=${args.pageSize} src=${feedUrl(sampleFeed())}></hub-asset-finder>`,
};

/** Still loading: the page's own fallback list stays on show. */
export const Loading: Story = {
  render: () => html`<hub-asset-finder>
    <ul>
      <li><a href="#walking">Ladywood Walking Group</a></li>
      <li><a href="#lunch">Friday Lunch Club</a></li>
    </ul>
  </hub-asset-finder>`,
};

/** The feed failed to load: a clear message, a retry button and the fallback content. */
export const LoadFailed: Story = {
  render: () => html`<hub-asset-finder src="/no-such-feed.json"><p>Or call the hub on 0121 496 0000.</p></hub-asset-finder>`,
};

/** Nothing matches: the finder offers to relax each filter. */
export const Empty: Story = {
  render: () => html`<hub-asset-finder .feed=${sampleDecoded()} .state=${{ q: 'lunch', free: true, kinds: ['group'] }}></hub-asset-finder>`,
};

/** Filtered by topic and day, sorted by distance from a named place. */
export const Filtered: Story = {
  render: () =>
    html`<hub-asset-finder .feed=${sampleDecoded()} .state=${{ categories: ['physical-activity', 'food'], near: 'Town Centre', sort: 'distance' }}></hub-asset-finder>`,
};

/** 20,000 assets, generated in the story. */
export const TwentyThousand: Story = {
  name: '20,000 assets',
  render: () => html`<hub-asset-finder .feed=${decodeFeed(syntheticFeed(20000))}></hub-asset-finder>`,
};

export const DarkTheme: Story = {
  render: () => html`<hub-asset-finder theme="dark" .feed=${sampleDecoded()}></hub-asset-finder>`,
};

export const RightToLeft: Story = {
  render: () => html`<div dir="rtl"><hub-asset-finder .feed=${sampleDecoded()}></hub-asset-finder></div>`,
};
