// What <evident-feedback> shows, from a score report and the engine's feedback: per
// criterion its level, scale values and either the goal statement ("Aiming for") or, at the
// criterion's top level, what to keep doing; strengths with spans; at most three next steps;
// whether the answer is empty (then the goal and how to start are shown instead of levels).
// Without feedback (an engine built without it) it falls back to the rubric's own praise
// and hints, so the panel still helps.

/** The language an engine text says it is in (issue 12 adds `lang`/`locale` beside texts), or null. */
export function langOf(item) {
  const lang = item?.lang ?? item?.locale;
  return typeof lang === "string" && lang ? lang : null;
}

/**
 * What the panel shows, from the report and the engine's feedback. `text` is the answer
 * (only whether it is blank matters here).
 */
export function viewOf(rubric, report, feedback, text = "") {
  const criteriaById = new Map(rubric.criteria.map((c) => [c.id, c]));
  const goals = new Map((feedback?.goal?.criteria ?? []).map((g) => [g.criterion, g]));
  const scaleValues = rubric.scale.levels.map((l) => l.value);
  const criteria = report.criteria.map((score) => {
    const c = criteriaById.get(score.id);
    const values = c?.levels?.length ? c.levels.map((l) => l.value) : scaleValues;
    const top = values[values.length - 1];
    const goal = goals.get(score.id);
    const wording = (value) => {
      const l = c?.levels?.find((x) => x.value === value);
      return l ? (l.student ?? l.descriptor ?? "") : "";
    };
    const atTop = score.level >= top;
    let statement;
    if (goal) statement = goal.statement;
    else if (atTop) statement = wording(score.level);
    else statement = wording(Math.max(rubric.scale.mastery, Math.min(top, score.level + 1)));
    return {
      id: score.id, title: c?.title ?? score.id, level: score.level, label: score.label, values, top,
      atTop, statement, statementLang: langOf(goal),
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
  return {
    empty: String(text).trim() === "",
    locale: feedback?.locale ?? null,
    goal, goalLang: langOf(feedback?.goal),
    criteria, strengths, nextSteps,
  };
}

/**
 * A string that changes when, and only when, what `pick(view)` renders changes: the panel
 * re-renders a section only when its signature differs from the last one.
 */
export function signature(value) {
  return JSON.stringify(value);
}
