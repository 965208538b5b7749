// The demo portal page and <kehoach-plan> in headless Chromium (playwright-core driving
// /usr/bin/chromium): rows, filters, as-of switching, amendments, XSS safety, keyboard use,
// phone width, downloads and screenshots. Every test fails on a page error or console error.
//   node --test examples/portal/test/          (after bindings/wasm `npm run build`)
// KEHOACH_UPDATE_SCREENSHOT=1 also rewrites examples/portal/screenshot.png (the README's).
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { after, before, test } from "node:test";
import { createRequire } from "node:module";
import { ARGS, CHROMIUM, chromium, repoDir, serveRepo } from "./server.mjs";

/** The package's Node build: the reference the downloads are compared with. */
const kehoachNode = () => createRequire(import.meta.url)(join(repoDir, "bindings", "wasm", "pkg", "node", "kehoach.js"));

const ROW = '[data-testid="task-row"]';
const ARTIFACTS = join(repoDir, "test-artifacts");
const SEED = readFileSync(join(repoDir, "seeds", "66-KH-UBND-2020-quang-ngai.txt"), "utf8");

// Tasks Sở Khoa học và Công nghệ is responsible for on 2026-11-28 (`kehoach tasks --agency
// "Sở Khoa học và Công nghệ" --on 2026-11-28`): its 10 own tasks and the 14 of Sở Thông tin và
// Truyền thông, merged into it on 01/03/2025.
const KHCN_OWN = ["II.2.a", "II.2.b", "II.3.d", "II.4.a", "II.4.b", "II.4.c", "II.4.d", "II.4.đ", "II.5.e", "II.7.a"];
const KHCN_2026 = [
  "II.1.b", "II.1.c", "II.2.a", "II.2.b", "II.3.a", "II.3.b", "II.3.c", "II.3.d", "II.3.đ", "II.3.e", "II.3.h", "II.4.a",
  "II.4.b", "II.4.c", "II.4.d", "II.4.đ", "II.5.đ", "II.5.e", "II.6.b", "II.7.a", "II.8.a", "II.8.b", "II.8.c", "II.8.d",
];

// A plan whose text tries to inject markup and script everywhere it can.
const XSS_TASK = "Kiểm thử <img src=x onerror=alert(1)> và <script>window.__pwned=1</script> trên cổng.";
const XSS_PLAN = `ỦY BAN NHÂN DÂN
TỈNH QUẢNG NGÃI
Số: 99/KH-UBND <script>window.__pwned=1</script>
Quảng Ngãi, ngày 1 tháng 3 năm 2021

KẾ HOẠCH
Thử nghiệm <img src=x onerror=alert(1)>

I. MỤC ĐÍCH, YÊU CẦU
Bảo đảm an toàn.

II. NHIỆM VỤ
1. Nhiệm vụ <b>chung</b>
a) ${XSS_TASK}
- Cơ quan chủ trì: Sở Y tế <img src=x onerror=alert(1)>.
- Thời gian thực hiện: Năm 2021 <script>window.__pwned=1</script>.
b) Nhiệm vụ thứ hai.
- Cơ quan chủ trì: Sở Thông tin và Truyền thông.
- Thời gian thực hiện: Từ năm 2021 - 2025.
`;

let server;
let browser;

before(async () => {
  assert.ok(existsSync(CHROMIUM), `${CHROMIUM} is missing: run scripts/setup`);
  assert.ok(
    existsSync(join(repoDir, "bindings", "wasm", "pkg", "web", "kehoach_core_bg.wasm")),
    "bindings/wasm/pkg/web is missing: run `npm run build` in bindings/wasm",
  );
  mkdirSync(ARTIFACTS, { recursive: true });
  server = await serveRepo();
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS, timeout: 60_000 });
});

after(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens the demo page; resolves once the seed's rows are shown. Collects errors and dialogs. */
async function openPortal(t, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport, acceptDownloads: true, locale: "vi-VN" });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  const errors = [];
  const dialogs = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e}`));
  page.on("console", (m) => m.type() === "error" && errors.push(`console: ${m.text()}`));
  page.on("dialog", (d) => {
    dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  await page.addInitScript(() => {
    window.__events = [];
    for (const type of ["kehoach-load", "kehoach-select"]) {
      document.addEventListener(type, (e) => window.__events.push({ type, detail: e.detail }));
    }
  });
  await page.goto(`${server.base}/examples/portal/`);
  await page.locator(ROW).first().waitFor({ timeout: 60_000 });
  t.after(async () => {
    await context.close();
  });
  return { page, errors, dialogs };
}

const numbers = (page) => page.locator(ROW).evaluateAll((rows) => rows.map((r) => r.dataset.number));
const events = (page, type) => page.evaluate((ty) => window.__events.filter((e) => e.type === ty).map((e) => e.detail), type);

test("the seed: identity, 44 task rows, the load event, portal styles do not leak in", async (t) => {
  const { page, errors } = await openPortal(t);
  assert.equal(await page.locator(ROW).count(), 44);
  const all = await numbers(page);
  assert.equal(all[0], "II.1.a");
  assert.equal(all.at(-1), "II.8.e");
  assert.equal(all.filter((n) => n === "II.2.d").length, 2);
  const header = page.locator("kehoach-plan header");
  assert.match(await header.innerText(), /66\/KH-UBND/);
  assert.match(await header.innerText(), /ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI/);
  const [load] = await events(page, "kehoach-load");
  assert.equal(load.number, "66/KH-UBND");
  assert.equal(load.tasks, 44);
  // The row for II.3.a: lead as written, responsible on the as-of date (merged 01/03/2025).
  const a = page.locator(`${ROW}[data-number="II.3.a"]`);
  const cells = await a.locator("td").allInnerTexts();
  assert.equal(cells[1], "Sở Thông tin và Truyền thông.");
  assert.match(cells[2], /^Sở Khoa học và Công nghệ\s+từ 01\/03\/2025$/);
  assert.equal(cells[3], "2021- 2030");
  // The page's hostile `td { border: 3px dotted magenta }` does not reach the shadow DOM.
  assert.equal(await a.locator("td").first().evaluate((td) => getComputedStyle(td).borderTopStyle), "none");
  assert.deepEqual(errors, []);
});

test("filter by agency as of 2026-11-28: Sở Khoa học và Công nghệ with the tasks inherited from Sở TTTT", async (t) => {
  const { page, errors } = await openPortal(t);
  await page.getByTestId("filter-agency").selectOption({ label: "Sở Khoa học và Công nghệ" });
  await page.waitForFunction((sel) => document.querySelector("kehoach-plan").shadowRoot.querySelectorAll(sel).length === 24, ROW);
  assert.deepEqual(await numbers(page), KHCN_2026);
  assert.ok((await numbers(page)).includes("II.3.a"), "II.3.a (a Sở TTTT task) is among them");
  assert.match(await page.getByText(/^Hiển thị \d+\/44 nhiệm vụ$/).innerText(), /^Hiển thị 24\/44 nhiệm vụ$/);
  // The old name filters the same tasks through the leads as written.
  await page.getByTestId("filter-agency").selectOption({ label: "Sở Thông tin và Truyền thông" });
  assert.equal(await page.locator(ROW).count(), 14);
  assert.deepEqual(errors, []);
});

test("switching the as-of date to 2024-06-30: Sở Khoa học và Công nghệ has only its own 10 tasks", async (t) => {
  const { page, errors } = await openPortal(t);
  await page.getByTestId("as-of").fill("2024-06-30");
  await page.locator("kehoach-plan[as-of='2024-06-30']").waitFor();
  await page.getByTestId("filter-agency").selectOption({ label: "Sở Khoa học và Công nghệ" });
  assert.deepEqual(await numbers(page), KHCN_OWN);
  const cells = await page.locator(`${ROW}[data-number="II.4.a"] td`).allInnerTexts();
  assert.equal(cells[2], "Sở Khoa học và Công nghệ");
  assert.deepEqual(errors, []);
});

test("an amendment: preview, then apply 'Bãi bỏ điểm b khoản 3 Mục II.' removes II.3.b and shows it in the diff", async (t) => {
  const { page, errors } = await openPortal(t);
  await page.getByTestId("amend-input").fill("Bãi bỏ điểm b khoản 3 Mục II.");
  await page.getByTestId("amend-preview").click();
  const removed = page.locator('[data-testid="amend-diff"] li[data-op="repeal"][data-number="II.3.b"]');
  await removed.waitFor();
  assert.equal(await page.locator(ROW).count(), 44, "a preview changes nothing");
  await page.getByTestId("amend-apply").click();
  await page.waitForFunction((sel) => document.querySelector("kehoach-plan").shadowRoot.querySelectorAll(sel).length === 43, ROW);
  const after = await numbers(page);
  assert.equal(after.length, 43);
  assert.ok(!after.includes("II.3.b"));
  assert.ok(after.includes("II.3.a") && after.includes("II.3.c"));
  assert.equal(await page.locator('[data-testid="amend-diff"] li').count(), 1);
  assert.equal(await removed.getAttribute("data-eid"), "sec_II__para_3__point_b");
  assert.match(await removed.locator("del").innerText(), /Nâng cấp, cập nhật Kiến trúc Chính quyền điện tử tỉnh Quảng Ngãi/);
  assert.match(await removed.innerText(), /^Bãi bỏ\s*II\.3\.b/);
  // The filter follows the amended plan; going back to the original restores the row.
  await page.getByTestId("filter-agency").selectOption({ label: "Sở Khoa học và Công nghệ" });
  assert.equal(await page.locator(ROW).count(), 23);
  await page.getByTestId("amend-reset").click(); // the filter stays: 24 again
  await page.waitForFunction((sel) => document.querySelector("kehoach-plan").shadowRoot.querySelectorAll(sel).length === 24, ROW);
  assert.deepEqual(await numbers(page), KHCN_2026);
  assert.deepEqual(errors, []);
});

test("draft from an edited text: the instructions of the edit are written, previewed and applied", async (t) => {
  const { page, errors } = await openPortal(t);
  await page.getByTestId("draft-open").click();
  const draft = page.getByTestId("draft-input");
  await draft.waitFor();
  const text = await draft.inputValue();
  assert.ok(text.includes("c) Tổ chức Hội nghị tập huấn"), "the current plan's text to edit");
  await draft.fill(text.replace("Năm 2022-2025.", "Năm 2022-2027."));
  await page.getByTestId("draft-make").click();
  const changed = page.locator('[data-testid="amend-diff"] li[data-number="II.1.c"]');
  await changed.waitFor();
  assert.equal(
    await page.getByTestId("amend-input").inputValue(),
    "Thay thế cụm từ “2022-2025” bằng cụm từ “2022-2027” tại điểm c khoản 1 Mục II.\n",
  );
  await page.getByTestId("amend-apply").click();
  await page.waitForFunction(
    () => document.querySelector("kehoach-plan").plan.body[1].children[0].children[2].timeframe.text === "Năm 2022-2027.",
  );
  assert.deepEqual(errors, []);
});

test("XSS: a pasted plan with <img onerror> and <script> in its text is shown literally and runs nothing", async (t) => {
  const { page, errors, dialogs } = await openPortal(t);
  await page.getByTestId("plan-input").fill(XSS_PLAN);
  await page.getByTestId("plan-load").click();
  await page.waitForFunction((sel) => document.querySelector("kehoach-plan").shadowRoot.querySelectorAll(sel).length === 2, ROW);
  const row = page.locator(`${ROW}[data-number="II.1.a"]`);
  await row.click(); // selecting highlights the task in the source view (text nodes + <mark>)
  for (const button of await page.locator('[data-testid="diagnostic"] button').all()) await button.click();
  await page.waitForTimeout(500); // time for an <img src=x> to fail and fire onerror, were it an element
  const cells = await row.locator("td").allInnerTexts();
  assert.equal(cells[0], XSS_TASK);
  assert.equal(cells[1], "Sở Y tế <img src=x onerror=alert(1)>.");
  assert.match(await page.locator("kehoach-plan header h2").innerText(), /^KẾ HOẠCH Thử nghiệm <img src=x onerror=alert\(1\)>$/);
  assert.equal(await page.locator("kehoach-plan pre.source").evaluate((pre) => pre.textContent), XSS_PLAN);
  const injected = await page.evaluate(() => ({
    pwned: window.__pwned,
    shadowMarkup: document.querySelector("kehoach-plan").shadowRoot.querySelectorAll("img, script, b").length,
    pageImgs: document.querySelectorAll("img").length,
  }));
  assert.deepEqual(injected, { pwned: undefined, shadowMarkup: 0, pageImgs: 0 });
  assert.deepEqual(dialogs, []);
  const [, second] = await events(page, "kehoach-load");
  assert.deepEqual(second, { number: "99/KH-UBND", tasks: 2, diagnostics: second.diagnostics });
  assert.deepEqual(errors, []);
});

test("keyboard: Tab reaches a row, Enter and Space select it (kehoach-select)", async (t) => {
  const { page, errors } = await openPortal(t);
  await page.getByTestId("search").focus();
  const active = () => page.evaluate(() => document.querySelector("kehoach-plan").shadowRoot.activeElement?.dataset.number ?? null);
  let focused = null;
  for (let i = 0; i < 5 && !focused; i++) {
    await page.keyboard.press("Tab");
    focused = await active();
  }
  assert.equal(focused, "II.1.a");
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  assert.equal(await active(), "II.1.b");
  const y = await page.evaluate(() => window.scrollY);
  await page.keyboard.press(" ");
  assert.equal(await page.evaluate(() => window.scrollY), y, "Space selects, it does not scroll the page");
  assert.deepEqual(await events(page, "kehoach-select"), [
    { eid: "sec_II__para_1__point_a", number: "II.1.a" },
    { eid: "sec_II__para_1__point_b", number: "II.1.b" },
  ]);
  assert.equal(await page.locator(`${ROW}[aria-selected="true"]`).getAttribute("data-number"), "II.1.b");
  // Labels: every filter control is named by its <label>.
  assert.equal(await page.getByLabel("Cơ quan", { exact: true }).getAttribute("data-testid"), "filter-agency");
  assert.equal(await page.getByLabel("Trạng thái", { exact: true }).getAttribute("data-testid"), "filter-status");
  assert.equal(await page.getByLabel("Năm", { exact: true }).getAttribute("data-testid"), "filter-year");
  assert.equal(await page.getByLabel("Tìm kiếm", { exact: true }).getAttribute("data-testid"), "search");
  assert.equal(await page.getByLabel("Ngày xem xét", { exact: true }).getAttribute("data-testid"), "as-of");
  assert.deepEqual(errors, []);
});

test("search, status and year filters", async (t) => {
  const { page, errors } = await openPortal(t);
  await page.getByTestId("search").fill("do thi thong minh"); // diacritics folded: "đô thị thông minh"
  assert.deepEqual(await numbers(page), ["II.2.d", "II.3.e"]);
  await page.getByTestId("search").fill("Sở Xây dựng"); // in the lead column
  assert.deepEqual(await numbers(page), ["II.2.d", "II.3.g"]);
  await page.getByTestId("search").fill("");
  assert.equal(await page.locator(ROW).count(), 44);
  // Statuses on 2026-11-28 (`kehoach schedule --as-of 2026-11-28`): 29 active, 9 ended,
  // 4 recurring, 1 conditional, 1 continuous.
  const statusOptions = await page.getByTestId("filter-status").locator("option").allInnerTexts();
  assert.deepEqual(statusOptions, [
    "Tất cả trạng thái",
    "Đang thực hiện (29)",
    "Định kỳ (4)",
    "Thường xuyên (1)",
    "Chờ điều kiện (1)",
    "Đã hết thời hạn (9)",
  ]);
  await page.getByTestId("filter-status").selectOption("ended");
  assert.deepEqual(await numbers(page), ["II.1.c", "II.2.g", "II.3.đ", "II.6.a", "II.6.c", "II.6.d", "II.7.b", "II.8.c", "II.8.đ"]);
  await page.getByTestId("filter-status").selectOption("");
  // Year: tasks whose window covers part of the year.
  await page.getByTestId("filter-year").selectOption("2020");
  assert.equal(await page.locator(ROW).count(), 18);
  await page.getByTestId("filter-year").selectOption("2025");
  assert.equal(await page.locator(ROW).count(), 42);
  assert.deepEqual(errors, []);
});

test("phone width (390 px): no horizontal page scroll; screenshots", async (t) => {
  const phone = await openPortal(t, { width: 390, height: 844 });
  const widths = await phone.page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    client: document.documentElement.clientWidth,
  }));
  assert.equal(widths.client, 390);
  assert.ok(widths.scroll <= widths.client, `page is ${widths.scroll}px wide at 390px`);
  await phone.page.screenshot({ path: join(ARTIFACTS, "portal-phone.png") });
  assert.deepEqual(phone.errors, []);

  const desk = await openPortal(t, { width: 1280, height: 1000 });
  await desk.page.screenshot({ path: join(ARTIFACTS, "portal.png") });
  assert.ok(readFileSync(join(ARTIFACTS, "portal.png")).subarray(1, 4).toString() === "PNG");
  if (process.env.KEHOACH_UPDATE_SCREENSHOT === "1") {
    await desk.page.screenshot({ path: join(repoDir, "examples", "portal", "screenshot.png") });
  }
  assert.deepEqual(desk.errors, []);
});

test("diagnostics as of 2026-11-28, each with its place; the link marks the span in the source", async (t) => {
  const { page, errors } = await openPortal(t);
  const items = page.getByTestId("diagnostic");
  assert.deepEqual(await items.evaluateAll((li) => li.map((l) => l.dataset.code)), [
    "agency/succeeded",
    "agency/succeeded",
    "agency/succeeded",
    "agency/succeeded",
    "numbering/duplicate-point",
    "agency/succeeded",
    "agency/succeeded",
    "agency/succeeded",
    "citation/symbol-style",
    "agency/succeeded",
  ]);
  const citation = items.nth(8);
  assert.equal(await citation.getAttribute("data-severity"), "error");
  assert.equal(await citation.locator(".where").innerText(), "dòng 201, cột 107");
  await citation.getByRole("button", { name: "Xem trong văn bản" }).click();
  const mark = page.locator("kehoach-plan pre.source mark");
  assert.equal(await mark.innerText(), "29/NQ-TW");
  assert.ok(await mark.isVisible());
  // The source view still holds exactly the seed (text nodes around one <mark>).
  assert.equal(await page.locator("kehoach-plan pre.source").evaluate((pre) => pre.textContent), SEED);
  const tttt = items.nth(1);
  assert.equal(await tttt.locator(".where").innerText(), "dòng 51, cột 20");
  await tttt.getByRole("button").click();
  assert.equal(await mark.innerText(), "Sở Thông tin và Truyền thông");
  assert.deepEqual(errors, []);
});

test("downloads: the ICS and CSV files are the package's exports of the plan as of the date", async (t) => {
  const { page, errors } = await openPortal(t);
  const { parsePlan, exportPlan } = kehoachNode();
  const plan = parsePlan(SEED).plan;
  for (const [format, name] of [
    ["ics", "ke-hoach-66-KH-UBND.ics"],
    ["csv", "ke-hoach-66-KH-UBND.csv"],
  ]) {
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId(`export-${format}`).click()]);
    assert.equal(download.suggestedFilename(), name);
    const body = readFileSync(await download.path(), "utf8");
    assert.equal(body, await exportPlan(plan, format, { asOf: "2026-11-28" }));
    if (format === "ics") {
      assert.ok(body.startsWith("BEGIN:VCALENDAR\r\n"));
      assert.equal(body.match(/^BEGIN:VTODO\r$/gm).length, 44);
    } else {
      assert.ok(body.startsWith("\ufeffSố hiệu,Nhiệm vụ,"));
    }
  }
  assert.deepEqual(errors, []);
});

test("downloads: the tracking workbook and the report come from the office module, loaded on the first click", async (t) => {
  const { page, errors } = await openPortal(t);
  const resources = () => page.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname));
  assert.ok((await resources()).some((p) => p.endsWith("/pkg/web/kehoach_core_bg.wasm")));
  assert.ok(!(await resources()).some((p) => p.includes("kehoach_office")), "the office module loaded before it was asked for");
  const zipNames = (bytes) => bytes.toString("latin1");
  const [xlsx] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-xlsx").click()]);
  assert.equal(xlsx.suggestedFilename(), "theo-doi-66-KH-UBND.xlsx");
  const book = readFileSync(await xlsx.path());
  assert.equal(book.subarray(0, 4).toString("latin1"), "PK\x03\x04");
  assert.ok(zipNames(book).includes("xl/worksheets/sheet2.xml"));
  assert.equal((await resources()).filter((p) => p.endsWith("/pkg/office/kehoach_office_bg.wasm")).length, 1);

  await page.getByTestId("filter-agency").selectOption("Sở Tài chính");
  const [docx] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-docx").click()]);
  assert.equal(docx.suggestedFilename(), "bao-cao-66-KH-UBND-Sở-Tài-chính.docx");
  const report = readFileSync(await docx.path());
  assert.equal(report.subarray(0, 4).toString("latin1"), "PK\x03\x04");
  assert.ok(zipNames(report).includes("word/document.xml"));
  // Loaded once for both documents.
  assert.equal((await resources()).filter((p) => p.endsWith("/pkg/office/kehoach_office_bg.wasm")).length, 1);
  assert.equal(await page.locator("kehoach-plan .downloads + [role=status]").innerText(), "");
  assert.deepEqual(errors, []);
});

test('lang="en": English labels, same data', async (t) => {
  const { page, errors } = await openPortal(t);
  await page.evaluate(() => document.querySelector("kehoach-plan").setAttribute("lang", "en"));
  await page.locator("kehoach-plan caption", { hasText: "Tasks" }).waitFor();
  assert.equal(await page.locator(ROW).count(), 44);
  assert.equal(await page.locator(`${ROW}[data-number="II.3.a"] .status`).innerText(), "Active");
  assert.equal(await page.getByLabel("Agency", { exact: true }).getAttribute("data-testid"), "filter-agency");
  assert.match(await page.getByTestId("diagnostic").nth(8).locator(".where").innerText(), /^line 201, column 107$/);
  assert.deepEqual(errors, []);
});

test("timeline: one bar per scheduled task, phases shaded, the as-of date marked, filters apply", async (t) => {
  const { page, errors } = await openPortal(t);
  const svg = page.getByTestId("timeline");
  // 43 bars: II.3.b is conditional ("theo hướng dẫn của …") and has no window.
  assert.equal(await svg.locator("g[data-eid]").count(), 43);
  assert.equal(await svg.locator('g[data-number="II.3.b"]').count(), 0);
  const phased = svg.locator('g[data-number="II.3.c"]');
  assert.equal(await phased.locator("rect.phase").count(), 2);
  assert.equal(
    await phased.locator(":scope > title").textContent(),
    "II.3.c: 01/01/2022 – 31/12/2030 (hết hạn giả định) · Đang thực hiện",
  );
  assert.equal(await svg.locator("line.asof > title").textContent(), "Ngày xem xét: 28/11/2026");
  // The year axis runs from the plan's year (2020) to its stated horizon (2030).
  const years = await svg.locator(":scope > text").evaluateAll((ts) => ts.map((x) => x.textContent).filter((s) => /^\d{4}$/.test(s)));
  assert.deepEqual(years, ["2020", "2021", "2022", "2023", "2024", "2025", "2026", "2027", "2028", "2029", "2030"]);
  await page.getByTestId("filter-agency").selectOption({ label: "Sở Khoa học và Công nghệ" });
  assert.equal(await svg.locator("g[data-eid]").count(), 23);
  assert.deepEqual(errors, []);
});
