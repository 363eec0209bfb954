// The components as an embedder uses them: theming from outside (custom properties and
// ::part), one draft per task and student, a textarea inside another shadow root, added
// after the panel or rendered anew with the same id, and a rubric attribute that a framework
// filled with "[object Object]".
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { start } from "./run.mjs";

let env;
before(async () => { env = await start(); });
after(async () => { await env.close(); });

async function openStudent() {
  const opened = await env.open("/www/student.html");
  await opened.page.locator('evident-feedback li[part=criterion][data-criterion="claim"]').waitFor();
  return opened;
}

test("a host page themes the panel through custom properties and ::part", async () => {
  const { page, violations, context } = await openStudent();
  await page.locator("#answer").click();
  await page.keyboard.type("My claim is that light matters.");
  await page.locator('evident-feedback li[part=strength] mark').first().waitFor();
  await page.evaluate(() => {
    // Constructable sheets and CSSOM properties are allowed under the page's strict CSP.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync("evident-feedback::part(next-step) { color: rgb(120, 0, 60); }");
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
    document.querySelector("evident-feedback").style.setProperty("--evident-mark", "rgb(10, 200, 30)");
  });
  const mark = await page.locator("evident-feedback li[part=strength] mark").first().evaluate((m) => getComputedStyle(m).backgroundColor);
  assert.equal(mark, "rgb(10, 200, 30)");
  const step = await page.locator("evident-feedback li[part=next-step]").first().evaluate((li) => getComputedStyle(li).color);
  assert.equal(step, "rgb(120, 0, 60)");
  assert.deepEqual(violations, []);
  await context.close();
});

test("each task keeps its own draft", async () => {
  const { page, context } = await openStudent();
  await page.locator("#answer").click();
  await page.keyboard.type("Light draft for the lab.");
  await page.locator("#task").selectOption("data/plastic-bags.rubric.json");
  await page.locator('evident-feedback li[part=criterion][data-criterion="position"]').waitFor();
  assert.equal(await page.locator("#answer").inputValue(), "");
  await page.locator("#answer").click();
  await page.keyboard.type("Bags draft.");
  await page.locator("#task").selectOption("../examples/cer-lab.rubric.json");
  await page.locator('evident-feedback li[part=criterion][data-criterion="claim"]').waitFor();
  await page.waitForFunction(() => document.getElementById("answer").value === "Light draft for the lab.");
  const keys = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("evident-draft:")).sort());
  // Key: prefix, the student (none on this page: ""), "|", the task (rubric path + "#" + textarea
  // id), URI-encoded so no student id can reach into another's keys.
  assert.deepEqual(keys, ["evident-draft:v2:|%2Fexamples%2Fcer-lab.rubric.json%23answer", "evident-draft:v2:|%2Fwww%2Fdata%2Fplastic-bags.rubric.json%23answer"]);
  await context.close();
});

test("inside another component's shadow root the panel finds its textarea there", async () => {
  const { page, errors, context } = await env.open("/www/index.html");
  await page.locator("#version:not(:empty)").waitFor();
  await page.evaluate(async () => {
    const rubric = await (await fetch("/examples/cer-lab.rubric.json")).json();
    const host = document.createElement("div");
    host.id = "embed";
    document.body.append(host);
    const root = host.attachShadow({ mode: "open" });
    const textarea = document.createElement("textarea");
    textarea.id = "inner";
    textarea.setAttribute("aria-label", "Answer");
    const panel = document.createElement("evident-feedback");
    panel.setAttribute("for", "inner");
    panel.rubric = rubric;
    root.append(textarea, panel);
    window.__scores = 0;
    document.addEventListener("evident-score", () => { window.__scores += 1; });
  });
  await page.locator("#embed textarea").click();
  await page.keyboard.type("The data show 12 cm.");
  // "the data show*" → claim 2; "data" + "cm" → evidence 3. The score event crosses both shadow roots.
  await page.waitForFunction(() => document.querySelector("#embed").shadowRoot.querySelector("evident-feedback").report?.criteria[1].level === 3);
  assert.ok(await page.evaluate(() => window.__scores) > 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a textarea added after the panel, or given its id later, is found; the rubric as a JSON string attribute", async () => {
  const { page, errors, context } = await env.open("/www/index.html");
  await page.locator("#version:not(:empty)").waitFor();
  await page.evaluate(async () => {
    const rubricText = await (await fetch("/examples/cer-lab.rubric.json")).text();
    const host = document.createElement("div");
    host.id = "later-host";
    document.body.append(host);
    const root = host.attachShadow({ mode: "open" });
    const panel = document.createElement("evident-feedback");
    panel.setAttribute("for", "later");
    panel.setAttribute("rubric", rubricText);
    root.append(panel);
    await new Promise((ok) => setTimeout(ok, 300));
    // First a textarea with another id, which is then renamed: the panel watches ids too.
    const textarea = document.createElement("textarea");
    textarea.id = "not-yet";
    textarea.setAttribute("aria-label", "Answer");
    root.append(textarea);
    await new Promise((ok) => setTimeout(ok, 100));
    textarea.id = "later";
  });
  await page.locator("#later-host textarea").click();
  await page.keyboard.type("The data show 12 cm.");
  await page.waitForFunction(() => document.querySelector("#later-host").shadowRoot.querySelector("evident-feedback").report?.criteria[1].level === 3);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a textarea rendered anew with the same id (its wrapper replaced) is followed, with the student's pending text; one taken away for good is not warned about", async () => {
  const { page, errors, context } = await env.open("/www/index.html");
  const warnings = [];
  page.on("console", (m) => { if (m.type() === "warning") warnings.push(m.text()); });
  await page.locator("#version:not(:empty)").waitFor();
  await page.evaluate(async () => {
    const rubricText = await (await fetch("/examples/cer-lab.rubric.json")).text();
    const wrap = document.createElement("div");
    wrap.id = "wrap";
    wrap.innerHTML = '<textarea id="again" aria-label="Answer"></textarea>';
    const panel = document.createElement("evident-feedback");
    panel.id = "again-panel";
    panel.setAttribute("for", "again");
    panel.setAttribute("student", "s-41");
    panel.setAttribute("rubric", rubricText);
    document.body.append(wrap, panel);
  });
  const panel = page.locator("#again-panel");
  await panel.locator("li[part=criterion]").first().waitFor();
  await page.locator("#again").click();
  await page.keyboard.type("The data show 12 cm.");
  await page.waitForFunction(() => document.getElementById("again-panel").report?.criteria[1].level === 3);
  // A framework's re-render at once (within the draft's 400 ms debounce): a new wrapper, a new
  // textarea with the same id, empty.
  const stored = await page.evaluate(() => {
    const wrap = document.createElement("div");
    wrap.innerHTML = '<textarea id="again" aria-label="Answer"></textarea>';
    document.getElementById("wrap").replaceWith(wrap);
    return localStorage.getItem(document.getElementById("again-panel").draftKey);
  });
  assert.equal(stored, null, "the draft was not written yet when the textarea went");
  await page.waitForFunction(() => document.getElementById("again").value !== "", null, { timeout: 5_000 }).catch(() => {});
  assert.equal(await page.locator("#again").inputValue(), "The data show 12 cm.");
  // The panel follows the new textarea: a claim, and the evidence gone.
  await page.locator("#again").fill("My claim is that light helps bean plants grow taller.");
  await page.waitForFunction(() => document.getElementById("again-panel").report?.criteria[1].level !== 3, null, { timeout: 5_000 }).catch(() => {});
  assert.deepEqual(await page.evaluate(() => document.getElementById("again-panel").report.criteria.map((c) => [c.id, c.level])), [["claim", 3], ["evidence", 1], ["reasoning", 1]]);
  // Taken away and never brought back: no warning (that is for a textarea that never came).
  await page.evaluate(() => document.getElementById("again").remove());
  await page.waitForTimeout(5_500);
  assert.deepEqual(warnings.filter((w) => w.includes('"again"')), []);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a rubric attribute that reads \"[object Object]\" is explained in the panel's language, not left loading", async () => {
  const { page, errors, context } = await env.open("/www/index.html");
  await page.locator("#version:not(:empty)").waitFor();
  await page.evaluate(() => {
    const panel = document.createElement("evident-feedback");
    panel.id = "stringified";
    panel.setAttribute("locale", "es");
    panel.setAttribute("rubric", String({}));
    document.body.append(panel);
  });
  await page.locator("#stringified [part=error]").waitFor();
  const shown = await page.evaluate(() => {
    const panel = document.getElementById("stringified");
    return { error: panel.shadowRoot.querySelector("[part=error]").textContent, status: panel.shadowRoot.querySelector("[part=status]").textContent };
  });
  assert.match(shown.error, /Hay un problema con la rúbrica/);
  assert.match(shown.error, /"\[object Object\]".*element\.rubric = rubric.*rubric-src.*JSON\.stringify/s);
  assert.equal(shown.status, "");
  assert.equal(errors.length, 1, errors.join("\n"));
  await context.close();
});

test("<evident-rubric> in Spanish gives the engine's advice in Spanish, in English in English", async () => {
  const { page, errors, context } = await env.open("/www/index.html");
  await page.locator("#version:not(:empty)").waitFor();
  // A rubric whose indicator has no hint and whose levels have no student wording: two pieces
  // of advice (lint codes missing-hint and missing-student-wording).
  const rubric = {
    id: "mini", title: "Plantas", locale: "es",
    scale: { levels: [{ value: 1, label: "Inicial" }, { value: 2, label: "Logrado" }], mastery: 2 },
    criteria: [{
      id: "claim", title: "Afirmación",
      indicators: [{ id: "luz", check: { type: "phrases", anyOf: ["luz"] } }],
      levels: [{ value: 1, descriptor: "No dice qué pasa con la luz." }, { value: 2, descriptor: "Dice qué pasa con la luz.", requires: ["luz"] }],
    }],
  };
  await page.evaluate((rubric) => {
    for (const locale of ["es", "en"]) {
      const table = document.createElement("evident-rubric");
      table.id = `rubric-${locale}`;
      table.setAttribute("locale", locale);
      table.rubric = rubric;
      document.body.append(table);
    }
  }, rubric);
  const advice = async (id) => {
    await page.locator(`#${id} [part=advice] li`).first().waitFor();
    return page.locator(`#${id} [part=advice] li`).evaluateAll((lis) => lis.map((li) => ({ code: li.dataset.code, text: li.textContent, english: li.querySelector("[lang=en]") !== null })));
  };
  assert.deepEqual(await advice("rubric-es"), [
    {
      code: "missing-student-wording",
      text: "criteria[0]«claim» no tiene texto para el estudiante («Puedo…») en los niveles 1 y 2; los estudiantes verán el descriptor del docente. (missing-student-wording)",
      english: false,
    },
    {
      code: "missing-hint",
      text: "criteria[0].indicators[0].hintel indicador «luz» no tiene pista; los siguientes pasos usarán un mensaje genérico. (missing-hint)",
      english: false,
    },
  ]);
  const english = await advice("rubric-en");
  assert.equal(english[1].text, "criteria[0].indicators[0].hintindicator `luz` has no hint; next steps will use a generic message. (missing-hint)");
  assert.equal(await page.locator("#rubric-es [part=advice] h3").innerText(), "Consejos sobre esta rúbrica");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the wasm is fetched once however many components a page has", async () => {
  const { page, context } = await env.open();
  const fetched = [];
  page.on("request", (r) => { if (r.url().endsWith(".wasm")) fetched.push(r.url()); });
  await page.goto(`${env.base}/www/student.html`);
  // The student page has an <evident-feedback> and an <evident-rubric>.
  await page.locator("evident-feedback [part=criterion]").first().waitFor();
  await page.locator("evident-rubric table").waitFor({ state: "attached" });
  assert.equal(fetched.length, 1, fetched.join(", "));
  await context.close();
});

test("a page that imports only evident/elements/feedback gets the widget and no other element's code", async () => {
  const { page, errors, context } = await env.open();
  const fetched = [];
  page.on("request", (r) => { if (r.url().includes("/pkg/")) fetched.push(new URL(r.url()).pathname); });
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Feedback only</title></head>
<body><main><label for="answer">My answer</label><textarea id="answer"></textarea>
<evident-feedback for="answer" rubric-src="/examples/cer-lab.rubric.json" locale="en"></evident-feedback></main>
<script type="module" src="/pkg/elements/feedback.js"></script></body></html>`;
  await page.route(`${env.base}/__feedback-only.html`, (route) => route.fulfill({ contentType: "text/html", body: html }));
  await page.goto(`${env.base}/__feedback-only.html`);
  await page.locator("evident-feedback [part=criterion]").first().waitFor();
  await page.locator("#answer").click();
  await page.keyboard.type("My claim is that light helps plants grow taller.");
  await page.locator("evident-feedback li[part=strength] mark").first().waitFor();
  const defined = await page.evaluate(() => ["evident-feedback", "evident-rubric", "evident-mastery", "evident-rubric-editor"].map((n) => Boolean(customElements.get(n))));
  assert.deepEqual(defined, [true, false, false, false]);
  const others = fetched.filter((p) => /components\/(rubric|mastery|define)|\/elements\.js$|evident_full/.test(p));
  assert.deepEqual(others, [], fetched.join(", "));
  assert.equal(fetched.filter((p) => p.endsWith(".wasm")).length, 1, fetched.join(", "));
  assert.deepEqual(errors, []);
  await context.close();
});

test("student text with markup is shown as text, never run", async () => {
  const { page, errors, context } = await openStudent();
  await page.locator("#answer").fill('<img src=x onerror="window.__pwned=1"> My claim is <b>bold</b>.');
  await page.locator("#answer").press("End");
  await page.keyboard.type(" The data show it.");
  await page.locator('evident-feedback li[data-indicator="has-claim"] mark').first().waitFor();
  await page.locator("evident-feedback summary").click();
  // The "my text" view is built when it is opened.
  const view = page.locator("evident-feedback .text");
  await view.filter({ hasText: "My claim" }).waitFor();
  const shown = await view.textContent();
  assert.ok(shown.startsWith('<img src=x onerror="window.__pwned=1"> My claim is <b>bold</b>.'), shown);
  assert.equal(await page.locator("evident-feedback img").count(), 0);
  assert.equal(await page.locator("evident-feedback b").count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(errors, []);
  await context.close();
});
