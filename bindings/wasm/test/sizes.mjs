// The size budgets and ceilings of issue 22, shared by size.test.mjs and browser.test.mjs.
export const FIRST_RENDER_BUDGET = 150 * 1024;
export const ALL_BUDGET = 300 * 1024;
// Measured 2026-12-02 (session 11, web build): first render 271,535 bytes, all 709,211, after
// the split, NFC from the browser (kehoach's host-nfc), no float parsing or formatting, options
// and progress read without serde deserializers (257,690 then), and the registry's lookup keys
// compiled in (issue 23: +13.8 KB gzip of static key tables, for a first call 118 → 53 ms in a
// fresh Node process, since no key is computed at first use).
// Before the split (one module, plans read back from JSON): 447,308 for everything (session 10).
// Measured 2026-12-02 (wasm-data, web build): first render 247,217 bytes, all 659,250, after the
// registry statics packed into one text, case mapping without Rust's case tables (the host's
// outside Latin) and the combining marks as 207 runs (core wasm 259,420 → 237,255 gzip, profile).
export const FIRST_RENDER_CEILING = 254_700; // 247,217 + 3 %
export const ALL_CEILING = 679_100; // 659,250 + 3 %
export const FIRST_RENDER_FILES = ["kehoach.js", "api.js", "kehoach_core.js", "kehoach_core_bg.wasm"];
export const TOOLS_FILES = ["kehoach_tools.js", "kehoach_tools_bg.wasm"];
