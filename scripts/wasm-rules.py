#!/usr/bin/env python3
"""Size rules that the compiler's lints cannot see, checked on the built wasm.

clippy refuses the B-tree maps and sets in our code (clippy.toml), but `format!("{}", x)`
of a float, or serde's generated code, is invisible to a lint: it only shows in what the
linker keeps. This reads the function names of each wasm module wasm-bindgen wrote before
wasm-opt strips them (target/wasm-bindgen/release/*.wasm, from `trunk build --release`) and
fails if any names code that must not reach the browser:

- core::num::flt2dec, core::fmt::float: formatting a float as text (its tables are about
  13 KB gzip; figures are written from Decimal and integers by src/format.rs);
- serde, serde_json: serde's generated code (the scenario file and the store are read and
  written by src/model/json/; serde is for the native mtfp tool only).

Usage: scripts/wasm-rules.py [WASM...]   (default: every module of the last release build)
"""
import glob
import re
import sys

FORBIDDEN = {
    "core::num::flt2dec": "formats a float as text (use src/format.rs)",
    "core::fmt::float": "formats a float as text (use src/format.rs)",
    "serde::": "serde's generated code (use src/model/json/)",
    "serde_json::": "serde_json (use src/model/json/)",
}


# What a module may carry all the same, and why.
ALLOWED = {
    "planner-xlsx": {
        "core::num::flt2dec": "the workbook writer writes numbers into the sheet's XML as Excel reads them",
        "core::fmt::float": "the workbook writer writes numbers into the sheet's XML as Excel reads them",
    },
}


def leb128(data, at):
    value = shift = 0
    while True:
        byte = data[at]
        at += 1
        value |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return value, at


def function_names(path):
    data = open(path, "rb").read()
    if data[:4] != b"\0asm":
        raise SystemExit(f"{path}: not a wasm module")
    at, names = 8, []
    while at < len(data):
        section = data[at]
        size, at = leb128(data, at + 1)
        end = at + size
        if section == 0:
            length, inner = leb128(data, at)
            if data[inner:inner + length] == b"name":
                inner += length
                while inner < end:
                    kind = data[inner]
                    sub_size, inner = leb128(data, inner + 1)
                    if kind == 1:
                        count, k = leb128(data, inner)
                        for _ in range(count):
                            _, k = leb128(data, k)
                            length, k = leb128(data, k)
                            name = data[k:k + length].decode("utf-8", "replace")
                            # Crate disambiguators ("core[c5930c85a12de822]::") dropped.
                            names.append(re.sub(r"\[[0-9a-f]{16}\]", "", name))
                            k += length
                    inner += sub_size
        at = end
    return names


def main(paths):
    paths = paths or sorted(glob.glob("target/wasm-bindgen/release/*.wasm"))
    if not paths:
        raise SystemExit("no wasm to check: run `trunk build --release` first")
    failed = False
    for path in paths:
        names = function_names(path)
        if not names:
            raise SystemExit(f"{path}: no function names (built without a name section?)")
        module = path.rsplit("/", 1)[-1].removesuffix("_bg.wasm")
        for needle, why in FORBIDDEN.items():
            if needle in ALLOWED.get(module, {}):
                continue
            hits = [n for n in names if needle in n]
            if hits:
                failed = True
                print(f"{path}: {len(hits)} functions from {needle}: {why}; e.g. {hits[0][:160]}")
        print(f"{path}: {len(names)} functions checked")
    if failed:
        sys.exit(1)


if __name__ == "__main__":
    main(sys.argv[1:])
