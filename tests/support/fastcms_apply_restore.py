"""Phase 2 of a restore exactly as a FastCMS server runs it at startup (contract section 3),
so tests can show that a restore staged by this tool is applied by FastCMS itself.

usage: fastcms_apply_restore.py SERVER_WORKING_DIR
"""
import json
import os
import shutil
import sys
from pathlib import Path

os.chdir(sys.argv[1])
data = Path("data")
marker = data / "backups" / ".restore_pending"
if not marker.exists():
    print("no marker")
    sys.exit(0)
info = json.loads(marker.read_text())
staging = Path(info["staging_path"])
if not staging.exists():
    marker.unlink()
    print("no staging")
    sys.exit(0)
db = data / "app.db"
if db.exists():
    shutil.copy2(db, str(db) + ".before_restore")
shutil.copy2(staging / "database.db", db)
if (staging / "files").exists():
    files = data / "files"
    if files.exists():
        backup = data / "files_before_restore"
        if backup.exists():
            shutil.rmtree(backup)
        shutil.copytree(files, backup)
        shutil.rmtree(files)
    shutil.copytree(staging / "files", files)
shutil.rmtree(staging)
marker.unlink()
print("applied " + info["backup_filename"])
