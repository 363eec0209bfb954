// H5P Essay's own scoring for benches/browser/keywords.mjs. H5P_ESSAY_DIR names a folder
// holding H5P Essay's `essay.js` and H5P Text Utilities' `text-utilities.js` (anywhere
// below it, e.g. the two repositories checked out side by side). Their code is read at run
// time and put into the page; none of it is kept in this repository.
//
// The page gets `window.h5pEssaySetup(groups)`, which makes two Essay instances without
// H5P's player (nothing of the player is needed to compute results), one with exact
// matching and one that forgives mistakes, each returning `computeScore(computeResults())`
// for a text: the keyword groups as an author would enter them (keyword, alternatives, one
// point, one occurrence, case-insensitive).
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

async function find(dir, name) {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isFile() && entry.name === name) return path;
    if (entry.isDirectory() && entry.name !== "node_modules" && !entry.name.startsWith(".")) {
      const found = await find(path, name);
      if (found) return found;
    }
  }
  return null;
}

export async function h5pSetupScript(dir) {
  const essay = await find(dir, "essay.js");
  const utilities = await find(dir, "text-utilities.js");
  if (!essay || !utilities) {
    throw new Error(`H5P_ESSAY_DIR=${dir} must hold H5P Essay's essay.js and H5P Text Utilities' text-utilities.js`);
  }
  const setup = () => {
    window.h5pEssaySetup = (groups) => {
      const scorer = (forgive) => {
        const essay = Object.create(window.H5P.Essay.prototype);
        essay.params = {
          keywords: groups.map((g) => ({
            keyword: g[0],
            alternatives: g.slice(1),
            options: { caseSensitive: false, forgiveMistakes: forgive, occurrences: 1, points: 1 },
          })),
          behaviour: { overrideCaseSensitive: "off", overrideForgiveMistakes: forgive ? "on" : "off", linebreakReplacement: " " },
        };
        let text = "";
        essay.inputField = { getText: () => text };
        return (t) => {
          text = t;
          return essay.computeScore(essay.computeResults());
        };
      };
      return { exact: scorer(false), fuzzy: scorer(true) };
    };
  };
  // Each script runs at the page's top level, as a <script> tag would run it (an init
  // script is wrapped in a function, where their `var H5P` would be a local).
  const global = async (path) => `(0, eval)(${JSON.stringify(await readFile(path, "utf8"))});`;
  return [
    // The two base classes they extend, as empty classes: computing results uses neither.
    "window.H5P = window.H5P || {}; H5P.Question = H5P.Question || function () {}; H5P.EventDispatcher = H5P.EventDispatcher || function () {};",
    await global(utilities),
    await global(essay),
    `(${setup.toString()})();`,
  ].join("\n");
}
