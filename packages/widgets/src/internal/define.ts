let warned = false;

/**
 * Registers a custom element without ever throwing, so two copies of the bundle (or a council's own registration)
 * can share a page. Same version already registered → skip silently; another version, or a failure → one warning.
 */
export function define(tagName: string, ctor: CustomElementConstructor & { hubVersion?: string }): void {
  let problem: unknown;
  try {
    const existing = customElements.get(tagName) as { hubVersion?: string } | undefined;
    if (!existing) customElements.define(tagName, ctor);
    else if (existing.hubVersion !== ctor.hubVersion) problem = `version ${existing.hubVersion} is already registered`;
  } catch (error) {
    problem = error;
  }
  if (problem && !warned) {
    warned = true;
    console.warn(`<${tagName}> version ${ctor.hubVersion} was not registered:`, problem);
  }
}
