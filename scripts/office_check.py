"""The office documents opened by independent readers (openpyxl, python-docx), and rendered by
LibreOffice as a person would see them.

    .venv-office/bin/python scripts/office_check.py target/debug/kehoach OUTDIR [--docs DIR]

Exports the seed's tracking workbook (consolidated and for one agency) and progress report,
fills the workbook with openpyxl as an agency would, reads it back through `kehoach schedule
--progress`, and asserts what each document holds. With LibreOffice (soffice) and poppler
(pdftoppm) installed, converts both to PDF, checks the page size and saves the first page as
PNG (into --docs DIR when given: the README's pictures). Exits non-zero on the first failure.
"""

import datetime
import json
import os
import shutil
import subprocess
import sys

import docx
import openpyxl
from docx.shared import Mm

AS_OF = "2026-11-28"
STATUSES = ["Chưa triển khai", "Đang triển khai", "Đã hoàn thành", "Dừng thực hiện"]
HEADERS = [
    "Số hiệu",
    "Nội dung nhiệm vụ",
    "Cơ quan chủ trì (theo Kế hoạch)",
    "Cơ quan chịu trách nhiệm (ngày 28/11/2026)",
    "Thời gian thực hiện",
    "Bắt đầu",
    "Kết thúc",
    "Trạng thái (ngày 28/11/2026)",
    "Tình trạng thực hiện",
    "Ngày báo cáo",
    "Kết quả, ghi chú",
    "Mã nhiệm vụ",
]


def run(binary, *args, expect=0):
    p = subprocess.run([binary, *args], capture_output=True, text=True)
    if p.returncode != expect:
        sys.exit(f"kehoach {' '.join(args)}: exit {p.returncode}\n{p.stderr}")
    return p.stdout


def eq(found, expected, what):
    if found != expected:
        sys.exit(f"{what}: expected {expected!r}, found {found!r}")


def check_workbook(path):
    wb = openpyxl.load_workbook(path)
    eq(wb.sheetnames, ["Nhiệm vụ", "Tổng hợp"], "sheets")
    ws = wb["Nhiệm vụ"]
    eq([c.value for c in ws[1]], HEADERS, "task sheet headers")
    eq(ws.max_row, 45, "rows (header + 44 tasks)")
    eq([ws["A2"].value, ws["A11"].value, ws["L11"].value],
       ["II.1.a", "II.2.d", "sec_II__para_2__point_d_2"], "task numbers and eid")
    eq((type(ws["F3"].value), ws["F3"].value, ws["F3"].number_format),
       (datetime.datetime, datetime.datetime(2021, 1, 1), "dd/mm/yyyy"), "a window start is a date cell")
    eq(ws.freeze_panes, "A2", "frozen header row")
    eq(ws.auto_filter.ref, "A1:L45", "autofilter")
    eq((ws.page_setup.orientation, ws.page_setup.paperSize, ws.sheet_properties.pageSetUpPr.fitToPage,
        ws.page_setup.fitToWidth or 1, ws.page_setup.fitToHeight),
       ("landscape", 9, True, 1, 0), "A4 landscape, one page wide")
    eq(ws.print_title_rows, "$1:$1", "header repeated on printed pages")
    eq(ws.column_dimensions["B"].width > 40, True, "content column width")
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    eq(len(lists), 1, "one drop-down")
    eq(lists[0].formula1, '"' + ",".join(STATUSES) + '"', "drop-down list")
    eq(str(lists[0].sqref), "I2:I45", "drop-down range")
    dates = [dv for dv in ws.data_validations.dataValidation if dv.type == "date"]
    eq(str(dates[0].sqref), "J2:J45", "date validation range")
    s = wb["Tổng hợp"]
    eq(s["A1"].value, "THEO DÕI THỰC HIỆN KẾ HOẠCH", "summary title")
    eq(s["A2"].value, "Kế hoạch số 66/KH-UBND ngày 18/5/2020 của Ủy ban nhân dân tỉnh Quảng Ngãi", "plan")
    eq(s["B3"].value, datetime.datetime(2026, 11, 28), "as-of date cell")
    counts = {}
    for row in s.iter_rows(min_row=9, max_row=17, values_only=True):
        counts[row[0]] = row[1]
    eq((counts["Đang thực hiện"], counts["Đã hết thời hạn"], counts["Định kỳ"]), (29, 9, 4), "status counts")
    eq(s["B23"].value, '=COUNTIF(\'Nhiệm vụ\'!I2:I45,"Đã hoàn thành")', "reported-status formula")


def fill_like_an_agency(src, dst):
    """openpyxl, not kehoach, writes the filled copy: II.1.c done, II.2.g under way."""
    wb = openpyxl.load_workbook(src)
    ws = wb["Nhiệm vụ"]
    rows = {ws.cell(r, 12).value: r for r in range(2, ws.max_row + 1)}
    r = rows["sec_II__para_1__point_c"]
    ws.cell(r, 9).value = "Đã hoàn thành"
    ws.cell(r, 10).value = datetime.datetime(2025, 12, 20)
    ws.cell(r, 11).value = "Đã ban hành Kế hoạch số 12/KH-SKHCN"
    r = rows["sec_II__para_2__point_g"]
    ws.cell(r, 9).value = "Đang triển khai"
    ws.cell(r, 10).value = datetime.datetime(2026, 11, 1)
    ws.cell(r, 10).number_format = "dd/mm/yyyy"
    wb.save(dst)


def check_report(path, with_progress):
    d = docx.Document(path)
    sec = d.sections[0]
    eq((round(sec.page_width.mm), round(sec.page_height.mm)), (210, 297), "A4")
    eq((round(sec.top_margin.mm), round(sec.bottom_margin.mm), round(sec.left_margin.mm), round(sec.right_margin.mm)),
       (20, 20, 30, 15), "margins (Nghị định 30/2020/NĐ-CP)")
    eq(sec.different_first_page_header_footer, True, "no page number on the first page")
    eq('PAGE' in sec.header._element.xml, True, "page number in the header from page 2")
    header = [c.text for c in d.tables[0].rows[0].cells]
    eq(header[0].split("\n"), ["UBND TỈNH QUẢNG NGÃI", "SỞ KHOA HỌC VÀ CÔNG NGHỆ", "_______", "Số: ……/BC-……"], "issuing body")
    eq(header[1].split("\n")[:2], ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"], "national title and motto")
    texts = [p.text for p in d.paragraphs]
    for h in ["BÁO CÁO", "I. KẾT QUẢ THỰC HIỆN", "II. NHIỆM VỤ CHẬM TIẾN ĐỘ, CÓ NGUY CƠ CHẬM TIẾN ĐỘ",
              "III. KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ", "1. Khó khăn, vướng mắc", "2. Đề xuất, kiến nghị",
              "IV. HẠN THỰC HIỆN VÀ KỲ SƠ KẾT, TỔNG KẾT SẮP TỚI"]:
        if h not in texts:
            sys.exit(f"report heading missing: {h}")
    results = d.tables[1]
    eq(len(results.rows), 45, "results table rows (header + 44 tasks)")
    eq([c.text for c in results.rows[0].cells],
       ["STT", "Số hiệu", "Nhiệm vụ", "Cơ quan chủ trì", "Thời gian thực hiện", "Tình trạng, kết quả"], "results header")
    row = [c.text for c in results.rows[3].cells]
    eq(row[:2], ["3", "II.1.c"], "third task")
    eq(row[3], "Sở Khoa học và Công nghệ", "II.1.c's lead on the as-of date")
    if with_progress:
        eq(row[5], "Đã hoàn thành (20/12/2025)\nĐã ban hành Kế hoạch số 12/KH-SKHCN", "reported status and note")
        late = d.tables[2]
        numbers = [r.cells[1].text for r in late.rows[1:]]
        # Overdue: closed windows not reported done (II.2.g was reported under way).
        eq("II.2.g" in numbers and "II.1.c" not in numbers, True, f"overdue tasks {numbers}")
        eq(late.rows[0].cells[3].text, "Cơ quan chịu trách nhiệm (ngày 28/11/2026)", "overdue table: leads column")
    fonts = {r.font.name for p in d.paragraphs for r in p.runs}
    eq(fonts, {"Times New Roman"}, "fonts of the body")
    sizes = {r.font.size.pt for p in d.paragraphs for r in p.runs}
    eq(sizes, {14.0}, "body size")
    signature = [c.text for c in d.tables[-1].rows[0].cells]
    eq(signature[0].split("\n")[0], "Nơi nhận:", "recipients")
    eq(signature[1].split("\n")[0], "THỦ TRƯỞNG CƠ QUAN", "signature block")


def render(files, out, docs):
    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    if not soffice or not pdftoppm:
        print("office check: LibreOffice or poppler-utils not installed: rendering check SKIPPED")
        return
    env = dict(os.environ, HOME=os.path.abspath(os.path.join(out, "lo-home")))
    p = subprocess.run([soffice, "--headless", "--norestore", "--convert-to", "pdf", "--outdir", out, *files],
                       capture_output=True, text=True, env=env, timeout=300)
    if p.returncode != 0:
        sys.exit(f"soffice failed: {p.stderr}")
    for f in files:
        stem = os.path.splitext(os.path.basename(f))[0]
        pdf = os.path.join(out, stem + ".pdf")
        info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
        size = next(l for l in info.splitlines() if l.startswith("Page size:"))
        # A4 (595 x 842 pt); the workbook prints landscape.
        w, h = (float(x) for x in size.split(":", 1)[1].split("pts")[0].split(" x "))
        landscape = f.endswith(".xlsx")
        if "(A4)" not in size or (w > h) != landscape:
            sys.exit(f"{pdf}: {size}, expected A4 {'landscape' if landscape else 'portrait'}")
        target = os.path.join(docs or out, stem)
        subprocess.run([pdftoppm, "-png", "-r", "80", "-f", "1", "-l", "1", "-singlefile", pdf, target], check=True)
        print(f"office check: {f} → {pdf} ({size.split(':', 1)[1].strip()}) → {target}.png")


def main():
    binary, out = sys.argv[1], sys.argv[2]
    docs = sys.argv[4] if len(sys.argv) > 4 and sys.argv[3] == "--docs" else None
    os.makedirs(out, exist_ok=True)
    xlsx = os.path.join(out, "theo-doi-ke-hoach-66.xlsx")
    run(binary, "export", "--to", "xlsx", "--as-of", AS_OF, "--out", xlsx)
    check_workbook(xlsx)

    agency = os.path.join(out, "theo-doi-so-tai-chinh.xlsx")
    run(binary, "export", "--to", "xlsx", "--agency", "Sở Tài chính", "--as-of", AS_OF, "--out", agency)
    ws = openpyxl.load_workbook(agency)["Nhiệm vụ"]
    eq([ws.cell(r, 1).value for r in range(2, ws.max_row + 1)], ["II.2.a", "II.4.d", "II.6.a", "II.7.b"], "one agency's rows")

    filled = os.path.join(out, "da-dien.xlsx")
    fill_like_an_agency(xlsx, filled)
    sched = json.loads(run(binary, "schedule", "--as-of", AS_OF, "--progress", filled, "--format", "json"))
    status = {t["eid"]: t["status"] for t in sched["tasks"]}
    eq((status["sec_II__para_1__point_c"], status["sec_II__para_2__point_g"]), ("done", "overdue"),
       "statuses read back from the workbook openpyxl filled")

    report = os.path.join(out, "bao-cao-ke-hoach-66.docx")
    run(binary, "export", "--to", "docx", "--as-of", AS_OF, "--out", report)
    check_report(report, with_progress=False)
    report_p = os.path.join(out, "bao-cao-tien-do.docx")
    run(binary, "export", "--to", "docx", "--as-of", AS_OF, "--progress", filled, "--out", report_p)
    check_report(report_p, with_progress=True)
    print("office check: openpyxl and python-docx read the workbook and the report as expected")
    render([filled, report_p], out, docs)


if __name__ == "__main__":
    main()
