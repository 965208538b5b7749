// @@TYPES@@
import type * as core from "./kehoach_core.js";
import type * as tools from "./kehoach_tools.js";
import type {
  AgenciesOutput,
  AmendmentResult,
  Diagnostic,
  DraftOutput,
  InstructionsOutput,
  ExportFormat,
  ParseOutput,
  Plan,
  Schedule,
  TimeframeOutput,
} from "./kehoach_tools.js";

/** The package version, e.g. `"0.1.0"`. */
export function version(): string;
/** Parses a plan: `{ plan, diagnostics }`, spans in UTF-16 code units. The plan stays in wasm
 * memory too (see `freePlan`); pass this very object to `schedule`, `checkPlan`, … */
export function parsePlan(text: string, options?: Parameters<typeof core.parsePlan>[1]): ParseOutput;
/** Every diagnostic of a plan text (parsed, then checked) or of a plan from `parsePlan` /
 * `applyAmendment`, sorted by position. */
export function checkPlan(textOrPlan: string | Plan, options?: Parameters<typeof core.checkText>[1]): Diagnostic[];
/** Parses one timeframe: `{ timeframe, diagnostics }`. */
export function parseTimeframe(text: string): TimeframeOutput;
/** Splits a lead/partner list into agencies; with `on`, their current holders. */
export function resolveAgencies(text: string, options?: Parameters<typeof core.resolveAgencies>[1]): AgenciesOutput;
/** The schedule of a plan (from `parsePlan` or `applyAmendment`) as of `options.asOf`. */
export function schedule(plan: Plan, options: Parameters<core.PlanHandle["schedule"]>[0]): Schedule;
/** On demand (loads the tools module the first time): applies an amendment (instruction text,
 * amendment JSON text or an amendment object); the result's `plan` is a plan for every function. */
export function applyAmendment(
  plan: Plan,
  amendment: Parameters<tools.PlanHandle["amend"]>[0],
  options?: Parameters<tools.PlanHandle["amend"]>[1],
): Promise<AmendmentResult>;
/** On demand: the plan as `"ics"`, `"csv"`, `"text"` or `"json"`. */
export function exportPlan(plan: Plan, format: ExportFormat, options?: Parameters<tools.PlanHandle["export"]>[1]): Promise<string>;
/** On demand: reads amendment instructions without a plan (`operations`, their `spans` and
 * Vietnamese `addresses`, and located `diagnostics` for sentences not read). */
export function parseInstructions(text: string): Promise<InstructionsOutput>;
/** On demand: the amending instructions, in standard wording, that turn `before` into `after`
 * (both plans of `parsePlan` or `applyAmendment`). */
export function draftAmendment(before: Plan, after: Plan): Promise<DraftOutput>;
/** Loads the tools module ahead of its first use (e.g. when the amendment panel opens). */
export function loadTools(): Promise<void>;
/** Frees the wasm memory of a plan now (otherwise freed when the plan object is collected). */
export function freePlan(plan: Plan): void;
