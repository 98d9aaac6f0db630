/** Like `Element.closest`, but continues past shadow roots to their hosts (a card inside a finder inherits its `lang`). */
export function closestAcrossShadow(start: Element, selector: string): Element | null {
  let node: Element | null = start;
  while (node) {
    const found = node.closest(selector);
    if (found) return found;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return null;
}
