// The teacher's rubric preview: the JSON in the editor drives <evident-rubric> (table,
// advice, errors with JSON paths) and, while it is valid, an <evident-feedback> on sample
// work. When the example has teacher-scored samples and the engine can calibrate, shows the
// agreement per criterion.
import { loadEvident } from "/pkg/index.js";

const editor = document.getElementById("rubric-json");
const example = document.getElementById("example");
const audience = document.getElementById("audience");
const preview = document.getElementById("preview");
const tryIt = document.getElementById("try");
const work = document.getElementById("work");
const score = document.getElementById("score");
let samples = {};
let frame = 0;

async function loadExample() {
  const response = await fetch(example.value);
  editor.value = await response.text();
  refresh();
  calibrate(example.selectedOptions[0]?.dataset.samples);
}

function refresh() {
  frame = 0;
  preview.rubric = editor.value;
}

editor.addEventListener("input", () => { frame ||= requestAnimationFrame(refresh); });
example.addEventListener("change", loadExample);
audience.addEventListener("change", () => preview.setAttribute("audience", audience.value));

// Only a valid rubric goes on to the try-it panel; a broken one stays in the preview's error box.
preview.addEventListener("evident-lint", (event) => {
  if (event.detail.errors.length === 0) tryIt.rubric = editor.value;
});
tryIt.addEventListener("evident-score", (event) => {
  const r = event.detail;
  score.textContent = `Score: ${r.total} of ${r.max} points (${r.percent}%), overall ${r.level.label}.`;
});

document.getElementById("load-work").addEventListener("click", () => {
  const id = preview.rubric?.id;
  work.value = samples[id] ?? samples["cer-lab"] ?? "";
  work.dispatchEvent(new Event("input", { bubbles: true }));
});

// Calibration needs engine.calibrate and teacher-scored samples for the example.
async function calibrate(samplesUrl) {
  const section = document.getElementById("calibration");
  section.hidden = true;
  if (!samplesUrl) return;
  try {
    const core = await loadEvident();
    const engine = new core.Engine(editor.value);
    if (typeof engine.calibrate !== "function") return;
    const response = await fetch(samplesUrl);
    if (!response.ok) return;
    const result = engine.calibrate(await response.text());
    engine.free();
    renderCalibration(result, samplesUrl);
    section.hidden = false;
  } catch (error) {
    document.getElementById("calibration-note").textContent = `Calibration failed: ${error.message}`;
    section.hidden = false;
  }
}

function renderCalibration(result, url) {
  document.getElementById("calibration-note").textContent =
    `The engine's levels compared with a teacher's on ${result.samples} samples (${url.split("/").pop()}).`;
  const row = (cells, header) => {
    const tr = document.createElement("tr");
    cells.forEach((value, i) => {
      const cell = document.createElement(i === 0 && header ? "th" : "td");
      if (i === 0 && header) cell.scope = "row";
      cell.textContent = value;
      tr.append(cell);
    });
    return tr;
  };
  const table = document.createElement("table");
  table.className = "plain";
  table.id = "calibration-table";
  const head = document.createElement("tr");
  for (const title of ["Criterion", "Pairs", "Exact agreement", "Within one level", "Quadratic weighted kappa", "Engine − teacher (mean)"]) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = title;
    head.append(th);
  }
  const cells = (a) => [String(a.n), pct(a.exact), pct(a.adjacent), num(a.kappa), num(a.meanDifference)];
  table.append(document.createElement("thead"), document.createElement("tbody"));
  table.tHead.append(head);
  table.tBodies[0].append(
    ...result.criteria.map((c) => row([c.title ?? c.criterion, ...cells(c)], true)),
    row(["All criteria", ...cells(result.overall)], true));
  document.getElementById("calibration-result").replaceChildren(table);
}

const pct = (x) => (typeof x === "number" ? `${Math.round(x * 1000) / 10}%` : "—");
const num = (x) => (typeof x === "number" ? x.toFixed(2) : "—");

document.getElementById("recalibrate").addEventListener("click", () => calibrate(example.selectedOptions[0]?.dataset.samples));

fetch("data/samples.json").then((r) => r.json()).then((s) => { samples = s; });
loadExample();
