// Imported first by index.js (the demo pages' module): the elements use the full build there.
globalThis.EVIDENT_BUILD ??= "full";
