// computeMasteryAsync in Chromium (evident/full): the same estimates as computeMastery, and the
// page runs its own timers and messages between the steps (a heartbeat of timers counts them).
// How long the page is blocked is measured by benches/mastery-async.mjs, not here.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { start } from "./run.mjs";

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

test("computeMasteryAsync in a page: computeMastery's estimates, with the page's timers running between steps", async () => {
  const { page, errors, context } = await env.open("/benches/wasm-mastery.html");
  const result = await page.evaluate(async () => {
    const evident = await import("/pkg/full.js");
    await evident.default();
    // 3,000 students × 5 competencies × 2–3 records, interleaved across students.
    const lines = [];
    for (let round = 0; round < 3; round++) for (let s = 0; s < 3000; s++) for (let c = 0; c < 5; c++) {
      if (round === 2 && (s + c) % 2 === 0) continue;
      const day = String(1 + round * 9 + ((s * 7 + c * 3) % 9)).padStart(2, "0");
      lines.push(JSON.stringify({ student: `s-${s}`, competency: `C.${c}`, value: 1 + ((s + c + round) % 4), at: `2026-10-${day}T10:00:00Z` }));
    }
    const text = lines.join("\n");
    const options = { method: "decayingAverage", weight: 0.65, staleAfterDays: 10 };
    const expected = evident.computeMastery(text, options);
    let ticks = 0;
    const timer = setInterval(() => ticks++, 0);
    let steps = 0;
    const found = await evident.computeMasteryAsync(text, options, { sliceMs: 1, onProgress: () => steps++ });
    clearInterval(timer);
    return { same: JSON.stringify(found) === JSON.stringify(expected), count: found.length, steps, ticks };
  });
  assert.equal(result.same, true);
  assert.equal(result.count, 15000);
  assert.ok(result.steps >= 3, `${result.steps} steps`);
  assert.ok(result.ticks >= 2, `${result.ticks} timer ticks during the work`);
  assert.deepEqual(errors, []);
  await context.close();
});
