"""What a wasm module's bytes are: code by Rust path, the largest functions, and its data split
into text and binary, each raw and gzipped. Reads the names section (`wasm-opt -g` keeps it);
names are demangled with c++filt. Used by scripts/wasm-profile; not part of CI.

    python3 scripts/wasm_profile.py MODULE.wasm [DEPTH] [TOP]
"""

import collections
import re
import subprocess
import sys
import zlib


def leb(b, i):
    r = s = 0
    while True:
        x = b[i]
        i += 1
        r |= (x & 0x7F) << s
        s += 7
        if x < 0x80:
            return r, i


def read(path):
    data = open(path, "rb").read()
    i, imports, bodies, names, segments = 8, 0, [], {}, []
    while i < len(data):
        sid = data[i]
        size, i = leb(data, i + 1)
        end = i + size
        if sid == 2:  # imports: count the imported functions (they come first in the index space)
            n, j = leb(data, i)
            for _ in range(n):
                for _ in range(2):
                    l, j = leb(data, j)
                    j += l
                kind = data[j]
                j += 1
                if kind == 0:
                    _, j = leb(data, j)
                    imports += 1
                elif kind == 1:
                    j += 1
                    flags = data[j]
                    _, j = leb(data, j + 1)
                    if flags & 1:
                        _, j = leb(data, j)
                elif kind == 2:
                    flags = data[j]
                    _, j = leb(data, j + 1)
                    if flags & 1:
                        _, j = leb(data, j)
                elif kind == 3:
                    j += 2
        elif sid == 10:  # code
            n, j = leb(data, i)
            for _ in range(n):
                l, j = leb(data, j)
                bodies.append(l)
                j += l
        elif sid == 11:  # data
            n, j = leb(data, i)
            for _ in range(n):
                flag, j = leb(data, j)
                if flag == 0:
                    while data[j] != 0x0B:
                        j += 1
                    j += 1
                elif flag == 2:
                    _, j = leb(data, j)
                    while data[j] != 0x0B:
                        j += 1
                    j += 1
                l, j = leb(data, j)
                segments.append(data[j : j + l])
                j += l
        elif sid == 0:
            l, j = leb(data, i)
            if data[j : j + l] == b"name":
                j += l
                while j < end:
                    sub = data[j]
                    ssize, j = leb(data, j + 1)
                    if sub == 1:
                        n, k = leb(data, j)
                        for _ in range(n):
                            idx, k = leb(data, k)
                            l2, k = leb(data, k)
                            names[idx] = data[k : k + l2].decode("utf8", "replace")
                            k += l2
                    j += ssize
        i = end
    keys = list(names)
    out = subprocess.run(["c++filt"], input="\n".join(names[k] for k in keys), capture_output=True, text=True).stdout
    names.update(zip(keys, out.split("\n")))
    return [(size, names.get(imports + n, "?")) for n, size in enumerate(bodies)], segments


def area(name, depth):
    name = re.sub(r"^<+|^&|^mut |^impl ", "", name)
    parts = re.findall(r"[A-Za-z_][A-Za-z_0-9]*", name)
    parts = [p for p in parts if not re.fullmatch(r"h[0-9a-f]{16}|[0-9a-f]{16}", p)]
    return "::".join(parts[:depth]) or "?"


def main():
    path = sys.argv[1]
    depth = int(sys.argv[2]) if len(sys.argv) > 2 else 2
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 25
    funcs, segments = read(path)
    kb = lambda n: f"{n / 1024:7.1f} KB"
    gz = lambda b: len(zlib.compress(b, 9))
    blob = b"".join(segments)
    text_re = re.compile(rb"(?:[\x20-\x7e\n]|[\xc2-\xf4][\x80-\xbf]{1,3}){8,}")
    text = b"\n".join(text_re.findall(blob))
    binary = text_re.sub(b"", blob)
    print(f"{path}: code {kb(sum(s for s, _ in funcs))} in {len(funcs)} functions; data {kb(len(blob))} (gzip {kb(gz(blob))})")
    print(f"  data as text {kb(len(text))} (gzip {kb(gz(text))}), binary {kb(len(binary))} (gzip {kb(gz(binary))})")
    by_area = collections.Counter()
    for size, name in funcs:
        by_area[area(name, depth)] += size
    print(f"\ncode by path (depth {depth}):")
    for name, size in by_area.most_common(top):
        print(f"  {kb(size)}  {name}")
    print("\nlargest functions:")
    for size, name in sorted(funcs, reverse=True)[:top]:
        print(f"  {kb(size)}  {name[:140]}")


if __name__ == "__main__":
    main()
