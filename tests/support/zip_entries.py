"""Python's zipfile's view of an archive (FastCMS reads archives with it), as JSON: the number
of entries, testzip()'s verdict, and for the first ten entries the fields a writer sets and
their contents.

usage: zip_entries.py ZIP
"""
import json
import sys
import zipfile

with zipfile.ZipFile(sys.argv[1]) as zf:
    infos = zf.infolist()
    print(json.dumps({
        "count": len(infos),
        "testzip": zf.testzip(),
        "entries": [{"name": i.filename, "date": list(i.date_time), "flags": i.flag_bits,
                     "method": i.compress_type, "version": i.extract_version,
                     "mode": i.external_attr >> 16, "data": zf.read(i).decode("latin-1")}
                    for i in infos[:10]],
    }))
