// The web build in headless Chromium (playwright-core, the system's /usr/bin/chromium): a page
// imports pkg/web, parses the seed and reports what it found.
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, normalize, sep } from "node:path";
import { after, before, test } from "node:test";
import { chromium } from "playwright-core";
import { repoDir } from "./helpers.mjs";

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
    const path = normalize(decodeURIComponent(new URL(req.url, "http://x").pathname));
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
