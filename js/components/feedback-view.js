// What <evident-feedback> shows, from a score report and the engine's feedback: per
// criterion its level, scale values and goal statement; strengths with spans; at most three
// next steps. Without feedback (an engine built without it) it falls back to the rubric's
// own praise and hints, so the panel still helps.

/**
 * What the panel shows, from the report and the engine's feedback. Without feedback (a build
 * without the feedback engine) it falls back to the rubric's own praise and hints.
 */
export function viewOf(rubric, report, feedback) {
  const criteriaById = new Map(rubric.criteria.map((c) => [c.id, c]));
  const goals = new Map((feedback?.goal?.criteria ?? []).map((g) => [g.criterion, g]));
  const scaleValues = rubric.scale.levels.map((l) => l.value);
  const criteria = report.criteria.map((score) => {
    const c = criteriaById.get(score.id);
    const values = c?.levels?.length ? c.levels.map((l) => l.value) : scaleValues;
    const goal = goals.get(score.id);
    const fallback = c?.levels?.find((l) => l.value === Math.max(rubric.scale.mastery, Math.min(values[values.length - 1], score.level + 1)));
    return {
      id: score.id, title: c?.title ?? score.id, level: score.level, label: score.label, values,
      top: values[values.length - 1],
      statement: goal ? goal.statement : fallback ? (fallback.student ?? fallback.descriptor) : "",
    };
  });
  const indicator = (cid, iid) => criteriaById.get(cid)?.indicators?.find((i) => i.id === iid);
  const strengths = feedback?.strengths ?? report.criteria.flatMap((score) => score.met.map((m) => ({
    criterion: score.id, indicator: m.indicator, spans: m.spans,
    message: indicator(score.id, m.indicator)?.praise ?? indicator(score.id, m.indicator)?.label ?? m.indicator,
  })));
  const nextSteps = (feedback?.nextSteps ?? report.criteria
    .filter((score) => score.missing.length)
    .sort((a, b) => Number(a.mastered) - Number(b.mastered) || b.weight - a.weight)
    .map((score) => ({ criterion: score.id, title: criteriaById.get(score.id)?.title ?? score.id,
      indicator: score.missing[0].indicator, action: score.missing[0].hint ?? score.missing[0].indicator })))
    .slice(0, 3);
  const goal = feedback?.goal?.message ?? rubric.title;
  return { goal, criteria, strengths, nextSteps };
}
