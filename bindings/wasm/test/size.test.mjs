// Size budget of the package: wasm + JS glue, gzip level 9 (node:zlib), per build.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { gzipSync } from "node:zlib";
import { pkgDir } from "./helpers.mjs";

const BUDGET = 150 * 1024; // issue 8: ≤ 150 KB gzipped for wasm + JS (aim: 100 KB)

for (const build of ["web", "node"]) {
  test(`pkg/${build}: wasm + JS ≤ 150 KB gzipped`, () => {
    const sizes = ["kehoach_bg.wasm", "kehoach.js"].map((f) => {
      const bytes = readFileSync(join(pkgDir, "pkg", build, f));
      return { file: f, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    });
    const total = sizes.reduce((n, s) => n + s.gzip, 0);
    for (const s of sizes) console.log(`# pkg/${build}/${s.file}: ${s.raw} bytes, ${s.gzip} gzipped`);
    console.log(`# pkg/${build}: wasm + JS ${total} bytes gzipped (${(total / 1024).toFixed(1)} KB of ${BUDGET / 1024} KB)`);
    assert.ok(total <= BUDGET, `${total} > ${BUDGET}`);
    // wasm-opt ran: the name section (function names) is gone.
    assert.ok(!readFileSync(join(pkgDir, "pkg", build, "kehoach_bg.wasm")).includes("kehoach_wasm::"), "not optimized");
  });
}
