// The home page: its words in English or Spanish (`?lang=es`, or the language picker), with
// links that keep the language, and the engine's version in the footer (proof that the wasm
// loads on this page). /pkg/index.js also registers the elements, for pages that embed them.
import { loadEvident } from "/pkg/index.js";
import { applyPageLanguage, followLanguagePicker } from "./page-language.js";

// The page's own words (the skip link, the navigation and the card titles are the shared ones).
// Pieces around <code> keep their spaces: they are set as text beside the code.
const words = {
  en: {
    title: "Evident — rubric feedback that runs in the browser",
    heading: "Evident: rubric feedback while students write",
    lead: "Evident scores student work against a rubric, gives formative feedback as the student types — where they are going, what their work already shows, and at most three next steps — and tracks mastery of competencies over time. It all runs in the browser, in WebAssembly: no student text leaves the page.",
    language: "Language",
    studentCard: "Write a claim–evidence–reasoning answer or an argument and watch the feedback change with each sentence. Switch between English and Spanish. Your draft is kept if you reload.",
    teacherCard: "Build a rubric as a form, no JSON needed: criteria, levels and what the engine looks for, in English and Spanish. Try it on student work, check it against a teacher's scores, save versions, and import or export JSON, CSV or a CASE package.",
    classCard: "See a class's mastery of each competency from dated evidence, with one stated rule for “mastered”, then open one student to see their progress and what they could work on next.",
    embedHeading: "Use it in your own pages",
    installBefore: "Install the ", installAfter: " package, then place the student's feedback component beside a textarea:",
    entryOne: " registers only ", entryAll: " registers every element.",
    wasmBefore: "The element loads the engine (", wasmMiddle: ") from the package's folder; to serve that file from elsewhere, put its URL in the ", wasmAfter: " attribute of the script tag.",
    cspBefore: "The components work under a strict Content-Security-Policy (", cspAfter: ", no inline styles), and say plainly why when the engine cannot load.",
    footer: "demo site",
    engine: (version) => `engine ${version}`,
  },
  es: {
    title: "Evident — retroalimentación con rúbricas que funciona en el navegador",
    heading: "Evident: retroalimentación con rúbricas mientras los estudiantes escriben",
    lead: "Evident califica el trabajo de los estudiantes con una rúbrica, da retroalimentación formativa mientras el estudiante escribe —hacia dónde va, qué muestra ya su trabajo y, como máximo, tres siguientes pasos— y sigue su dominio de las competencias a lo largo del tiempo. Todo funciona en el navegador, en WebAssembly: ningún texto de los estudiantes sale de la página.",
    language: "Idioma",
    studentCard: "Escribe una respuesta de afirmación, evidencia y razonamiento o un argumento, y mira cómo cambia la retroalimentación con cada oración. Cambia entre inglés y español. Tu borrador se conserva si recargas la página.",
    teacherCard: "Construye una rúbrica como un formulario, sin escribir JSON: criterios, niveles y lo que busca el motor, en inglés y en español. Pruébala con trabajos de estudiantes, compárala con las calificaciones de un docente, guarda versiones e importa o exporta JSON, CSV o un paquete CASE.",
    classCard: "Mira el dominio de cada competencia en una clase a partir de evidencia con fecha, con una sola regla explícita para «dominado», y luego abre a un estudiante para ver su progreso y en qué podría trabajar después.",
    embedHeading: "Úsalo en tus propias páginas",
    installBefore: "Instala el paquete ", installAfter: " y coloca el componente de retroalimentación del estudiante junto a un campo de texto (textarea):",
    entryOne: " registra solo ", entryAll: " registra todos los elementos.",
    wasmBefore: "El elemento carga el motor (", wasmMiddle: ") desde la carpeta del paquete; para servir ese archivo desde otro lugar, pon su URL en el atributo ", wasmAfter: " de la etiqueta script.",
    cspBefore: "Los componentes funcionan con una Content-Security-Policy estricta (", cspAfter: ", sin estilos en línea) y, si el motor no puede cargarse, explican claramente por qué.",
    footer: "sitio de demostración",
    engine: (version) => `motor ${version}`,
  },
};

const language = document.getElementById("language");
const versionText = document.getElementById("version");
const t = (key) => words[language.value][key];
// What the footer says about the engine: its version, or why it did not load.
let engine = null;

function showEngine() {
  if (engine) versionText.textContent = engine.error ?? t("engine")(engine.version);
}

function applyLanguage() {
  const lang = language.value;
  applyPageLanguage(lang, t);
  document.title = t("title");
  // In Spanish the card titles lead to the Spanish pages: the links "… en español" would repeat them.
  for (const p of document.querySelectorAll(".in-spanish")) p.hidden = lang === "es";
  showEngine();
}

followLanguagePicker(language, applyLanguage);

loadEvident()
  .then((core) => { engine = { version: core.version() }; })
  .catch((error) => { engine = { error: error.message }; })
  .finally(showEngine);
