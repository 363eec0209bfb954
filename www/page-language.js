// What every bilingual demo page does with its language: `lang` on <html>, its words in the
// elements marked `data-i18n` (text), `data-i18n-label` (aria-label) and
// `data-i18n-placeholder`, the words all pages share (the skip link, the navigation), and
// links to the demo pages that keep the language: those of the header (brand and navigation)
// and any marked `data-keep-lang`.

const shared = {
  en: {
    skip: "Skip to content",
    navLabel: "Demo pages", navHome: "Home", navStudent: "Student task", navTeacher: "Rubric studio", navClass: "Class mastery",
  },
  es: {
    skip: "Ir al contenido",
    navLabel: "Páginas de la demostración", navHome: "Inicio", navStudent: "Tarea del estudiante", navTeacher: "Taller de rúbricas", navClass: "Dominio de la clase",
  },
};

// The pages that read `?lang=`: links to them carry `lang=es` while a page is in Spanish.
const BILINGUAL = ["index.html", "student.html", "teacher.html", "class.html"];

/** Puts the page in `lang`; `say(key)` gives the page's own words (undefined for the shared ones). */
export function applyPageLanguage(lang, say) {
  const word = (key) => say(key) ?? shared[lang][key];
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll("[data-i18n]")) el.textContent = word(el.dataset.i18n);
  for (const el of document.querySelectorAll("[data-i18n-label]")) el.setAttribute("aria-label", word(el.dataset.i18nLabel));
  for (const el of document.querySelectorAll("[data-i18n-placeholder]")) el.placeholder = word(el.dataset.i18nPlaceholder);
  for (const link of document.querySelectorAll("header a[href], a[data-keep-lang][href]")) {
    const url = new URL(link.getAttribute("href"), location.href);
    const page = url.pathname.split("/").pop();
    if (!BILINGUAL.includes(page)) continue;
    if (lang === "es") url.searchParams.set("lang", "es");
    else url.searchParams.delete("lang");
    link.setAttribute("href", page + url.search);
  }
}

/** Follows the page's language picker: `apply()` at once when the address asks for Spanish
 *  (`?lang=es`), and on every change, which the address then keeps. */
export function followLanguagePicker(select, apply) {
  select.addEventListener("change", () => {
    apply();
    const url = new URL(location.href);
    url.searchParams.set("lang", select.value);
    history.replaceState(history.state, "", url);
  });
  if (new URLSearchParams(location.search).get("lang") === "es") {
    select.value = "es";
    apply();
  }
}
