// The look of <evident-rubric-editor>: fields in pairs (the main language, then the other)
// that stack on narrow screens, the levels grid scrolling inside its own region, chips for
// phrases, quiet status and problem notes. Colours come from the shared custom properties.

export const editorCss = `
:host { --_field: var(--evident-field, #6e7781); container-type: inline-size; }
h2 { margin-top: 1em; }
h4 { margin: 1em 0 .4em; font-size: .95em; }
.toolbar { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: 0 0 .5rem; }
button { padding: .4em .8em; border: 1px solid var(--_accent); border-radius: 6px; background: var(--_accent); color: #fff; }
button.secondary { background: var(--_bg); color: var(--_accent); }
button.danger { color: var(--_error); border-color: var(--_error); }
button.icon { min-width: 2.5em; }
button.link { border: 0; background: none; color: var(--_accent); text-decoration: underline; padding: 0; text-align: start; }
button[aria-disabled=true] { opacity: .55; cursor: not-allowed; }
button[aria-pressed=true] { background: var(--_accent); color: #fff; }
label { display: block; font-weight: 600; font-size: .9em; margin: .4em 0 .15em; }
input[type=text], textarea, select { font: inherit; width: 100%; padding: .35em .5em; border: 1px solid var(--_field); border-radius: 6px; background: var(--_bg); color: inherit; }
textarea { resize: vertical; }
textarea.code { font-family: ui-monospace, SFMono-Regular, Menlo, monospace; font-size: .85em; }
[aria-invalid=true] { border: 2px solid var(--_error); }
.field { margin: 0 0 .4em; min-width: 0; }
.field.small { max-width: 12em; }
.pair { display: grid; grid-template-columns: 1fr 1fr; gap: .25rem .75rem; }
.single { display: block; }
.row { display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: start; }
.row > .field { flex: 1 1 10em; }
.secondary label { font-weight: 500; }
.help { color: var(--_muted); font-size: .9em; margin: .2em 0 .5em; }
.missing { color: #8a4b00; font-size: .85em; margin: .15em 0; }
.missing::before { content: "⚠ "; }
:host(:not([translating])) .field .missing, :host(:not([translating])) .chips .missing { display: none; }
.status { margin: .25em 0; color: var(--_muted); }
.status.pending { color: #8a4b00; font-weight: 600; }
.summary ul.problems { border-left: 4px solid var(--_error); padding: .3em .5em .3em 1.6em; margin: .5em 0; background: #fff5f5; }
.summary ul.todos { border-left: 4px solid var(--_border); padding: .3em .5em .3em 1.6em; margin: .5em 0; }
p.problem, p.advice, p.todo { margin: .2em 0; font-size: .88em; }
p.todo { color: var(--_muted); }
p.problem { color: var(--_error); }
p.advice { color: #6b4a00; }
.tag { font-weight: 700; }
code.path { margin-left: .4em; font-size: .85em; }
section.about, section.scale, section.criterion, section.translations { border: 1px solid var(--_border); border-radius: 8px; padding: .5rem .9rem .8rem; margin: 0 0 1rem; background: var(--_bg); }
ol.levels { list-style: none; padding: 0; }
li.level { display: grid; grid-template-columns: 1fr auto; gap: .5rem; align-items: end; border-bottom: 1px solid var(--_border); padding: .25em 0; }
.buttons { display: flex; flex-wrap: wrap; gap: .35rem; }
.criterion-head, .indicator-head { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: .5rem; }
.criterion-head h3 { margin: .3em 0; }
.grid-wrap { position: relative; overflow-x: auto; margin: .5rem 0; border: 1px solid var(--_border); border-radius: 6px; }
.grid-wrap:focus-visible { outline: 3px solid var(--_accent); }
table.grid { border-collapse: collapse; width: 100%; min-width: 36em; }
table.grid th, table.grid td { border: 1px solid var(--_border); padding: .3em .4em; vertical-align: top; text-align: start; }
table.grid td { min-width: 11em; }
table.grid thead th { background: var(--evident-head, #eef2f7); }
table.grid th[scope=row] { font-size: .85em; width: 7em; background: #fafbfc; }
table.grid .pair { grid-template-columns: 1fr; }
.switch { display: flex; align-items: center; gap: .4em; }
.switch label { font-weight: 500; margin: 0; }
.switch input { width: 1.2em; height: 1.2em; margin: 0; flex: none; }
.switches { display: flex; flex-direction: column; gap: .2em; margin: .3em 0; }
fieldset.indicator { border: 1px solid var(--_border); border-radius: 8px; margin: .6rem 0; padding: .4rem .8rem .7rem; }
fieldset.indicator.selected { border: 2px solid var(--_accent); background: #f3f8fe; }
fieldset.indicator legend { font-weight: 700; padding: 0 .3em; }
fieldset.inner, fieldset.of { border: 1px dashed var(--_border); border-radius: 6px; margin: .4em 0; }
.matches { margin: 0; font-weight: 600; }
ul.chip-list { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .35rem; margin: .2em 0 .35em; }
li.chip { display: inline-flex; flex-wrap: wrap; align-items: center; gap: .3em; border: 1px solid var(--_accent); border-radius: 1em; padding: .1em .2em .1em .7em; background: #eef5fd; margin: 0; max-width: 100%; }
.chip-text { font-weight: 600; overflow-wrap: anywhere; }
.chip-words { font-size: .8em; color: var(--_muted); }
button.chip-remove { border: 0; background: none; color: var(--_accent); padding: 0 .4em; font-size: 1.1em; line-height: 1; }
.json-view textarea { min-height: 24em; }
.samples { border: 1px solid var(--_accent); border-radius: 8px; padding: .5rem .9rem; }
.sample-list .text { white-space: pre-wrap; margin: .2em 0 .6em; }
.sample-list .who { font-weight: 600; margin: .4em 0 0; }
@container (max-width: 40rem) {
  .pair { grid-template-columns: 1fr; }
  li.level { grid-template-columns: 1fr; }
  section.about, section.scale, section.criterion, section.translations { padding: .4rem .5rem .6rem; }
}
`;
