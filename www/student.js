// The student task page: picks a task (rubric), a feedback language, and wires the
// <evident-feedback> component to the answer box. The page's own words switch with the
// language; the feedback's words come from the engine.
import "/pkg/elements.js";

const words = {
  en: { skip: "Skip to content", taskLabel: "Task", languageLabel: "Feedback language", sample: "Load sample work",
    clear: "Clear my text", prompt: "The task", answerLabel: "My answer",
    answerHelp: "Feedback updates as you type. Your draft is saved in this browser.", rubricSummary: "See the rubric" },
  es: { skip: "Ir al contenido", taskLabel: "Tarea", languageLabel: "Idioma de la retroalimentación", sample: "Cargar un ejemplo",
    clear: "Borrar mi texto", prompt: "La tarea", answerLabel: "Mi respuesta",
    answerHelp: "La retroalimentación cambia mientras escribes. Tu borrador se guarda en este navegador.", rubricSummary: "Ver la rúbrica" },
};

const task = document.getElementById("task");
const language = document.getElementById("language");
const answer = document.getElementById("answer");
const feedback = document.getElementById("feedback");
const rubricView = document.getElementById("rubric");
let samples = {};
let rubric = null;

const params = new URLSearchParams(location.search);
if (params.get("lang") === "es") language.value = "es";
if (params.get("task") === "argument") task.value = "../examples/argument.rubric.json";
if (params.get("task") === "plastic-bags") task.value = "data/plastic-bags.rubric.json";

function applyLanguage() {
  const lang = language.value;
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = words[lang][el.dataset.i18n];
  feedback.setAttribute("locale", lang);
  rubricView.setAttribute("locale", lang);
}

async function applyTask() {
  const src = task.value;
  answer.value = "";
  rubric = null;
  feedback.setAttribute("rubric-src", src);
  rubricView.setAttribute("src", src);
  try {
    const response = await fetch(src);
    rubric = await response.json();
    document.getElementById("task-title").textContent = rubric.title;
    document.getElementById("prompt-text").textContent = rubric.description ?? "";
  } catch (error) {
    document.getElementById("prompt-text").textContent = `The task could not be loaded: ${error.message}`;
  }
}

document.getElementById("sample").addEventListener("click", () => {
  if (!rubric || !samples[rubric.id]) return;
  answer.value = samples[rubric.id];
  answer.dispatchEvent(new Event("input", { bubbles: true }));
  answer.focus();
});
document.getElementById("clear").addEventListener("click", () => {
  answer.value = "";
  answer.dispatchEvent(new Event("input", { bubbles: true }));
  answer.focus();
});
language.addEventListener("change", applyLanguage);
task.addEventListener("change", applyTask);

fetch("data/samples.json").then((r) => r.json()).then((s) => { samples = s; });
applyLanguage();
applyTask();
