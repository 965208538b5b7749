// Scoped CSS of <kehoach-plan> (inside its shadow root, so portal styles neither leak in nor
// get overridden): a sober government-portal look, blue and red, sans-serif, zebra tables.
export const CSS = `
:host {
  --kh-blue: #0b4a8b;
  --kh-blue-dark: #083766;
  --kh-blue-light: #e8f0fa;
  --kh-red: #c8102e;
  --kh-gold: #f2c230;
  --kh-border: #c9d3df;
  --kh-zebra: #f4f7fb;
  --kh-text: #1d2733;
  --kh-muted: #56657a;
  display: block;
  max-width: 100%;
  min-width: 0;
  color: var(--kh-text);
  font: 15px/1.5 "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif;
  overflow-wrap: anywhere;
  box-sizing: border-box;
}
*, *::before, *::after { box-sizing: inherit; }
[hidden] { display: none !important; }
.band {
  background: var(--kh-blue);
  border-top: 4px solid var(--kh-red);
  color: #fff;
  padding: 12px 16px;
}
.band .issuer { font-size: 13px; letter-spacing: .04em; text-transform: uppercase; opacity: .9; margin: 0; }
.band h2 { font-size: 16px; margin: 4px 0; line-height: 1.35; }
.band dl { display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 6px 0 0; font-size: 13px; }
.band dl div { display: flex; gap: 4px; }
.band dt { opacity: .8; }
.band dd { margin: 0; font-weight: 600; }
.badge { display: inline-block; padding: 0 8px; border-radius: 10px; font-size: 12px; font-weight: 600;
  background: var(--kh-gold); color: #3a2c00; }
.body { border: 1px solid var(--kh-border); border-top: 0; padding: 12px 16px 16px; background: #fff; }
section { margin: 0 0 20px; }
h3 { color: var(--kh-blue-dark); font-size: 16px; margin: 0 0 8px; padding-bottom: 4px;
  border-bottom: 2px solid var(--kh-red); display: inline-block; }
.toolbar { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: flex-end; margin-bottom: 8px; }
.field { display: flex; flex-direction: column; gap: 2px; min-width: 0; flex: 1 1 160px; max-width: 100%; }
.field label { font-size: 13px; color: var(--kh-muted); font-weight: 600; }
input, select, textarea, button { font: inherit; color: inherit; max-width: 100%; }
input, select, textarea { border: 1px solid var(--kh-border); border-radius: 3px; padding: 5px 7px; background: #fff; min-width: 0; }
select { width: 100%; }
textarea { width: 100%; min-height: 5em; resize: vertical; }
button, .button { background: var(--kh-blue); color: #fff; border: 1px solid var(--kh-blue-dark);
  border-radius: 3px; padding: 5px 12px; cursor: pointer; }
button.secondary { background: #fff; color: var(--kh-blue); }
button:hover { filter: brightness(1.1); }
:focus-visible { outline: 3px solid var(--kh-gold); outline-offset: 1px; }
.count { color: var(--kh-muted); font-size: 13px; margin: 4px 0; }
.scroll { overflow-x: auto; max-width: 100%; border: 1px solid var(--kh-border); }
table { border-collapse: collapse; width: 100%; min-width: 720px; font-size: 14px; }
caption { text-align: left; font-weight: 600; padding: 6px 8px; color: var(--kh-blue-dark); }
th, td { border-bottom: 1px solid var(--kh-border); padding: 6px 8px; text-align: left; vertical-align: top; }
thead th { background: var(--kh-blue); color: #fff; font-weight: 600; position: sticky; top: 0; }
tbody tr:nth-child(even) { background: var(--kh-zebra); }
tbody tr { cursor: pointer; }
tbody tr:hover { background: var(--kh-blue-light); }
tbody tr[aria-selected="true"] { background: #fff4cc; box-shadow: inset 4px 0 0 var(--kh-red); }
tbody th { white-space: nowrap; color: var(--kh-blue-dark); }
td.task { min-width: 260px; width: 42%; }
td.agency { min-width: 150px; }
td.when { min-width: 110px; }
.changed { color: var(--kh-red); font-weight: 600; }
.note { display: block; color: var(--kh-muted); font-size: 12px; font-weight: 400; }
.status { display: inline-block; padding: 1px 6px; border-radius: 3px; font-size: 12px; white-space: nowrap;
  background: #e6e9ee; }
.status.active { background: #d7ecff; color: #063a6b; }
.status.overdue { background: #ffd9d9; color: #7d0010; }
.status.recurring, .status.continuous { background: #dff3e4; color: #0d5020; }
.status.upcoming { background: #fff1c7; color: #5c4500; }
.status.ended, .status.done { background: #e6e9ee; color: #37414d; }
.timeline svg { width: 100%; min-width: 760px; height: auto; display: block; background: #fff; }
.timeline .bar { fill: #7aa7d9; }
.timeline .bar.assumed { fill: #c3d6ec; }
.timeline .phase.odd { fill: #0b4a8b; }
.timeline .phase.even { fill: #4f8fd0; }
.timeline .bar.overdue { fill: #e0707f; }
.timeline .bar.selected { stroke: var(--kh-red); stroke-width: 2; }
.timeline .asof { stroke: var(--kh-red); stroke-width: 2; }
.timeline .grid { stroke: #dde3ea; }
.timeline text { font: 11px "Segoe UI", Roboto, Arial, sans-serif; fill: var(--kh-text); }
.timeline .asof-label { fill: var(--kh-red); font-weight: 600; }
ul.plain, ol.plain { list-style: none; padding: 0; margin: 0; }
.diag { border-left: 4px solid #8a96a6; padding: 6px 10px; margin: 0 0 6px; background: var(--kh-zebra); }
.diag.error { border-color: var(--kh-red); }
.diag.warning { border-color: #d99a00; }
.diag .code { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: 12px; color: var(--kh-muted); }
.diag .sev { font-weight: 700; margin-right: 6px; }
.diag .where { color: var(--kh-muted); font-size: 13px; margin-right: 8px; }
.diag button { padding: 1px 8px; font-size: 13px; }
.diag ul { margin: 4px 0 0; padding-left: 18px; font-size: 13px; color: var(--kh-muted); }
pre.source { max-height: 22em; overflow: auto; white-space: pre-wrap; word-break: break-word;
  border: 1px solid var(--kh-border); padding: 8px; background: #fbfcfe; font-size: 13px; font-family: inherit; margin: 0; }
mark { background: #ffe066; outline: 2px solid var(--kh-red); }
.reviews { max-height: 30em; overflow: auto; }
.reviews li { padding: 4px 0; border-bottom: 1px dashed var(--kh-border); }
.reviews .past { color: var(--kh-muted); }
.reviews time { font-weight: 600; margin-right: 8px; }
.downloads { display: flex; flex-wrap: wrap; gap: 8px; }
.amend .actions { display: flex; flex-wrap: wrap; gap: 8px; margin: 6px 0; }
.amend .message { font-weight: 600; }
.amend .message.bad { color: var(--kh-red); }
.diff li { border: 1px solid var(--kh-border); margin: 0 0 6px; padding: 6px 8px; }
.diff .op { font-weight: 700; color: var(--kh-red); margin-right: 6px; }
.diff del, .diff ins { display: block; white-space: pre-wrap; padding: 4px 6px; margin-top: 4px; text-decoration: none; }
.diff del { background: #ffecec; border-left: 3px solid var(--kh-red); }
.diff ins { background: #eaffea; border-left: 3px solid #2d8a3e; }
.diff .label { font-size: 12px; color: var(--kh-muted); display: block; }
.error-box { border: 1px solid var(--kh-red); background: #fff0f0; padding: 8px 12px; color: #7d0010; }
.cols { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 0 20px; }
@media (max-width: 600px) {
  /* Rows as cards: no sideways scrolling for the table on phones (roles keep the semantics). */
  .scroll.tasks { overflow-x: visible; border: 0; }
  table { min-width: 0; }
  table, tbody, tr, tbody th, td, caption { display: block; }
  thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  tbody tr { border: 1px solid var(--kh-border); margin-bottom: 8px; }
  tbody tr[aria-selected="true"] { box-shadow: inset 0 4px 0 var(--kh-red); }
  tbody th, td { border: 0; padding: 2px 10px; }
  tbody th { padding-top: 8px; font-size: 16px; }
  td:last-child { padding-bottom: 8px; }
  td[data-label]::before { content: attr(data-label); display: block; font-size: 12px; font-weight: 600; color: var(--kh-muted); }
  td.task { width: auto; min-width: 0; }
}
@media (max-width: 760px) {
  .cols { grid-template-columns: minmax(0, 1fr); }
  .band h2 { font-size: 16px; }
  .body { padding: 10px; }
}
`;
