import { VERSION } from './version.js';

let warned = false;

/**
 * Registers a custom element without ever throwing, so two copies of the bundle (or a council's own registration)
 * can share a page. Same class or same version already registered → skip silently; another version → one warning.
 */
export function define(tagName: string, ctor: CustomElementConstructor): void {
  try {
    const existing = customElements.get(tagName) as { hubVersion?: string } | undefined;
    if (!existing) {
      customElements.define(tagName, ctor);
      return;
    }
    const theirs = existing.hubVersion;
    const ours = (ctor as { hubVersion?: string }).hubVersion ?? VERSION;
    if (existing !== ctor && theirs !== ours && !warned) {
      warned = true;
      console.warn(`<${tagName}> version ${theirs ?? 'unknown'} is already registered; version ${ours} was not.`);
    }
  } catch (error) {
    console.warn(`<${tagName}> could not be registered.`, error);
  }
}
