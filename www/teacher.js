// The rubric studio page: <evident-rubric-editor> at the centre; start from an example, a
// blank rubric, a JSON or CSV file or a CASE package; autosave and named versions in
// localStorage; a preview as teachers and students see it in English and Spanish; "try it"
// with what each look-for found highlighted; calibration against teacher-scored samples,
// explained in plain sentences, with before/after figures and the samples that disagree most.
// The page's words, and the editor's (its `locale`), are English or Spanish: "Studio language"
// (or ?lang=es) switches them in place, keeping the rubric being edited.
import { loadEvident } from "/pkg/index.js";
import { applyPageLanguage } from "./page-language.js";
import { criteriaFromCompetencies, blankRubric, defaultScale, rubricFromCsv, rubricToCsv, slug, clone } from "/pkg/components/rubric-editor-model.js";
import { editorStrings } from "/pkg/components/rubric-editor-strings.js";
import { markedText } from "/pkg/components/dom.js";

const words = {
  en: {
    title: "Rubric studio — Evident demo",
    heading: "Rubric studio",
    lead: "Build a rubric as a form: criteria, levels and the look-fors the engine finds in student work. Translate it, try it on student work and check it against a teacher's scores. Your work is saved in this browser as you go.",
    pageLanguage: "Studio language",
    start: "Start", example: "Example", exampleCer: "Plant growth lab (claim, evidence, reasoning)", exampleArgument: "Argument: should school start later?",
    exampleMath: "Math problem solving (lemonade ratios)", openExample: "Open example", blank: "Blank rubric", importFile: "Import JSON or CSV",
    caseFile: "Start from a CASE package", chooseFile: "Choose a file…", noFile: "No file chosen", downloadCsv: "Download CSV", csvSummary: "The CSV layout",
    csvHelp: (code) => ["One row per criterion. Columns: ", code("Criterion"), " (its title), optionally ", code("Id"), ", ", code("Competency"), " and ", code("Weight"),
      ", then one column per level headed by the level's name (its descriptor in each row), then optionally ", code("<level> points"),
      " columns. A descriptor may also end in “(2 points)”. Commas or semicolons separate cells."],
    versions: "Saved versions", versionName: "Version name", versionPlaceholder: "Before the kappa fix", saveVersion: "Save version",
    autosaveIdle: "Changes are saved in this browser automatically.", savedAt: (time) => `Saved in this browser at ${time}.`,
    noVersions: "No saved versions yet.", restore: "Restore", restoreLabel: (name) => `Restore ${name}`, remove: "Delete", removeLabel: (name) => `Delete ${name}`,
    untitled: "Untitled", untitledRubric: "Rubric",
    editRubric: "Edit the rubric", preview: "Preview", audience: "As seen by", teachers: "Teachers", students: "Students",
    previewLanguage: "Language", english: "English", spanish: "Spanish",
    tryIt: "Try it on student work", work: "Student work", loadWork: "Load sample work", foundHeading: "What each look-for found",
    marked: "The work with what the chosen look-for matched highlighted",
    calibration: "Calibration: does the engine agree with a teacher?", calibrationStale: "Not applied yet: these figures are for the last version of the rubric that worked.",
    agreementPerCriterion: "Agreement per criterion", disagreeMost: "Where they disagree most", keepBaseline: "Keep these figures as the “before”",
    openedExample: (name) => `Opened the example “${name}”.`,
    blankStarted: "Started a blank rubric: give it a title, then fill in the first criterion.",
    importedCsv: (name, n) => `Imported ${name}: ${n} criteria. Look-fors of criteria with the same id were kept.`,
    imported: (name) => `Imported ${name}.`,
    notImported: (name) => `Could not import ${name}: `,
    notJson: (message) => message,
    caseHeading: (title) => `Competencies in “${title}”: choose those to assess`,
    caseMake: "Make a rubric from the chosen competencies",
    chooseOne: "Choose at least one competency.",
    caseMade: (n) => `Made a rubric with ${n} criteria, one per competency. Describe each level next.`,
    caseRead: (n, name) => `Read ${n} competencies from ${name}.`,
    caseFailed: (name) => `Could not read ${name} as a CASE package: `,
    restored: (name) => `Restored the version “${name}”. Undo goes back to what you had.`,
    savedVersion: (name) => `Saved the version “${name}”.`,
    lastRestored: "Your last rubric was restored from this browser.",
    previewNone: "The preview appears when the rubric is complete: a title, and for each criterion a title and a descriptor at every level.",
    previewStale: "Not applied yet: the preview shows the last version that worked.",
    tryNone: "Try it when the rubric is complete.", tryStale: "Scored with the last version of the rubric that worked.",
    score: (r) => `Score: ${r.total} of ${r.max} points (${r.percent}%), overall ${r.level.label}.`,
    found: (n) => ` found (${n} place${n === 1 ? "" : "s"})`, notFound: " not found",
    calibrationFailed: "Calibration could not run: ",
    calibrationNote: (n) => `The engine scored ${n} answers that a teacher had scored; here is how often they agree.`,
    exact: (p) => `Exact agreement ${p}: on ${p} of the scores, the engine gave the same level as the teacher.`,
    adjacent: (p) => `Within one level ${p}: on ${p} of the scores, the engine was at most one level away from the teacher.`,
    kappa: (k) => `κ (weighted kappa) ${k}: agreement beyond what chance would give, from 0 (no better than chance) to 1 (always the same); above 0.6 is usually good enough for feedback.`,
    beforeNow: (before, now) => ` Before: ${before}, now: ${now}.`,
    columns: ["Criterion", "Answers", "Same level", "Within one level", "κ", "Engine vs teacher"],
    aboutEven: "about even", engineHigher: (d) => `engine ${d} levels higher`, engineLower: (d) => `engine ${d} levels lower`,
    allCriteria: "All criteria", sample: (n) => `Sample ${n}`,
    disagreement: (title, teacher, engine) => `${title} teacher ${teacher}, engine ${engine}`,
    teacherNote: "Teacher's note: ", allAgree: "The engine and the teacher agree on every sample.",
    suggestions: "Suggestions", accept: "Accept", acceptLabel: (n) => `Accept suggestion ${n}`, reject: "Reject", rejectLabel: (n) => `Reject suggestion ${n}`,
    accepted: (n) => `Suggestion ${n} accepted. Undo takes it back.`,
  },
  es: {
    title: "Taller de rúbricas — demostración de Evident",
    heading: "Taller de rúbricas",
    lead: "Construye una rúbrica como un formulario: criterios, niveles y los indicadores que Evident busca en el trabajo de los estudiantes. Tradúcela, pruébala con trabajos de estudiantes y compárala con las calificaciones de un docente. Tu trabajo se guarda en este navegador mientras avanzas.",
    pageLanguage: "Idioma del taller",
    start: "Empezar", example: "Ejemplo", exampleCer: "Laboratorio del crecimiento de las plantas (afirmación, evidencia, razonamiento)",
    exampleArgument: "Argumento: ¿las clases deberían empezar más tarde?", exampleMath: "Resolución de problemas de matemáticas (proporciones de limonada)",
    openExample: "Abrir el ejemplo", blank: "Rúbrica en blanco", importFile: "Importar JSON o CSV", caseFile: "Empezar desde un paquete CASE",
    chooseFile: "Elegir un archivo…", noFile: "Ningún archivo elegido",
    downloadCsv: "Descargar CSV", csvSummary: "El formato del CSV",
    csvHelp: (code) => ["Una fila por criterio. Columnas: ", code("Criterio"), " (su título); si quieres, ", code("Id"), ", ", code("Competencia"), " y ", code("Peso"),
      "; después, una columna por nivel, con el nombre del nivel como encabezado (su descriptor en cada fila), y si quieres, columnas ", code("<nivel> puntos"),
      ". Un descriptor también puede terminar en «(2 puntos)». Las celdas se separan con comas o con punto y coma. Los encabezados en inglés (",
      code("Criterion"), ", ", code("Weight"), "…) también valen."],
    versions: "Versiones guardadas", versionName: "Nombre de la versión", versionPlaceholder: "Antes de ajustar el kappa", saveVersion: "Guardar versión",
    autosaveIdle: "Los cambios se guardan automáticamente en este navegador.", savedAt: (time) => `Guardado en este navegador a las ${time}.`,
    noVersions: "Aún no hay versiones guardadas.", restore: "Restaurar", restoreLabel: (name) => `Restaurar ${name}`, remove: "Eliminar", removeLabel: (name) => `Eliminar ${name}`,
    untitled: "Sin título", untitledRubric: "Rúbrica",
    editRubric: "Editar la rúbrica", preview: "Vista previa", audience: "Vista para", teachers: "Docentes", students: "Estudiantes",
    previewLanguage: "Idioma", english: "Inglés", spanish: "Español",
    tryIt: "Pruébala con el trabajo de un estudiante", work: "Trabajo del estudiante", loadWork: "Cargar un ejemplo", foundHeading: "Lo que encontró cada indicador",
    marked: "El trabajo, con lo que encontró el indicador elegido resaltado",
    calibration: "Calibración: ¿coincide Evident con un docente?", calibrationStale: "Aún sin aplicar: estas cifras son de la última versión de la rúbrica que funcionó.",
    agreementPerCriterion: "Coincidencia por criterio", disagreeMost: "Donde más difieren", keepBaseline: "Guardar estas cifras como el «antes»",
    openedExample: (name) => `Se abrió el ejemplo «${name}».`,
    blankStarted: "Empezaste una rúbrica en blanco: ponle un título y luego completa el primer criterio.",
    importedCsv: (name, n) => `Se importó ${name}: ${n === 1 ? "1 criterio" : `${n} criterios`}. Se conservaron los indicadores de los criterios con el mismo id.`,
    imported: (name) => `Se importó ${name}.`,
    notImported: (name) => `No se pudo importar ${name}: `,
    notJson: () => "no es un archivo JSON válido.",
    caseHeading: (title) => `Competencias de «${title}»: elige las que quieres evaluar`,
    caseMake: "Crear una rúbrica con las competencias elegidas",
    chooseOne: "Elige al menos una competencia.",
    caseMade: (n) => `Se creó una rúbrica con ${n === 1 ? "1 criterio" : `${n} criterios, uno por competencia`}. Ahora describe cada nivel.`,
    caseRead: (n, name) => `Se ${n === 1 ? "leyó 1 competencia" : `leyeron ${n} competencias`} de ${name}.`,
    caseFailed: (name) => `No se pudo leer ${name} como paquete CASE: `,
    restored: (name) => `Se restauró la versión «${name}». Deshacer vuelve a lo que tenías.`,
    savedVersion: (name) => `Se guardó la versión «${name}».`,
    lastRestored: "Se recuperó tu última rúbrica desde este navegador.",
    previewNone: "La vista previa aparece cuando la rúbrica está completa: un título y, para cada criterio, un título y un descriptor en cada nivel.",
    previewStale: "Aún sin aplicar: la vista previa muestra la última versión que funcionó.",
    tryNone: "Pruébala cuando la rúbrica esté completa.", tryStale: "Calificado con la última versión de la rúbrica que funcionó.",
    score: (r) => `Puntuación: ${r.total} de ${r.max} puntos (${r.percent} %), nivel global ${r.level.label}.`,
    found: (n) => ` encontrado (${n} ${n === 1 ? "lugar" : "lugares"})`, notFound: " no encontrado",
    calibrationFailed: "No se pudo calibrar: ",
    calibrationNote: (n) => `Evident calificó ${n} respuestas que un docente ya había calificado; aquí se ve con qué frecuencia coinciden.`,
    exact: (p) => `Coincidencia exacta ${p}: en el ${p} de las calificaciones, Evident dio el mismo nivel que el docente.`,
    adjacent: (p) => `A un nivel o menos ${p}: en el ${p} de las calificaciones, Evident quedó como mucho a un nivel del docente.`,
    kappa: (k) => `κ (kappa ponderado) ${k}: la coincidencia más allá de la que daría el azar, de 0 (no mejor que el azar) a 1 (siempre igual); por encima de 0.6 suele bastar para dar retroalimentación.`,
    beforeNow: (before, now) => ` Antes: ${before}; ahora: ${now}.`,
    columns: ["Criterio", "Respuestas", "Mismo nivel", "A un nivel o menos", "κ", "Evident frente al docente"],
    aboutEven: "casi igual", engineHigher: (d) => `Evident ${d} niveles más alto`, engineLower: (d) => `Evident ${d} niveles más bajo`,
    allCriteria: "Todos los criterios", sample: (n) => `Ejemplo ${n}`,
    disagreement: (title, teacher, engine) => `${title}: docente ${teacher}, Evident ${engine}`,
    teacherNote: "Nota del docente: ", allAgree: "Evident y el docente coinciden en todos los ejemplos.",
    suggestions: "Sugerencias", accept: "Aceptar", acceptLabel: (n) => `Aceptar la sugerencia ${n}`, reject: "Rechazar", rejectLabel: (n) => `Rechazar la sugerencia ${n}`,
    accepted: (n) => `Se aceptó la sugerencia ${n}. Deshacer la revierte.`,
  },
};

const $ = (id) => document.getElementById(id);
const pageLanguage = $("page-language");
const editor = $("editor");
const preview = $("preview");
const tryIt = $("try");
const work = $("work");
const example = $("example");
const DRAFT = "evident.studio.draft";
const VERSIONS = "evident.studio.versions";

let samples = [];           // teacher-scored samples of the current example: {submission, teacher}
let sampleWork = {};        // www/data/samples.json: a sample answer per rubric id
let baseline = null;        // calibration figures kept as "before"
let lastReport = null;
let chosen = null;          // the look-for chosen in "what each look-for found"
let saveTimer = 0;
let savedAt = null;         // when the autosave last wrote
let noteSay = null;         // the start note, as a function of the page's words
let casePick = null;        // a CASE package's competencies, while the teacher chooses
let noPreview = false;      // no version of this rubric has worked yet
const chosenFiles = { "import-file": null, "case-file": null }; // each file picker's last file's name

// ---------------------------------------------------------------------------------------
// The page's language: its own words, the editor's `locale`, and `lang` on <html>

const params = new URLSearchParams(location.search);
if (params.get("lang") === "es") pageLanguage.value = "es";

/** The page's words in its language; a function's are said with `args`. */
const t = (key, ...args) => {
  const said = words[pageLanguage.value][key];
  return typeof said === "function" ? said(...args) : said;
};
const ui = () => editorStrings(pageLanguage.value);
const locales = { en: "en-GB", es: "es" };

/** The engine's English (an error, a suggestion), marked as English on a page in another language. */
function english(text) {
  if (pageLanguage.value === "en") return text;
  const span = document.createElement("span");
  span.lang = "en";
  span.textContent = text;
  return span;
}

function applyLanguage() {
  const lang = pageLanguage.value;
  applyPageLanguage(lang, t);
  document.title = t("title");
  $("csv-help").replaceChildren(...t("csvHelp", (text) => Object.assign(document.createElement("code"), { textContent: text })));
  editor.setAttribute("locale", lang);
  showNote();
  drawFilePickers();
  drawAutosave();
  drawVersions();
  drawCasePicker();
  drawNotes();
  drawScore();
  drawFound();
}

pageLanguage.addEventListener("change", () => {
  // The preview follows (a teacher working in Spanish previews the Spanish rubric); it can be changed after.
  $("language").value = pageLanguage.value;
  applyLanguage();
  applyPreview();
  calibrate();
  const url = new URL(location.href);
  url.searchParams.set("lang", pageLanguage.value);
  history.replaceState(history.state, "", url);
});

// ---------------------------------------------------------------------------------------
// Starting points

async function openExample() {
  const option = example.selectedOptions[0];
  const text = await (await fetch(option.value)).text();
  editor.rubric = JSON.parse(text);
  await loadSamples(option.dataset.samples);
  baseline = null;
  note(() => t("openedExample", option.textContent));
}

async function loadSamples(url) {
  samples = [];
  if (url) {
    const response = await fetch(url);
    if (response.ok) samples = (await response.text()).split(/\r?\n/).filter((l) => l.trim()).map((l) => JSON.parse(l));
  }
  editor.samples = samples;
  calibrate();
}

/** The note under "Start": `say()` gives its words (again when the language changes); null clears it. */
function note(say) {
  noteSay = say;
  showNote();
}

function showNote() {
  $("start-note").replaceChildren(...(noteSay ? [noteSay()].flat() : []));
}

/** Under each file picker, in the page's words: the name of the file last chosen, or none yet. */
function drawFilePickers() {
  for (const [id, name] of Object.entries(chosenFiles)) $(`${id}-status`).textContent = name ?? t("noFile");
}

function fileChosen(input, file) {
  chosenFiles[input.id] = file.name;
  drawFilePickers();
}

$("open-example").addEventListener("click", openExample);
$("blank").addEventListener("click", () => {
  // In the studio's language: a Spanish teacher's blank rubric is written in Spanish.
  editor.rubric = blankRubric(pageLanguage.value);
  samples = [];
  editor.samples = [];
  calibrate();
  note(() => t("blankStarted"));
});

$("import-file").addEventListener("change", async (event) => {
  const file = event.target.files[0];
  if (!file) return;
  fileChosen(event.target, file);
  const text = await file.text();
  try {
    if (/\.csv$/i.test(file.name) || file.type === "text/csv") {
      editor.rubric = rubricFromCsv(text, editor.rubric, ui());
      const count = editor.rubric.criteria.length;
      note(() => t("importedCsv", file.name, count));
    } else {
      editor.rubric = JSON.parse(text);
      note(() => t("imported", file.name));
    }
  } catch (error) {
    // The CSV's problems come in the page's words; a JSON syntax error in the browser's.
    note(() => [t("notImported", file.name), error instanceof SyntaxError ? t("notJson", error.message) : error.message]);
  }
  event.target.value = "";
});

$("download-csv").addEventListener("click", () => {
  const rubric = editor.rubric;
  download(`${rubric.id || "rubric"}.csv`, rubricToCsv(rubric, $("language").value, ui()), "text/csv");
});

function download(name, text, type) {
  const a = document.createElement("a");
  a.href = URL.createObjectURL(new Blob([text], { type }));
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
}

// A CASE package: pick competencies, get a criterion per competency carrying its id.
$("case-file").addEventListener("change", async (event) => {
  const file = event.target.files[0];
  if (!file) return;
  fileChosen(event.target, file);
  try {
    const core = await loadEvident();
    const imported = core.importCase(await file.text());
    const framework = imported.framework;
    casePick = { framework, file: file.name, competencies: framework.competencies ?? [] };
    $("case-picker").replaceChildren(); // a new package: nothing ticked yet
    drawCasePicker();
    const count = casePick.competencies.length;
    note(() => t("caseRead", count, file.name));
  } catch (error) {
    note(() => [t("caseFailed", file.name), english(error.message)]);
  }
  event.target.value = "";
});

// The competencies to choose from, in the page's language (ticks kept when it changes).
function drawCasePicker() {
  const picker = $("case-picker");
  if (!casePick) { picker.hidden = true; picker.replaceChildren(); return; }
  const { framework, competencies } = casePick;
  const ticked = new Set([...picker.querySelectorAll("input:checked")].map((b) => b.value));
  const boxes = competencies.map((c, i) => {
    const row = document.createElement("li");
    const box = Object.assign(document.createElement("input"), { type: "checkbox", id: `case-${i}`, value: c.id, checked: ticked.has(c.id) });
    const label = Object.assign(document.createElement("label"), { htmlFor: `case-${i}` });
    label.textContent = `${c.id} — ${c.title ?? ""}`;
    row.append(box, label);
    return row;
  });
  const heading = document.createElement("h3");
  heading.textContent = t("caseHeading", framework.title ?? casePick.file);
  const list = document.createElement("ul");
  list.className = "case-list";
  list.append(...boxes);
  const make = document.createElement("button");
  make.type = "button";
  make.textContent = t("caseMake");
  make.addEventListener("click", () => {
    const ids = new Set([...list.querySelectorAll("input:checked")].map((b) => b.value));
    const chosenOnes = competencies.filter((c) => ids.has(c.id));
    if (chosenOnes.length === 0) { note(() => t("chooseOne")); return; }
    const lang = pageLanguage.value;
    const rubric = { id: slug(framework.title ?? "case-rubric") || "case-rubric", title: framework.title ?? t("untitledRubric"), kind: "analytic", locale: lang, scale: defaultScale(lang), criteria: [] };
    rubric.criteria = criteriaFromCompetencies(rubric, chosenOnes);
    editor.rubric = rubric;
    casePick = null;
    drawCasePicker();
    note(() => t("caseMade", chosenOnes.length));
  });
  picker.replaceChildren(heading, list, make);
  picker.hidden = false;
}

// ---------------------------------------------------------------------------------------
// Autosave and named versions

function autosave() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(() => {
    localStorage.setItem(DRAFT, JSON.stringify({ rubric: editor.rubric, example: example.value, samples: samples.length ? example.selectedOptions[0].dataset.samples : null, at: new Date().toISOString() }));
    savedAt = new Date();
    drawAutosave();
  }, 400);
}

function drawAutosave() {
  $("autosave").textContent = savedAt
    ? t("savedAt", savedAt.toLocaleTimeString(locales[pageLanguage.value], { hour: "2-digit", minute: "2-digit" }))
    : t("autosaveIdle");
}

function versions() {
  try { return JSON.parse(localStorage.getItem(VERSIONS) ?? "[]"); } catch { return []; }
}

function drawVersions() {
  const list = $("version-list");
  const all = versions();
  list.replaceChildren(...all.map((v, i) => {
    const li = document.createElement("li");
    const name = document.createElement("span");
    name.textContent = `${v.name} (${new Date(v.at).toLocaleString(locales[pageLanguage.value], { dateStyle: "medium", timeStyle: "short" })})`;
    const restore = button(t("restoreLabel", v.name), t("restore"), () => { editor.rubric = v.rubric; note(() => t("restored", v.name)); });
    const remove = button(t("removeLabel", v.name), t("remove"), () => { const next = versions(); next.splice(i, 1); localStorage.setItem(VERSIONS, JSON.stringify(next)); drawVersions(); });
    li.append(name, " ", restore, " ", remove);
    return li;
  }));
  if (all.length === 0) {
    const li = document.createElement("li");
    li.className = "muted";
    li.textContent = t("noVersions");
    list.append(li);
  }
}

function button(label, text, onClick) {
  const b = document.createElement("button");
  b.type = "button";
  b.className = "secondary";
  b.textContent = text;
  b.setAttribute("aria-label", label);
  b.addEventListener("click", onClick);
  return b;
}

$("save-version").addEventListener("click", () => {
  const rubric = editor.rubric;
  const title = typeof rubric.title === "string" ? rubric.title : rubric.title?.[rubric.locale ?? "en"];
  const name = $("version-name").value.trim() || title || t("untitled");
  const all = versions();
  all.unshift({ name, at: new Date().toISOString(), rubric });
  localStorage.setItem(VERSIONS, JSON.stringify(all.slice(0, 30)));
  $("version-name").value = "";
  drawVersions();
  note(() => t("savedVersion", name));
});

// ---------------------------------------------------------------------------------------
// Preview and try-it follow the editor's last valid rubric

let valid = true;
editor.addEventListener("change", (event) => {
  valid = event.detail.valid;
  // A new rubric not yet complete has no version that worked: no preview of another rubric.
  const none = !valid && editor.lastValidFor($("language").value) === null;
  noPreview = none;
  drawNotes();
  preview.hidden = none;
  tryIt.hidden = none;
  if (none) { lastReport = null; drawScore(); drawFound(); }
  $("preview-note").hidden = valid;
  $("try-note").hidden = valid;
  $("calibration-stale").hidden = valid;
  autosave();
  if (valid) {
    applyPreview();
    clearTimeout(calibrateTimer);
    calibrateTimer = setTimeout(calibrate, 500);
  }
});
let calibrateTimer = 0;

function drawNotes() {
  $("preview-note").textContent = noPreview ? t("previewNone") : t("previewStale");
  $("try-note").textContent = noPreview ? t("tryNone") : t("tryStale");
}

function drawScore() {
  $("score").textContent = lastReport ? t("score", lastReport) : "";
}

function applyPreview() {
  const lang = $("language").value;
  const rubric = editor.lastValidFor(lang);
  if (!rubric) return;
  preview.setAttribute("locale", lang);
  preview.rubric = JSON.stringify(rubric);
  tryIt.setAttribute("locale", lang);
  tryIt.rubric = JSON.stringify(rubric);
}

$("audience").addEventListener("change", () => preview.setAttribute("audience", $("audience").value));
$("language").addEventListener("change", applyPreview);

tryIt.addEventListener("evident-score", (event) => {
  const r = event.detail;
  lastReport = r;
  drawScore();
  drawFound();
});

$("load-work").addEventListener("click", async () => {
  // Pressed before the sample answers have arrived, it waits for them.
  await sampleWorkLoaded;
  const rubric = editor.rubric;
  work.value = sampleWork[rubric.id] ?? samples[0]?.submission?.responses?.response ?? "";
  work.dispatchEvent(new Event("input", { bubbles: true }));
});

// Each look-for of the last report, met or not; choosing one highlights what it matched.
function drawFound() {
  const list = $("found");
  const rubric = editor.lastValidFor($("language").value);
  if (!lastReport || !rubric) { list.replaceChildren(); return; }
  const items = [];
  for (const c of lastReport.criteria) {
    const criterion = rubric.criteria.find((x) => x.id === c.id);
    for (const indicator of criterion?.indicators ?? []) {
      const met = c.met.find((m) => m.indicator === indicator.id);
      const li = document.createElement("li");
      const key = `${c.id}/${indicator.id}`;
      const b = document.createElement("button");
      b.type = "button";
      b.className = "secondary";
      b.setAttribute("aria-pressed", String(chosen === key));
      b.dataset.indicator = indicator.id;
      b.textContent = `${criterion.title}: ${indicator.label ?? indicator.id}`;
      b.addEventListener("click", () => { chosen = chosen === key ? null : key; drawFound(); });
      const state = document.createElement("span");
      state.className = met ? "found-yes" : "found-no";
      state.textContent = met ? t("found", met.spans.length) : t("notFound");
      li.append(b, state);
      items.push(li);
    }
  }
  list.replaceChildren(...items);
  const [cid, iid] = chosen?.split("/") ?? [];
  const spans = chosen
    ? (lastReport.criteria.find((c) => c.id === cid)?.met.find((m) => m.indicator === iid)?.spans ?? [])
    : lastReport.criteria.flatMap((c) => c.met.flatMap((m) => m.spans));
  $("marked").replaceChildren(markedText(work.value, spans.filter((s) => !s.field || s.field === "response")));
}

// ---------------------------------------------------------------------------------------
// Calibration, explained

async function calibrate() {
  const section = $("calibration");
  const rubric = editor.lastValidFor(editor.rubric.locale ?? "en");
  if (!samples.length || !rubric) { section.hidden = true; return; }
  let core;
  let result;
  let engine;
  try {
    core = await loadEvident();
    engine = new core.Engine(JSON.stringify(rubric));
    const options = { suggest: true };
    result = engine.calibrate(samples, options);
  } catch (error) {
    $("calibration-note").replaceChildren(t("calibrationFailed"), english(error.message));
    section.hidden = false;
    engine?.free();
    return;
  }
  baseline ??= result;
  drawCalibration(result, engine, rubric);
  engine.free();
  section.hidden = false;
}

const pct = (x) => (typeof x === "number" ? `${Math.round(x * 100)}%` : "—");
const num = (x) => (typeof x === "number" ? x.toFixed(2) : "—");

function sentences(result) {
  const o = result.overall;
  return [["exact", t("exact", pct(o.exact))], ["adjacent", t("adjacent", pct(o.adjacent))], ["kappa", t("kappa", num(o.kappa))]];
}

function drawCalibration(result, engine, rubric) {
  $("calibration-note").textContent = t("calibrationNote", result.samples);
  const summary = document.createElement("ul");
  summary.className = "plain-figures";
  const before = baseline && baseline !== result ? baseline.overall : null;
  for (const [key, sentence] of sentences(result)) {
    const li = document.createElement("li");
    li.dataset.figure = key;
    li.textContent = sentence;
    if (before) {
      const change = document.createElement("span");
      change.className = "before-after";
      const fmt = key === "kappa" ? num : pct;
      change.textContent = t("beforeNow", fmt(before[key]), fmt(result.overall[key]));
      li.append(change);
    }
    summary.append(li);
  }
  $("calibration-summary").replaceChildren(summary);

  const table = document.createElement("table");
  table.className = "plain";
  table.id = "calibration-table";
  const caption = table.createCaption();
  caption.textContent = t("agreementPerCriterion");
  const head = table.createTHead().insertRow();
  for (const title of t("columns")) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = title;
    head.append(th);
  }
  const body = table.createTBody();
  const lean = (d) => (typeof d !== "number" ? "—" : Math.abs(d) < 0.15 ? t("aboutEven") : d > 0 ? t("engineHigher", d.toFixed(1)) : t("engineLower", (-d).toFixed(1)));
  for (const row of [...result.criteria.map((c) => ({ name: c.title ?? c.criterion, a: c })), { name: t("allCriteria"), a: result.overall }]) {
    const tr = body.insertRow();
    const th = document.createElement("th");
    th.scope = "row";
    th.textContent = row.name;
    tr.append(th);
    for (const value of [String(row.a.n), pct(row.a.exact), pct(row.a.adjacent), num(row.a.kappa), lean(row.a.meanDifference)]) tr.insertCell().textContent = value;
  }
  $("calibration-result").replaceChildren(table);
  drawSuggestions(result.suggestions);

  // The samples where engine and teacher differ most, with what the engine found highlighted.
  const list = document.createElement("ol");
  list.className = "disagreements";
  for (const d of (result.overall.disagreements ?? []).slice(0, 3)) {
    const sample = samples[d.line - 1];
    if (!sample) continue;
    const li = document.createElement("li");
    const who = document.createElement("p");
    who.className = "who";
    const title = (id) => rubric.criteria.find((c) => c.id === id)?.title ?? id;
    who.textContent = `${sample.submission.student ?? t("sample", d.line)}: ${d.criteria.filter((c) => c.teacher !== c.engine).map((c) => t("disagreement", title(c.criterion), c.teacher, c.engine)).join("; ")}`;
    const text = document.createElement("p");
    text.className = "sample-text";
    const body = sample.submission.responses?.response ?? "";
    let spans = [];
    try { spans = engine.score(sample.submission).criteria.flatMap((c) => c.met.flatMap((m) => m.spans)); } catch { /* unscorable: shown plain */ }
    text.append(markedText(body, spans.filter((s) => !s.field || s.field === "response")));
    li.append(who, text);
    if (sample.note) {
      const why = document.createElement("p");
      why.className = "muted";
      why.textContent = `${t("teacherNote")}${sample.note}`;
      li.append(why);
    }
    list.append(li);
  }
  $("calibration-samples").replaceChildren(list.children.length ? list : Object.assign(document.createElement("p"), { textContent: t("allAgree") }));
}

// Suggestions from calibration (engine.calibrate(samples, {suggest: true}) → `suggestions`),
// each accepted or rejected with one click; accepting is one undoable edit in the editor.
// A suggestion: {message, edits: [{path, value}]} or {message, rubric} (the rubric to use).
function drawSuggestions(suggestions) {
  const box = $("calibration-suggestions");
  if (!Array.isArray(suggestions) || suggestions.length === 0) { box.replaceChildren(); return; }
  const heading = document.createElement("h3");
  heading.textContent = t("suggestions");
  const list = document.createElement("ul");
  list.className = "suggestions";
  suggestions.forEach((s, i) => {
    const li = document.createElement("li");
    const text = document.createElement("span");
    // The engine writes its suggestions in English.
    text.append(english(s.why ?? s.message ?? ""));
    const accept = button(t("acceptLabel", i + 1), t("accept"), async () => {
      // The engine applies its own edit ({op: "addPhrase", …}) to the rubric JSON.
      const core = await loadEvident();
      editor.applyEdit((rubric) => {
        const next = s.edit && core.applySuggestion ? core.applySuggestion(clone(rubric), s.edit) : null;
        if (next) { Object.keys(rubric).forEach((k) => delete rubric[k]); Object.assign(rubric, next); }
        else applySuggestion(rubric, s);
      }, t("accepted", i + 1));
      li.remove();
    });
    const reject = button(t("rejectLabel", i + 1), t("reject"), () => li.remove());
    li.append(text, " ", accept, " ", reject);
    list.append(li);
  });
  box.replaceChildren(heading, list);
}

export function applySuggestion(rubric, suggestion) {
  if (suggestion.rubric) { Object.keys(rubric).forEach((k) => delete rubric[k]); Object.assign(rubric, clone(suggestion.rubric)); return; }
  for (const edit of suggestion.edits ?? (suggestion.path ? [suggestion] : [])) {
    const parts = [...edit.path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
    let node = rubric;
    for (const part of parts.slice(0, -1)) node = node[part] ??= typeof part === "number" ? [] : {};
    const last = parts[parts.length - 1];
    if (edit.value === undefined) delete node[last]; else node[last] = clone(edit.value);
  }
}

$("baseline").addEventListener("click", () => { baseline = null; calibrate(); });

// ---------------------------------------------------------------------------------------
// Start: the saved draft when there is one, else the first example

const sampleWorkLoaded = fetch("data/samples.json").then((r) => r.json()).then((s) => { sampleWork = s; }, () => {});
if (pageLanguage.value !== "en") $("language").value = pageLanguage.value;
applyLanguage();
(async () => {
  const saved = (() => { try { return JSON.parse(localStorage.getItem(DRAFT)); } catch { return null; } })();
  if (saved?.rubric) {
    editor.rubric = saved.rubric;
    const option = [...example.options].find((o) => o.value === saved.example);
    if (option) example.value = option.value;
    await loadSamples(saved.samples);
    note(() => t("lastRestored"));
  } else {
    await openExample();
    note(null);
  }
})();
