// The hand-written format declarations (js/types/*.d.ts, with docs and finer unions) against
// those generated from the Rust types' JSON Schema (js/types/generated/, scripts/gen-types.mjs):
// for every format type, the same property names, and the same check types. A field added,
// renamed or removed on one side only is a compile error here. Run by the package test.
import type * as H from "../../../js/types/formats.js";
import type * as HF from "../../../js/types/feedback.js";
import type * as HM from "../../../js/types/mastery.js";
import type * as HW from "../../../js/types/framework.js";
import type * as GR from "../../../js/types/generated/rubric.js";
import type * as GS from "../../../js/types/generated/submission.js";
import type * as GSR from "../../../js/types/generated/score-report.js";
import type * as GF from "../../../js/types/generated/feedback.js";
import type * as GC from "../../../js/types/generated/calibration-report.js";
import type * as GE from "../../../js/types/generated/evidence.js";
import type * as GW from "../../../js/types/generated/framework.js";
import type * as GT from "../../../js/types/generated/catalog.js";

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** Property names, required or not. */
type Keys<T> = keyof T & string;
function same<A, B>(ok: Same<Keys<A>, Keys<B>>): void { void ok; }

// Rubric
same<H.Rubric, GR.Rubric>(true);
same<H.Criterion, GR.Criterion>(true);
same<H.Level, GR.Level>(true);
same<H.Indicator, GR.Indicator>(true);
same<H.Scale, GR.Scale>(true);
same<H.ScaleLevel, GR.ScaleLevel>(true);
same<H.PointDescriptor, GR.PointDescriptor>(true);
const checkTypes: Same<H.Check["type"], GR.Check["type"]> = true;
// Submission
same<H.Submission, GS.Submission>(true);
same<H.Rating, GS.Rating>(true);
// Score report
same<H.ScoreReport, GSR.ScoreReport>(true);
same<H.CriterionScore, GSR.CriterionScore>(true);
same<H.Met, GSR.Met>(true);
same<H.Missing, GSR.Missing>(true);
same<H.Span, GSR.Span>(true);
same<H.LevelRef, GSR.LevelRef>(true);
// Feedback and calibration
same<HF.Feedback, GF.Feedback>(true);
same<HF.Goal, GF.Goal>(true);
same<HF.CriterionGoal, GF.CriterionGoal>(true);
same<HF.NextStep, GF.NextStep>(true);
same<HF.Progress, GF.Progress>(true);
same<HF.Strength, GF.Strength>(true);
same<HF.CalibrationReport, GC.CalibrationReport>(true);
same<HF.CriterionAgreement, GC.CriterionAgreement>(true);
same<HF.OverallAgreement, GC.OverallAgreement>(true);
same<HF.Confusion, GC.Confusion>(true);
same<HF.Disagreement, GC.Disagreement>(true);
same<HF.SampleDisagreement, GC.SampleDisagreement>(true);
// Evidence, frameworks, catalogs
same<HM.EvidenceRecord, GE.EvidenceRecord>(true);
same<HM.EvidenceSource, GE.EvidenceSource>(true);
same<HW.Framework, GW.Framework>(true);
same<HW.Competency, GW.Competency>(true);
same<HW.Catalog, GT.Catalog>(true);
same<HW.Task, GT.Task>(true);

void checkTypes;
