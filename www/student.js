// The student task page: picks a task (rubric), a feedback language and who is writing, and
// wires the <evident-feedback> component to the answer box. "Clear my text" and "Load sample
// work" ask first, and replace the text through the browser's editing commands so Ctrl+Z
// undoes them; an "Undo" button does the same. The page's own words switch with the
// language; the feedback's words come from the engine.
import "/pkg/elements.js";
import { applyPageLanguage } from "./page-language.js";

const words = {
  en: { taskLabel: "Task", languageLabel: "Feedback language", studentLabel: "Student (name or ID)",
    sample: "Load sample work", clear: "Clear my text", prompt: "The task", answerLabel: "My answer",
    answerHelp: "Feedback updates as you type. Your draft is saved in this browser, for you only, for 7 days.",
    rubricSummary: "See the rubric", cancel: "Cancel", undo: "Undo",
    clearTitle: "Clear your text?", clearText: "Your answer will be emptied. You can undo this with the Undo button or Ctrl+Z.", clearYes: "Clear my text",
    sampleTitle: "Replace your text with the sample?", sampleText: "The sample work will take the place of your answer. You can undo this with the Undo button or Ctrl+Z.", sampleYes: "Load the sample",
    cleared: "Your text was cleared.", loaded: "The sample work replaced your text.", undone: "Your text is back.",
    noSample: "The sample work could not be loaded. Your text was not changed.",
    taskCer: "Plant growth lab (claim, evidence, reasoning)", taskArgument: "Argument: should school start later?", taskBags: "Argument: should our town ban plastic bags?" },
  es: { taskLabel: "Tarea", languageLabel: "Idioma de la retroalimentación", studentLabel: "Estudiante (nombre o ID)",
    sample: "Cargar un ejemplo", clear: "Borrar mi texto", prompt: "La tarea", answerLabel: "Mi respuesta",
    answerHelp: "La retroalimentación cambia mientras escribes. Tu borrador se guarda en este navegador, solo para ti, durante 7 días.",
    rubricSummary: "Ver la rúbrica", cancel: "Cancelar", undo: "Deshacer",
    clearTitle: "¿Borrar tu texto?", clearText: "Tu respuesta quedará vacía. Puedes deshacerlo con el botón Deshacer o con Ctrl+Z.", clearYes: "Borrar mi texto",
    sampleTitle: "¿Cambiar tu texto por el ejemplo?", sampleText: "El ejemplo ocupará el lugar de tu respuesta. Puedes deshacerlo con el botón Deshacer o con Ctrl+Z.", sampleYes: "Cargar el ejemplo",
    cleared: "Se borró tu texto.", loaded: "El ejemplo reemplazó tu texto.", undone: "Tu texto volvió.",
    noSample: "No se pudo cargar el ejemplo. Tu texto no cambió.",
    taskCer: "Laboratorio del crecimiento de las plantas (afirmación, evidencia, razonamiento)", taskArgument: "Argumento: ¿las clases deberían empezar más tarde?", taskBags: "Argumento: ¿nuestro pueblo debería prohibir las bolsas de plástico?" },
};

const task = document.getElementById("task");
const language = document.getElementById("language");
const student = document.getElementById("student");
const answer = document.getElementById("answer");
const feedback = document.getElementById("feedback");
const rubricView = document.getElementById("rubric");
const dialog = document.getElementById("confirm");
const undoButton = document.getElementById("undo");
const undoText = document.getElementById("undo-text");
let samples = {};
let rubric = null;
// Settles once the current task's rubric has loaded (as `samplesLoaded`, below, once the
// samples have): "Load sample work" pressed before then waits for them.
let taskLoaded = Promise.resolve();
// The text before the last "Clear" or "Load sample", for the Undo button.
let undoable = null;
// True while the page itself replaces the answer (its input events are not the student's).
let replacing = false;

const params = new URLSearchParams(location.search);
if (params.get("lang") === "es") language.value = "es";
if (params.get("task") === "argument") task.value = "../examples/argument.rubric.json";
if (params.get("task") === "plastic-bags") task.value = "data/plastic-bags.rubric.json";
if (params.get("student")) student.value = params.get("student");

const t = (key) => words[language.value][key];

function applyLanguage() {
  const lang = language.value;
  applyPageLanguage(lang, t);
  feedback.setAttribute("locale", lang);
  rubricView.setAttribute("locale", lang);
  showTask();
}

// A rubric text is a string, or one string per language ({"en": …, "es": …}): shown in the
// page's language, else in the rubric's own, else the first one given; `lang` says which.
function inLanguage(text) {
  const own = rubric?.locale ?? "en";
  if (text == null) return { text: "", lang: own };
  if (typeof text === "string") return { text, lang: own };
  const lang = [language.value, own].find((l) => typeof text[l] === "string") ?? Object.keys(text)[0];
  return { text: text[lang] ?? "", lang };
}

function show(id, text) {
  const el = document.getElementById(id);
  const shown = inLanguage(text);
  el.textContent = shown.text;
  el.lang = shown.lang;
}

function showTask() {
  if (!rubric) return;
  show("task-title", rubric.title);
  show("prompt-text", rubric.description);
}

function applyStudent() {
  forgetUndo();
  feedback.setAttribute("student", student.value.trim());
}

function applyTask() {
  taskLoaded = loadTask();
}

async function loadTask() {
  const src = task.value;
  forgetUndo();
  answer.value = "";
  rubric = null;
  feedback.setAttribute("rubric-src", src);
  rubricView.setAttribute("src", src);
  try {
    const response = await fetch(src);
    const loaded = await response.json();
    if (task.value !== src) return;
    rubric = loaded;
    showTask();
  } catch (error) {
    document.getElementById("prompt-text").textContent = `The task could not be loaded: ${error.message}`;
  }
}

/** Asks a yes/no question in a modal dialog; resolves true for yes. */
function ask(title, text, yes) {
  document.getElementById("confirm-title").textContent = t(title);
  document.getElementById("confirm-text").textContent = t(text);
  document.getElementById("confirm-yes").textContent = t(yes);
  dialog.returnValue = "";
  dialog.showModal();
  return new Promise((resolve) => dialog.addEventListener("close", () => resolve(dialog.returnValue === "yes"), { once: true }));
}

/**
 * Replaces the whole answer as if the student had typed it: `insertText` (or `delete`) goes
 * on the browser's undo stack, so Ctrl+Z brings the old text back. Where the command is not
 * supported, `setRangeText` and an `input` event do it (then only the Undo button undoes).
 */
function replaceAnswer(text) {
  replacing = true;
  try { replaceText(text); } finally { replacing = false; }
}

function replaceText(text) {
  answer.focus();
  answer.select();
  const done = text ? document.execCommand("insertText", false, text) : document.execCommand("delete");
  if (!done || answer.value !== text) {
    answer.setRangeText(text, 0, answer.value.length, "end");
    answer.dispatchEvent(new Event("input", { bubbles: true }));
  }
}

function offerUndo(previous, message) {
  undoable = previous;
  undoText.textContent = t(message);
  undoButton.hidden = false;
}

function forgetUndo() {
  undoable = null;
  undoText.textContent = "";
  undoButton.hidden = true;
}

async function replaceWithConfirmation(text, question) {
  const previous = answer.value;
  if (previous === text) return;
  if (previous.trim() !== "" && !(await ask(...question))) {
    answer.focus();
    return;
  }
  replaceAnswer(text);
  if (previous !== "") offerUndo(previous, text ? "loaded" : "cleared");
}

document.getElementById("sample").addEventListener("click", async () => {
  const src = task.value;
  await Promise.all([samplesLoaded, taskLoaded]);
  // The student may have picked another task meanwhile: its sample is for that one.
  if (task.value !== src) return;
  if (!rubric || !samples[rubric.id]) {
    // Say so rather than do nothing (the samples did not load, or the task has none).
    forgetUndo();
    undoText.textContent = t("noSample");
    return;
  }
  replaceWithConfirmation(samples[rubric.id], ["sampleTitle", "sampleText", "sampleYes"]);
});
document.getElementById("clear").addEventListener("click", () => {
  replaceWithConfirmation("", ["clearTitle", "clearText", "clearYes"]);
});
undoButton.addEventListener("click", () => {
  if (undoable === null) return;
  const previous = undoable;
  replaceAnswer(previous);
  forgetUndo();
  undoText.textContent = t("undone");
});
// Once the student types on, the Undo button would throw their new words away: retire it.
// Ctrl+Z that brings the old text back retires it too.
answer.addEventListener("input", (event) => {
  if (replacing || undoable === null) return;
  if (event.inputType === "historyUndo" && answer.value === undoable) {
    forgetUndo();
    undoText.textContent = t("undone");
  } else if (event.inputType !== "historyUndo" && event.inputType !== "historyRedo") forgetUndo();
});
language.addEventListener("change", applyLanguage);
task.addEventListener("change", applyTask);
student.addEventListener("change", applyStudent);

const samplesLoaded = fetch("data/samples.json").then((r) => r.json()).then((s) => { samples = s; }, () => {});
applyLanguage();
feedback.setAttribute("student", student.value.trim());
applyTask();
