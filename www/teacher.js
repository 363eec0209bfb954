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
  calibrate(example.value);
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

// Calibration needs engine.calibrate and a samples file next to the example rubric.
async function calibrate(rubricUrl) {
  const section = document.getElementById("calibration");
  section.hidden = true;
  const samplesUrl = rubricUrl.replace(/\.rubric\.json$/, ".samples.jsonl");
  try {
    const core = await loadEvident();
    const engine = new core.Engine(editor.value);
    if (typeof engine.calibrate !== "function") return;
    const response = await fetch(samplesUrl);
    if (!response.ok) return;
    const result = engine.calibrate(await response.text());
    renderCalibration(result, samplesUrl);
    section.hidden = false;
  } catch (error) {
    document.getElementById("calibration-note").textContent = `Calibration failed: ${error.message}`;
    section.hidden = false;
  }
}

function renderCalibration(result, url) {
  document.getElementById("calibration-note").textContent =
    `Automatic levels compared with teacher levels on ${result.samples ?? result.count ?? "the"} samples of ${url.split("/").pop()}.`;
  const rows = (result.criteria ?? []).map((c) => {
    const tr = document.createElement("tr");
    for (const value of [c.criterion ?? c.id, pct(c.exact), pct(c.adjacent), num(c.kappa ?? c.qwk)]) {
      const td = document.createElement("td");
      td.textContent = value;
      tr.append(td);
    }
    return tr;
  });
  const table = document.createElement("table");
  table.className = "plain";
  const head = document.createElement("tr");
  for (const title of ["Criterion", "Exact agreement", "Adjacent agreement", "Quadratic weighted kappa"]) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = title;
    head.append(th);
  }
  table.append(document.createElement("thead"), document.createElement("tbody"));
  table.tHead.append(head);
  table.tBodies[0].append(...rows);
  document.getElementById("calibration-result").replaceChildren(table);
}

const pct = (x) => (typeof x === "number" ? `${Math.round(x * 1000) / 10}%` : "—");
const num = (x) => (typeof x === "number" ? x.toFixed(2) : "—");

fetch("data/samples.json").then((r) => r.json()).then((s) => { samples = s; });
loadExample();
