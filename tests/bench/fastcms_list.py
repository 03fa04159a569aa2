"""Lists backups the way FastCMS's list_backups() does: every zip in the folder is opened and its
metadata.json read, then the list is sorted and the first page cut out.

usage: fastcms_list.py BACKUPS_DIR [PAGE] [PER_PAGE]
"""
import json
import sys
import zipfile
from pathlib import Path

folder = Path(sys.argv[1])
page = int(sys.argv[2]) if len(sys.argv) > 2 else 1
per_page = int(sys.argv[3]) if len(sys.argv) > 3 else 20
items = []
for path in folder.glob("*.zip"):
    try:
        with zipfile.ZipFile(path) as zf:
            meta = json.loads(zf.read("metadata.json"))
    except Exception:
        meta = {}
    stat = path.stat()
    items.append({"id": path.stem, "filename": path.name, "size": stat.st_size, "path": path.name,
                  "status": "completed", "created": meta.get("created_at") or stat.st_mtime})
items.sort(key=lambda i: str(i["created"]), reverse=True)
start = (page - 1) * per_page
print(json.dumps({"items": items[start:start + per_page], "page": page, "per_page": per_page, "total": len(items),
                  "total_pages": max(1, -(-len(items) // per_page))}))
