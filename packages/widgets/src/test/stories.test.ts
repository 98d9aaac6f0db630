import { expect, fixture, waitUntil } from '@open-wc/testing';
import type { TemplateResult } from 'lit';
import * as cardStories from '../asset-card/asset-card.stories.js';
import * as finderStories from '../asset-finder/asset-finder.stories.js';
import * as mapStories from '../map/map.stories.js';

type StoryModule = Record<string, unknown> & { default: { render?: (args: object) => TemplateResult; args?: object } };

/** Every story of our widgets renders and passes axe. */
for (const [title, module] of [
  ['asset card', cardStories],
  ['asset finder', finderStories],
  ['map', mapStories],
] as [string, StoryModule][]) {
  describe(`${title} stories`, () => {
    for (const [name, story] of Object.entries(module)) {
      if (name === 'default') continue;
      const s = story as { render?: (args: object) => TemplateResult; args?: object };
      it(`${name} renders and is accessible`, async () => {
        const render = s.render ?? module.default.render!;
        const el = await fixture<HTMLElement>(render({ ...module.default.args, ...s.args }));
        const widget = (el.localName.startsWith('hub-') ? el : el.querySelector('[id], hub-asset-finder, hub-map, hub-asset-card')) as HTMLElement & {
          updateComplete?: Promise<unknown>;
        };
        await widget.updateComplete;
        await waitUntil(() => !widget.shadowRoot?.querySelector('[aria-busy=true]') || name === 'Loading', 'still loading', { timeout: 15000 }).catch(
          () => undefined,
        );
        await new Promise((r) => setTimeout(r, 50));
        await expect(el).to.be.accessible({ ignoredRules: ['region'] });
      });
    }
  });
}
