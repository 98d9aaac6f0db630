/**
 * The closest non-empty value of attribute `name` on `start` or an ancestor, continuing past shadow roots to their
 * hosts (a card inside a finder inherits its `lang`); '' when there is none.
 */
export function inheritedAttribute(start: Element, name: string): string {
  let node: Element | undefined = start;
  while (node) {
    const found = node.closest(`[${name}]:not([${name}=""])`);
    if (found) return found.getAttribute(name) as string;
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : undefined;
  }
  return '';
}
