import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { HubAssetCard } from '../asset-card/asset-card.js';
import type { HubAssetFinder } from '../asset-finder/asset-finder.js';
import '../asset-finder/define.js';
import { sampleDecoded } from '../test/fixtures.js';
import { define } from './define.js';

describe('embedding on any page', () => {
  it('defining a tag twice never throws: same class or version is silent, another version warns once', () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      // A second copy of the bundle brings its own, identical class.
      class SecondCopy extends HubAssetCard {}
      define('hub-asset-card', HubAssetCard);
      define('hub-asset-card', SecondCopy);
      expect(warnings).to.have.length(0);
      class OtherVersion extends HubAssetCard {
        static override readonly hubVersion = '99.0.0';
      }
      define('hub-asset-card', OtherVersion);
      define('hub-asset-finder', OtherVersion);
      expect(warnings).to.have.length(1);
      expect(String((warnings[0] as unknown[])[0])).to.contain('99.0.0');
      define('not a valid name', HubAssetCard);
      expect(customElements.get('hub-asset-card')).to.equal(HubAssetCard);
    } finally {
      console.warn = warn;
    }
  });

  it('still looks and works right on a page with hostile global CSS', async () => {
    const style = document.createElement('style');
    style.textContent = `
      * { margin: 40px !important; padding: 0 !important; font-size: 30px; line-height: 0.7; letter-spacing: 6px; text-transform: uppercase; box-sizing: content-box; }
      button, input, select { display: none !important; }
      li { float: left; list-style: square; }
      div, p { color: red; background: yellow; }`;
    document.head.append(style);
    try {
      const el = await fixture<HubAssetFinder>(html`<hub-asset-finder .feed=${sampleDecoded()}></hub-asset-finder>`);
      await waitUntil(() => el.loadedFeed, 'feed did not load');
      await el.updateComplete;
      const input = el.shadowRoot!.querySelector<HTMLInputElement>('#q')!;
      const card = el.shadowRoot!.querySelector('hub-asset-card')!;
      const button = card.shadowRoot!.querySelector<HTMLButtonElement>('[part=plan-button]')!;
      // Page rules do not reach inside: controls are visible, text is not garbled.
      expect(getComputedStyle(input).display).to.not.equal('none');
      expect(getComputedStyle(button).display).to.not.equal('none');
      expect(button.getBoundingClientRect().height).to.be.greaterThan(0);
      const name = card.shadowRoot!.querySelector('[part=name]')!;
      expect(getComputedStyle(name).textTransform).to.equal('none');
      expect(getComputedStyle(name).letterSpacing).to.equal('normal');
      expect(Number.parseFloat(getComputedStyle(name).lineHeight)).to.be.greaterThan(Number.parseFloat(getComputedStyle(name).fontSize));
      const item = el.shadowRoot!.querySelector('.results > li')!;
      expect(getComputedStyle(item).float).to.equal('none');
      expect(getComputedStyle(item).listStyleType).to.equal('none');
      // And it works.
      input.focus();
      await sendKeys({ type: 'lunch' });
      await el.updateComplete;
      expect(el.shadowRoot!.querySelectorAll('hub-asset-card')).to.have.length(1);
      await expect(el).to.be.accessible();
    } finally {
      style.remove();
    }
  });
});
