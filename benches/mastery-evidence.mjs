// The evidence of the wasm mastery benchmark, for Node and for the browser page alike:
// 1,000,000 JSON Lines records, 10,000 students × 40 competencies, 2–3 records each (the same
// shape as benches/mastery.rs).
//
// Returned as one string, as a page holds it after fetching a file. The lines are built in
// this function so that the array of a million line strings is garbage once joined: kept
// alive, it would make every garbage collection during the timed calls mark a million
// objects that a page would not have.
export function evidenceText() {
  // SplitMix64 in 32-bit halves is overkill here: a small LCG gives the same kind of spread.
  let seed = 2026;
  const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
  const lines = [];
  fill: for (let round = 0; round < 10; round++) {
    for (let s = 0; s < 10_000; s++) {
      for (let c = 0; c < 40; c++) {
        if (round >= 2 && random() >= 0.5) continue;
        const day = 1 + round * 9 + Math.floor(random() * 8);
        const value = Math.min(4, 1 + Math.floor(random() * 4));
        const month = String(9 + Math.floor(day / 28)).padStart(2, "0");
        const date = String(1 + (day % 28)).padStart(2, "0");
        lines.push(`{"student":"s-${String(s).padStart(5, "0")}","competency":"MATH.${String(c).padStart(2, "0")}","value":${value},"at":"2026-${month}-${date}T10:00:00Z"}`);
        if (lines.length >= 1_000_000) break fill;
      }
    }
  }
  return { text: lines.join("\n"), count: lines.length };
}

/// One fresh engine's calls: the first (what a page pays: the wasm memory grows, the engine
/// optimises the hot functions) and two more.
export function timeCalls(computeMastery, text, method) {
  const seconds = [];
  let estimates = 0;
  for (let call = 0; call < 3; call++) {
    const started = performance.now();
    estimates = computeMastery(text, { method }).length;
    seconds.push((performance.now() - started) / 1000);
  }
  return { estimates, seconds };
}
