// The package's API under Node, against the built package (`npm run build` first).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { test } from "node:test";
import {
  byteToUtf16Table,
  eachSpan,
  kehoach,
  mapSpans,
  pkgDir,
  points,
  rejectsCode,
  require,
  seedText,
  throwsCode,
  units,
} from "./helpers.mjs";

const { parsePlan, parseTimeframe, exportPlan, version } = kehoach;

test("version is the crate's and the package's", () => {
  const pkg = JSON.parse(readFileSync(join(pkgDir, "package.json"), "utf8"));
  const cargo = readFileSync(join(pkgDir, "..", "..", "Cargo.toml"), "utf8");
  assert.equal(version(), pkg.version);
  assert.match(cargo, new RegExp(`\\[workspace\\.package\\]\\nversion = "${pkg.version.replaceAll(".", "\\.")}"`));
});

test("the package's exports resolve to the Node build under Node", async () => {
  const byName = await import("kehoach");
  assert.equal(byName.parsePlan, kehoach.parsePlan);
  assert.equal(byName.version(), version());
  assert.equal(require.resolve("kehoach"), join(pkgDir, "pkg", "node", "kehoach.js"));
});

test("the seed parses to 44 tasks, each a point with leads and a timeframe", () => {
  const { plan, diagnostics } = parsePlan(seedText);
  assert.deepEqual(diagnostics, []);
  assert.equal(plan.meta.number.text, "66/KH-UBND");
  assert.equal(plan.meta.date, "2020-05-18");
  const tasks = points(plan).filter((u) => u.leads);
  assert.equal(tasks.length, 44);
  assert.equal(tasks[0].number, "II.1.a");
  assert.ok(tasks.every((u) => u.kind === "point" && u.timeframe));
  assert.equal(units(plan).filter((u) => u.leads).length, 44, "no task outside depth 3");
});

test("spans are UTF-16 offsets: text.slice(span.start, span.end) is the value", () => {
  const { plan } = parsePlan(seedText);
  const [a] = units(plan).filter((u) => u.number === "II.3.a");
  assert.equal(a.leads.text, "Sở Thông tin và Truyền thông.");
  assert.equal(seedText.slice(a.leads.span.start, a.leads.span.end), "Sở Thông tin và Truyền thông.");
  assert.deepEqual(a.leads.span, { start: 8179, end: 8208, line: 121, column: 20 });
  assert.equal(a.timeframe.text, "2021- 2030");
  assert.equal(seedText.slice(a.timeframe.span.start, a.timeframe.span.end), "2021- 2030");
  // Every lead value of the seed slices exactly, and the whole plan spans the whole text.
  for (const u of units(plan).filter((u) => u.leads)) {
    assert.equal(seedText.slice(u.leads.span.start, u.leads.span.end), u.leads.text, u.number);
  }
  assert.deepEqual(plan.span, { start: 0, end: seedText.length, line: 1, column: 1 });
  assert.equal(seedText.length, 24024);
});

test("the JSON equals the native kehoach::parse JSON, spans converted to UTF-16", () => {
  const native = JSON.parse(readFileSync(join(pkgDir, "pkg", "native-seed.json"), "utf8"));
  const wasm = parsePlan(seedText);
  const expected = mapSpans(native, byteToUtf16Table(seedText));
  // Same keys in the same order, same values: compare the serialized text.
  assert.equal(JSON.stringify(wasm), JSON.stringify(expected));
  // And the conversion did something: byte and UTF-16 offsets differ on Vietnamese text.
  assert.notEqual(JSON.stringify(wasm), JSON.stringify(native));
  let spans = 0;
  eachSpan(wasm, (s) => {
    spans++;
    assert.ok(0 <= s.start && s.start <= s.end && s.end <= seedText.length, JSON.stringify(s));
  });
  assert.ok(spans > 500, `${spans} spans`);
});

test("options: lang chooses the message language, asOf and maxInputBytes are read", () => {
  const text = "Không có mục nào";
  const vi = parsePlan(text).diagnostics;
  const en = parsePlan(text, { lang: "en" }).diagnostics;
  assert.ok(vi.length > 0);
  assert.deepEqual(
    en.map((d) => d.code),
    vi.map((d) => d.code),
  );
  const noSections = en.find((d) => d.code === "document/no-sections");
  assert.equal(noSections.lang, "en");
  assert.equal(noSections.message, noSections.messages.en);
  assert.equal(vi.find((d) => d.code === "document/no-sections").message, noSections.messages.vi);
  assert.equal(parsePlan(seedText, { asOf: "2026-11-28", maxInputBytes: 40000 }).diagnostics.length, 0);
  assert.equal(parsePlan(seedText, null).diagnostics.length, 0);
  assert.equal(parsePlan(seedText, undefined).diagnostics.length, 0);
});

test("maxUnits, maxLines: the unit or line past the limit starts a verbatim rest, with a located error", () => {
  const out = parsePlan(seedText, { maxUnits: 10, lang: "en" });
  const d = out.diagnostics.filter((d) => d.code === "input/too-many-units");
  assert.equal(d.length, 1);
  assert.equal(d[0].severity, "error");
  assert.equal(d[0].span.line, 73);
  assert.ok(seedText.slice(d[0].span.start, d[0].span.end).startsWith("2. Hoàn thiện thể chế"));
  assert.ok(d[0].message.startsWith("more than 10 units"));
  const ii1 = out.plan.body[1].children[0];
  const last = ii1.children[ii1.children.length - 1];
  assert.equal(last.number, "II.1.đ");
  assert.ok(last.blocks[last.blocks.length - 1].text.startsWith("2. Hoàn thiện thể chế"));
  assert.equal(out.plan.body.length, 2);
  const cut = parsePlan(seedText, { maxLines: 40 }).diagnostics.find((d) => d.code === "input/too-many-lines");
  assert.equal(cut.span.line, 41);
  assert.ok(seedText.slice(cut.span.start, cut.span.end).startsWith("1. Đổi mới tư duy"));
});

test("parseTimeframe returns the timeframe and its diagnostics, spans in UTF-16", () => {
  const out = parseTimeframe("Từ năm 2021 - 2030.");
  assert.equal(out.timeframe.text, "Từ năm 2021 - 2030.");
  assert.deepEqual(out.timeframe.span, { start: 0, end: 19, line: 1, column: 1 });
  assert.ok(Array.isArray(out.diagnostics));
});

test("exportPlan: text is the canonical rendering, json the plan; both round-trip", async () => {
  const { plan } = parsePlan(seedText);
  const text = await exportPlan(plan, "text");
  assert.match(text, /^d\) Xây dựng các cơ chế/m);
  assert.equal(points(parsePlan(text).plan).filter((u) => u.leads).length, 44);
  const json = await exportPlan(plan, "json");
  assert.deepEqual(JSON.parse(json), plan);
  assert.match(json, /^\{\n {2}"meta": \{\n {4}"issuer"/);
});

test("bad arguments throw Errors with stable codes (reject, for the on-demand functions)", async () => {
  const { plan } = parsePlan(seedText);
  throwsCode(() => parsePlan(42), "invalid-argument");
  throwsCode(() => parsePlan({}), "invalid-argument");
  throwsCode(() => parsePlan(null), "invalid-argument");
  throwsCode(() => parsePlan(), "invalid-argument");
  throwsCode(() => parsePlan(["I. A"]), "invalid-argument");
  assert.match(throwsCode(() => parsePlan(42), "invalid-argument").message, /text must be a string, got number/);
  throwsCode(() => parsePlan("I. A", 5), "invalid-argument");
  throwsCode(() => parsePlan("I. A", "en"), "invalid-argument");
  throwsCode(() => parsePlan("I. A", { lang: "fr" }), "invalid-option");
  throwsCode(() => parsePlan("I. A", { asof: "2026-01-01" }), "invalid-option");
  throwsCode(() => parsePlan("I. A", { asOf: "2026-02-30" }), "invalid-option");
  throwsCode(() => parsePlan("I. A", { asOf: 20260101 }), "invalid-option");
  throwsCode(() => parsePlan("I. A", { maxInputBytes: -1 }), "invalid-option");
  throwsCode(() => parsePlan("abcdef", { maxInputBytes: 3 }), "input-too-large");
  // 2 UTF-16 units but 4 UTF-8 bytes: caught after the copy.
  throwsCode(() => parsePlan("đđ", { maxInputBytes: 3 }), "input-too-large");
  throwsCode(() => parseTimeframe(2021), "invalid-argument");
  // Plans stay in wasm memory (issue 22): only the very object parsePlan or applyAmendment
  // returned is a plan; a copy, or a plan rebuilt from JSON, is not read back.
  await rejectsCode(() => exportPlan("not a plan", "text"), "invalid-argument");
  await rejectsCode(() => exportPlan({}, "text"), "invalid-argument");
  await rejectsCode(() => exportPlan({ ...plan, body: "x" }, "text"), "invalid-argument");
  await rejectsCode(() => exportPlan(null, "text"), "invalid-argument");
  await rejectsCode(() => exportPlan(plan, "ics"), "invalid-option");
  await rejectsCode(() => exportPlan(plan, "TEXT"), "invalid-option");
  await rejectsCode(() => exportPlan(plan, 42), "invalid-argument");
  await rejectsCode(() => exportPlan(plan), "invalid-argument");
  const copy = structuredClone(plan);
  assert.match((await rejectsCode(() => exportPlan(copy, "text"), "invalid-argument")).message, /returned by parsePlan/);
  throwsCode(() => kehoach.schedule(JSON.parse(JSON.stringify(plan)), { asOf: "2026-11-28" }), "invalid-argument");
  throwsCode(() => kehoach.checkPlan(copy), "invalid-argument");
  // freePlan: the wasm memory goes now; the object is no plan any more.
  const { plan: freed } = parsePlan(seedText);
  kehoach.freePlan(freed);
  kehoach.freePlan(freed); // twice is harmless
  assert.match(throwsCode(() => kehoach.schedule(freed, { asOf: "2026-11-28" }), "invalid-argument").message, /freed/);
});

test("garbage: random bytes, random UTF-16, deep nesting; the module keeps working", async () => {
  // 5 MB of random bytes as a string (each byte one char, U+0000–U+00FF).
  const bytes = randomBytes(5 * 1024 * 1024).toString("latin1");
  const t0 = performance.now();
  const out = parsePlan(bytes);
  const ms = performance.now() - t0;
  assert.ok(Array.isArray(out.diagnostics) && out.diagnostics.length > 0);
  // Latin-1 noise reads as a legacy 8-bit encoding: one error, an empty plan, never garbage.
  assert.equal(out.diagnostics.length, 1);
  assert.ok(["text/legacy-encoding", "text/mojibake"].includes(out.diagnostics[0].code));
  assert.equal(out.diagnostics[0].severity, "error");
  assert.equal(out.plan.body.length, 0);
  assert.deepEqual(out.plan.span, { start: 0, end: bytes.length, line: 1, column: 1 });
  eachSpan(out, (s) => assert.ok(s.start <= s.end && s.end <= bytes.length));
  console.log(`# 5 MB random bytes: ${out.diagnostics.length} diagnostics in ${ms.toFixed(0)} ms`);

  // Random UTF-16 code units, lone surrogates included.
  const units16 = new Uint16Array(randomBytes(2 * 512 * 1024).buffer);
  const utf16 = String.fromCharCode(...units16.subarray(0, 60000)).repeat(8);
  const out16 = parsePlan(utf16);
  eachSpan(out16, (s) => assert.ok(s.start <= s.end && s.end <= utf16.length));

  // Random "plans": lines of markers and labels in random order.
  const pieces = ["I. ", "II.", "1. ", "a) ", "đ) ", "- Cơ quan chủ trì: ", "- Thời gian thực hiện: ", "\r\n", "\n", "Sở ", "\u0301", "\u00a0"];
  for (let i = 0; i < 200; i++) {
    let s = "";
    for (let j = 0; j < 60; j++) s += pieces[(Math.random() * pieces.length) | 0];
    const r = parsePlan(s);
    eachSpan(r, (sp) => assert.ok(sp.start <= sp.end && sp.end <= s.length, s));
    await exportPlan(r.plan, "text");
  }

  // A plan object mutated into 1,000 levels is not read back (the plan stays in wasm memory);
  // a structure nested that deep where objects are read (an amendment) is refused by
  // serde_json's depth limit: a diagnostic, never a stack overflow.
  const small = "I. A\n1. B\na) C\n";
  const { plan } = parsePlan(small);
  let cur = plan.body[0];
  for (let i = 0; i < 1000; i++) {
    const c = { ...plan.body[0], children: [] };
    cur.children = [c];
    cur = c;
  }
  assert.equal(await exportPlan(plan, "text"), await exportPlan(parsePlan(small).plan, "text"));
  const deep = JSON.parse("[".repeat(1000) + "]".repeat(1000));
  const r = await kehoach.applyAmendment(plan, { operations: deep });
  assert.equal(r.applied, false);
  assert.equal(r.diagnostics[0].code, "amend/invalid-json");

  // Still working, with the same results as before.
  const again = parsePlan(seedText);
  assert.equal(points(again.plan).filter((u) => u.leads).length, 44);
  assert.equal(await exportPlan(again.plan, "text"), await exportPlan(parsePlan(seedText).plan, "text"));
});

test("a panic (a bug) fails one call; the next call runs on a fresh instance", () => {
  // The test build (pkg/test) has an extra export that panics on purpose.
  const testBuild = require(join(pkgDir, "pkg", "test", "kehoach.js"));
  assert.equal(typeof kehoach.panicForTest, "undefined", "never in the package");
  assert.equal(typeof kehoach.callsForTest, "undefined", "never in the package");
  assert.equal(testBuild.parsePlan(seedText).diagnostics.length, 0);
  for (let i = 0; i < 3; i++) {
    assert.equal(testBuild.callsForTest(), 1, "a fresh instance");
    assert.equal(testBuild.callsForTest(), 2);
    assert.throws(() => testBuild.panicForTest(), WebAssembly.RuntimeError);
    assert.equal(points(testBuild.parsePlan(seedText).plan).filter((u) => u.leads).length, 44);
  }
  // A plan parsed before a panic: its handle died with the instance; the API re-makes it from
  // the plan's text.
  const before = testBuild.parsePlan(seedText).plan;
  assert.throws(() => testBuild.panicForTest(), WebAssembly.RuntimeError);
  assert.equal(testBuild.schedule(before, { asOf: "2026-11-28" }).tasks.length, 44);
  assert.equal(testBuild.checkPlan(before).filter((d) => d.severity === "error").length, 2);
});

test("timing: parse of the seed in Node", () => {
  for (let i = 0; i < 20; i++) parsePlan(seedText);
  const n = 200;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) parsePlan(seedText);
  const us = ((performance.now() - t0) * 1000) / n;
  console.log(`# parsePlan(seed) in Node: ${us.toFixed(0)} µs/parse (${n} parses, JSON to JS objects included)`);
  assert.ok(us > 0);
});

test("timing: the first parsePlan in a fresh process against a warm one (issue 22: ≤ 2×)", () => {
  // A fresh Node process: module load, the first call (registry built, wasm code tiered up),
  // then the median of 50 warm calls.
  const script = `
    const t0 = performance.now();
    const k = require(${JSON.stringify(join(pkgDir, "pkg", "node", "kehoach.js"))});
    const load = performance.now() - t0;
    const text = require("node:fs").readFileSync(${JSON.stringify(join(pkgDir, "..", "..", "seeds", "66-KH-UBND-2020-quang-ngai.txt"))}, "utf8");
    let t = performance.now();
    k.parsePlan(text);
    const first = performance.now() - t;
    const warm = [];
    for (let i = 0; i < 50; i++) { t = performance.now(); k.parsePlan(text); warm.push(performance.now() - t); }
    warm.sort((a, b) => a - b);
    console.log(JSON.stringify({ load, first, warm: warm[25] }));`;
  const out = JSON.parse(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }));
  const ratio = out.first / out.warm;
  console.log(
    `# fresh process: module load ${out.load.toFixed(1)} ms, first parsePlan(seed) ${out.first.toFixed(1)} ms, ` +
      `warm ${out.warm.toFixed(1)} ms: first/warm ${ratio.toFixed(2)}×`,
  );
  if (ratio > 2) console.log(`# SPEED TARGET NOT MET: the first call is ${ratio.toFixed(2)}× a warm one (> 2×)`);
  assert.ok(out.first > 0 && out.warm > 0);
});
