// <kehoach-plan>: a Vietnamese implementation plan (Kế hoạch) as a portal widget.
//
//   <script type="module" src="/path/to/kehoach/component/kehoach-plan.js"></script>
//   <kehoach-plan src="ke-hoach-66.txt" as-of="2026-11-28" lang="vi"></kehoach-plan>
//
// Attributes: `src` (URL of the plan text, relative to the page), `as-of` (YYYY-MM-DD; default
// today), `lang` (vi | en). Property: `planText` (load a plan from a string). Events (bubbling,
// composed): `kehoach-load` { number, tasks, diagnostics }, `kehoach-select` { eid, number },
// `kehoach-error` { message, code }. Open shadow root; every piece of plan text is set as text
// (dom.js), never parsed as HTML. The wasm is the package's web build, next to it in pkg/web/:
// the first render loads only its core module; the tools module (amendments, ICS/CSV) is loaded
// by the first amendment or download (issue 22).
// The workbook and report downloads import the office module (pkg/office/) on first use.
import init, * as kh from "../pkg/web/kehoach.js";
import { fold, h, replace } from "./dom.js";
import { strings } from "./i18n.js";
import { buildModel, coversYear } from "./model.js";
import { CSS } from "./style.js";
import { diagnosticView, diffView, filtersView, identityView, reviewsView, tableView, timelineView } from "./views.js";

let ready = null;
/** Initializes the wasm module once per page. */
function loadKehoach() {
  ready ??= init().then(() => kh);
  return ready;
}

let officeReady = null;
/** The office module (tracking workbook, progress report): a second wasm, imported on the first
 * click of a workbook or report download, never during the first render. */
function loadOffice() {
  officeReady ??= import("../pkg/office/kehoach_office.js").then(async (m) => {
    await m.default();
    return m;
  });
  officeReady.catch(() => {
    officeReady = null; // a failed load (offline) may be retried
  });
  return officeReady;
}

const OFFICE = {
  xlsx: { fn: "trackingWorkbook", prefix: "theo-doi", type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  docx: { fn: "progressReport", prefix: "bao-cao", type: "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
};

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
function today() {
  const d = new Date();
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

export class KehoachPlan extends HTMLElement {
  static observedAttributes = ["src", "as-of", "lang"];

  #root;
  #token = 0;
  #text = null; // source text the plan was parsed from
  #textFromProperty = false;
  #original = null; // plan as parsed
  #plan = null; // current plan (after applied amendments)
  #changes = []; // applied changes, in order
  #model = null;
  #filters = { agency: "", status: "", year: "", q: "" };
  #selected = null;
  #kh = null;
  #els = {};

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: "open" });
    const style = document.createElement("style");
    style.textContent = CSS;
    this.#els.main = h("div", { class: "root", part: "root" });
    this.#root.append(style, this.#els.main);
  }

  connectedCallback() {
    // A property set before the element was defined shadows the accessor: re-apply it.
    if (Object.hasOwn(this, "planText")) {
      const value = this.planText;
      delete this.planText;
      this.planText = value;
      return;
    }
    if (this.#text === null) this.#load();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue || !this.isConnected) return;
    if (name === "src") {
      this.#textFromProperty = false;
      this.#load();
    } else if (this.#plan) {
      this.#refresh();
    }
  }

  /** The plan text shown (set it to load another plan). */
  get planText() {
    return this.#text ?? "";
  }
  set planText(value) {
    this.#text = String(value ?? "");
    this.#textFromProperty = true;
    if (this.isConnected) this.#load();
  }

  /** The current plan (JSON model, after any applied amendment), or null before loading. */
  get plan() {
    return this.#plan;
  }

  get asOf() {
    const v = this.getAttribute("as-of");
    return v && ISO_DATE.test(v) ? v : today();
  }

  get lang() {
    return this.getAttribute("lang") === "en" ? "en" : "vi";
  }

  get #t() {
    return strings(this.lang);
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  async #load() {
    const token = ++this.#token;
    replace(this.#els.main, h("p", { class: "count", role: "status" }, this.#t.loading));
    try {
      const kehoach = await loadKehoach();
      let text = this.#text;
      if (!this.#textFromProperty) {
        const src = this.getAttribute("src");
        if (!src) return;
        const res = await fetch(new URL(src, document.baseURI));
        if (!res.ok) throw Object.assign(new Error(`HTTP ${res.status}: ${src}`), { code: "fetch-failed" });
        text = await res.text();
      }
      if (token !== this.#token) return;
      this.#kh = kehoach;
      this.#text = text;
      this.#original = kehoach.parsePlan(text, { asOf: this.asOf, lang: this.lang }).plan;
      this.#plan = this.#original;
      this.#changes = [];
      this.#selected = null;
      this.#filters = { agency: "", status: "", year: "", q: "" };
      this.#render();
      this.#emit("kehoach-load", {
        number: this.#model.meta.number?.text ?? null,
        tasks: this.#model.tasks.length,
        diagnostics: this.#model.diagnostics.length,
      });
    } catch (e) {
      if (token !== this.#token) return;
      this.#showError(e);
    }
  }

  /** Recomputes the model (as-of date, language, amendments) and redraws everything. */
  #refresh() {
    try {
      this.#render();
    } catch (e) {
      this.#showError(e);
    }
  }

  #showError(e) {
    replace(
      this.#els.main,
      h("div", { class: "error-box", role: "alert" }, h("strong", {}, `${this.#t.loadFailed}: `), String(e?.message ?? e)),
    );
    this.#emit("kehoach-error", { message: String(e?.message ?? e), code: e?.code ?? null });
  }

  #render() {
    const focusedId = this.#root.activeElement?.id;
    this.#model = buildModel(this.#kh, {
      text: this.#text,
      plan: this.#plan,
      asOf: this.asOf,
      lang: this.lang,
      amended: this.#changes.length > 0,
    });
    const m = this.#model;
    const t = this.#t;
    if (this.#filters.agency && !m.agencies.includes(this.#filters.agency)) this.#filters.agency = "";
    this.#els.tasks = h("div");
    this.#els.timeline = h("div", { class: "timeline scroll", role: "region", tabindex: "0", "aria-label": t.timeline });
    this.#els.source = h("pre", { class: "source", tabindex: "0", "aria-label": t.source, style: "position:relative" }, this.#text);
    this.#els.exportStatus = h("p", { class: "count", role: "status" });
    replace(
      this.#els.main,
      h(
        "div",
        { lang: this.lang },
        identityView(m, t, this.#changes.length),
        h(
          "div",
          { class: "body" },
          h(
            "section",
            { "aria-labelledby": "kh-h-tasks" },
            h("h3", { id: "kh-h-tasks" }, t.tasksHeading),
            filtersView(m, t, this.#filters, (el) => this.#onFilter(el)),
            this.#els.tasks,
          ),
          h("section", { "aria-labelledby": "kh-h-tl" }, h("h3", { id: "kh-h-tl" }, t.timeline), this.#els.timeline),
          h(
            "div",
            { class: "cols" },
            h(
              "section",
              { "aria-labelledby": "kh-h-diag" },
              h("h3", { id: "kh-h-diag" }, t.diagnostics),
              m.diagnostics.length
                ? h("ul", { class: "plain" }, m.diagnostics.map((d) => diagnosticView(d, t, "diagnostic", (sp) => this.#showSpan(sp, true))))
                : h("p", { class: "count" }, t.noDiagnostics),
              h("details", { open: true }, h("summary", {}, t.source), this.#els.source),
            ),
            h(
              "section",
              { "aria-labelledby": "kh-h-rev" },
              h("h3", { id: "kh-h-rev" }, t.reviews),
              reviewsView(m, t),
              h("h3", { style: "margin-top:16px" }, t.downloads),
              h(
                "div",
                { class: "downloads" },
                h("button", { type: "button", "data-testid": "export-ics", on: { click: () => this.#download("ics") } }, t.exportIcs),
                h("button", { type: "button", "data-testid": "export-csv", on: { click: () => this.#download("csv") } }, t.exportCsv),
                h("button", { type: "button", "data-testid": "export-xlsx", title: t.exportXlsxHint, on: { click: () => this.#downloadOffice("xlsx") } }, t.exportXlsx),
                h("button", { type: "button", "data-testid": "export-docx", title: t.exportDocxHint, on: { click: () => this.#downloadOffice("docx") } }, t.exportDocx),
              ),
              this.#els.exportStatus,
            ),
          ),
          this.#amendPanel(),
        ),
      ),
    );
    this.#renderTasks();
    if (focusedId) this.#root.getElementById(focusedId)?.focus();
  }

  #visibleTasks() {
    const m = this.#model;
    const f = this.#filters;
    const q = fold(f.q.trim());
    return m.tasks.filter((task) => {
      if (f.agency && !task.leadNames.includes(f.agency) && !task.responsibleNames.includes(f.agency)) return false;
      if (f.status && task.status !== f.status) return false;
      if (f.year && !coversYear(task, Number(f.year), m.lastYear)) return false;
      if (q) {
        const hay = fold([task.number, task.text, task.leadsText, ...task.responsibleNames, task.timeframeText].join("\n"));
        if (!hay.includes(q)) return false;
      }
      return true;
    });
  }

  #renderTasks() {
    const tasks = this.#visibleTasks();
    replace(this.#els.tasks, tableView(this.#model, this.#t, tasks, this.#selected, (task) => this.#select(task)));
    replace(this.#els.timeline, timelineView(this.#model, this.#t, tasks, this.#selected));
  }

  #onFilter(el) {
    if (el.name === "asOf") {
      if (el.value && ISO_DATE.test(el.value) && el.value !== this.asOf) this.setAttribute("as-of", el.value);
      return;
    }
    const key = { "kh-agency": "agency", "kh-status": "status", "kh-year": "year", "kh-search": "q" }[el.id];
    if (!key || this.#filters[key] === el.value) return;
    this.#filters[key] = el.value;
    this.#renderTasks();
  }

  #select(task) {
    this.#selected = task.eid;
    for (const tr of this.#els.tasks.querySelectorAll("tr[data-eid]")) {
      tr.setAttribute("aria-selected", tr.dataset.eid === task.eid ? "true" : "false");
    }
    for (const rect of this.#els.timeline.querySelectorAll("g[data-eid] > rect.bar")) {
      rect.classList.toggle("selected", rect.parentNode.dataset.eid === task.eid);
    }
    if (task.span && !this.#changes.length) this.#showSpan(task.span, false);
    this.#emit("kehoach-select", { eid: task.eid, number: task.number });
  }

  /** Highlights a span (UTF-16 offsets into the text) in the source view with a <mark>. */
  #showSpan(span, scrollPage) {
    const text = this.#text ?? "";
    const start = Math.max(0, Math.min(span.start, text.length));
    const end = Math.max(start, Math.min(span.end, text.length));
    const mark = h("mark", {}, text.slice(start, end) || "\u200b");
    replace(this.#els.source, text.slice(0, start), mark, text.slice(end));
    const details = this.#els.source.parentElement;
    if (details && !details.open) details.open = true;
    this.#els.source.scrollTop = Math.max(0, mark.offsetTop - 40);
    if (scrollPage) {
      mark.scrollIntoView({ block: "nearest" });
      this.#els.source.focus({ preventScroll: true });
    }
  }

  async #download(format) {
    const t = this.#t;
    try {
      const content = await this.#kh.exportPlan(this.#plan, format, { asOf: this.asOf });
      const type = format === "ics" ? "text/calendar;charset=utf-8" : "text/csv;charset=utf-8";
      this.#save(content, type, `ke-hoach-${this.#fileBase()}.${format}`);
      this.#els.exportStatus.textContent = "";
    } catch (e) {
      this.#els.exportStatus.textContent = `${format.toUpperCase()}: ${e?.message ?? e}`;
    }
  }

  /** The tracking workbook or the progress report, for the agency filtered on (or all). */
  async #downloadOffice(format) {
    const { fn, prefix, type } = OFFICE[format];
    const plan = this.#plan;
    const agency = this.#filters.agency || undefined;
    this.#els.exportStatus.textContent = this.#t.preparing;
    try {
      const office = await loadOffice();
      const bytes = office[fn](plan, { asOf: this.asOf, agency });
      const who = agency ? `-${agency.replace(/[^\p{L}\p{N}]+/gu, "-")}` : "";
      this.#save(bytes, type, `${prefix}-${this.#fileBase()}${who}.${format}`);
      this.#els.exportStatus.textContent = "";
    } catch (e) {
      this.#els.exportStatus.textContent = `${format.toUpperCase()}: ${e?.message ?? e}`;
    }
  }

  #fileBase() {
    return (this.#model.meta.number?.text ?? "ke-hoach").replace(/[^\p{L}\p{N}]+/gu, "-");
  }

  #save(content, type, name) {
    const url = URL.createObjectURL(new Blob([content], { type }));
    const a = h("a", { href: url, download: name, hidden: true });
    this.#root.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }

  #amendPanel() {
    const t = this.#t;
    const prev = this.#els.amendInput?.value ?? "";
    this.#els.amendInput = h("textarea", {
      id: "kh-amend",
      "data-testid": "amend-input",
      rows: "4",
      placeholder: t.amendPlaceholder,
      spellcheck: "false",
      // The tools module (amendments) starts loading when the panel is first used.
      on: { focus: () => this.#kh?.loadTools().catch(() => {}) },
    });
    this.#els.amendInput.value = prev;
    this.#els.amendOut = this.#els.amendOut ?? h("div", { "aria-live": "polite" });
    return h(
      "section",
      { class: "amend", "aria-labelledby": "kh-h-amend" },
      h("h3", { id: "kh-h-amend" }, t.amend),
      h("label", { for: "kh-amend", style: "display:block;font-weight:600;margin-bottom:4px" }, t.amendLabel),
      this.#els.amendInput,
      h(
        "div",
        { class: "actions" },
        h("button", { type: "button", class: "secondary", "data-testid": "amend-preview", on: { click: () => this.#amend(false) } }, t.amendPreview),
        h("button", { type: "button", "data-testid": "amend-apply", on: { click: () => this.#amend(true) } }, t.amendApply),
        h(
          "button",
          { type: "button", class: "secondary", "data-testid": "amend-reset", disabled: !this.#changes.length, on: { click: () => this.#resetAmendments() } },
          t.amendReset,
        ),
        h("button", { type: "button", class: "secondary", "data-testid": "draft-open", on: { click: () => this.#openDraft() } }, t.draftOpen),
      ),
      this.#els.draftBox ?? null,
      this.#els.amendOut,
    );
  }

  /** Shows the plan's text to edit; "Soạn câu sửa đổi" then writes the instructions of the edit. */
  async #openDraft() {
    const t = this.#t;
    let text;
    try {
      text = await this.#kh.exportPlan(this.#plan, "text");
    } catch (e) {
      return replace(this.#els.amendOut, h("p", { class: "message bad", role: "alert" }, String(e?.message ?? e)));
    }
    const input = h("textarea", { id: "kh-draft", "data-testid": "draft-input", rows: "12", spellcheck: "false" });
    input.value = text;
    this.#els.draftInput = input;
    this.#els.draftBox = h(
      "div",
      { class: "draft" },
      h("label", { for: "kh-draft", style: "display:block;font-weight:600;margin:8px 0 4px" }, t.draftLabel),
      input,
      h("div", { class: "actions" }, h("button", { type: "button", "data-testid": "draft-make", on: { click: () => this.#draft() } }, t.draftMake)),
    );
    this.#refresh();
  }

  /** The instructions that turn the current plan into the edited text, put in the amendment box and previewed. */
  async #draft() {
    const t = this.#t;
    let d;
    try {
      const edited = this.#kh.parsePlan(this.#els.draftInput.value).plan;
      try {
        d = await this.#kh.draftAmendment(this.#plan, edited);
      } finally {
        this.#kh.freePlan(edited);
      }
    } catch (e) {
      return replace(this.#els.amendOut, h("p", { class: "message bad", role: "alert" }, String(e?.message ?? e)));
    }
    if (!d.text.trim()) return replace(this.#els.amendOut, h("p", { class: "message" }, t.draftNone));
    this.#els.amendInput.value = d.text;
    this.#amend(false);
    if (d.unworded.length) {
      this.#els.amendOut.append(h("p", { class: "message bad", role: "alert" }, t.draftUnworded(d.unworded.join(", "))));
    }
  }

  /** Checks (and with `apply`, applies) the pasted amendment to the current plan. */
  async #amend(apply) {
    const t = this.#t;
    const out = this.#els.amendOut;
    // Untrimmed: diagnostic spans are offsets into the textarea's value.
    const source = this.#els.amendInput.value;
    if (!source.trim()) return replace(out, h("p", { class: "message bad" }, t.amendEmpty));
    let result;
    const plan = this.#plan;
    try {
      result = await this.#kh.applyAmendment(plan, source, { lang: this.lang });
    } catch (e) {
      return replace(out, h("p", { class: "message bad", role: "alert" }, String(e?.message ?? e)));
    }
    const select = (sp) => {
      const input = this.#els.amendInput;
      input.focus();
      input.setSelectionRange(sp.start, sp.end);
    };
    const diags = result.diagnostics ?? [];
    const parts = [
      h(
        "p",
        { class: `message ${result.applied ? "" : "bad"}`, role: result.applied ? "status" : "alert" },
        result.applied ? (apply ? t.amendApplied : t.amendPreviewed)(result.changes.length) : t.amendRejected,
      ),
      diags.length ? h("ul", { class: "plain" }, diags.map((d) => diagnosticView(d, t, "amend-diagnostic", select))) : null,
      h("div", { "data-testid": "amend-diff", "aria-label": t.amendDiff }, diffView(result.changes ?? [], t)),
    ];
    if (plan !== this.#plan) return; // another plan was loaded meanwhile
    if (apply && result.applied) {
      this.#plan = result.plan;
      this.#changes = [...this.#changes, ...result.changes];
      this.#refresh();
    }
    replace(out, ...parts);
  }

  #resetAmendments() {
    this.#plan = this.#original;
    this.#changes = [];
    this.#els.draftBox = null;
    replace(this.#els.amendOut);
    this.#refresh();
  }
}

if (!customElements.get("kehoach-plan")) customElements.define("kehoach-plan", KehoachPlan);
