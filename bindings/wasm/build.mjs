#!/usr/bin/env node
// Builds the npm package from the Rust crate, in one command (`npm run build`):
//   1. cargo build --profile wasm-release --target wasm32-unknown-unknown -p kehoach-wasm
//   2. wasm-bindgen (the CLI must be the crate's exact version) for the browser (--target web,
//      ES module) into pkg/web and for Node (--target nodejs, CommonJS) into pkg/node
//   3. wasm-opt -Oz (binaryen from npm, pinned; never Debian's older one, which corrupts
//      wasm-bindgen's output) on both
//   4. pkg/test/: a Node build with the `test-panic` feature (an export that panics on purpose,
//      for the recovery test); never part of the package
//   5. pkg/office/: the office module (bindings/wasm-office), web build, loaded on demand
//   6. pkg/native-seed.json: the native `kehoach::parse(seed)` JSON, for the equality test
// Prints the sizes (raw and gzip) at the end.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, "..", "..");
const pkg = join(here, "pkg");
const WASM_BINDGEN_VERSION = "0.2.130";

function run(cmd, args, opts = {}) {
  console.log(`[build] ${cmd} ${args.join(" ")}`);
  return execFileSync(cmd, args, { stdio: ["ignore", "inherit", "inherit"], cwd: root, ...opts });
}

// The CLI must match the `wasm-bindgen = "=0.2.130"` pin exactly (scripts/setup installs it).
let cliVersion = "";
try {
  cliVersion = execFileSync("wasm-bindgen", ["--version"], { encoding: "utf8" }).trim();
} catch {
  cliVersion = "(not installed)";
}
if (cliVersion !== `wasm-bindgen ${WASM_BINDGEN_VERSION}`) {
  console.error(
    `[build] need wasm-bindgen ${WASM_BINDGEN_VERSION}, found ${cliVersion}: run scripts/setup ` +
      `(cargo install wasm-bindgen-cli --version ${WASM_BINDGEN_VERSION})`,
  );
  process.exit(1);
}

const input = join(root, "target", "wasm32-unknown-unknown", "wasm-release", "kehoach_wasm.wasm");
const cargoBuild = (...extra) =>
  run("cargo", [
    "build",
    "--locked",
    "--profile",
    "wasm-release",
    "--target",
    "wasm32-unknown-unknown",
    "-p",
    "kehoach-wasm",
    ...extra,
  ]);

rmSync(pkg, { recursive: true, force: true });
// The test build first: both builds write the same file, and the package's must be the last.
cargoBuild("--features", "test-panic");
run("wasm-bindgen", ["--target", "nodejs", "--out-dir", join(pkg, "test"), "--out-name", "kehoach", input]);
writeFileSync(join(pkg, "test", "package.json"), '{ "type": "commonjs" }\n');

cargoBuild();
const wasmOpt = join(here, "node_modules", ".bin", "wasm-opt");
// Features rustc enables by default for wasm32-unknown-unknown (Rust 1.87+); wasm-opt must
// accept them and must not add any other.
const features = [
  "--enable-bulk-memory",
  "--enable-mutable-globals",
  "--enable-nontrapping-float-to-int",
  "--enable-reference-types",
  "--enable-sign-ext",
  "--enable-multivalue",
];
for (const [dir, target] of [
  ["web", "web"],
  ["node", "nodejs"],
]) {
  const out = join(pkg, dir);
  run("wasm-bindgen", ["--target", target, "--out-dir", out, "--out-name", "kehoach", input]);
  const wasm = join(out, "kehoach_bg.wasm");
  run(wasmOpt, ["-Oz", ...features, "--strip-debug", "--strip-producers", wasm, "-o", wasm]);
}
// The office module (bindings/wasm-office: tracking workbook and progress report), a second
// wasm the component imports on the first workbook or report download: never part of the first
// render nor of the size budget of the main module (test/size.test.mjs).
run("cargo", [
  "build",
  "--locked",
  "--profile",
  "wasm-release",
  "--target",
  "wasm32-unknown-unknown",
  "-p",
  "kehoach-wasm-office",
]);
const officeInput = join(root, "target", "wasm32-unknown-unknown", "wasm-release", "kehoach_wasm_office.wasm");
const officeDir = join(pkg, "office");
run("wasm-bindgen", ["--target", "web", "--out-dir", officeDir, "--out-name", "kehoach_office", officeInput]);
const officeWasm = join(officeDir, "kehoach_office_bg.wasm");
run(wasmOpt, ["-Oz", ...features, "--strip-debug", "--strip-producers", officeWasm, "-o", officeWasm]);

// The Node build is CommonJS inside a `"type": "module"` package.
writeFileSync(join(pkg, "node", "package.json"), '{ "type": "commonjs" }\n');

// The native parse of the seed, for the test that compares it with the package's output.
const native = execFileSync(
  "cargo",
  ["run", "--locked", "-q", "-p", "kehoach-examples", "--example", "dump_json"],
  { cwd: root, encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "inherit"] },
);
JSON.parse(native); // fail the build on anything but JSON
mkdirSync(pkg, { recursive: true });
writeFileSync(join(pkg, "native-seed.json"), native);

for (const [dir, name] of [
  ["web", "kehoach"],
  ["node", "kehoach"],
  ["office", "kehoach_office"],
]) {
  const files = [`${name}_bg.wasm`, `${name}.js`].map((f) => join(pkg, dir, f));
  const raw = files.map((f) => statSync(f).size);
  const gz = files.map((f) => gzipSync(readFileSync(f), { level: 9 }).length);
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  console.log(
    `[build] pkg/${dir}: wasm ${kb(raw[0])} (gzip ${kb(gz[0])}), js ${kb(raw[1])} (gzip ${kb(gz[1])}), ` +
      `total gzip ${kb(gz[0] + gz[1])}`,
  );
}
