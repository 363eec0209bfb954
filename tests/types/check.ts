// Type-checks the package's declarations (pkg/index.d.ts) the way a TypeScript user would use
// them: every call below must compile, and every `@ts-expect-error` line must fail to, which
// proves the types are real (an `any` would accept the wrong calls and make tsc report the
// unused expectations). Run: npx tsc --noEmit -p tests/types
import init, {
  Engine, EvidentError, EvidentLoadError, LiveSession, defineElements, initSync, lintRubric, loadEvident, setWasmUrl, version,
  EvidentFeedback, EvidentRubric, EvidentMastery, EvidentRubricEditor, feedbackOnce, calibrateRubric, parseFramework, rollUp, recommend, importCase,
  xapiStatements, computeMastery, getLimits, setLimits,
} from "../../pkg/index.js";
import type {
  Advice, Check, CompiledRubricJson, CriterionScore, Feedback, FeedbackOptions, LintResult, LiveUpdate, NextStep,
  Problem, Rubric, ScoreReport, Span, Strength, Submission, CalibrationReport, EngineModule, LoadFailure,
  Framework, Recommendations, Recommendation, CaseImport, XapiStatement, ScaleLevel, Estimate, EvidenceRecord,
  Limits, ScoreLineResult, EvidentFeedbackOptions, DraftSaved, DraftCleared,
} from "../../pkg/index.js";

async function main(): Promise<void> {
  await init();
  await init({ module_or_path: new URL("https://example.org/evident_core_bg.wasm") });
  initSync({ module: new Uint8Array([0, 97, 115, 109]) });
  const v: string = version();
  setWasmUrl("/assets/evident_core_bg.wasm");
  const core: EngineModule = await loadEvident();

  const rubric: Rubric = {
    id: "cer-lab", title: "Claim, evidence, reasoning", kind: "analytic", locale: "en",
    scale: { levels: [{ value: 1, label: "Beginning" }, { value: 2, label: "Developing" }], mastery: 2 },
    criteria: [{
      id: "claim", title: "Claim", competency: "SCI.CER.1", weight: 1,
      levels: [
        { value: 1, points: 0, descriptor: "No claim yet.", student: "I have not stated a claim yet." },
        { value: 2, points: 1, descriptor: "States a claim.", requires: ["has-claim"] },
      ],
      indicators: [{ id: "has-claim", check: { type: "phrases", anyOf: ["I claim", "my claim"], fuzzy: "auto" }, hint: "State a claim." }],
    }],
  };
  const checks: Check[] = [
    { type: "wordCount", min: 120 },
    { type: "number", equals: 9.8, relTolerance: 0.05, unit: "m/s" },
    { type: "any", checks: [{ type: "pattern", regex: "\\d+ cm" }, { type: "not", check: { type: "choice", anyOf: ["b"] } }] },
    { type: "rating", from: "peer", min: 3 },
  ];
  // @ts-expect-error: "regex" is not a check type
  const badCheck: Check = { type: "regex", regex: "x" };
  // @ts-expect-error: fuzzy allows 0, 1, 2 or "auto"
  const badFuzzy: Check = { type: "phrases", anyOf: ["x"], fuzzy: 3 };
  // @ts-expect-error: a rubric needs criteria
  const noCriteria: Rubric = { id: "x", title: "x" };

  const engine = new Engine(rubric);
  const fromText = new Engine(JSON.stringify(rubric));
  const compiled: CompiledRubricJson = engine.rubric;
  const locale: string = compiled.locale;
  const mastery: number = compiled.scale.mastery;

  const work: Submission = {
    student: "s-17", submittedAt: "2026-11-20T10:00:00Z",
    responses: { response: "My claim is that light helps.", choice: ["a"] },
    ratings: { claim: { value: 3, by: "teacher" }, reasoning: [{ value: 2, by: "peer" }, { value: 3, by: "self" }] },
  };
  // @ts-expect-error: a rating's source is teacher, self or peer
  const badRating: Submission = { ratings: { claim: { value: 3, by: "parent" } } };

  const report: ScoreReport = engine.score(work);
  const lines: ScoreLineResult[] = engine.scoreLines('{"responses":{}}\n');
  const firstTotal: number | undefined = lines[0]?.report?.total;
  const firstError: string | undefined = lines[0]?.error?.path;
  // @ts-expect-error scoreLines takes JSON Lines text, not a list
  engine.scoreLines([work]);
  const limits: Limits = setLimits({ indicators: 2000 });
  const answerChars: number = getLimits().answerChars + limits.depth;
  // @ts-expect-error limits are numbers
  setLimits({ indicators: "many" });
  const first: CriterionScore | undefined = report.criteria[0];
  const source: "auto" | "rating" | undefined = first?.source;
  const spans: Span[] = first?.met.flatMap((m) => m.spans) ?? [];
  const start: number | undefined = spans[0]?.start;
  // @ts-expect-error: percent is a number
  const percent: string = report.percent;

  const options: FeedbackOptions = { locale: "es", target: 3 };
  const feedback: Feedback = engine.feedback(work, options);
  const steps: NextStep[] = feedback.nextSteps;
  const strengths: Strength[] = feedback.strengths;
  const goal: string = feedback.goal.message;
  const statement: string | undefined = feedback.goal.criteria[0]?.statement;
  const toGo: number | undefined = feedback.progress[0]?.levelsToGo;

  const lint: LintResult = engine.lint();
  const advice: Advice[] = lint.advice;
  const free: LintResult = lintRubric("{not json");
  const problems: Problem[] = free.errors;

  const live: LiveSession = engine.session({ field: "response", locale: "en", target: 3 });
  const update: LiveUpdate = live.update("My claim is that");
  const liveFeedback: Feedback = update.feedback;
  live.setOptions({ locale: "es", target: 4 });
  // @ts-expect-error: the target is a number on the scale
  live.setOptions({ target: "high" });
  // @ts-expect-error: update takes the text
  live.update(42);

  const calibration: CalibrationReport = engine.calibrate('{"responses":{}}\n');
  const fromList: CalibrationReport = engine.calibrate([{ submission: work, teacher: { claim: 3 } }]);
  // @ts-expect-error: teacher levels are numbers
  engine.calibrate([{ submission: work, teacher: { claim: "3" } }]);
  const kappa: number | null | undefined = calibration.criteria[0]?.kappa;
  const overall: number | null = calibration.overall.exact;

  try {
    new Engine("{}");
  } catch (e) {
    if (e instanceof EvidentError) {
      const path: string = e.path;
      const all: Problem[] = e.problems;
    }
    if (e instanceof EvidentLoadError) {
      const reason: LoadFailure = e.reason;
    }
  }
  const made = new EvidentError("criteria[0].id: expected text", [{ path: "criteria[0].id", message: "expected text" }]);

  // The other areas' functions, through the same entry.
  const once: Feedback = feedbackOnce(rubric, work, { locale: "en" });
  const calibratedOnce: CalibrationReport = calibrateRubric(rubric, '{"submission":{},"teacher":{}}');
  const framework: Framework = parseFramework('{"id":"f","title":"F","competencies":[]}');
  const evidence: EvidenceRecord[] = [{ student: "s-1", competency: "C.1", value: 3, at: "2026-11-20T10:00:00Z" }];
  const estimates: Estimate[] = computeMastery(evidence, { method: "decayingAverage", weight: 0.65 });
  const trend: "rising" | "steady" | "falling" | "unknown" | undefined = estimates[0]?.trend;
  // @ts-expect-error: not a mastery method
  computeMastery(evidence, { method: "median" });
  const rolled = rollUp(framework, estimates);
  const recs: Recommendations = recommend(framework, rolled, { student: "s-1", locale: "es" });
  const firstRec: Recommendation | undefined = recs.recommendations[0];
  const reason: "ready" | "nearMastery" | "reinforce" | undefined = firstRec?.reason;
  // @ts-expect-error: recommendations need the student
  recommend(framework, rolled, { locale: "es" });
  const imported: CaseImport = importCase({});
  const statements: XapiStatement[] = xapiStatements(rubric, work);
  const level: ScaleLevel = { value: 1, label: "Beginning" };

  // Components: typed elements and events.
  defineElements(customElements);
  const panel = document.createElement("evident-feedback");
  const isPanel: EvidentFeedback = panel;
  panel.rubric = rubric;
  panel.refresh();
  const last: ScoreReport | null = panel.report;
  panel.addEventListener("evident-score", (event) => {
    const total: number = event.detail.total;
  });
  panel.addEventListener("evident-feedback", (event) => {
    const next: NextStep[] = event.detail.nextSteps;
  });
  // Drafts: per student and task, options, clearing, the evident-draft event.
  panel.student = "s-17";
  panel.student = null;
  const student: string = panel.student;
  panel.options = { student: "s-17", draftKey: "unit-3/cer-lab", noDraft: false, draftMaxAge: 86_400 };
  panel.options = null;
  const draftOptions: EvidentFeedbackOptions = panel.options;
  const noDraft: boolean | undefined = draftOptions.noDraft;
  const draftKey: string | null = panel.draftKey;
  panel.clearDraft();
  const clearedOfOne: number = EvidentFeedback.clearDrafts({ student: "s-17" });
  const clearedAll: number = EvidentFeedback.clearDrafts();
  const maxAge: number = EvidentFeedback.draftDefaults.maxAge;
  const maxChars: number = EvidentFeedback.draftDefaults.maxChars;
  panel.addEventListener("evident-draft", (event) => {
    const detail: DraftSaved | DraftCleared = event.detail;
    if ("cleared" in detail) { const key: string | null = detail.key; }
    else { const full: boolean = detail.truncated; const why: "quota" | "unavailable" | undefined = detail.error; }
  });
  panel.dispatchEvent(new CustomEvent("evident-submitted", { bubbles: true }));
  // @ts-expect-error: noDraft is a boolean
  panel.options = { noDraft: "yes" };
  // @ts-expect-error: draftMaxAge is seconds, a number
  panel.options = { draftMaxAge: "7 days" };
  // @ts-expect-error: draftKey is read-only (set the draft-key attribute or options.draftKey)
  panel.draftKey = "unit-3/cer-lab";
  // @ts-expect-error: clearDrafts takes {student}, not the id itself
  EvidentFeedback.clearDrafts("s-17");
  // @ts-expect-error: the defaults are read-only
  EvidentFeedback.draftDefaults.maxAge = 60;

  const table: EvidentRubric = document.createElement("evident-rubric");
  table.addEventListener("evident-lint", (event) => {
    const errors: Problem[] = event.detail.errors;
  });
  // The rubric studio's editor: the language of its own words.
  const studio: EvidentRubricEditor = document.createElement("evident-rubric-editor");
  studio.locale = "es-MX";
  const studioLocale: string = studio.locale;
  // @ts-expect-error: locale is a language tag, a string
  studio.locale = 3;
  const view: EvidentMastery = document.createElement("evident-mastery");
  view.addEventListener("evident-mastery", (event) => {
    const mastered: boolean | undefined = event.detail.estimates[0]?.mastered;
  });

  engine.free();
  fromText.free();
  void [v, core, checks, badCheck, badFuzzy, noCriteria, locale, mastery, badRating, source, start, percent, steps, strengths,
    goal, statement, toGo, advice, problems, liveFeedback, kappa, overall, made, isPanel, last, student, noDraft, draftKey, clearedOfOne, clearedAll, maxAge, maxChars, table, studioLocale, view, once, calibratedOnce, reason, imported, statements, level, fromList, trend];
}

void main;
