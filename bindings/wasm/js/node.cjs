// kehoach for Node (CommonJS): the core module at once, the tools module on first use (loaded
// synchronously by require, behind the same promises as in the browser).
const core = require("./kehoach_core.js");
const { makeApi } = require("./api.js");

const api = makeApi(core, () => require("./kehoach_tools.js"));
// One assignment per name, so that `import { parsePlan } from "kehoach"` finds them in ESM too.
exports.version = api.version;
exports.parsePlan = api.parsePlan;
exports.checkPlan = api.checkPlan;
exports.parseTimeframe = api.parseTimeframe;
exports.resolveAgencies = api.resolveAgencies;
exports.schedule = api.schedule;
exports.applyAmendment = api.applyAmendment;
exports.exportPlan = api.exportPlan;
exports.parseInstructions = api.parseInstructions;
exports.draftAmendment = api.draftAmendment;
exports.loadTools = api.loadTools;
exports.freePlan = api.freePlan;
