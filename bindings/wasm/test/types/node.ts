// Type-checked by test/types.test.mjs (tsc --strict): the generated declarations of the Node
// build are complete, typed (not `any`) and reject wrong calls. Resolved through the package's
// `exports` ("node" condition), as a portal's build script would.
import {
  applyAmendment,
  checkPlan,
  draftAmendment,
  exportPlan,
  freePlan,
  loadTools,
  parseInstructions,
  parsePlan,
  parseTimeframe,
  resolveAgencies,
  schedule,
  version,
} from "kehoach";
import type {
  Agency,
  AgencyKind,
  AmendmentResult,
  Change,
  Current,
  Diagnostic,
  ExportFormat,
  Lang,
  Operation,
  ParseOutput,
  Plan,
  Schedule,
  ScheduledTask,
  Severity,
  Span,
  Status,
  Timeframe,
  TimeframeKind,
  Unit,
} from "kehoach";

type IsAny<T> = 0 extends 1 & T ? true : false;
const notAny: IsAny<ReturnType<typeof parsePlan>> = false;
const notAnyPlan: IsAny<ParseOutput["plan"]> = false;

const out: ParseOutput = parsePlan("I. MỤC ĐÍCH", { lang: "en", asOf: "2026-11-28", maxInputBytes: 1000, maxUnits: 500, maxLines: 10000, maxAgencies: 100 });
const plan: Plan = out.plan;
const unit: Unit | undefined = plan.body[0];
const span: Span | undefined = unit?.leads?.span;
const start: number | undefined = span?.start;
const diagnostic: Diagnostic | undefined = out.diagnostics[0];
const severity: Severity | undefined = diagnostic?.severity;
const sev: "info" | "warning" | "error" | undefined = severity;
const lang: Lang = "vi";
const format: ExportFormat = "text";
const text: Promise<string> = exportPlan(plan, format);
const timeframeText: string = parseTimeframe("Năm 2021.").timeframe.text;
const v: string = version();

const notAnyCheck: IsAny<ReturnType<typeof checkPlan>> = false;
const notAnySchedule: IsAny<ReturnType<typeof schedule>> = false;
const notAnyAmend: IsAny<ReturnType<typeof applyAmendment>> = false;
const notAnyAgencies: IsAny<ReturnType<typeof resolveAgencies>> = false;
const notAnyTimeframe: IsAny<ReturnType<typeof parseTimeframe>> = false;
const notAnyInstructions: IsAny<ReturnType<typeof parseInstructions>> = false;
const notAnyDraft: IsAny<ReturnType<typeof draftAmendment>> = false;
const parsedOps: Operation[] = (await parseInstructions("Bãi bỏ điểm b khoản 3 Mục II.")).operations;
const where: string[] = (await parseInstructions("Bãi bỏ điểm b khoản 3 Mục II.")).addresses;
const drafted: string = (await draftAmendment(plan, plan)).text;
const draftedOps: Operation[] = (await draftAmendment(plan, plan)).amendment.operations;
void notAnyInstructions;
void notAnyDraft;
void parsedOps;
void where;
void drafted;
void draftedOps;

const diags: Diagnostic[] = checkPlan("I. A", { asOf: "2026-11-28", lang: "en" });
const diags2: Diagnostic[] = checkPlan(plan);
const fixText: string | undefined = diags[0]?.fix?.replacement;

// The timeframe is a union discriminated by `kind`.
const tf: Timeframe = parseTimeframe("Từ năm 2021 - 2030.").timeframe;
if (tf.kind === "range") {
  const y: number = tf.start.year + tf.end.year;
  void y;
} else if (tf.kind === "recurring") {
  const f: "yearly" | "halfYearly" | "quarterly" | "monthly" | "weekly" | "daily" | "unspecified" = tf.freq;
  void f;
}
const kind: TimeframeKind["kind"] = tf.kind;

const agencies: Agency[] = resolveAgencies("Sở Y tế", { on: "2026-11-28" }).agencies;
const akind: AgencyKind | undefined = agencies[0]?.kind;
const current: Current[] | undefined = agencies[0]?.current ?? undefined;
const since: string | null | undefined = current?.[0]?.since;

const sched: Schedule = schedule(plan, {
  asOf: "2026-11-28",
  horizon: 2030,
  progress: { reports: [{ task: "II.1.c", date: "2026-01-01", status: "done" }] },
});
const task: ScheduledTask | undefined = sched.tasks[0];
const status: Status | undefined = task?.status;
const reviewDate: string | undefined = sched.reviews[0]?.due;

export async function amendAndExport(): Promise<string> {
  const r: AmendmentResult = await applyAmendment(plan, "Bãi bỏ điểm b khoản 3 Mục II.", { lang: "vi" });
  const s: Schedule = schedule(r.plan, { asOf: "2026-11-28" });
  void s;
  await loadTools();
  freePlan(r.plan);
  return exportPlan(plan, "ics", { asOf: "2026-11-28" });
}
const r: AmendmentResult = await applyAmendment(plan, "Bãi bỏ điểm b khoản 3 Mục II.", { lang: "vi" });
const r2: AmendmentResult = await applyAmendment(plan, { operations: [{ op: "repeal", target: "II.3.b" }] });
const change: Change | undefined = r.changes[0];
const op: string | undefined = change?.op;
const operation: Operation | undefined = r.amendment?.operations[0];
if (operation?.op === "renumber") {
  const to: string = operation.to;
  void to;
}
const ics: string = await exportPlan(plan, "ics", { asOf: "2026-11-28" });
const csv: string = await exportPlan(plan, "csv", { asOf: "2026-11-28" });

// @ts-expect-error lang is "vi" or "en"
parsePlan("x", { lang: "fr" });
// @ts-expect-error unknown option
parsePlan("x", { asof: "2026-01-01" });
// @ts-expect-error text is a string
parsePlan(42);
// @ts-expect-error unknown export format
exportPlan(plan, "pdf");
// @ts-expect-error a plan, not a string
exportPlan("plan", "text");
// @ts-expect-error asOf is required
schedule(plan, {});
// @ts-expect-error unknown status
schedule(plan, { asOf: "2026-11-28", progress: { reports: [{ task: "x", date: "2026-01-01", status: "finished" }] } });
// @ts-expect-error unknown operation
applyAmendment(plan, { operations: [{ op: "delete", target: "II.3.b" }] });
// @ts-expect-error a string or a plan
checkPlan(42);
// @ts-expect-error `on`, not `asOf`
resolveAgencies("Sở Y tế", { asOf: "2026-11-28" });

export {
  notAny,
  notAnyPlan,
  start,
  sev,
  lang,
  text,
  timeframeText,
  v,
  notAnyCheck,
  notAnySchedule,
  notAnyAmend,
  notAnyAgencies,
  notAnyTimeframe,
  diags2,
  fixText,
  kind,
  akind,
  since,
  status,
  reviewDate,
  r2,
  op,
  ics,
  csv,
};
