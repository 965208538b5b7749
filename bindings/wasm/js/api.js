// The package's API over its two wasm modules (issue 22): `core` (kehoach_core: parse, check,
// timeframes, agencies, schedule; what a portal needs to show a plan) is loaded first, `tools`
// (kehoach_tools: amendments and exports) only when one of its functions is first called.
//
// Plans stay in wasm memory: `parsePlan` returns plain objects, and the `plan` object is the key
// of a WeakMap entry holding the module's PlanHandle. `schedule(plan)`, `checkPlan(plan)`,
// `applyAmendment(plan)` and `exportPlan(plan)` use that handle; nothing reads the plan back
// from the JavaScript object, so a copy of a plan (or a plan rebuilt from JSON) is not a plan
// (`invalid-argument`). A handle is freed by `freePlan(plan)`, or by wasm-bindgen's
// FinalizationRegistry once the plan object is garbage-collected.
//
// The tools module is a superset of the core one (its code cannot call into another wasm
// instance): a core plan is handed to it as text (re-parsed there with the same options, once
// per plan), and an amended plan lives there, so its schedule and checks run there too.
//
// This file is the one source of the API: build.mjs copies it into pkg/web (ES module) and
// rewrites its `export` for pkg/node (CommonJS).

/** `makeApi(core, loadTools)`: `core` is the initialized core module, `loadTools()` resolves to
 * the initialized tools module. Returns the package's functions. */
export function makeApi(core, loadTools) {
  const records = new WeakMap();
  let tools = null;
  let toolsLoading = null;

  const fail = (code, message) => Object.assign(new Error(message), { code });
  const typeName = (v) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
  const copy = (o) => (o !== null && typeof o === "object" && !Array.isArray(o) ? { ...o } : o);
  // wasm-bindgen refuses a handle made by an instance that a panic replaced since.
  const isStale = (e) => e instanceof Error && !("code" in e) && /stale object/i.test(e.message);

  function recordOf(plan, what) {
    const r = plan !== null && typeof plan === "object" ? records.get(plan) : undefined;
    if (r === undefined || r.freed) {
      const why = r?.freed ? "a freed plan (freePlan)" : typeName(plan) === "object" ? "an object that is not one" : typeName(plan);
      throw fail(
        "invalid-argument",
        `${what} must be a Plan returned by parsePlan or applyAmendment (plans stay in wasm memory: ` +
          `a copy, or a plan rebuilt from JSON, is not one), got ${why}`,
      );
    }
    return r;
  }

  /** Runs `f`; when it traps (a panic: wasm-bindgen replaces the instance at its next call),
   * makes that next call at once, so that no handle of the old instance reaches the new one. */
  function guard(m, f) {
    try {
      return f();
    } catch (e) {
      if (e instanceof WebAssembly.RuntimeError) {
        try {
          m.version();
        } catch {
          // The replacement failed too: the next call will say so.
        }
      }
      throw e;
    }
  }

  /** The record's handle in its own module, re-made after a panic replaced that module. */
  function handle(r) {
    if (r.handle === null) r.handle = r.make();
    return r.handle;
  }
  function use(r, f) {
    try {
      return guard(r.module, () => f(handle(r)));
    } catch (e) {
      if (!isStale(e)) throw e;
      r.handle = null;
      return f(handle(r));
    }
  }

  /** A handle of the record's plan in the tools module (made from the text once per plan). */
  function toolsHandle(r) {
    if (r.module === tools) return handle(r);
    if (r.toolsHandle === null) r.toolsHandle = r.makeTools();
    return r.toolsHandle;
  }
  function useTools(r, f) {
    try {
      return guard(tools, () => f(toolsHandle(r)));
    } catch (e) {
      if (!isStale(e)) throw e;
      if (r.module === tools) r.handle = null;
      else r.toolsHandle = null;
      return f(toolsHandle(r));
    }
  }

  /** Loads the tools module once; resolves when it is ready. */
  function loadToolsOnce() {
    toolsLoading ??= Promise.resolve()
      .then(loadTools)
      .then((m) => {
        tools = m;
        return m;
      })
      .catch((e) => {
        toolsLoading = null;
        throw e;
      });
    return toolsLoading;
  }

  function version() {
    return core.version();
  }

  /** The output of a new handle of module `m` (freed if taking it fails). */
  function takeOutput(m, h) {
    try {
      return guard(m, () => h.takeOutput());
    } catch (e) {
      h.free();
      throw e;
    }
  }

  function parsePlan(text, options) {
    const h = guard(core, () => core.parsePlan(text, options));
    return remember(takeOutput(core, h), h, text, options);
  }

  function remember(out, h, text, options) {
    const opts = copy(options);
    const fromText = (m) => {
      const x = m.parsePlan(text, opts);
      x.dropOutput();
      return x;
    };
    records.set(out.plan, {
      module: core,
      handle: h,
      toolsHandle: null,
      freed: false,
      make: () => fromText(core),
      makeTools: () => fromText(tools),
    });
    return out;
  }

  function checkPlan(textOrPlan, options) {
    if (textOrPlan === null || typeof textOrPlan !== "object" || Array.isArray(textOrPlan)) {
      return guard(core, () => core.checkText(textOrPlan, options));
    }
    return use(recordOf(textOrPlan, "checkPlan's argument"), (h) => h.check(options));
  }

  function parseTimeframe(text) {
    return guard(core, () => core.parseTimeframe(text));
  }

  function resolveAgencies(text, options) {
    return guard(core, () => core.resolveAgencies(text, options));
  }

  function schedule(plan, options) {
    return use(recordOf(plan, "plan"), (h) => h.schedule(options));
  }

  async function applyAmendment(plan, amendment, options) {
    const r = recordOf(plan, "plan");
    await loadToolsOnce();
    const opts = copy(options);
    const amended = useTools(r, (h) => h.amend(amendment, opts));
    const out = takeOutput(tools, amended);
    records.set(out.plan, {
      module: tools,
      handle: amended,
      toolsHandle: null,
      freed: false,
      make: () => {
        const x = toolsHandle(r).amend(amendment, opts);
        x.dropOutput();
        return x;
      },
      makeTools: null,
    });
    return out;
  }

  async function exportPlan(plan, format, options) {
    const r = recordOf(plan, "plan");
    await loadToolsOnce();
    return useTools(r, (h) => h.export(format, options));
  }

  async function parseInstructions(text) {
    await loadToolsOnce();
    return guard(tools, () => tools.parseInstructions(text));
  }

  async function draftAmendment(before, after) {
    const b = recordOf(before, "before");
    const a = recordOf(after, "after");
    await loadToolsOnce();
    return useTools(b, (hb) => useTools(a, (ha) => hb.draft(ha)));
  }

  async function loadToolsModule() {
    await loadToolsOnce();
  }

  function freePlan(plan) {
    const r = plan !== null && typeof plan === "object" ? records.get(plan) : undefined;
    if (r === undefined || r.freed) return;
    r.freed = true;
    for (const h of [r.handle, r.toolsHandle]) {
      try {
        h?.free();
      } catch {
        // A handle of a replaced instance: its memory went with that instance.
      }
    }
    r.handle = r.toolsHandle = null;
  }

  return {
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
    loadTools: loadToolsModule,
    freePlan,
  };
}
