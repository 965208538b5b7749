// The web build in headless Chromium (playwright-core, the system's /usr/bin/chromium): a page
// imports pkg/web, parses the seed and reports what it found.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { after, before, test } from "node:test";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { repoDir } from "./helpers.mjs";
import { ALL_BUDGET, ALL_CEILING, FIRST_RENDER_BUDGET, FIRST_RENDER_CEILING } from "./sizes.mjs";

const CHROMIUM = "/usr/bin/chromium";
const ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".txt": "text/plain; charset=utf-8",
  ".json": "application/json",
};

let server;
let base;
let browser;

before(async () => {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: run scripts/setup`);
  // A static server for the repository (the page needs pkg/web and the seed), loopback only.
  server = createServer(async (req, res) => {
    let path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
    if (path.endsWith(sep)) path += "index.html";
    const file = join(repoDir, path);
    if (req.method !== "GET" || !file.startsWith(repoDir + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 60_000 });
});

after(async () => {
  await browser?.close();
  await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
});

test("the web build parses the seed in Chromium: 44 tasks, UTF-16 spans, coded errors", async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  await page.goto(`${base}/bindings/wasm/test/page.html`);
  const el = page.locator("#result[data-result]");
  await el.waitFor({ timeout: 60_000 });
  const result = JSON.parse(await el.getAttribute("data-result"));
  assert.equal(result.error, undefined, result.error);
  assert.equal(result.tasks, 44);
  assert.equal(result.diagnostics, 0);
  assert.equal(result.leadsSlice, "Sở Thông tin và Truyền thông.");
  assert.equal(result.timeframeSlice, "2021- 2030");
  assert.equal(result.errorCode, "invalid-argument");
  assert.equal(result.renderedTasks, 44);
  assert.match(result.version, /^\d+\.\d+\.\d+$/);
  assert.deepEqual(errors, []);
  await page.close();
});

// Issue 22, measured the way a user meets it: the demo page (examples/portal) in Chromium,
// counting the package's wasm and JS it fetched (gzip level 9 of each file: what a server
// sends with gzip on) until the task table shows, then after an amendment in the amendment
// panel and an ICS download. The package's JS includes the component (<kehoach-plan>), which
// the size test does not count; both figures are printed.
test("the demo page: package wasm + JS fetched for the first render, then for an amendment and an ICS file", async () => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  const fetched = new Map(); // path -> gzip bytes
  const pending = [];
  page.on("response", (res) => {
    const path = new URL(res.url()).pathname;
    if (!path.startsWith("/bindings/wasm/") || !/\.(js|wasm)$/.test(path) || fetched.has(path)) return;
    fetched.set(path, 0);
    pending.push(res.body().then((b) => fetched.set(path, gzipSync(b, { level: 9 }).length)));
  });
  const total = async () => {
    await Promise.all(pending);
    let pkg = 0;
    let component = 0;
    for (const [path, n] of fetched) {
      if (path.startsWith("/bindings/wasm/pkg/web/")) pkg += n;
      else component += n;
    }
    return { pkg, component, files: [...fetched.keys()].map((p) => p.replace("/bindings/wasm/", "")) };
  };
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

  await page.goto(`${base}/examples/portal/`);
  await page.locator('[data-testid="task-row"]').first().waitFor({ timeout: 60_000 });
  const first = await total();
  console.log(`# demo page, first render: pkg wasm + JS ${first.pkg} bytes gzipped (${kb(first.pkg)}), component JS ${kb(first.component)}`);
  console.log(`#   fetched: ${first.files.join(", ")}`);
  assert.ok(!first.files.some((f) => f.includes("kehoach_tools")), "the tools module is not loaded for the first render");

  await page.getByTestId("amend-input").fill("Bãi bỏ điểm b khoản 3 Mục II.");
  await page.getByTestId("amend-preview").click();
  await page.locator('[data-testid="amend-diff"] li[data-op="repeal"]').waitFor();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-ics").click()]);
  assert.match(readFileSync(await download.path(), "utf8"), /^BEGIN:VCALENDAR\r\n/);
  const all = await total();
  console.log(`# demo page, after an amendment and an ICS download: pkg wasm + JS ${all.pkg} bytes gzipped (${kb(all.pkg)}), component JS ${kb(all.component)}`);
  console.log(`#   fetched: ${all.files.join(", ")}`);
  assert.ok(all.files.some((f) => f.includes("kehoach_tools_bg.wasm")), "the tools module is loaded on demand");
  if (first.pkg > FIRST_RENDER_BUDGET) console.log(`# SIZE TARGET NOT MET (demo page): first render ${kb(first.pkg)} > 150 KB`);
  if (all.pkg > ALL_BUDGET) console.log(`# SIZE TARGET NOT MET (demo page): everything ${kb(all.pkg)} > 300 KB`);
  assert.ok(first.pkg <= Math.max(FIRST_RENDER_BUDGET, FIRST_RENDER_CEILING), `first render ${first.pkg}`);
  assert.ok(all.pkg <= Math.max(ALL_BUDGET, ALL_CEILING), `everything ${all.pkg}`);
  assert.deepEqual(errors, []);
  await context.close();
});
