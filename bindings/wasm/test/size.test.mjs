// Size of the package, wasm + JS, gzip level 9 (node:zlib), per build (issue 22).
//
// Budgets (issue 22): what a portal loads to show a plan (the entry, the core module: parse,
// check, timeframes, agencies, schedule) ≤ 150 KB gzipped; everything, with the tools module
// loaded on demand (amendments, exports), ≤ 300 KB. Neither is met yet (see README "Size and
// speed"): this test enforces the measured sizes + 3 % as ceilings, so that they cannot grow
// unnoticed, and prints a loud line for each budget not met. Lower the ceilings with every diet
// step; when a ceiling reaches its budget, the budget is the ceiling.
// test/browser.test.mjs measures the same files as the demo page fetches them.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { gzipSync } from "node:zlib";
import { pkgDir } from "./helpers.mjs";

import { ALL_BUDGET, ALL_CEILING, FIRST_RENDER_BUDGET, FIRST_RENDER_CEILING, FIRST_RENDER_FILES, TOOLS_FILES } from "./sizes.mjs";

const kb = (n) => (n / 1024).toFixed(1);

for (const build of ["web", "node"]) {
  test(`pkg/${build}: first render and everything within their ceilings (budgets 150 and 300 KB gzipped)`, () => {
    const gz = (f) => {
      const bytes = readFileSync(join(pkgDir, "pkg", build, f));
      const gzip = gzipSync(bytes, { level: 9 }).length;
      console.log(`# pkg/${build}/${f}: ${bytes.length} bytes, ${gzip} gzipped`);
      return gzip;
    };
    const first = FIRST_RENDER_FILES.reduce((n, f) => n + gz(f), 0);
    const all = first + TOOLS_FILES.reduce((n, f) => n + gz(f), 0);
    console.log(`# pkg/${build}: first render ${first} bytes gzipped (${kb(first)} KB; budget ${kb(FIRST_RENDER_BUDGET)} KB)`);
    console.log(`# pkg/${build}: everything ${all} bytes gzipped (${kb(all)} KB; budget ${kb(ALL_BUDGET)} KB)`);
    if (first > FIRST_RENDER_BUDGET) console.log(`# SIZE TARGET NOT MET: first render ${kb(first)} KB > 150 KB`);
    if (all > ALL_BUDGET) console.log(`# SIZE TARGET NOT MET: everything ${kb(all)} KB > 300 KB`);
    assert.ok(first <= Math.max(FIRST_RENDER_BUDGET, FIRST_RENDER_CEILING), `first render ${first} > ceiling ${FIRST_RENDER_CEILING}`);
    assert.ok(all <= Math.max(ALL_BUDGET, ALL_CEILING), `everything ${all} > ceiling ${ALL_CEILING}`);
    // wasm-opt ran: the name section (function names) is gone.
    for (const f of ["kehoach_core_bg.wasm", "kehoach_tools_bg.wasm"]) {
      assert.ok(!readFileSync(join(pkgDir, "pkg", build, f)).includes("kehoach_wasm::"), `${f} not optimized`);
    }
  });
}
