"""Peer side of scripts/peer-bench (run inside target/peer-venv; Python >= 3.12).

Converts the seed plan to bluebell markup, then times in one process:
  - bluebell's Rust extension (_bluebell_rs.parse_to_xml, PyPI bluebell-akn-rs) on that markup;
  - Duckling (PyPI pyduckling-native-phihos, locale vi) on the seed's timeframe values.
Prints one JSON object (best of 5 runs, microseconds per call).
"""

import json
import re
import sys
import time

ROMAN = re.compile(r"^(?P<num>[IVXLC]+)\.\s*(?P<rest>.*)$")
PART = re.compile(r"^(?P<num>\d{1,3}[a-zđ]?)\.\s+(?P<rest>.*)$")
POINT = re.compile(r"^(?P<num>[a-zđ]\d{0,3})\)\s*(?P<rest>.*)$")


def to_bluebell(text: str) -> str:
    """The seed plan as bluebell `act` markup: the header as PREFACE, the preamble, sections
    as PART, parts as SECTION, points as PARAGRAPH, other lines as text, the closing as
    CONCLUSIONS. The same content our parser reads from the raw text."""
    lines = [l.replace("\u00a0", " ").strip() for l in text.splitlines()]
    lines = [l for l in lines if l]
    start = next(i for i, l in enumerate(lines) if l.startswith("ỦY BAN NHÂN DÂN"))
    end = next(i for i, l in enumerate(lines) if l.startswith("HIỆU LỰC VĂN BẢN"))
    lines = lines[start:end]
    body = next(i for i, l in enumerate(lines) if ROMAN.match(l))
    closing = next(i for i, l in enumerate(lines) if l.startswith("Nơi nhận"))
    out = ["PREFACE"]
    for l in lines[:body]:
        if set(l) <= set("-_ "):
            continue
        out.append("  " + l)
    out += ["", "BODY", ""]
    depth = 0  # 1 in a PART, 2 in a SECTION, 3 in a PARAGRAPH
    for l in lines[body:closing]:
        if m := ROMAN.match(l):
            out.append(f"PART {m['num']} - {m['rest']}")
            depth = 1
        elif (m := PART.match(l)) and depth >= 1:
            out.append(f"  SECTION {m['num']}. - {m['rest']}")
            depth = 2
        elif (m := POINT.match(l)) and depth >= 2:
            out.append(f"    PARAGRAPH {m['num']})")
            out.append("      " + m["rest"])
            depth = 3
        else:
            out.append("  " * depth + l)
    out += ["", "CONCLUSIONS"]
    out += ["  " + l for l in lines[closing:]]
    return "\n".join(out) + "\n"


def best_us(n, f):
    best = float("inf")
    for _ in range(5):
        t = time.perf_counter()
        for _ in range(n):
            f()
        best = min(best, (time.perf_counter() - t) * 1e6 / n)
    return best


def main():
    seed_path, timeframes_path, markup_out, n = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
    seed = open(seed_path, encoding="utf-8").read()
    markup = to_bluebell(seed)
    open(markup_out, "w", encoding="utf-8").write(markup)
    timeframes = [l for l in open(timeframes_path, encoding="utf-8").read().splitlines() if l]

    import _bluebell_rs

    frbr = "/akn/vn/act/2020/66"
    xml = _bluebell_rs.parse_to_xml(markup, "act", frbr)
    paragraphs = xml.count(b"<paragraph ")
    sections = xml.count(b"<section ")
    parts = xml.count(b"<part ")
    bluebell_us = best_us(n, lambda: _bluebell_rs.parse_to_xml(markup, "act", frbr))

    import duckling

    duckling.init()
    tz = duckling.load_time_zones("/usr/share/zoneinfo")
    ref = duckling.get_current_ref_time(tz, "Asia/Ho_Chi_Minh")
    ctx = duckling.Context(ref, duckling.default_locale_lang(duckling.parse_lang("VI")))
    dims = duckling.parse_dimensions(["time"])
    found = sum(1 for t in timeframes if json.loads(duckling.parse_text(t, ctx, dims, False)))
    round_us = best_us(n, lambda: [duckling.parse_text(t, ctx, dims, False) for t in timeframes])

    print(json.dumps({
        "n": n,
        "markupBytes": len(markup.encode()),
        "bluebellParts": parts,
        "bluebellSections": sections,
        "bluebellParagraphs": paragraphs,
        "bluebellUs": round(bluebell_us, 2),
        "timeframes": len(timeframes),
        "ducklingFound": found,
        "ducklingUs": round(round_us / max(1, len(timeframes)), 3),
    }))


if __name__ == "__main__":
    main()
