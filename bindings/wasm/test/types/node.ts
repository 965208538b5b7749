// Type-checked by test/types.test.mjs (tsc --strict): the generated declarations of the Node
// build are complete, typed (not `any`) and reject wrong calls. Resolved through the package's
// `exports` ("node" condition), as a portal's build script would.
import { exportPlan, parsePlan, parseTimeframe, version } from "kehoach";
import type { Diagnostic, ExportFormat, Lang, ParseOutput, Plan, Severity, Span, Unit } from "kehoach";

type IsAny<T> = 0 extends 1 & T ? true : false;
const notAny: IsAny<ReturnType<typeof parsePlan>> = false;
const notAnyPlan: IsAny<ParseOutput["plan"]> = false;

const out: ParseOutput = parsePlan("I. MỤC ĐÍCH", { lang: "en", asOf: "2026-11-28", maxInputBytes: 1000 });
const plan: Plan = out.plan;
const unit: Unit | undefined = plan.body[0];
const span: Span | undefined = unit?.leads?.span;
const start: number | undefined = span?.start;
const diagnostic: Diagnostic | undefined = out.diagnostics[0];
const severity: Severity | undefined = diagnostic?.severity;
const sev: "info" | "warning" | "error" | undefined = severity;
const lang: Lang = "vi";
const format: ExportFormat = "text";
const text: string = exportPlan(plan, format);
const timeframeText: string = parseTimeframe("Năm 2021.").timeframe.text;
const v: string = version();

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

export { notAny, notAnyPlan, start, sev, lang, text, timeframeText, v };
