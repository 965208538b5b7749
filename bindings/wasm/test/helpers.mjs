// Shared by the Node tests: the built package, the seed, and span helpers.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const pkgDir = join(dirname(fileURLToPath(import.meta.url)), "..");
export const repoDir = join(pkgDir, "..", "..");
export const require = createRequire(import.meta.url);

/** The Node build (CommonJS), as `import ... from "kehoach"` resolves it under Node. */
export const kehoach = require(join(pkgDir, "pkg", "node", "kehoach.js"));

export const seedText = readFileSync(join(repoDir, "seeds", "66-KH-UBND-2020-quang-ngai.txt"), "utf8");

/** Units at depth 3 (section → part → point): the points, where the seed's tasks are. */
export function points(plan) {
  return plan.body.flatMap((s) => s.children.flatMap((p) => p.children));
}

/** Every unit, depth first. */
export function units(plan) {
  const out = [];
  const walk = (u) => {
    out.push(u);
    u.children.forEach(walk);
  };
  plan.body.forEach(walk);
  return out;
}

const SPAN_KEYS = "start,end,line,column";
export const isSpan = (v) =>
  v !== null && typeof v === "object" && !Array.isArray(v) && Object.keys(v).join(",") === SPAN_KEYS;

/** Calls `f` on every span in a JSON value (depth first, in key order). */
export function eachSpan(value, f) {
  if (Array.isArray(value)) value.forEach((v) => eachSpan(v, f));
  else if (isSpan(value)) f(value);
  else if (value !== null && typeof value === "object") Object.values(value).forEach((v) => eachSpan(v, f));
}

/** `byteToUtf16[b]`: the UTF-16 offset of UTF-8 byte offset `b` of `text` (at char boundaries). */
export function byteToUtf16Table(text) {
  const table = new Uint32Array(Buffer.byteLength(text, "utf8") + 1);
  let byte = 0;
  let unit = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    const len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    for (let i = 0; i < len; i++) table[byte + i] = unit;
    byte += len;
    unit += ch.length;
  }
  table[byte] = unit;
  return table;
}

/** A deep copy of a JSON value with every span's start/end mapped through `table`. */
export function mapSpans(value, table) {
  if (Array.isArray(value)) return value.map((v) => mapSpans(v, table));
  if (isSpan(value)) return { ...value, start: table[value.start], end: table[value.end] };
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, mapSpans(v, table)]));
  }
  return value;
}

/** Asserts that `f()` throws an `Error` whose `code` is `code`; returns the error. */
export function throwsCode(f, code) {
  let err;
  try {
    f();
  } catch (e) {
    err = e;
  }
  assert.ok(err, `expected an error with code ${code}, nothing was thrown`);
  assert.ok(err instanceof Error, `expected an Error, got ${err}`);
  assert.equal(err.code, code, `code of: ${err.message}`);
  assert.equal(typeof err.message, "string");
  assert.ok(err.message.length > 0);
  return err;
}

/** Asserts that the promise `p` (or `f()`) rejects with an `Error` whose `code` is `code`. */
export async function rejectsCode(f, code) {
  let err;
  try {
    await (typeof f === "function" ? f() : f);
  } catch (e) {
    err = e;
  }
  assert.ok(err, `expected a rejection with code ${code}, it resolved`);
  assert.ok(err instanceof Error, `expected an Error, got ${err}`);
  assert.equal(err.code, code, `code of: ${err.message}`);
  return err;
}
