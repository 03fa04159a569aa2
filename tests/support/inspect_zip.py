"""Reads an archive with Python's zipfile, as FastCMS's restore does, and prints what it
found as JSON: entry names and methods, testzip()'s verdict, metadata.json, and whether
SHA256SUMS matches the extracted contents (what `sha256sum -c` would say).

usage: inspect_zip.py ZIP
"""
import hashlib
import json
import sys
import tempfile
import zipfile
from pathlib import Path

path = sys.argv[1]
with zipfile.ZipFile(path) as zf:
    infos = zf.infolist()
    result = {
        "names": [i.filename for i in infos],
        "methods": {i.filename: i.compress_type for i in infos},
        "testzip": zf.testzip(),
        "metadata": json.loads(zf.read("metadata.json")) if "metadata.json" in zf.namelist() else None,
        "sums_ok": None,
    }
    with tempfile.TemporaryDirectory() as tmp:
        zf.extractall(tmp)
        sums = Path(tmp) / "SHA256SUMS"
        if sums.exists():
            ok = True
            for line in sums.read_text().splitlines():
                digest, name = line[:64], line[66:]
                if hashlib.sha256((Path(tmp) / name).read_bytes()).hexdigest() != digest:
                    ok = False
            result["sums_ok"] = ok
print(json.dumps(result))
