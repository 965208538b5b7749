#!/usr/bin/env python3
"""Builds data/national-2025.json from the sourced reference (reorganization-2025.json).

Usage: python3 data/tools/national.py REFERENCE.json > data/national-2025.json
Every record keeps the reference's basis, source URLs and confidence; see data/README.md.
"""
import json, sys, unicodedata

ref = json.load(open(sys.argv[1]))
src = {s["id"]: s for s in ref["sources"]}

def urls(ids):
    return [src[i]["url"] for i in ids if i in src]

def slug(name):
    s = unicodedata.normalize("NFD", name.replace("Đ", "D").replace("đ", "d"))
    s = "".join(c for c in s if unicodedata.category(c) != "Mn").lower()
    return "-".join("".join(c if c.isalnum() else " " for c in s).split())

def change(kind):
    return {"transferred": "merged"}.get(kind, kind)

agencies, events, provinces = [], [], []

# ---- Ministries and government agencies (ids of agencies.json where they exist) ----
MIN_IDS = {
    "Bộ Kế hoạch và Đầu tư": "bo-khdt", "Bộ Tài chính": "bo-tai-chinh",
    "Bộ Giao thông vận tải": "bo-gtvt", "Bộ Xây dựng": "bo-xay-dung",
    "Bộ Thông tin và Truyền thông": "bo-tttt", "Bộ Khoa học và Công nghệ": "bo-khcn",
    "Bộ Tài nguyên và Môi trường": "bo-tnmt",
    "Bộ Nông nghiệp và Phát triển nông thôn": "bo-nnptnt",
    "Bộ Lao động - Thương binh và Xã hội": "bo-ldtbxh", "Bộ Nội vụ": "bo-noi-vu",
    "Ủy ban Dân tộc": "ubdt", "Bộ Dân tộc và Tôn giáo": "bo-dttg",
    "Bộ Nông nghiệp và Môi trường": "bo-nnmt", "Bộ Quốc phòng": "bo-quoc-phong",
    "Bộ Công an": "bo-cong-an", "Bộ Ngoại giao": "bo-ngoai-giao", "Bộ Tư pháp": "bo-tu-phap",
    "Bộ Công Thương": "bo-cong-thuong", "Bộ Văn hóa, Thể thao và Du lịch": "bo-vhttdl",
    "Bộ Giáo dục và Đào tạo": "bo-gddt", "Bộ Y tế": "bo-y-te",
    "Ngân hàng Nhà nước Việt Nam": "nhnn", "Thanh tra Chính phủ": "ttcp",
    "Văn phòng Chính phủ": "vpcp",
    "Ban Tôn giáo Chính phủ (thuộc Bộ Nội vụ)": "ban-ton-giao-cp",
    "Ủy ban Quản lý vốn nhà nước tại doanh nghiệp": "ubqlvnn",
    "Bảo hiểm xã hội Việt Nam": "bhxh-vn",
    "Bộ Tài chính (Bảo hiểm xã hội Việt Nam, đơn vị đặc thù)": "bhxh-vn",
    "Ban Quản lý Lăng Chủ tịch Hồ Chí Minh": "bql-lang",
    "Bộ Quốc phòng (Bộ Tư lệnh Lăng Chủ tịch Hồ Chí Minh)": "bo-quoc-phong",
    "Đài Truyền hình Việt Nam (VTV)": "vtv", "Đài Tiếng nói Việt Nam (VOV)": "vov",
    "Thông tấn xã Việt Nam (TTXVN)": "ttxvn",
    "Viện Hàn lâm Khoa học xã hội Việt Nam": "vass",
    "Viện Hàn lâm Khoa học và Công nghệ Việt Nam": "vast",
    "Bộ Công an (inferred at ministry level)": "bo-cong-an",
}
NEW_CENTRAL = [
    ("ban-ton-giao-cp", "Ban Tôn giáo Chính phủ", "other", [], []),
    ("ubqlvnn", "Ủy ban Quản lý vốn nhà nước tại doanh nghiệp", "other",
     ["Ủy ban Quản lý vốn nhà nước", "UBQLVNN"], []),
    ("bhxh-vn", "Bảo hiểm xã hội Việt Nam", "other", ["BHXH Việt Nam", "BHXHVN"], []),
    ("bql-lang", "Ban Quản lý Lăng Chủ tịch Hồ Chí Minh", "other", [], []),
    ("vtv", "Đài Truyền hình Việt Nam", "press", ["VTV"], ["Đài Truyền hình Việt Nam (VTV)"]),
    ("vov", "Đài Tiếng nói Việt Nam", "press", ["VOV"], ["Đài Tiếng nói Việt Nam (VOV)"]),
    ("ttxvn", "Thông tấn xã Việt Nam", "press", ["TTXVN"], ["Thông tấn xã Việt Nam (TTXVN)"]),
    ("vtc", "Đài Truyền hình Kỹ thuật số VTC", "press", ["VTC"], []),
    ("vass", "Viện Hàn lâm Khoa học xã hội Việt Nam", "other", [], []),
    ("vast", "Viện Hàn lâm Khoa học và Công nghệ Việt Nam", "other", [], []),
]
for id_, name, kind, ab, var in NEW_CENTRAL:
    e = {"id": id_, "name": name, "kind": kind, "level": "central"}
    if ab: e["abbreviations"] = ab
    if var: e["variants"] = var
    agencies.append(e)

for m in ref["ministries"]:
    frm = MIN_IDS.get(m["from"])
    if m["from"].startswith("Đài Truyền hình Kỹ thuật số VTC"):
        frm = "vtc"
    if not frm:
        continue
    to = []
    funcs = {f["to"]: [] for f in m.get("functions", [])}
    for f in m.get("functions", []):
        funcs[f["to"]].append(f["function"])
    for t in m["to"]:
        tid = MIN_IDS.get(t)
        if not tid:
            continue
        tgt = {"id": tid, "name": t}
        fs = funcs.get(t, []) + funcs.get(t + " (inferred at ministry level)", [])
        if fs and len(m["to"]) > 1:
            tgt["functions"] = fs
        to.append(tgt)
    if not to or not m.get("effective", "").startswith("20") or len(m["effective"]) != 10:
        if m["from"] == "Ban Quản lý Lăng Chủ tịch Hồ Chí Minh":
            ev_date = None
        else:
            continue
    else:
        ev_date = m["effective"]
    ev = {"from": frm, "fromName": m["from"], "change": change(m["kind"]),
          "effective": ev_date, "to": to, "basis": m["basis"],
          "source": (urls(m["sources"]) or [None])[0], "sources": urls(m["sources"])[1:],
          "confidence": m["confidence"], "wave": "2025-03"}
    if ev_date is None:
        ev["notBefore"] = "2025-04-30"
        ev["uncertain"] = ["effective date not retrieved (reported April 2025)"]
    if m.get("note"): ev["note"] = m["note"]
    events.append(ev)

# ---- National bodies named by plans (names only; no reorganization recorded) ----
NATIONAL = [
    ("quoc-hoi", "Quốc hội", "other", [], []),
    ("ubtvqh", "Ủy ban Thường vụ Quốc hội", "other", ["UBTVQH"], []),
    ("ub-khcnmt-qh", "Ủy ban Khoa học, Công nghệ và Môi trường của Quốc hội", "other",
     ["Ủy ban KH,CN&MT của Quốc hội", "Ủy ban KH,CN&MT", "Ủy ban KHCNMT của Quốc hội"],
     ["Ủy ban Khoa học, Công nghệ và Môi trường"]),
    ("vp-quoc-hoi", "Văn phòng Quốc hội", "office", [], []),
    # The Quốc hội's council, committees and the UBTVQH's boards of the 2021-2026 term, with the
    # names they had until the February 2025 reorganization (as KH 3260 of the Đảng đoàn Quốc
    # hội prints them); no succession records: the merged committees' decisions were not
    # retrieved.
    ("hd-dan-toc-qh", "Hội đồng Dân tộc của Quốc hội", "other", [], ["Hội đồng Dân tộc"]),
    ("ub-phap-luat-qh", "Ủy ban Pháp luật của Quốc hội", "other", [], ["Ủy ban Pháp luật"]),
    ("ub-tu-phap-qh", "Ủy ban Tư pháp của Quốc hội", "other", [], ["Ủy ban Tư pháp"]),
    ("ub-kinh-te-qh", "Ủy ban Kinh tế của Quốc hội", "other", [], ["Ủy ban Kinh tế"]),
    ("ub-tcns-qh", "Ủy ban Tài chính, Ngân sách của Quốc hội", "other", [],
     ["Ủy ban Tài chính, Ngân sách"]),
    ("ub-qpan-qh", "Ủy ban Quốc phòng và An ninh của Quốc hội", "other", [],
     ["Ủy ban Quốc phòng và An ninh"]),
    ("ub-vhgd-qh", "Ủy ban Văn hóa, Giáo dục của Quốc hội", "other", [],
     ["Ủy ban Văn hóa, Giáo dục"]),
    ("ub-xa-hoi-qh", "Ủy ban Xã hội của Quốc hội", "other", [], ["Ủy ban Xã hội"]),
    ("ub-doi-ngoai-qh", "Ủy ban Đối ngoại của Quốc hội", "other", [], ["Ủy ban Đối ngoại"]),
    ("ban-dan-nguyen", "Ban Dân nguyện", "board", [], ["Ban Dân nguyện thuộc Ủy ban Thường vụ Quốc hội"]),
    ("ban-ctdb", "Ban Công tác đại biểu", "board", [],
     ["Ban Công tác đại biểu thuộc Ủy ban Thường vụ Quốc hội"]),

    ("vp-tw-dang", "Văn phòng Trung ương Đảng", "office", ["VPTW Đảng"], []),
    ("ban-chi-dao-qg-cds", "Ủy ban Quốc gia về chuyển đổi số", "other", [], []),
    ("tong-ldld-vn", "Tổng Liên đoàn Lao động Việt Nam", "massOrganization", ["TLĐLĐVN"], []),
    ("tw-hoi-nong-dan", "Trung ương Hội Nông dân Việt Nam", "massOrganization", [],
     ["Hội Nông dân Việt Nam"]),
    ("tw-hoi-lhpn", "Trung ương Hội Liên hiệp Phụ nữ Việt Nam", "massOrganization", [],
     ["Hội Liên hiệp Phụ nữ Việt Nam", "Hội LHPN Việt Nam"]),
    ("tw-doan", "Trung ương Đoàn Thanh niên Cộng sản Hồ Chí Minh", "massOrganization",
     ["Trung ương Đoàn TNCS Hồ Chí Minh", "TW Đoàn", "Trung ương Đoàn"], []),
    ("tw-hoi-ccb", "Trung ương Hội Cựu chiến binh Việt Nam", "massOrganization", [],
     ["Hội Cựu chiến binh Việt Nam"]),
    ("vcci", "Liên đoàn Thương mại và Công nghiệp Việt Nam", "massOrganization", ["VCCI"], []),
    ("lien-minh-htx-vn", "Liên minh Hợp tác xã Việt Nam", "other", [], []),
    ("viettel", "Tập đoàn Công nghiệp - Viễn thông Quân đội", "enterprise",
     ["Viettel", "Tập đoàn Viettel"], ["Tập đoàn Công nghiệp Viễn thông Quân đội"]),
    ("vnpt", "Tập đoàn Bưu chính Viễn thông Việt Nam", "enterprise", ["VNPT", "Tập đoàn VNPT"], []),
    ("mobifone", "Tổng công ty Viễn thông MobiFone", "enterprise", ["MobiFone"], []),
    ("vnpost", "Tổng công ty Bưu điện Việt Nam", "enterprise", ["VNPost", "Bưu điện Việt Nam"], []),
    ("evn", "Tập đoàn Điện lực Việt Nam", "enterprise", ["EVN"], []),
    ("pvn", "Tập đoàn Dầu khí Việt Nam", "enterprise", ["PVN", "Petrovietnam"], []),
]
for id_, name, kind, ab, var in NATIONAL:
    e = {"id": id_, "name": name, "kind": kind, "level": "central"}
    if ab: e["abbreviations"] = ab
    if var: e["variants"] = var
    agencies.append(e)

# Collectives and bodies named by the real lead-agency strings (tests/lead-strings.json).
agencies += [
    {"id": "cac-bo", "name": "Các bộ", "kind": "ministry", "level": "central", "collective": True,
     "variants": ["Bộ"]},
    {"id": "cac-co-quan-ngang-bo", "name": "Các cơ quan ngang bộ", "kind": "ministry",
     "level": "central", "collective": True, "variants": ["cơ quan ngang bộ"]},
    {"id": "cac-co-quan-thuoc-cp", "name": "Các cơ quan thuộc Chính phủ", "kind": "other",
     "level": "central", "collective": True, "variants": ["cơ quan thuộc Chính phủ"]},
    {"id": "ubnd-cac-tinh", "name": "Ủy ban nhân dân các tỉnh, thành phố trực thuộc Trung ương",
     "kind": "peoplesCommittee", "level": "province", "collective": True,
     "abbreviations": ["UBND các tỉnh, thành phố trực thuộc Trung ương", "UBND các tỉnh, thành phố",
                       "UBND các tỉnh/thành phố", "UBND các tỉnh"],
     "variants": ["Ủy ban nhân dân các tỉnh, thành phố", "các Ủy ban nhân dân tỉnh/thành phố",
                  "các Ủy ban nhân dân tỉnh, thành phố", "Ủy ban nhân dân các tỉnh"]},
    {"id": "doan-dbqh", "name": "Các Đoàn đại biểu Quốc hội", "kind": "other", "level": "province",
     "collective": True, "abbreviations": ["các Đoàn ĐBQH"],
     "variants": ["các Đoàn đại biểu Quốc hội các tỉnh, thành phố"]},
    {"id": "dai-bieu-qh", "name": "Các đại biểu Quốc hội", "kind": "other", "level": "central",
     "collective": True, "abbreviations": ["các ĐBQH"]},
    # The province's party committees of 2025 (the Ban cán sự đảng and the Đảng đoàn gave way
    # to them); names as published, e.g. Chương trình 104-CTr/TU and NQ 34-NQ/TU of Lào Cai.
    {"id": "dang-uy-ubnd-tinh", "name": "Đảng ủy Ủy ban nhân dân tỉnh", "kind": "other",
     "level": "province", "abbreviations": ["Đảng ủy UBND tỉnh"]},
    {"id": "dang-uy-mttq-doan-the-tinh", "name": "Đảng ủy Mặt trận Tổ quốc, các đoàn thể tỉnh",
     "kind": "other", "level": "province", "abbreviations": ["Đảng ủy MTTQ, các đoàn thể tỉnh"]},
    {"id": "dang-uy-co-quan-dang-tinh", "name": "Đảng ủy các cơ quan Đảng tỉnh", "kind": "other",
     "level": "province"},
    {"id": "bao-ptth-tinh", "name": "Báo và Phát thanh, Truyền hình tỉnh", "kind": "press",
     "level": "province", "variants": ["Báo và Phát thanh, Truyền hình"],
     "note": "The 2025 merger of a province's newspaper and radio-television station (name as published, e.g. Hưng Yên)."},
    {"id": "vien-clcs-tnmt", "name": "Viện Chiến lược, Chính sách tài nguyên và môi trường",
     "kind": "other", "level": "central", "abbreviations": ["Viện Chiến lược, Chính sách TN&MT"]},
    {"id": "bao-tnmt", "name": "Báo Tài nguyên và Môi trường", "kind": "press", "level": "central",
     "abbreviations": ["Báo TN&MT"]},
]

# Departments some provinces have (Hà Nội, TP.HCM; see succession-provinces-2025.json).
agencies += [{"id": "so-vhtt", "name": "Sở Văn hóa và Thể thao", "kind": "department", "level": "province", "abbreviations": ["Sở VH&TT", "Sở VHTT"], "note": "Hà Nội and TP.HCM, where a separate Sở Du lịch is kept."}, {"id": "so-du-lich", "name": "Sở Du lịch", "kind": "department", "level": "province"}, {"id": "so-gtcc", "name": "Sở Giao thông Công chánh", "kind": "department", "level": "province", "abbreviations": ["Sở GTCC"], "established": "2025-03-01", "note": "TP.HCM, 01/03/2025 – 30/04/2025."}]

# ---- Provinces: 63 → 34 ----
def short(full):
    for p in ("Thành phố ", "Tỉnh "):
        if full.startswith(p):
            return full[len(p):], ("thành phố" if p == "Thành phố " else "tỉnh")
    return full, "tỉnh"

def pid(name):
    return "ubnd-tinh" if name == "Quảng Ngãi" else "ubnd-" + slug(name)

def ubnd_entry(name, typ):
    e = {"id": pid(name), "name": f"Ủy ban nhân dân {typ} {name}", "kind": "peoplesCommittee",
         "level": "province", "abbreviations": [f"UBND {typ} {name}"],
         "variants": [f"UBND {name}"]}
    if typ == "thành phố":
        e["abbreviations"] += [f"UBND TP {name}", f"UBND TP. {name}"]
    if name == "Hồ Chí Minh":
        e["abbreviations"] += ["UBND TP.HCM", "UBND TPHCM"]
    if name == "Bà Rịa - Vũng Tàu":
        e["abbreviations"] += ["UBND tỉnh BR-VT"]
    return e

seen = set()
for p in ref["provinces"]:
    name, typ = short(p["from"])
    to_name, to_typ = short(p["to"])
    if name != "Quảng Ngãi":
        agencies.append(ubnd_entry(name, typ)); seen.add(name)
    row = {"name": name, "type": typ, "code": p.get("fromCode"), "now": to_name, "nowType": to_typ,
           "change": change(p["kind"]), "effective": p["effective"], "basis": p["basis"],
           "source": (urls(p["sources"]) or [None])[0], "confidence": p["confidence"]}
    if p.get("note"): row["note"] = p["note"]
    provinces.append(row)
# Huế: renamed on 01/01/2025 (NQ 175/2024/QH15), not rearranged on 01/07/2025.
agencies.append(ubnd_entry("Huế", "thành phố"))
hue = next(r for r in provinces if r["name"] == "Thừa Thiên Huế")
provinces.append({"name": "Huế", "type": "thành phố", "code": hue.get("code"), "now": "Huế",
                  "nowType": "thành phố", "change": "unchanged", "effective": "2025-07-01",
                  "basis": "NQ 202/2025/QH15 (12/06/2025): one of the 11 provincial units not rearranged",
                  "source": provinces[0]["source"], "confidence": "high"})
for row in provinces:
    if row["name"] == "Huế":
        continue
    frm, to = pid(row["name"]), pid(row["now"])
    merged_with = [r["name"] for r in provinces if r["now"] == row["now"] and r["name"] != row["now"]]
    if row["change"] == "unchanged":
        continue
    if row["name"] == "Thừa Thiên Huế":
        events.append({"from": frm, "fromName": "Ủy ban nhân dân tỉnh Thừa Thiên Huế",
                       "change": "renamed", "effective": row["effective"],
                       "to": [{"id": to, "name": "Ủy ban nhân dân thành phố Huế"}],
                       "basis": row["basis"], "source": row["source"],
                       "confidence": row["confidence"], "wave": "2025-01"})
        continue
    if frm == to:
        if row["name"] == "Quảng Ngãi":
            continue  # the Quảng Ngãi records hold this step (succession-quang-ngai-2025.json)
        events.append({"from": frm, "fromName": f"Ủy ban nhân dân {row['type']} {row['name']}",
                       "change": "merged", "consolidation": True, "effective": row["effective"],
                       "to": [{"id": to, "name": f"Ủy ban nhân dân {row['nowType']} {row['now']} ({row['nowType']} mới, hợp nhất với " + ", ".join(merged_with) + ")"}],
                       "basis": row["basis"], "source": row["source"],
                       "confidence": row["confidence"], "wave": "2025-07"})
    else:
        events.append({"from": frm, "fromName": f"Ủy ban nhân dân {row['type']} {row['name']}",
                       "change": "merged", "effective": row["effective"],
                       "to": [{"id": to, "name": f"Ủy ban nhân dân {row['nowType']} {row['now']}"}],
                       "basis": row["basis"], "source": row["source"],
                       "confidence": row["confidence"], "wave": "2025-07"})

# ---- Provincial departments: the national pattern (applies where a province has no record) ----
DEP_IDS = {
    "Sở Kế hoạch và Đầu tư": "so-khdt", "Sở Tài chính": "so-tai-chinh",
    "Sở Thông tin và Truyền thông": "so-tttt", "Sở Khoa học và Công nghệ": "so-khcn",
    "Sở Giao thông vận tải": "so-gtvt", "Sở Xây dựng": "so-xay-dung",
    "Sở Tài nguyên và Môi trường": "so-tnmt", "Sở Nông nghiệp và Phát triển nông thôn": "so-nnptnt",
    "Sở Nông nghiệp và Môi trường": "so-nnmt",
    "Sở Lao động - Thương binh và Xã hội": "so-ldtbxh", "Sở Nội vụ": "so-noi-vu",
    "Ban Dân tộc tỉnh": "ban-dan-toc", "Sở Dân tộc và Tôn giáo": "so-dttg",
    "Sở Văn hóa, Thể thao và Du lịch": "so-vhttdl", "Sở Tư pháp": "so-tu-phap",
    "Sở Công Thương": "so-cong-thuong", "Sở Giáo dục và Đào tạo": "so-gddt", "Sở Y tế": "so-y-te",
    "Văn phòng UBND tỉnh": "vp-ubnd-tinh", "Công an tỉnh": "cong-an-tinh",
    "Sở Du lịch (where separate)": "so-du-lich", "Sở Du lịch": "so-du-lich",
}
PATTERN_NOTE = ("national pattern (NĐ 45/2025/NĐ-CP and CV 05/CV-BCĐTKNQ18); "
                "this province's own HĐND resolution is not recorded")
for d in ref["departmentPattern"]:
    frm = DEP_IDS.get(d["from"])
    if not frm or frm in ("so-ngoai-vu",):
        continue
    funcs = {}
    for f in d.get("functions", []):
        t = f["to"].split(" (")[0]
        funcs.setdefault(t, []).append(f["function"])
    to = []
    for t in d["to"]:
        tid = DEP_IDS.get(t)
        if not tid or (tid == frm and d["kind"] != "unchanged") or any(x["id"] == tid for x in to):
            continue
        if frm == "ban-dan-toc" and tid == "so-noi-vu":
            continue
        tgt = {"id": tid, "name": t}
        if len(d["to"]) > 1 and funcs.get(t):
            tgt["functions"] = funcs[t]
        to.append(tgt)
    if not to:
        continue
    conf = {"high": "medium"}.get(d["confidence"], d["confidence"])
    ev = {"from": frm, "fromName": d["from"], "change": change(d["kind"]),
          "effective": d["effective"], "to": to, "basis": d["basis"],
          "source": (urls(d["sources"]) or [None])[0], "sources": urls(d["sources"])[1:],
          "confidence": conf, "uncertain": [PATTERN_NOTE], "wave": "2025-03"}
    if d.get("note"): ev["note"] = d["note"]
    events.append(ev)

# ---- District level: ended 01/07/2025 ----
dl = ref["districtLevel"]
agencies.append({"id": "ubnd-huyen", "name": "Ủy ban nhân dân huyện", "kind": "peoplesCommittee",
                 "level": "district", "abbreviations": ["UBND huyện"],
                 "note": "Any UBND of a huyện, quận, thị xã or thành phố thuộc tỉnh (pattern)."})
dl_basis = "; ".join(f"{b['doc']} ({b['date']})" for b in dl["basis"][:3])
dl_sources = urls(dl.get("sources", []))
events.append({"from": "ubnd-huyen", "fromName": "Ủy ban nhân dân cấp huyện", "change": "abolished",
               "effective": dl["ended"],
               "to": [{"id": "ubnd-cac-xa-2025", "name": "Ủy ban nhân dân các xã, phường, đặc khu",
                       "functions": ["nhiệm vụ cấp huyện chuyển về cấp xã theo các nghị định phân quyền, phân cấp"]},
                      {"id": "ubnd-tinh", "name": "Ủy ban nhân dân tỉnh, thành phố",
                       "functions": ["nhiệm vụ cấp huyện chuyển lên cấp tỉnh"]}],
               "basis": dl_basis, "source": (dl_sources or [None])[0], "sources": dl_sources[1:],
               "confidence": dl.get("confidence", "high"), "wave": "2025-07",
               "note": dl["summary"]})

doc = {
    "$comment": "National registry 2025 (generated by data/tools/national.py from the sourced reference reorganization-2025.json; see data/README.md). Ministries 01/03/2025 (NQ 176/2025/QH15), national bodies, provinces 63→34 on 01/07/2025 (NQ 202/2025/QH15), the provincial departments' pattern (NĐ 45/2025/NĐ-CP), the end of the district level (NQ 203/2025/QH15, Luật 72/2025/QH15).",
    "abbreviations": {"DNVT": "doanh nghiệp viễn thông", "BCĐ": "Ban Chỉ đạo", "TW": "Trung ương",
                      "TƯ": "Trung ương", "QH": "Quốc hội"},
    "agencies": agencies, "succession": events, "provinces": provinces,
}
json.dump(doc, sys.stdout, ensure_ascii=False, indent=1)
print()
