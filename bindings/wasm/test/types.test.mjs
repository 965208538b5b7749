// The generated TypeScript declarations compile under `tsc --strict` (no missing or duplicate
// type, nothing typed `any` that should not be) and reject wrong calls (`@ts-expect-error`).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { test } from "node:test";
import { pkgDir } from "./helpers.mjs";

const tsc = join(pkgDir, "node_modules", "typescript", "bin", "tsc");
const common = ["--noEmit", "--strict", "--skipLibCheck", "false", "--target", "es2022"];

function check(file, ...opts) {
  try {
    execFileSync(process.execPath, [tsc, ...common, ...opts, join(pkgDir, "test", "types", file)], {
      cwd: pkgDir,
      encoding: "utf8",
    });
  } catch (e) {
    assert.fail(`tsc ${file}:\n${e.stdout}${e.stderr}`);
  }
}

test("Node declarations (exports 'node' condition, NodeNext resolution)", () => {
  check("node.ts", "--module", "nodenext", "--moduleResolution", "nodenext", "--lib", "es2022");
});

test("web declarations (exports default condition, bundler resolution)", () => {
  check("web.ts", "--module", "esnext", "--moduleResolution", "bundler", "--lib", "es2022,dom");
});
