// The demo's navigation keeps the page's language: links to the pages that read `?lang=`
// (the student task, the rubric studio, class mastery) carry `lang=es` while the page is in
// Spanish.
const BILINGUAL = ["student.html", "teacher.html", "class.html"];

export function navFollowsLanguage(lang) {
  for (const link of document.querySelectorAll("nav a[href]")) {
    const url = new URL(link.getAttribute("href"), location.href);
    const page = url.pathname.split("/").pop();
    if (!BILINGUAL.includes(page)) continue;
    if (lang === "es") url.searchParams.set("lang", "es");
    else url.searchParams.delete("lang");
    link.setAttribute("href", page + url.search);
  }
}
