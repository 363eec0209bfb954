// The class mastery page: method, student, view and language pickers drive <evident-mastery>
// over the examples' class evidence, science framework, task catalog and roster.
import "/pkg/index.js";

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
language.addEventListener("change", () => {
  view.setAttribute("locale", language.value);
  view.lang = language.value;
});

// Fill the student picker (display names, ids as values) from what the view shows, and follow clicks on names in the table.
view.addEventListener("evident-mastery", (event) => {
  const names = event.detail.names ?? {};
  const ids = [...new Set(event.detail.estimates.map((e) => e.student))].sort((a, b) => (names[a] ?? a).localeCompare(names[b] ?? b));
  if (student.options.length - 1 !== ids.length) {
    student.replaceChildren(new Option("Whole class", ""), ...ids.map((id) => new Option(names[id] ?? id, id)));
  }
  student.value = event.detail.student ?? "";
  audience.disabled = !event.detail.student;
});
