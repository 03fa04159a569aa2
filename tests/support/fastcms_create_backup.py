"""Writes a backup the way FastCMS's create_backup() does (contract section 2): the live
database file copied byte for byte as database.db, every regular file under files/, and
metadata.json with json.dumps(indent=2). No SHA256SUMS.

usage: fastcms_create_backup.py DATA_DIR OUT_ZIP [created_at_form]
created_at_form: micro (default), plain, offset
"""
import json
import sys
import zipfile
from datetime import datetime, timezone
from pathlib import Path

data = Path(sys.argv[1])
out = Path(sys.argv[2])
form = sys.argv[3] if len(sys.argv) > 3 else "micro"
now = datetime.now(timezone.utc)
created = {
    "micro": now.replace(tzinfo=None).isoformat(),
    "plain": now.replace(tzinfo=None, microsecond=0).isoformat(),
    "offset": now.isoformat(),
}[form]
with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
    zf.write(data / "app.db", "database.db")
    files = data / "files"
    if files.exists():
        for f in files.rglob("*"):
            if f.is_file():
                zf.write(f, f"files/{f.relative_to(files)}")
    meta = {"created_at": created, "app_version": "0.1.0", "backup_name": out.stem}
    zf.writestr("metadata.json", json.dumps(meta, indent=2))
