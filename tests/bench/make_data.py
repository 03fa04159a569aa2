"""A deterministic FastCMS-like data folder for the benchmark.

usage: make_data.py DATA_DIR [--db-mb 200] [--files-mb 600] [--media-share 0.4] [--seed 1]

data/app.db: a WAL-mode SQLite database with users, collections, records (JSON bodies) and
request logs, about --db-mb MB; the last inserts stay in the WAL. data/files/YYYY/MM/...:
about --files-mb MB of uploads, --media-share of the bytes incompressible media (jpg, png,
mp4, pdf: random bytes), the rest text, JSON, CSV, SVG and HTML. The same arguments give the
same bytes.
"""
import argparse
import json
import os
import random
import sqlite3
from pathlib import Path

p = argparse.ArgumentParser()
p.add_argument("data")
p.add_argument("--db-mb", type=float, default=200)
p.add_argument("--files-mb", type=float, default=600)
p.add_argument("--media-share", type=float, default=0.4)
p.add_argument("--seed", type=int, default=1)
a = p.parse_args()

rng = random.Random(a.seed)
data = Path(a.data)
(data / "files").mkdir(parents=True, exist_ok=True)
(data / "backups").mkdir(exist_ok=True)

WORDS = ("lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor incididunt ut labore "
         "et dolore magna aliqua enim ad minim veniam quis nostrud exercitation ullamco laboris nisi aliquip ex "
         "ea commodo consequat duis aute irure in reprehenderit voluptate velit esse cillum fugiat nulla pariatur "
         "excepteur sint occaecat cupidatat non proident sunt culpa qui officia deserunt mollit anim id est "
         "laborum fastcms record collection published draft author title summary body tags image gallery").split()
# Prose with a realistic spread of words: a few thousand distinct ones (made from syllables,
# Zipf-distributed), punctuation, capitals and numbers, so that text compresses like text does.
SYLLABLES = ["ka", "lo", "mi", "ne", "ta", "ri", "so", "vu", "be", "da", "fi", "go", "hu", "je", "pa", "qu", "ze",
             "an", "el", "in", "on", "ur", "st", "tr", "pl", "ch", "sh", "th", "er", "es"]
VOCAB = WORDS + ["".join(rng.choice(SYLLABLES) for _ in range(rng.randrange(1, 5))) for _ in range(6000)]
WEIGHTS = [1.0 / (i + 1) for i in range(len(VOCAB))]


def prose(n_words):
    out = []
    sentence = 0
    for w in rng.choices(VOCAB, weights=WEIGHTS, k=n_words):
        if sentence == 0:
            w = w.capitalize()
        sentence += 1
        if rng.random() < 0.02:
            w = str(rng.randrange(100000))
        if sentence > rng.randrange(6, 24):
            w += rng.choice([".", ".", ".", "?", "!"])
            sentence = 0
        elif rng.random() < 0.06:
            w += ","
        out.append(w)
    return " ".join(out)


corpus = prose(600_000)  # ~4 MB of text to slice from


def text(n):
    start = rng.randrange(0, len(corpus) - n - 1)
    return corpus[start:start + n]


def document(ext, size):
    """Text, JSON, CSV, SVG or HTML of about size bytes, shaped like the real thing."""
    parts, total = [], 0
    if ext == "json":
        parts.append("[\n")
        while total < size:
            s = json.dumps({"id": rng.randrange(10**9), "title": text(rng.randrange(20, 80)), "slug": text(30).lower().replace(" ", "-"),
                            "published": rng.random() < 0.8, "views": rng.randrange(100000), "rating": round(rng.random() * 5, 2),
                            "tags": rng.sample(WORDS, 3), "body": text(rng.randrange(200, 2000)),
                            "created": f"2025-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}T{rng.randrange(24):02d}:00:00Z"},
                           indent=2)
            parts.append(s + ",\n")
            total += len(s) + 2
        parts.append("{}]\n")
    elif ext == "csv":
        parts.append("id,date,customer,product,quantity,unit_price,total,country,comment\n")
        while total < size:
            q, p = rng.randrange(1, 50), rng.randrange(100, 100000) / 100
            row = (f"{rng.randrange(10**7)},2025-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d},{text(14).strip()},"
                   f"{rng.choice(WORDS)}-{rng.randrange(1000)},{q},{p:.2f},{q * p:.2f},{rng.choice(['DE', 'FR', 'US', 'GB', 'NL', 'IT'])},"
                   f"\"{text(rng.randrange(0, 60))}\"\n")
            parts.append(row)
            total += len(row)
    elif ext == "svg":
        parts.append('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1000 1000">\n')
        while total < size:
            pts = " ".join(f"{rng.randrange(1000)},{rng.randrange(1000)}" for _ in range(rng.randrange(3, 30)))
            el = (f'  <path d="M{pts}Z" fill="#{rng.randrange(1 << 24):06x}" stroke="#{rng.randrange(1 << 24):06x}" '
                  f'stroke-width="{rng.randrange(1, 5)}" opacity="0.{rng.randrange(10)}"/>\n')
            parts.append(el)
            total += len(el)
        parts.append("</svg>\n")
    elif ext == "html":
        parts.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + text(40) + "</title></head><body>\n")
        while total < size:
            el = (f'<article class="post" id="post-{rng.randrange(10**6)}"><h2><a href="/posts/{rng.randrange(10**6)}">{text(50)}</a></h2>'
                  f'<p class="meta">By <span class="author">{text(15)}</span> on <time>2025-{rng.randrange(1, 13):02d}-'
                  f'{rng.randrange(1, 29):02d}</time></p><p>{text(rng.randrange(200, 1200))}</p></article>\n')
            parts.append(el)
            total += len(el)
        parts.append("</body></html>\n")
    else:
        while total < size:
            para = text(rng.randrange(300, 3000)) + "\n\n"
            parts.append(para)
            total += len(para)
    return "".join(parts).encode()[:max(size, 1)]


def make_db(path, target_bytes):
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.executescript("""
        CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT UNIQUE, password_hash TEXT, role TEXT, created TEXT);
        CREATE TABLE collections (id INTEGER PRIMARY KEY, name TEXT UNIQUE, schema TEXT);
        CREATE TABLE records (id INTEGER PRIMARY KEY, collection_id INTEGER REFERENCES collections(id),
                              author_id INTEGER REFERENCES users(id), data TEXT, created TEXT, updated TEXT);
        CREATE INDEX records_collection ON records(collection_id);
        CREATE TABLE request_logs (id INTEGER PRIMARY KEY, method TEXT, path TEXT, status INTEGER,
                                   duration_ms REAL, user_agent TEXT, created TEXT);
    """)
    db.executemany("INSERT INTO users (email, password_hash, role, created) VALUES (?, ?, ?, ?)",
                   [(f"user{i}@example.org", "$2b$12$" + "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789./")
                                                                 for _ in range(53)),
                     "admin" if i < 3 else "user", f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}T10:00:00") for i in range(2000)])
    db.executemany("INSERT INTO collections (name, schema) VALUES (?, ?)",
                   [(f"collection_{i}", json.dumps({"fields": [{"name": w, "type": "text"} for w in WORDS[i:i + 6]]}))
                    for i in range(20)])
    db.commit()
    written, i = 0, 0
    while written < target_bytes:
        rows = []
        for _ in range(2000):
            body = {"title": text(40), "summary": text(160), "body": text(rng.randrange(300, 1500)),
                    "tags": rng.sample(WORDS, 4), "views": rng.randrange(100000)}
            s = json.dumps(body)
            written += len(s) + 60
            rows.append((1 + i % 20, 1 + i % 2000, s, "2025-06-01T12:00:00", "2025-06-02T12:00:00"))
            i += 1
        db.executemany("INSERT INTO records (collection_id, author_id, data, created, updated) VALUES (?, ?, ?, ?, ?)", rows)
        db.executemany("INSERT INTO request_logs (method, path, status, duration_ms, user_agent, created) VALUES (?,?,?,?,?,?)",
                       [("GET", f"/api/v1/records/{i - k}", 200, rng.random() * 50, "Mozilla/5.0 " + text(30),
                         "2025-06-01T12:00:00") for k in range(500)])
        written += 500 * 120
        db.commit()
    # The newest writes stay in the WAL, as on a live server.
    db.execute("PRAGMA wal_autocheckpoint=0")
    for k in range(2000):
        db.execute("UPDATE records SET updated = ? WHERE id = ?", ("2025-07-01T00:00:00", 1 + k * 7))
    db.commit()
    return db  # left open: closing would fold the WAL back into the database


def make_files(root, target_bytes, media_share):
    media = ["jpg", "png", "mp4", "pdf"]
    texts = ["txt", "json", "csv", "svg", "html"]
    written, media_written, n = 0, 0, 0
    while written < target_bytes:
        is_media = media_written < media_share * max(written, 1) or (written == 0 and media_share > 0)
        if media_share >= 1:
            is_media = True
        if media_share <= 0:
            is_media = False
        r = rng.random()
        size = (rng.randrange(20_000, 400_000) if r < 0.85 else
                rng.randrange(1_000_000, 8_000_000) if r < 0.98 else rng.randrange(20_000_000, 60_000_000))
        size = min(size, int(target_bytes - written) + 1)
        ext = rng.choice(media if is_media else texts)
        folder = root / f"{2020 + n % 6}" / f"{1 + n % 12:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"upload_{n:06d}_{rng.randrange(1 << 30):08x}.{ext}"
        if is_media:
            payload = rng.randbytes(size)
        else:
            payload = document(ext, size)
        path.write_bytes(payload)
        written += size
        if is_media:
            media_written += size
        n += 1
    return n


count = make_files(data / "files", a.files_mb * 1e6, a.media_share)
if a.db_mb > 0:
    make_db(data / "app.db", a.db_mb * 1e6)
else:
    sqlite3.connect(data / "app.db").close()
print(json.dumps({"data": str(data), "files": count}), flush=True)
os._exit(0)  # without closing the database: its newest pages stay in app.db-wal
