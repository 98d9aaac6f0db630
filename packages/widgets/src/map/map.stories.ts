import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { decodeFeed } from '@townhub/schema/feed';
import { html } from 'lit';
import '../asset-finder/define.js';
import { sampleDecoded, syntheticFeed } from '../test/fixtures.js';
import './define.js';
import type { HubMap } from './map.js';

const meta: Meta<HubMap> = {
  title: 'Widgets/Map',
  component: 'hub-map',
  args: { tileUrl: '' },
  render: (args) => html`<hub-map tile-url=${args.tileUrl} .feed=${sampleDecoded()}></hub-map>`,
};
export default meta;
type Story = StoryObj<HubMap>;

/** Without tiles (the default in stories, which never touch the network). */
export const Default: Story = {};

/** Before Leaflet loads. */
export const Loading: Story = { render: () => html`<hub-map tile-url=""></hub-map>` };

/** Nothing to show. */
export const Empty: Story = {
  render: () => html`<hub-map tile-url="" .feed=${{ ...sampleDecoded(), assets: [] }}></hub-map>`,
};

/** In step with a finder: the map shows its filtered results, and choosing a place highlights the card. */
export const WithFinder: Story = {
  render: () => html`<hub-map for="finder" tile-url=""></hub-map>
    <hub-asset-finder id="finder" .feed=${sampleDecoded()} .state=${{ categories: ['physical-activity'] }}></hub-asset-finder>`,
};

/** 20,000 assets, clustered. */
export const TwentyThousand: Story = {
  name: '20,000 assets',
  render: () => html`<hub-map tile-url="" .feed=${decodeFeed(syntheticFeed(20000))}></hub-map>`,
};

export const DarkTheme: Story = { render: () => html`<hub-map theme="dark" tile-url="" .feed=${sampleDecoded()}></hub-map>` };

export const RightToLeft: Story = { render: () => html`<div dir="rtl"><hub-map tile-url="" .feed=${sampleDecoded()}></hub-map></div>` };
