// The class mastery page: method and student pickers drive <evident-mastery> over the
// examples' class evidence, science framework and task catalog.
import "/pkg/index.js";

const view = document.getElementById("mastery");
const method = document.getElementById("method");
const student = document.getElementById("student");

method.addEventListener("change", () => view.setAttribute("method", method.value));
student.addEventListener("change", () => {
  if (student.value) view.setAttribute("student", student.value);
  else view.removeAttribute("student");
});

// Fill the student picker from what the view shows, and follow clicks on names in the table.
view.addEventListener("evident-mastery", (event) => {
  const names = [...new Set(event.detail.estimates.map((e) => e.student))].sort();
  if (student.options.length - 1 !== names.length) {
    student.replaceChildren(new Option("Whole class", ""), ...names.map((n) => new Option(n, n)));
  }
  student.value = event.detail.student ?? "";
});
