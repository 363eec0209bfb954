// The engine entry (pkg/engine.d.ts) in a project with neither the DOM lib nor @types/node
// nor ESNext.Disposable (lib: es2022 only): it must compile, `Symbol.dispose` included.
import init, { Engine, EvidentError, initSync, setWasmUrl, loadEvident, version, type ScoreReport, type EngineModule } from "../../../pkg/engine.js";
// @ts-expect-error: lint is a teacher's tool, in evident/full, not the student engine
import { lintRubric } from "../../../pkg/engine.js";

export async function score(text: string, rubric: string): Promise<number> {
  await init();
  await init({ module_or_path: "https://example.org/evident_core_bg.wasm" });
  initSync({ module: new Uint8Array([0, 97, 115, 109]) });
  setWasmUrl("/assets/evident_core_bg.wasm");
  setWasmUrl("/assets/evident_full_bg.wasm", "full");
  const core: EngineModule = await loadEvident();
  const engine = new core.Engine(rubric);
  const report: ScoreReport = engine.score({ responses: { response: text } });
  engine[Symbol.dispose]();
  const errors = report.criteria.length;
  // @ts-expect-error: lint is in evident/full
  engine.lint();
  // @ts-expect-error: calibration is in evident/full, not the student engine
  engine.calibrate("");
  // @ts-expect-error: builds are "core" or "full"
  setWasmUrl("/x.wasm", "teacher");
  try {
    new Engine("{}");
  } catch (e) {
    if (e instanceof EvidentError && e.trap) return -1;
  }
  void version();
  return report.total + errors;
}
