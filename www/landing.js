// Shows the engine's version in the footer (proves the wasm loads on the landing page).
import { loadEvident } from "/pkg/index.js";

loadEvident()
  .then((core) => { document.getElementById("version").textContent = `engine ${core.version()}`; })
  .catch((error) => { document.getElementById("version").textContent = error.message; });
