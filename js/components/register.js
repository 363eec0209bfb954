// Registers one custom element under its name, once (a no-op outside browsers, and when the
// name is taken already: importing two entries that register it is safe).
export function register(name, element, registry = globalThis.customElements) {
  if (registry && !registry.get(name)) registry.define(name, element);
}
