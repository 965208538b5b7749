// checkPlan, resolveAgencies, schedule, applyAmendment and the ics/csv exports under Node,
// against the built package (`npm run build` first). Exact values on the seed plan.
import assert from "node:assert/strict";
import { test } from "node:test";
import { eachSpan, kehoach, points, rejectsCode, seedText, throwsCode, units } from "./helpers.mjs";

const {
  applyAmendment,
  checkPlan,
  draftAmendment,
  exportPlan,
  parseInstructions,
  parsePlan,
  parseTimeframe,
  resolveAgencies,
  schedule,
} = kehoach;
const AS_OF = "2026-11-28";
const seedPlan = () => parsePlan(seedText).plan;

test("checkPlan(text) on the seed: the two errors with their fixes, agency/succeeded warnings", () => {
  const diags = checkPlan(seedText, { asOf: AS_OF });
  const errors = diags.filter((d) => d.severity === "error");
  assert.deepEqual(
    errors.map((d) => d.code),
    ["numbering/duplicate-point", "citation/symbol-style"],
  );
  const [dup, cit] = errors;
  assert.equal(dup.fix.replacement, "đ");
  assert.equal(seedText.slice(dup.fix.span.start, dup.fix.span.end), "d");
  assert.equal(dup.span.line, 99);
  assert.equal(cit.fix.replacement, "29-NQ/TW");
  assert.equal(seedText.slice(cit.fix.span.start, cit.fix.span.end), "29/NQ-TW");
  const succeeded = diags.filter((d) => d.code === "agency/succeeded");
  assert.equal(succeeded.length, 8);
  assert.ok(succeeded.every((d) => d.severity === "warning"));
  const tttt = succeeded.find((d) => seedText.slice(d.span.start, d.span.end) === "Sở Thông tin và Truyền thông");
  assert.ok(tttt, "the succession warning points at the agency's name");
  assert.match(tttt.message, /Sở Khoa học và Công nghệ/);
  // Every span (labels included) slices the text within bounds.
  eachSpan(diags, (s) => assert.ok(s.start <= s.end && s.end <= seedText.length));
  // Without a date, no succession check; in English on request.
  const undated = checkPlan(seedText, { lang: "en" });
  assert.equal(undated.filter((d) => d.code === "agency/succeeded").length, 0);
  assert.equal(undated.length, 2);
  assert.equal(undated[0].lang, "en");
});

test("checkPlan(plan object) gives the same findings as the text", () => {
  const fromText = checkPlan(seedText, { asOf: AS_OF }).map((d) => [d.code, d.span.line]);
  const fromPlan = checkPlan(seedPlan(), { asOf: AS_OF }).map((d) => [d.code, d.span.line]);
  assert.deepEqual(fromPlan, fromText);
  // The duplicate point's fix is at the same UTF-16 place (spans come from the plan's own).
  const dup = checkPlan(seedPlan()).find((d) => d.code === "numbering/duplicate-point");
  assert.equal(seedText.slice(dup.fix.span.start, dup.fix.span.end), "d");
});

test("parseTimeframe uses the grammar: kinds, years, UTF-16 spans of the parts", () => {
  const text = "Từ năm 2021 - 2030.";
  const { timeframe, diagnostics } = parseTimeframe(text);
  assert.deepEqual(diagnostics, []);
  assert.equal(timeframe.kind, "range");
  assert.equal(timeframe.start.year, 2021);
  assert.equal(timeframe.end.year, 2030);
  assert.equal(text.slice(timeframe.start.span.start, timeframe.start.span.end), "năm 2021");
  assert.equal(text.slice(timeframe.end.span.start, timeframe.end.span.end), "2030");
  assert.equal(parseTimeframe("Quý III/2024").timeframe.at.quarter, 3);
  assert.equal(parseTimeframe("Thường xuyên hằng năm.").timeframe.kind, "recurring");
  assert.equal(parseTimeframe("Khi có yêu cầu").timeframe.kind, "conditional");
  // A value that names no time, deadline or condition is kept unread, with a warning.
  const none = parseTimeframe("khi nào rảnh");
  assert.equal(none.timeframe.kind, "unrecognized");
  assert.equal(none.diagnostics[0].code, "timeframe/unrecognized");
  const bad = parseTimeframe("Hằng năm, tăng 5,5%");
  assert.equal(bad.timeframe.kind, "unrecognized");
  assert.equal(bad.diagnostics[0].code, "timeframe/unrecognized");
  // NFD input is normalized; spans still slice the text as given.
  const nfd = "Năm 2025".normalize("NFD");
  const r = parseTimeframe(nfd);
  assert.equal(r.timeframe.kind, "point");
  assert.equal(r.timeframe.at.year, 2025);
  assert.deepEqual([r.timeframe.span.start, r.timeframe.span.end], [0, nfd.length]);
});

test("resolveAgencies: Sở Thông tin và Truyền thông is held by Sở Khoa học và Công nghệ since 2025-03-01", () => {
  const text = "Sở Thông tin và Truyền thông";
  const { agencies, diagnostics } = resolveAgencies(text, { on: AS_OF, province: "Quảng Ngãi" });
  assert.deepEqual(diagnostics, []);
  assert.equal(agencies.length, 1);
  const [a] = agencies;
  assert.equal(a.name, "Sở Thông tin và Truyền thông");
  assert.equal(a.kind, "department");
  assert.equal(a.known, true);
  assert.deepEqual(a.span, { start: 0, end: text.length, line: 1, column: 1 });
  assert.equal(a.current.length, 1);
  assert.equal(a.current[0].name, "Sở Khoa học và Công nghệ");
  assert.equal(a.current[0].since, "2025-03-01");
  assert.equal(a.current[0].change, "merged");
  assert.equal(a.current[0].chain.length, 2);
  // Without a date: no `current`. A list splits; an unknown name is suggested.
  assert.equal(resolveAgencies(text).agencies[0].current, undefined);
  // In Đắk Nông's context: on to Lâm Đồng (01/07/2025); without a province, the national pattern.
  const dn = resolveAgencies(text, { on: AS_OF, province: "Đắk Nông" }).agencies[0].current[0];
  assert.equal(dn.officialName, "Sở Khoa học và Công nghệ tỉnh Lâm Đồng");
  const national = resolveAgencies(text, { on: AS_OF }).agencies[0].current;
  assert.equal(national[0].name, "Sở Khoa học và Công nghệ");
  assert.match(national[0].basis, /45\/2025\/NĐ-CP/);
  const list = "Các sở, ban, ngành, UBND các huyện, thị xã, thành phố và các tổ chức cá nhân liên quan.";
  const split = resolveAgencies(list).agencies;
  assert.deepEqual(
    split.map((x) => list.slice(x.span.start, x.span.end)),
    ["Các sở, ban, ngành", "UBND các huyện, thị xã, thành phố", "các tổ chức cá nhân liên quan"],
  );
  const typo = resolveAgencies("Sở Thông tin và Truyền thong", { lang: "en" });
  assert.equal(typo.agencies[0].known, false);
  assert.equal(typo.agencies[0].suggestion, "Sở Thông tin và Truyền thông");
  assert.equal(typo.diagnostics[0].code, "agency/unknown");
  assert.equal(typo.diagnostics[0].lang, "en");
});

test("schedule as of 2026-11-28: II.1.c ended, II.8.b active, II.3.b conditional; reviews", () => {
  const s = schedule(seedPlan(), { asOf: AS_OF });
  assert.equal(s.asOf, AS_OF);
  assert.equal(s.tasks.length, 44);
  const byNumber = (n) => s.tasks.find((t) => t.number === n);
  assert.equal(byNumber("II.1.c").status, "ended");
  assert.deepEqual(byNumber("II.1.c").window, { start: "2022-01-01", end: "2025-12-31" });
  assert.equal(byNumber("II.8.b").status, "active");
  assert.equal(byNumber("II.3.b").status, "conditional");
  assert.equal(byNumber("II.3.b").reason, "awaitingGuidance");
  assert.deepEqual(s.horizon, { year: 2030, source: "statedPeriod" });
  assert.equal(s.reviews.length, 27);
  assert.equal(schedule(seedPlan(), { asOf: AS_OF, horizon: 2035 }).horizon.year, 2035);
  // Progress: an object or its JSON text; a report for II.1.c marks it done.
  const progress = { reports: [{ task: "II.8.b", date: "2026-10-01", status: "done" }] };
  for (const p of [progress, JSON.stringify(progress)]) {
    const done = schedule(seedPlan(), { asOf: AS_OF, progress: p });
    assert.equal(done.tasks.find((t) => t.number === "II.8.b").progress.status, "done");
  }
  // A report naming no task: the schedule's warning, as in the CLI.
  const unknown = schedule(seedPlan(), { asOf: AS_OF, progress: { reports: [{ task: "IX.9.z", date: "2026-10-01", status: "done" }] } });
  assert.deepEqual(unknown.diagnostics.map((d) => d.code), ["schedule/unknown-task"]);
  // Bad progress throws the core's code; asOf is required.
  throwsCode(() => schedule(seedPlan(), { asOf: AS_OF, progress: { reports: 5 } }), "invalid-json");
  throwsCode(() => schedule(seedPlan(), { asOf: AS_OF, progress: "{" }), "invalid-json");
  throwsCode(() => schedule(seedPlan(), { asOf: AS_OF, progress: [1] }), "invalid-json");
  throwsCode(() => schedule(seedPlan(), {}), "invalid-option");
  throwsCode(() => schedule(seedPlan(), { asOf: "2026-13-01" }), "invalid-option");
  throwsCode(() => schedule(seedPlan(), { asOf: AS_OF, horizon: "2030" }), "invalid-option");
  throwsCode(() => schedule(seedPlan(), { asof: AS_OF }), "invalid-option");
  // Read field by field (no serde in the core module): the same rules, with the place named.
  const bad = (p) => {
    try {
      schedule(seedPlan(), { asOf: AS_OF, progress: p });
    } catch (e) {
      assert.equal(e.code, "invalid-json");
      return e.message;
    }
    assert.fail("no error");
  };
  assert.match(bad({ reports: [{ task: "II.8.b", date: "2026-10-01", status: "xong" }] }), /reports\[0\]: status: unknown status `xong`/);
  assert.match(bad({ reports: [progress.reports[0], { task: "II.8.b", status: "done" }] }), /reports\[1\]: missing field `date`/);
  assert.match(bad({ reports: [{ task: 5, date: "2026-10-01", status: "done" }] }), /reports\[0\]: task: expected a string, got number/);
  assert.match(bad({ reports: [{ task: "II.8.b", date: "1/10/2026", status: "done" }] }), /reports\[0\]: date: /);
  // Unknown report fields are ignored and null optional ones are absent, as in `--progress FILE`.
  const extra = { reports: [{ ...progress.reports[0], note: null, by: "Sở Tài chính", extra: 1 }] };
  assert.equal(schedule(seedPlan(), { asOf: AS_OF, progress: extra }).tasks.find((t) => t.number === "II.8.b").progress.status, "done");
  assert.equal(schedule(seedPlan(), { asOf: AS_OF, horizon: null }).horizon.year, 2030);
  throwsCode(() => schedule(seedPlan(), { asOf: AS_OF, horizon: 2030.5 }), "invalid-option");
  throwsCode(() => parsePlan("I. A", { maxUnits: 2 ** 32 }), "invalid-option");
  throwsCode(() => schedule(seedPlan()), "invalid-argument");
  throwsCode(() => schedule(seedPlan(), "2026-11-28"), "invalid-argument");
  throwsCode(() => schedule("plan", { asOf: AS_OF }), "invalid-argument");
});

test("applyAmendment: repeal by instruction text, the change and the spans", async () => {
  const plan = seedPlan();
  const text = "Bãi bỏ điểm b khoản 3 Mục II.";
  const r = await applyAmendment(plan, text);
  assert.equal(r.applied, true);
  assert.deepEqual(r.diagnostics, []);
  assert.equal(r.changes.length, 1);
  assert.equal(r.changes[0].op, "repeal");
  assert.equal(r.changes[0].eid, "sec_II__para_3__point_b");
  assert.equal(r.changes[0].number, "II.3.b");
  // The repealed unit as it was, with the plan's spans (UTF-16 units of the plan text).
  const before = r.changes[0].before;
  assert.equal(seedText.slice(before.leads.span.start, before.leads.span.end), before.leads.text);
  assert.equal(points(r.plan).filter((u) => u.leads).length, 43);
  assert.deepEqual(r.amendment.operations, [{ op: "repeal", target: { number: "II.3.b" } }]);
  // The amended plan is a plan for every function (it lives in the tools module).
  assert.equal(schedule(r.plan, { asOf: AS_OF }).tasks.length, 43);
  assert.ok(checkPlan(r.plan, { asOf: AS_OF }).every((d) => d.span.end <= seedText.length));
  assert.equal((await exportPlan(r.plan, "ics", { asOf: AS_OF })).match(/^BEGIN:VTODO\r$/gm).length, 43);
  const twice = await applyAmendment(r.plan, "Bãi bỏ điểm a khoản 3 Mục II.");
  assert.equal(points(twice.plan).filter((u) => u.leads).length, 42);

  // A substitution: the new unit points into the amendment text, in UTF-16 units of it (the
  // instruction is 154 units but more bytes: a byte span would overrun).
  const sub =
    "Sửa đổi điểm a khoản 3 Mục II như sau:\n“a) Xây dựng kho dữ liệu dùng chung.\n" +
    "- Cơ quan chủ trì: Sở Khoa học và Công nghệ.\n- Thời gian thực hiện: Năm 2026.”";
  const rs = await applyAmendment(plan, sub);
  assert.equal(rs.applied, true, JSON.stringify(rs.diagnostics));
  assert.deepEqual(rs.changes.map((c) => [c.op, c.eid]), [["substitute", "sec_II__para_3__point_a"]]);
  const after = rs.changes[0].after;
  assert.equal(after.leads.text, "Sở Khoa học và Công nghệ.");
  assert.equal(sub.length, 154);
  assert.ok(Buffer.byteLength(sub) > 154);
  assert.deepEqual(after.span, { start: 0, end: 154, line: 1, column: 1 });
  assert.equal(sub.slice(after.leads.span.start, after.leads.span.end), sub);
  // Untouched units keep the plan's spans.
  const [b] = units(rs.plan).filter((u) => u.number === "II.3.b");
  assert.equal(seedText.slice(b.leads.span.start, b.leads.span.end), b.leads.text);

  // The same as JSON text and as an object.
  const json = { symbol: "15/KH-UBND", date: "2021-03-01", operations: [{ op: "repeal", target: "II.3.b" }] };
  for (const a of [json, JSON.stringify(json)]) {
    const rj = await applyAmendment(plan, a, { lang: "en" });
    assert.equal(rj.applied, true);
    assert.equal(rj.changes[0].eid, "sec_II__para_3__point_b");
    assert.equal(rj.amendment.symbol, "15/KH-UBND");
  }
});

test("applyAmendment: bad amendments are diagnostics (UTF-16 spans), bad arguments reject", async () => {
  const plan = seedPlan();
  const badJson = '{ "symbol": "đđ", x }';
  const r = await applyAmendment(plan, badJson, { lang: "en" });
  assert.equal(r.applied, false);
  assert.equal(r.diagnostics[0].code, "amend/invalid-json");
  assert.equal(r.diagnostics[0].span.start, badJson.indexOf("x"));
  assert.equal(r.diagnostics[0].lang, "en");
  assert.deepEqual(r.changes, []);
  assert.equal(points(r.plan).filter((u) => u.leads).length, 44, "the plan comes back unchanged");
  const missing = await applyAmendment(plan, { operations: [{ op: "repeal", target: "II.9" }] });
  assert.equal(missing.applied, false);
  assert.deepEqual(missing.diagnostics.map((d) => d.code), ["amend/target-not-found"]);
  const gibberish = "Đây không phải là một sửa đổi.";
  const g = await applyAmendment(plan, gibberish);
  assert.equal(g.applied, false);
  assert.deepEqual(g.diagnostics.map((d) => [d.code, d.span]), [
    ["amend/empty", { start: 0, end: gibberish.length, line: 1, column: 1 }],
  ]);
  await rejectsCode(() => applyAmendment(plan, 42), "invalid-argument");
  await rejectsCode(() => applyAmendment(plan, null), "invalid-argument");
  await rejectsCode(() => applyAmendment(plan, ["Bãi bỏ"]), "invalid-argument");
  await rejectsCode(() => applyAmendment(plan), "invalid-argument");
  await rejectsCode(() => applyAmendment("plan", "Bãi bỏ điểm b khoản 3 Mục II."), "invalid-argument");
  await rejectsCode(() => applyAmendment(plan, "Bãi bỏ điểm b khoản 3 Mục II.", { lang: "fr" }), "invalid-option");
  const cyclic = { operations: [] };
  cyclic.self = cyclic;
  await rejectsCode(() => applyAmendment(plan, cyclic), "invalid-argument");
});

test("exportPlan ics/csv: 44 VTODOs, BOM and 44 rows; asOf required", async () => {
  const plan = seedPlan();
  const ics = await exportPlan(plan, "ics", { asOf: AS_OF });
  assert.ok(ics.startsWith("BEGIN:VCALENDAR\r\n"));
  assert.equal(ics.match(/^BEGIN:VTODO\r$/gm).length, 44);
  assert.match(ics, /^UID:sec_II__para_1__point_a/m);
  const csv = await exportPlan(plan, "csv", { asOf: AS_OF });
  assert.equal(csv.charCodeAt(0), 0xfeff);
  // Records start with the task number (fields may hold quoted line breaks).
  const lines = csv.slice(1).split(/\r\n/);
  assert.match(lines[0], /^Số hiệu,Nhiệm vụ,Cơ quan chủ trì \(năm 2020\),/);
  const rows = lines.filter((l) => /^[IVX]+\.\d+\.[a-zđ]+,/.test(l));
  assert.equal(rows.length, 44, "44 data rows");
  assert.match(rows[0], /^II\.1\.a,"Tổ chức quán triệt/);
  await rejectsCode(() => exportPlan(plan, "ics"), "invalid-option");
  await rejectsCode(() => exportPlan(plan, "csv", {}), "invalid-option");
  await rejectsCode(() => exportPlan(plan, "csv", { asOf: "28/11/2026" }), "invalid-option");
  await rejectsCode(() => exportPlan(plan, "csv", { asOf: AS_OF, when: 1 }), "invalid-option");
  await rejectsCode(() => exportPlan(plan, "pdf", { asOf: AS_OF }), "invalid-option");
  // text and json need no date.
  assert.match(await exportPlan(plan, "text"), /^a\) /m);
});

test("garbage to every function: coded errors or diagnostics; the module keeps working", async () => {
  const junk = [undefined, null, 0, -1, NaN, true, "", "\u0000\uffff\ud800", [], [1, 2], {}, { plan: 1 }, () => 1, Symbol("x"), 10n];
  const allowed = new Set(["invalid-argument", "invalid-option", "invalid-json", "input-too-large", "not-found"]);
  const calls = [
    (x) => checkPlan(x),
    (x) => checkPlan(seedText, x),
    (x) => parseTimeframe(x),
    (x) => resolveAgencies(x),
    (x) => resolveAgencies("Sở Y tế", x),
    (x) => schedule(x, { asOf: AS_OF }),
    (x) => schedule(seedPlan(), x),
    (x) => schedule(seedPlan(), { asOf: AS_OF, progress: x }),
    (x) => applyAmendment(x, "Bãi bỏ điểm b khoản 3 Mục II."),
    (x) => applyAmendment(seedPlan(), x),
    (x) => applyAmendment(seedPlan(), "Bãi bỏ điểm b khoản 3 Mục II.", x),
    (x) => exportPlan(x, "ics", { asOf: AS_OF }),
    (x) => exportPlan(seedPlan(), "csv", x),
  ];
  let thrown = 0;
  for (const call of calls) {
    for (const x of junk) {
      try {
        await call(x);
      } catch (e) {
        thrown++;
        assert.ok(e instanceof Error, String(e));
        assert.ok(allowed.has(e.code), `${e.code}: ${e.message}`);
      }
    }
  }
  assert.ok(thrown > 100, `${thrown} thrown`);
  // Random text where text is taken: diagnostics, never a throw.
  for (let i = 0; i < 50; i++) {
    const s = Array.from({ length: 40 }, () => String.fromCharCode((Math.random() * 0x3000) | 0)).join("");
    assert.ok(Array.isArray(checkPlan(s)));
    assert.ok(Array.isArray(parseTimeframe(s).diagnostics));
    assert.ok(Array.isArray(resolveAgencies(s, { on: AS_OF }).agencies));
    assert.equal(typeof (await applyAmendment(seedPlan(), s)).applied, "boolean");
  }
  // Still working.
  assert.equal(checkPlan(seedText).filter((d) => d.severity === "error").length, 2);
  assert.equal(schedule(seedPlan(), { asOf: AS_OF }).tasks.length, 44);
  assert.equal(units(seedPlan()).filter((u) => u.leads).length, 44);
});

test("parseInstructions: operations, UTF-16 spans and Vietnamese addresses without a plan", async () => {
  const text = "Sửa ký hiệu điểm d thứ hai của khoản 2 Mục II thành điểm đ.\nThay thế cụm từ “Sở Thông tin và Truyền thông” bằng cụm từ “Sở Khoa học và Công nghệ” tại điểm b, c khoản 1 Mục II.\nSửa lại cho hợp lý.";
  const r = await parseInstructions(text);
  assert.deepEqual(r.operations.map((o) => o.op), ["renumber", "replacePhrase", "replacePhrase"]);
  assert.deepEqual(r.operations[0].target, { number: "II.2.d", occurrence: 2 });
  assert.equal(r.operations[0].to, "đ");
  assert.deepEqual(r.addresses, ["điểm d thứ hai khoản 2 Mục II", "điểm b khoản 1 Mục II", "điểm c khoản 1 Mục II"]);
  assert.equal(text.slice(r.spans[1].start, r.spans[1].end).slice(0, 15), "Thay thế cụm từ");
  assert.equal(r.diagnostics.length, 1);
  assert.equal(r.diagnostics[0].code, "amend/unrecognized-instruction");
  assert.equal(text.slice(r.diagnostics[0].span.start, r.diagnostics[0].span.end), "Sửa lại cho hợp lý.");
  await rejectsCode(() => parseInstructions(42), "invalid-argument");
});

test("draftAmendment: the instructions of an edit, applied back give the edited plan", async () => {
  const before = parsePlan(seedText).plan;
  const after = parsePlan(seedText.replace("Năm 2022-2025.", "Năm 2022-2027.")).plan;
  const d = await draftAmendment(before, after);
  assert.equal(d.text, "Thay thế cụm từ “2022-2025” bằng cụm từ “2022-2027” tại điểm c khoản 1 Mục II.\n");
  assert.equal(d.amendment.operations[0].op, "replacePhrase");
  assert.deepEqual(d.unworded, []);
  const r = await applyAmendment(before, d.text);
  assert.equal(r.applied, true);
  const c = points(r.plan).find((u) => u.number === "II.1.c");
  assert.equal(c.timeframe.text, "Năm 2022-2027.");
  await rejectsCode(() => draftAmendment(before, "x"), "invalid-argument");
});
