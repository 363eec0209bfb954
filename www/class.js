// The class mastery page: method, student, view and language pickers drive <evident-mastery>
// over the examples' class evidence, science framework, task catalog and roster.
import "/pkg/index.js";
import { applyPageLanguage, followLanguagePicker } from "./page-language.js";

// The page's own words; the mastery view's come from the element, in its `locale`.
const words = {
  en: {
    title: "Class mastery — Evident demo",
    heading: "Class mastery",
    lead: "Mastery of each competency, computed from a term's evidence (questions, fair tests, measurements and claim–evidence–reasoning labs). Choose a student (or a name in the table) to see their progress and what they could work on next. Names come from the class roster.",
    method: "Mastery method", decayingAverage: "Decaying average (recent work counts more)", latest: "Latest evidence",
    highest: "Highest", average: "Average", powerLaw: "Power law (Marzano)",
    student: "Student", wholeClass: "Whole class", view: "View", asTeacher: "As the teacher", asStudent: "As the student sees it",
    language: "Language",
  },
  es: {
    title: "Dominio de la clase — demostración de Evident",
    heading: "Dominio de la clase",
    lead: "El dominio de cada competencia, calculado con la evidencia de un trimestre (preguntas, pruebas justas, mediciones y laboratorios de afirmación, evidencia y razonamiento). Elige a un estudiante (o un nombre de la tabla) para ver su progreso y en qué podría trabajar después. Los nombres vienen de la lista de la clase.",
    method: "Método de dominio", decayingAverage: "Promedio con decaimiento (el trabajo reciente cuenta más)", latest: "La evidencia más reciente",
    highest: "La más alta", average: "Promedio", powerLaw: "Ley de potencia (Marzano)",
    student: "Estudiante", wholeClass: "Toda la clase", view: "Vista", asTeacher: "Como la ve el docente", asStudent: "Como la ve el estudiante",
    language: "Idioma",
  },
};

const view = document.getElementById("mastery");
const method = document.getElementById("method");
const student = document.getElementById("student");
const audience = document.getElementById("audience");
const language = document.getElementById("language");

method.addEventListener("change", () => view.setAttribute("method", method.value));
student.addEventListener("change", () => {
  if (student.value) view.setAttribute("student", student.value);
  else view.removeAttribute("student");
});
audience.addEventListener("change", () => view.setAttribute("audience", audience.value));
const t = (key) => words[language.value][key];

function applyLanguage() {
  const lang = language.value;
  applyPageLanguage(lang, t);
  document.title = t("title");
  if (student.options[0]?.value === "") student.options[0].textContent = t("wholeClass");
  view.setAttribute("locale", lang);
  view.lang = lang;
}

followLanguagePicker(language, applyLanguage);

// Fill the student picker (display names, ids as values) from what the view shows, and follow clicks on names in the table.
view.addEventListener("evident-mastery", (event) => {
  const names = event.detail.names ?? {};
  const ids = [...new Set(event.detail.estimates.map((e) => e.student))].sort((a, b) => (names[a] ?? a).localeCompare(names[b] ?? b));
  if (student.options.length - 1 !== ids.length) {
    student.replaceChildren(new Option(t("wholeClass"), ""), ...ids.map((id) => new Option(names[id] ?? id, id)));
  }
  student.value = event.detail.student ?? "";
  audience.disabled = !event.detail.student;
});
