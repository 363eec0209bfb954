// Shared look of the components: every colour and radius is a CSS custom property with a
// default, so a host restyles them from outside (`evident-feedback { --evident-accent: … }`).

export const baseCss = `
:host { display: block; font: inherit; color: var(--evident-text, #1b1f24); 
  --_accent: var(--evident-accent, #0b5cad); --_mark: var(--evident-mark, #fff1a8);
  --_border: var(--evident-border, #c9d1d9); --_muted: var(--evident-muted, #4d5560);
  --_bg: var(--evident-surface, #ffffff); --_error: var(--evident-error, #a4161a); }
:host([hidden]) { display: none; }
* { box-sizing: border-box; }
h2, h3 { margin: 0 0 .4em; line-height: 1.25; }
h2 { font-size: 1.15em; } h3 { font-size: 1em; }
section { margin: 0 0 1em; }
ul, ol { margin: .25em 0; padding-left: 1.3em; }
li { margin: .25em 0; }
mark { background: var(--_mark); color: inherit; border-radius: 2px; padding: 0 .1em; }
.muted { color: var(--_muted); }
.error { border: 2px solid var(--_error); border-radius: var(--evident-radius, 6px); padding: .6em .8em; color: var(--_error); background: #fff5f5; }
.error p { margin: .2em 0; }
.error-title { font-weight: 700; }
code.path { font-family: ui-monospace, monospace; background: #f3f4f6; color: #1b1f24; padding: 0 .25em; border-radius: 3px; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
button { font: inherit; cursor: pointer; }
:focus-visible { outline: 3px solid var(--_accent); outline-offset: 2px; }
`;
