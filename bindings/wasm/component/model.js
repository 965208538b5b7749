// The view model of <kehoach-plan>: plan + schedule + diagnostics joined into what the views
// show. Pure data (no DOM), built from the kehoach wasm API.

/** Units carrying a lead-agency or timeframe field, depth first (the plan's tasks). */
export function planTasks(plan) {
  const out = [];
  const walk = (unit) => {
    if (unit.leads || unit.timeframe) out.push(unit);
    for (const child of unit.children ?? []) walk(child);
  };
  for (const unit of plan?.body ?? []) walk(unit);
  return out;
}

/** A unit's body text: its paragraphs joined by newlines (as the crate's `Unit::text`). */
export function unitText(unit) {
  return (unit?.blocks ?? [])
    .filter((b) => b.kind === "paragraph")
    .map((b) => b.text)
    .join("\n");
}

/** Every text of a unit and its sub-units, for showing a removed or replaced unit. */
export function unitFullText(unit) {
  if (!unit) return "";
  const own = (unit.blocks ?? []).map((b) => (b.label ? `${b.label}: ${b.text}` : b.text));
  const head = [unit.num ? `${unit.num})` : "", unit.heading?.text ?? ""].filter(Boolean).join(" ");
  return [head, ...own, ...(unit.children ?? []).map(unitFullText)].filter(Boolean).join("\n");
}

const year = (iso) => (iso ? Number(iso.slice(0, 4)) : null);
const names = (agencies) => [...new Set((agencies ?? []).map((a) => a.name ?? a.text).filter(Boolean))];

/** The earliest dated change among the leads' successions ("since"), if any lead changed. */
function changedSince(leads) {
  const dates = [];
  for (const a of leads ?? []) {
    for (const c of a.current ?? []) if (c.change && c.change !== "unchanged" && c.since) dates.push(c.since);
  }
  return dates.sort()[0] ?? null;
}

/**
 * Builds the view model.
 * - `kh`: the kehoach module (web build, initialized)
 * - `text`: the source text (diagnostic spans refer to it); `plan`: the current plan (after
 *   amendments, if any); `asOf`: "YYYY-MM-DD"; `lang`: "vi" | "en"
 */
export function buildModel(kh, { text, plan, asOf, lang, amended }) {
  const schedule = kh.schedule(plan, { asOf });
  // The text while the plan is the one parsed from it (spans are exact); the plan itself after
  // an amendment, so the check sees the amended content.
  const diagnostics = kh.checkPlan(amended ? plan : text, { asOf, lang });

  const units = new Map(planTasks(plan).map((u) => [u.eid, u]));
  const tasks = schedule.tasks.map((t) => {
    const unit = units.get(t.eid);
    const leadNames = names(t.leads);
    const responsibleNames = names(t.responsible);
    const changed =
      responsibleNames.length !== leadNames.length || responsibleNames.some((n) => !leadNames.includes(n));
    return {
      eid: t.eid,
      number: t.number,
      text: t.text ?? unitText(unit),
      leadsText: unit?.leads?.text ?? leadNames.join(", "),
      leadNames,
      responsibleNames,
      responsibleChanged: changed,
      since: changed ? changedSince(t.leads) : null,
      timeframeText: t.timeframeText ?? unit?.timeframe?.text ?? "",
      status: t.status,
      window: t.window ?? { start: null, end: null },
      phases: t.phases ?? [],
      currentPhase: t.currentPhase ?? null,
      span: unit?.span ?? null,
    };
  });

  // Years: from the plan's year to the horizon (or the last window end).
  const planYear = year(plan?.meta?.date) ?? year(schedule.planDate) ?? null;
  const starts = tasks.map((t) => year(t.window.start)).filter(Number.isFinite);
  const ends = tasks.map((t) => year(t.window.end)).filter(Number.isFinite);
  const firstYear = Math.min(planYear ?? Infinity, ...starts, year(asOf));
  // The stated horizon when there is one (a vision year further out would squash the chart;
  // bars beyond it are clipped and say so), else the last window end.
  const horizon = schedule.horizon?.year;
  const lastYear = Math.max(Number.isFinite(horizon) ? horizon : Math.max(...ends), year(asOf));

  const agencies = new Set();
  for (const t of tasks) for (const n of [...t.leadNames, ...t.responsibleNames]) agencies.add(n);

  return {
    asOf,
    lang,
    meta: plan?.meta ?? {},
    tasks,
    reviews: schedule.reviews ?? [],
    diagnostics,
    firstYear,
    lastYear,
    agencies: [...agencies].sort((a, b) => a.localeCompare(b, "vi")),
    statuses: [...new Set(tasks.map((t) => t.status))],
  };
}

/** Does a task's window cover (part of) the year? Tasks without a start never do. */
export function coversYear(task, y, lastYear) {
  const start = year(task.window.start);
  if (start === null) return false;
  const end = year(task.window.end) ?? lastYear;
  return start <= y && y <= end;
}
