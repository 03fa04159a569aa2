"""Every user-visible string has a German translation with the same placeholders.

Runs lupdate over the sources into a scratch copy of each .ts file, so a string added to the
code but not yet to translations/ counts as missing too.
usage: check_translations.py LUPDATE SOURCE_DIR
"""
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

lupdate, root = sys.argv[1], Path(sys.argv[2])
problems = []
with tempfile.TemporaryDirectory() as tmp:
    for name, extra in (("fastcms-backup_de.ts", []), ("fastcms-backup_en.ts", ["-pluralonly"])):
        scratch = Path(tmp) / name
        shutil.copy(root / "translations" / name, scratch)
        subprocess.run([lupdate, "core", "ui", "app", "-no-obsolete", "-locations", "none", *extra, "-ts", str(scratch)],
                       cwd=root, check=True, capture_output=True)
        for context in ET.parse(scratch).getroot().iter("context"):
            ctx = context.findtext("name")
            for message in context.iter("message"):
                source = message.findtext("source") or ""
                translation = message.find("translation")
                if translation is None or translation.get("type") == "unfinished":
                    problems.append("%s: %s [%s]: not translated" % (name, ctx, source[:70]))
                    continue
                forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
                wanted = set(re.findall(r"%\d", source))
                for form in forms:
                    if not form.strip() or set(re.findall(r"%\d", form)) != wanted:
                        problems.append("%s: %s [%s]: placeholders or text missing" % (name, ctx, source[:70]))
for p in problems:
    print(p)
print("%d translation problem(s)" % len(problems))
sys.exit(1 if problems else 0)
