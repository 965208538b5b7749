// The views of <kehoach-plan>, built with text nodes and attributes only (see dom.js).
import { h, s } from "./dom.js";
import { formatDate, STATUSES } from "./i18n.js";
import { unitFullText } from "./model.js";

/** The plan's identity band: issuer, type and title, number, date, signer, counts. */
export function identityView(m, t, amendedCount) {
  const meta = m.meta;
  const facts = [
    [t.number, meta.number?.text],
    [t.date, meta.dateLine?.text ?? formatDate(meta.date, m.lang)],
    [t.signer, meta.signer?.text],
  ].filter(([, v]) => v);
  return h(
    "header",
    { class: "band", part: "header" },
    meta.issuer ? h("p", { class: "issuer" }, meta.issuer.text) : null,
    h("h2", { id: "kh-title" }, [meta.docType?.text ?? t.plan, meta.title?.text].filter(Boolean).join(" ")),
    h(
      "dl",
      {},
      facts.map(([k, v]) => h("div", {}, h("dt", {}, `${k}:`), h("dd", {}, v))),
      h("div", {}, h("dt", {}, `${t.asOf}:`), h("dd", {}, formatDate(m.asOf, m.lang))),
    ),
    h(
      "p",
      { class: "count", style: "color:#fff;opacity:.9;margin:4px 0 0" },
      `${t.tasksCount(m.tasks.length)} · ${t.diagnosticsCount(m.diagnostics.length)} `,
      amendedCount ? h("span", { class: "badge" }, t.amendedBadge(amendedCount)) : null,
    ),
  );
}

function select(testid, id, label, allLabel, options, value) {
  const el = h(
    "select",
    { id, "data-testid": testid, name: id },
    h("option", { value: "" }, allLabel),
    options.map(([v, text]) => h("option", { value: v, selected: v === value }, text)),
  );
  return h("div", { class: "field" }, h("label", { for: id }, label), el);
}

/** Toolbar: as-of date, agency, status and year filters, search. */
export function filtersView(m, t, f, onChange) {
  const statusCounts = new Map();
  for (const task of m.tasks) statusCounts.set(task.status, (statusCounts.get(task.status) ?? 0) + 1);
  const years = [];
  for (let y = m.firstYear; Number.isFinite(y) && y <= m.lastYear; y++) years.push([String(y), String(y)]);
  const form = h(
    "form",
    { class: "toolbar", role: "search", "aria-label": t.filters, on: { submit: (e) => e.preventDefault() } },
    h(
      "div",
      { class: "field", style: "flex:0 1 170px" },
      h("label", { for: "kh-asof" }, t.asOf),
      h("input", { type: "date", id: "kh-asof", name: "asOf", "data-testid": "as-of", value: m.asOf, required: true }),
    ),
    select("filter-agency", "kh-agency", t.agency, t.allAgencies, m.agencies.map((a) => [a, a]), f.agency),
    select(
      "filter-status",
      "kh-status",
      t.status,
      t.allStatuses,
      STATUSES.filter((st) => statusCounts.has(st)).map((st) => [st, `${t.statuses[st]} (${statusCounts.get(st)})`]),
      f.status,
    ),
    select("filter-year", "kh-year", t.year, t.allYears, years, f.year),
    h(
      "div",
      { class: "field" },
      h("label", { for: "kh-search" }, t.search),
      h("input", {
        type: "search",
        id: "kh-search",
        name: "q",
        "data-testid": "search",
        placeholder: t.searchPlaceholder,
        value: f.q,
        autocomplete: "off",
      }),
    ),
  );
  form.addEventListener("input", (e) => onChange(e.target));
  form.addEventListener("change", (e) => onChange(e.target));
  return form;
}

/** The task table: real table semantics, one focusable row per task. */
export function tableView(m, t, tasks, selectedEid, onSelect) {
  const cols = [t.colNumber, t.colTask, t.colLeads, t.colResponsible(formatDate(m.asOf, m.lang)), t.colTimeframe, t.colStatus];
  const rows = tasks.map((task) => {
    const [cNum, cTask, cLeads, cResp, cWhen, cStatus] = cols;
    // Explicit roles keep the table semantics when narrow screens restyle rows as cards.
    const tr = h(
      "tr",
      {
        role: "row",
        "data-testid": "task-row",
        "data-eid": task.eid,
        "data-number": task.number,
        "data-status": task.status,
        tabindex: "0",
        "aria-selected": task.eid === selectedEid ? "true" : "false",
      },
      h("th", { scope: "row", role: "rowheader", "data-label": cNum }, task.number),
      h("td", { role: "cell", class: "task", "data-label": cTask }, task.text),
      h("td", { role: "cell", class: "agency", "data-label": cLeads }, task.leadsText),
      h(
        "td",
        { role: "cell", class: task.responsibleChanged ? "agency changed" : "agency", "data-label": cResp },
        task.responsibleNames.join("; "),
        task.responsibleChanged && task.since
          ? h("span", { class: "note" }, t.since(formatDate(task.since, m.lang)))
          : null,
      ),
      h("td", { role: "cell", class: "when", "data-label": cWhen }, task.timeframeText),
      h("td", { role: "cell", "data-label": cStatus }, h("span", { class: `status ${task.status}` }, t.statuses[task.status] ?? task.status)),
    );
    tr.addEventListener("click", () => onSelect(task));
    tr.addEventListener("keydown", (e) => {
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        onSelect(task);
      }
    });
    return tr;
  });
  const table = h(
    "table",
    { role: "table", "aria-describedby": "kh-count" },
    h("caption", {}, t.tableCaption),
    h("thead", { role: "rowgroup" }, h("tr", { role: "row" }, cols.map((c) => h("th", { scope: "col", role: "columnheader" }, c)))),
    h(
      "tbody",
      { role: "rowgroup" },
      rows.length ? rows : h("tr", { role: "row" }, h("td", { role: "cell", colspan: "6" }, t.noTasks)),
    ),
  );
  return h(
    "div",
    {},
    h("p", { class: "count", id: "kh-count", role: "status", "aria-live": "polite" }, t.shown(tasks.length, m.tasks.length)),
    h("div", { class: "scroll tasks", role: "region", "aria-label": t.tableCaption, tabindex: "0" }, table),
  );
}

/** Timeline: one bar per task over the years, phases shaded, the as-of date as a red line. */
export function timelineView(m, t, tasks, selectedEid) {
  const W = 1000;
  const LEFT = 64;
  const TOP = 26;
  const ROW = 16;
  const first = Date.UTC(m.firstYear, 0, 1);
  const last = Date.UTC(m.lastYear + 1, 0, 1);
  const x = (iso) =>
    LEFT + ((Math.min(Date.parse(`${iso}T00:00:00Z`), last) - first) / (last - first)) * (W - LEFT - 8);
  const xEnd = (iso) => Math.min(x(iso) + ((24 * 3600e3) / (last - first)) * (W - LEFT - 8), W - 8);
  const height = TOP + Math.max(tasks.length, 1) * ROW + 8;
  const svg = s("svg", {
    viewBox: `0 0 ${W} ${height}`,
    width: W,
    height,
    role: "img",
    "aria-labelledby": "kh-tl-title kh-tl-desc",
    "data-testid": "timeline",
    preserveAspectRatio: "xMinYMin meet",
  });
  svg.append(s("title", { id: "kh-tl-title" }, t.timeline));
  svg.append(s("desc", { id: "kh-tl-desc" }, t.timelineDesc(m.firstYear, m.lastYear)));
  for (let y = m.firstYear; y <= m.lastYear + 1; y++) {
    const gx = x(`${y}-01-01`);
    svg.append(s("line", { class: "grid", x1: gx, x2: gx, y1: TOP - 6, y2: height - 4 }));
    if (y <= m.lastYear) svg.append(s("text", { x: gx + 3, y: 14 }, String(y)));
  }
  tasks.forEach((task, i) => {
    const y = TOP + i * ROW;
    svg.append(s("text", { x: 4, y: y + 11 }, task.number));
    const w = task.window;
    if (!w.start) return;
    const end = w.end ?? `${m.lastYear}-12-31`;
    const title = `${task.number}: ${formatDate(w.start, m.lang)} – ${formatDate(end, m.lang)}${
      w.endAssumed || !w.end ? ` ${t.openEnd}` : ""
    } · ${t.statuses[task.status] ?? task.status}`;
    const g = s("g", { "data-eid": task.eid, "data-number": task.number }, s("title", {}, title));
    const cls = ["bar", task.status, w.endAssumed || !w.end ? "assumed" : "", task.eid === selectedEid ? "selected" : ""];
    g.append(
      s("rect", {
        class: cls.filter(Boolean).join(" "),
        x: x(w.start),
        y: y + 2,
        width: Math.max(2, xEnd(end) - x(w.start)),
        height: ROW - 5,
        rx: 2,
      }),
    );
    task.phases.forEach((p, k) => {
      if (!p.start) return;
      const pe = p.end ?? `${m.lastYear}-12-31`;
      g.append(
        s(
          "rect",
          {
            class: `phase ${k % 2 ? "even" : "odd"}`,
            x: x(p.start),
            y: y + 4,
            width: Math.max(2, xEnd(pe) - x(p.start)),
            height: ROW - 9,
          },
          s("title", {}, `${task.number}, ${t.phase(k + 1)}: ${formatDate(p.start, m.lang)} – ${formatDate(pe, m.lang)}`),
        ),
      );
    });
    svg.append(g);
  });
  const ax = x(m.asOf);
  svg.append(s("line", { class: "asof", x1: ax, x2: ax, y1: TOP - 8, y2: height - 2 }, s("title", {}, `${t.asOf}: ${formatDate(m.asOf, m.lang)}`)));
  svg.append(
    s("text", { class: "asof-label", x: Math.min(ax + 4, W - 80), y: TOP - 2 }, formatDate(m.asOf, m.lang)),
  );
  return svg;
}

/** One diagnostic: severity, code, message, "dòng L, cột C" and a button to its place. */
export function diagnosticView(d, t, testid, onShow) {
  const sp = d.span;
  const located = sp && sp.line > 0;
  return h(
    "li",
    { class: `diag ${d.severity}`, "data-testid": testid, "data-code": d.code, "data-severity": d.severity },
    h("span", { class: "sev" }, t.severity[d.severity] ?? d.severity),
    h("span", { class: "code" }, d.code),
    h("div", {}, d.message),
    located ? h("span", { class: "where" }, t.at(sp.line, sp.column)) : null,
    located && onShow
      ? h("button", { type: "button", class: "secondary", on: { click: () => onShow(sp) } }, t.showInSource)
      : null,
    d.notes?.length ? h("ul", {}, d.notes.map((n) => h("li", {}, typeof n === "string" ? n : n.message ?? ""))) : null,
  );
}

/** The review calendar. */
export function reviewsView(m, t) {
  if (!m.reviews.length) return h("p", { class: "count" }, t.noReviews);
  return h(
    "ol",
    { class: "plain reviews", tabindex: "0", "aria-label": t.reviews },
    m.reviews.map((r) =>
      h(
        "li",
        { class: r.status, "data-kind": r.kind },
        h("time", { datetime: r.due }, formatDate(r.due, m.lang)),
        t.reviewKind[r.kind] ?? r.kind,
        r.years ? ` ${t.reviewYears(r.years)}` : "",
        r.coordinator ? ` · ${t.coordinator}: ${r.coordinator.name ?? r.coordinator.text}` : "",
        ` · ${t.reviewStatus[r.status] ?? r.status}`,
      ),
    ),
  );
}

/** An amendment's changes: removed text struck in red, added text in green. */
export function diffView(changes, t) {
  return h(
    "ol",
    { class: "plain diff" },
    changes.map((c) =>
      h(
        "li",
        { "data-op": c.op, "data-eid": c.eid, "data-number": c.number },
        h("span", { class: "op" }, t.op[c.op] ?? c.op),
        h("strong", {}, c.number),
        c.before ? h("del", {}, h("span", { class: "label" }, t.before), unitFullText(c.before)) : null,
        c.after ? h("ins", {}, h("span", { class: "label" }, t.after), unitFullText(c.after)) : null,
      ),
    ),
  );
}
