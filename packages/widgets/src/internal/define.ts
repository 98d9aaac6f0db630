import { VERSION } from './version.js';

let warned = false;

/**
 * Registers a custom element without ever throwing, so two copies of the bundle (or a council's own registration)
 * can share a page. Same class or same version already registered → skip silently; another version → one warning.
 */
export function define(tagName: string, ctor: CustomElementConstructor): void {
  try {
    const existing = customElements.get(tagName);
    if (!existing) {
      customElements.define(tagName, ctor);
      return;
    }
    if (existing === ctor) return;
    const theirs = (existing as { hubVersion?: string }).hubVersion;
    const ours = (ctor as { hubVersion?: string }).hubVersion ?? VERSION;
    if (theirs === ours) return;
    if (!warned) {
      warned = true;
      console.warn(`<${tagName}> is already registered (version ${theirs ?? 'unknown'}); version ${ours} was not registered.`);
    }
  } catch (error) {
    console.warn(`<${tagName}> could not be registered.`, error);
  }
}
