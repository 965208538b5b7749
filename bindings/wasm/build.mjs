#!/usr/bin/env node
// Builds the npm package from the Rust crate, in one command (`npm run build`). Two wasm modules
// (issue 22), both from the crate `kehoach-wasm`:
//   kehoach_core   default features: parse, check, timeframes, agencies, schedule (first render)
//   kehoach_tools  --features tools: the same plus amendments and exports (loaded on first use)
//   1. cargo build --profile wasm-release --target wasm32-unknown-unknown -p kehoach-wasm, once
//      per module
//   2. wasm-bindgen (the CLI must be the crate's exact version) for the browser (--target web,
//      ES module) into pkg/web and for Node (--target nodejs, CommonJS) into pkg/node
//   3. wasm-opt -Oz (binaryen from npm, pinned; never Debian's older one, which corrupts
//      wasm-bindgen's output), once per module: both targets' wasm files are identical
//   4. the entry: js/api.js (the API over both modules) with js/web.js as pkg/web/kehoach.js and
//      js/node.cjs as pkg/node/kehoach.js; kehoach.d.ts from js/types.d.ts plus the generated
//      types' names
//   5. pkg/test/: a Node build of the core with the `test-panic` feature (an export that panics
//      on purpose, for the recovery test); never part of the package
//   5b. pkg/office/: the office module (bindings/wasm-office), web build, loaded on demand
//   6. pkg/native-seed.json: the native `kehoach::parse(seed)` JSON, for the equality test
// Prints the sizes (raw and gzip) at the end.
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
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
const js = (f) => readFileSync(join(here, "js", f), "utf8");
// js/api.js is an ES module; the Node build is CommonJS.
const apiCommonJs = () => js("api.js").replace("export function makeApi", "function makeApi") + "\nmodule.exports = { makeApi };\n";

rmSync(pkg, { recursive: true, force: true });
// The test build: the core with `test-panic`, wrapped like the Node entry (its tools are
// pkg/node's). Its wasm is not optimized: only its behaviour matters.
cargoBuild("--features", "test-panic");
const test = join(pkg, "test");
run("wasm-bindgen", ["--target", "nodejs", "--out-dir", test, "--out-name", "kehoach_core", input]);
writeFileSync(join(test, "package.json"), '{ "type": "commonjs" }\n');
writeFileSync(join(test, "api.js"), apiCommonJs());
writeFileSync(
  join(test, "kehoach.js"),
  js("node.cjs").replace('require("./kehoach_tools.js")', 'require("../node/kehoach_tools.js")') +
    // As the API does after any trap: the next call (here at once) replaces the instance.
    "module.exports.panicForTest = () => {\n  try {\n    core.panicForTest();\n  } finally {\n    try { core.version(); } catch {}\n  }\n};\n" +
    "module.exports.callsForTest = core.callsForTest;\n",
);

for (const [name, extra] of [
  ["kehoach_core", []],
  ["kehoach_tools", ["--features", "tools"]],
]) {
  cargoBuild(...extra);
  for (const [dir, target] of [
    ["web", "web"],
    ["node", "nodejs"],
  ]) {
    run("wasm-bindgen", ["--target", target, "--out-dir", join(pkg, dir), "--out-name", name, input]);
  }
  // Both targets' wasm files are the same bytes: optimize once.
  const web = join(pkg, "web", `${name}_bg.wasm`);
  const node = join(pkg, "node", `${name}_bg.wasm`);
  if (!readFileSync(web).equals(readFileSync(node))) throw new Error(`${name}: web and node wasm differ`);
  run(wasmOpt, ["-Oz", ...features, "--strip-debug", "--strip-producers", web, "-o", web]);
  copyFileSync(web, node);
}

// The entries and their declarations: the generated types, re-exported by name, and the
// functions of js/api.js (whose options types are the generated ones). The generated classes
// declare `[Symbol.dispose]`: their files name the lib that declares it, so that a portal
// compiling with `lib: es2022` needs nothing more.
const disposable = '/// <reference lib="esnext.disposable" />\n';
for (const dir of ["web", "node"]) {
  for (const name of ["kehoach_core", "kehoach_tools"]) {
    const f = join(pkg, dir, `${name}.d.ts`);
    const text = readFileSync(f, "utf8");
    if (!text.startsWith(disposable)) writeFileSync(f, disposable + text);
  }
  const generated = readFileSync(join(pkg, dir, "kehoach_tools.d.ts"), "utf8");
  const typeNames = [...new Set([...generated.matchAll(/^export (?:type|interface) (\w+)/gm)].map((m) => m[1]))];
  const typesLine = `export type {\n${typeNames.map((n) => `  ${n},`).join("\n")}\n} from "./kehoach_tools.js";`;
  const dts = js("types.d.ts").replace(
    "// @@TYPES@@",
    `// Generated by build.mjs from js/types.d.ts: the package entry's declarations.\n${typesLine}`,
  );
  const web = dir === "web";
  writeFileSync(join(pkg, dir, "api.js"), web ? js("api.js") : apiCommonJs());
  writeFileSync(join(pkg, dir, "kehoach.js"), web ? js("web.js") : js("node.cjs"));
  writeFileSync(
    join(pkg, dir, "kehoach.d.ts"),
    web
      ? dts +
          "/** Loads the core module (browser; once). */\n" +
          "export default function init(options?: Parameters<typeof core.default>[0]): ReturnType<typeof core.default>;\n"
      : dts,
  );
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

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const gz = (f) => gzipSync(readFileSync(f), { level: 9 }).length;
for (const dir of ["web", "node"]) {
  const d = join(pkg, dir);
  const sizes = Object.fromEntries(
    ["kehoach_core_bg.wasm", "kehoach_core.js", "kehoach_tools_bg.wasm", "kehoach_tools.js", "kehoach.js", "api.js"].map((f) => [f, gz(join(d, f))]),
  );
  const entry = sizes["kehoach.js"] + sizes["api.js"];
  const first = entry + sizes["kehoach_core_bg.wasm"] + sizes["kehoach_core.js"];
  const all = first + sizes["kehoach_tools_bg.wasm"] + sizes["kehoach_tools.js"];
  console.log(
    `[build] pkg/${dir}: core wasm ${kb(statSync(join(d, "kehoach_core_bg.wasm")).size)} (gzip ${kb(sizes["kehoach_core_bg.wasm"])}), ` +
      `tools wasm ${kb(statSync(join(d, "kehoach_tools_bg.wasm")).size)} (gzip ${kb(sizes["kehoach_tools_bg.wasm"])}); ` +
      `gzip first render ${kb(first)}, all ${kb(all)}`,
  );
}
{
  const f = (n) => join(pkg, "office", n);
  const raw = statSync(f("kehoach_office_bg.wasm")).size;
  const gzOffice = gz(f("kehoach_office_bg.wasm")) + gz(f("kehoach_office.js"));
  console.log(`[build] pkg/office: wasm ${kb(raw)}, wasm + js gzip ${kb(gzOffice)} (on demand, downloads only)`);
}
