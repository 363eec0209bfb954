// `evident/full`: every function of the engine, the build the teacher and class pages and
// the CLI use: the student path plus lint (advice on a rubric), mastery (methods and BKT),
// frameworks and recommendations, CASE import, xAPI statements, calibration, and the
// Snowball stemmers of every language. About three times the student build's size: load it where it is needed.
//
//   import init, { computeMastery } from "evident/full";
//   await init();                    // fetches evident_full_bg.wasm once per page

import * as glue from "./evident_full.js";
import { initBuild, initBuildSync, wrapGlue } from "./load.js";

const api = wrapGlue("full", glue);

/** Loads and instantiates the full engine (once per page); resolves to the wasm exports. */
export default function init(input) {
  return initBuild("full", input);
}

/** Instantiates the full engine synchronously from bytes or a compiled module. */
export function initSync(input) {
  return initBuildSync("full", glue, input);
}

export const {
  Engine, LiveSession, lintRubric, feedbackOnce, version, getLimits, setLimits, calibrateRubric, computeMastery, evidenceFromReport,
  parseEvidence, parseFramework, rollUp, recommend, importCase, xapiStatements, applySuggestion,
  MasteryJob,
} = api;

// `computeMastery` without freezing the page: the evidence goes into a `MasteryJob` in
// slices and the work runs in steps of at most `sliceMs` each, the page getting the thread
// back between steps; the estimates come out in chunks. The same estimates, and the same
// errors (an `EvidentError` with every problem's place), as `computeMastery`.
const TEXT_SLICE = 1 << 20; // UTF-16 units of JSON Lines a slice
const LIST_SLICE = 2000; // records of a list a slice
const ESTIMATES_CHUNK = 10000;

// Yields to the page: the rest of the work becomes a task of its own, queued behind whatever
// else is waiting (input, timers, messages, rendering). In a browser, a message to a channel
// of our own: a task without the 4 ms that nested timers wait. In Node (and Deno, Bun),
// `setImmediate`: a MessagePort there drains every message posted while it drains, so a
// chain of them would keep timers and I/O waiting until the work is done.
let channel = null;
const waiting = [];
function nextTask() {
  if (typeof setImmediate === "function") return new Promise((resolve) => setImmediate(resolve));
  if (typeof MessageChannel !== "function") return new Promise((resolve) => setTimeout(resolve, 0));
  if (!channel) {
    channel = new MessageChannel();
    channel.port1.onmessage = () => waiting.shift()?.();
  }
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(0);
  });
}

export async function computeMasteryAsync(records, options, { sliceMs = 8, signal, onProgress } = {}) {
  const job = new MasteryJob(options ?? null);
  let started = performance.now();
  // Gives the thread back once the current task has run for `sliceMs`.
  const pause = async () => {
    if (performance.now() - started < sliceMs) return;
    await nextTask();
    signal?.throwIfAborted();
    started = performance.now();
  };
  try {
    signal?.throwIfAborted();
    if (typeof records === "string") {
      job.reserveText(records.length);
      for (let from = 0; from < records.length; ) {
        let to = Math.min(records.length, from + TEXT_SLICE);
        // Never cut a surrogate pair: each slice must be text on its own.
        const last = records.charCodeAt(to - 1);
        if (to < records.length && last >= 0xd800 && last <= 0xdbff) to -= 1;
        job.pushText(records.slice(from, to));
        from = to;
        await pause();
      }
    } else if (Array.isArray(records)) {
      for (let from = 0; from < records.length; from += LIST_SLICE) {
        job.pushRecords(from, records.slice(from, from + LIST_SLICE));
        await pause();
      }
    } else {
      job.pushRecords(0, records); // refused with the reason
    }
    for (;;) {
      const progress = job.step(Math.max(1, sliceMs - (performance.now() - started)));
      onProgress?.(progress);
      signal?.throwIfAborted(); // stopped from onProgress: at once, even on the last step
      if (progress.stage === "done") break;
      await nextTask();
      signal?.throwIfAborted();
      started = performance.now();
    }
    const estimates = [];
    for (;;) {
      await pause();
      const chunk = job.takeEstimates(ESTIMATES_CHUNK);
      if (chunk.length === 0) break;
      for (const e of chunk) estimates.push(e);
    }
    return estimates;
  } finally {
    job.free();
  }
}
export { EvidentError } from "./errors.js";
export { EvidentLoadError, setWasmUrl, loadEvident } from "./load.js";
