// kehoach for the browser: the first-render module now, the tools module on first use.
//   import init, { parsePlan, schedule, applyAmendment } from "kehoach";
//   await init();                       // loads kehoach_core_bg.wasm (next to this file)
//   const { plan } = parsePlan(text);   // synchronous, as are checkPlan, schedule, …
//   const r = await applyAmendment(plan, "Bãi bỏ điểm b khoản 3 Mục II."); // loads kehoach_tools
import initCore, * as core from "./kehoach_core.js";
import { makeApi } from "./api.js";

const api = makeApi(core, async () => {
  const tools = await import("./kehoach_tools.js");
  await tools.default();
  return tools;
});

/** Loads and instantiates the core module (once; later calls resolve at once). Takes
 * wasm-bindgen's `{ module_or_path }` for a wasm served elsewhere. */
export default function init(options) {
  return initCore(options);
}

export const {
  version,
  parsePlan,
  checkPlan,
  parseTimeframe,
  resolveAgencies,
  schedule,
  applyAmendment,
  exportPlan,
  parseInstructions,
  draftAmendment,
  loadTools,
  freePlan,
} = api;
