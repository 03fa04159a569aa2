"""A FastCMS server's backup API as real servers behave (../../../shared contract, section 4),
quirks included, on 127.0.0.1 with an ephemeral port, plus fault modes for tests.

usage: fake_fastcms.py [--download] [--upload] [--old-shapes] [--two-factor] [--needs-setup]
                       [--access-ttl SECONDS] [--rate-limit N]
Prints "LISTENING <port> <foreign-port>" once ready. The foreign port is a second server on
another origin, used to check that credentials never follow a redirect there.

Accounts: admin@example.org / "correct horse battery" (admin; 2FA code 123456 with --two-factor),
editor@example.org / "editor password" (not an admin). API key: ADMIN_API_KEY below.

Test control (no auth): POST /__control with JSON {"fault": null|"hang"|"drip"|"reset"|"500"|
"garbage"|"redirect", "download": bool, "upload": bool, "old_shapes": bool, "expire_tokens": true,
"seed": N, "rate_limit": N, "rate_window": seconds, "needs_setup": bool, "clear": true};
GET /__control returns the server's state. Faults also include "cut-download" (the first
download response stops halfway) and "ignore-range" (the same, and Range requests then get a
full 200 answer); {"bad_zip": NAME} adds a backup that is no zip.

A hostile server's faults: "hostile-list" (the list holds names with paths, escape sequences and
absurd lengths, impossible sizes and dates, besides the real backups), "huge-list" (a list
that declares 450 MB and keeps sending), "endless-list" (a chunked list that never ends),
"bad-utf8" (every answer is JSON with invalid UTF-8 in it), "slow-headers" (every answer's
status line and headers come one byte a second), "hostile-download" (a download that goes
through a redirect and names itself ../../evil.zip in Content-Disposition), "endless-download"
(a chunked download that never ends) and "huge-download" (a download that declares 1 PiB).
GET /__control's "streamed" is how many body bytes the last endless answer got out before the
client hung up.
"""
import argparse
import hashlib
import io
import json
import os
import re
import secrets
import sqlite3
import sys
import tempfile
import threading
import time
import zipfile
from datetime import datetime, timedelta, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlparse

HERE = Path(__file__).resolve().parent
RESPONSES = HERE.parent / "data" / "responses"
ADMIN_API_KEY = "fcms_0a1b2c3d_00112233445566778899aabbccddeeff"
USERS = {
    "admin@example.org": {"password": "correct horse battery", "role": "admin", "id": "u-admin"},
    "editor@example.org": {"password": "editor password", "role": "user", "id": "u-editor"},
}


def fixture(name):
    return json.loads((RESPONSES / name).read_text())


class State:
    def __init__(self, args):
        self.lock = threading.Lock()
        self.download = args.download
        self.upload = args.upload
        self.old_shapes = args.old_shapes
        self.two_factor = args.two_factor
        self.needs_setup = args.needs_setup
        self.access_ttl = args.access_ttl
        self.rate_limit = args.rate_limit
        self.rate_window = 60
        self.fault = None
        self.access = {}   # token -> (email, expires)
        self.refresh = {}  # token -> email
        self.backups = {}  # filename -> (bytes, created datetime)
        self.requests = {}  # email -> [timestamps]
        self.login_attempts = []
        self.foreign_auth_seen = False
        self.foreign_requests = 0
        self.staged = None
        self.cut_done = False
        self.streamed = 0
        self.log = []  # (method, path, authorization header present)
        self.clock = 0

    def issue(self, email):
        access = secrets.token_urlsafe(24)
        refresh = secrets.token_urlsafe(24)
        self.access[access] = (email, time.time() + self.access_ttl)
        self.refresh[refresh] = email
        return {"access_token": access, "refresh_token": refresh, "token_type": "bearer",
                "expires_in": self.access_ttl}


def make_zip(name, created):
    """A small archive laid out as FastCMS writes it, with a real SQLite database."""
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "app.db"
        con = sqlite3.connect(db)
        con.execute("CREATE TABLE notes (id INTEGER PRIMARY KEY, marker TEXT, body TEXT)")
        con.executemany("INSERT INTO notes (marker, body) VALUES (?, ?)",
                        [("remote", "row %d" % i) for i in range(20)])
        con.commit()
        con.close()
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.write(db, "database.db")
            zf.writestr("files/2025/01/hello.txt", "hello from " + name)
            zf.writestr("metadata.json", json.dumps(
                {"created_at": created.replace(tzinfo=None).isoformat(), "app_version": "0.1.0",
                 "backup_name": name[:-4]}, indent=2))
        return buf.getvalue()


def next_name(state):
    state.clock += 1
    t = datetime(2026, 1, 1, tzinfo=timezone.utc) + timedelta(hours=state.clock, microseconds=367520)
    return "backup_%s.zip" % t.strftime("%Y%m%d_%H%M%S"), t


def openapi(state):
    paths = {
        "/api/v1/backups": {"get": {}, "post": {}},
        "/api/v1/backups/{backup_id}/restore": {"post": {}},
        "/api/v1/backups/{backup_id}": {"delete": {}},
        "/api/v1/auth/login": {"post": {}},
        "/api/v1/auth/refresh": {"post": {}},
        "/api/v1/setup/check": {"get": {}},
    }
    if state.download:
        paths["/api/v1/backups/{backup_id}/download"] = {"get": {}}
    if state.upload:
        paths["/api/v1/backups/upload"] = {"post": {}}
    return {"openapi": "3.1.0", "info": {"title": "FastCMS", "version": "0.1.0"}, "paths": paths}


def list_item(name, size, created):
    return {"id": name[:-4], "filename": name, "size": size, "path": name, "status": "completed",
            "created": created}


def hostile_items():
    """Entries no FastCMS server lists: the client must show them flagged and never act on them."""
    good = "2026-01-01T00:00:00"
    return [
        list_item("../../evil.zip", 1000, good),
        list_item("backup_\x1b[31mred\x1b[0m.zip", 1000, good),
        list_item("backup_" + "a" * 300 + ".zip", 1000, good),
        list_item("backup_20250101_000001.zip", -5, good),
        list_item("backup_20250101_000002.zip", 1e300, good),
        list_item("backup_20250101_000003.zip", "12", good),
        list_item("backup_20250101_000004.zip", 1000, "the day before yesterday"),
        list_item("backup_20250101_000005.zip", 1000, "9999-12-31T23:59:59"),
    ]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "uvicorn"
    sys_version = ""

    def log_message(self, fmt, *args):
        pass

    # ---- plumbing -------------------------------------------------------------------------
    def send_json(self, status, body, headers=None):
        self.send_json_bytes(status, json.dumps(body).encode(), headers)

    def send_json_bytes(self, status, data, headers=None):
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def stream(self, first, unit, content_type, declared=None):
        """Sends first, then unit again and again until the client hangs up (or 256 MiB are out)."""
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        if declared is None:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(declared))
        self.end_headers()
        sent = 0
        data = first
        try:
            while sent < (256 << 20):
                self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data) if declared is None else data)
                sent += len(data)
                data = unit
        except OSError:
            pass
        self.state.streamed = sent
        self.close_connection = True

    def send_fixture(self, name):
        f = fixture(name)
        self.send_json(f["status"], f["body"])

    def body(self):
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n else b""

    def json_body(self):
        try:
            return json.loads(self.body() or b"{}")
        except ValueError:
            return None

    @property
    def state(self):
        return self.server.state

    def user(self):
        """The signed-in user's email, or None. An invalid API key wins over a valid bearer."""
        st = self.state
        key = self.headers.get("X-API-Key")
        if key is not None:
            return "admin@example.org" if key == ADMIN_API_KEY else None
        auth = self.headers.get("Authorization") or ""
        m = re.match(r"(?i)bearer\s+(.+)$", auth.strip())
        if not m:
            return None
        entry = st.access.get(m.group(1))
        if not entry or entry[1] < time.time():
            return None
        return entry[0]

    def apply_fault(self):
        fault = self.state.fault
        if fault == "hang":
            time.sleep(3600)
            return True
        if fault == "drip":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "1000")
            self.end_headers()
            for _ in range(1000):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(1)
            return True
        if fault == "reset":
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", "5000")
            self.end_headers()
            self.wfile.write(b'{"items": [')
            self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(2)
            return True
        if fault == "500":
            self.send_json(500, {"detail": "database is locked"})
            return True
        if fault == "garbage":
            self.send_json_bytes(200, b"<html><body>502 Bad Gateway</body></html>")
            return True
        if fault == "bad-utf8":
            self.send_json_bytes(200, b'{"items": [{"filename": "backup_\xff\xfe.zip", "size": 1}], "total": 1, "detail": "\xc3\x28"}')
            return True
        if fault == "slow-headers":
            data = b"{}"
            head = (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(data)) + data
            try:
                for i in range(len(head)):
                    self.wfile.write(head[i:i + 1])
                    self.wfile.flush()
                    time.sleep(1)
            except OSError:
                pass
            self.close_connection = True
            return True
        if fault == "redirect":
            self.send_response(307)
            self.send_header("Location", "http://127.0.0.1:%d%s" % (self.server.foreign_port, self.path))
            self.send_header("Content-Length", "0")
            self.end_headers()
            return True
        return False

    def admin(self):
        """Checks auth and the rate limit; answers and returns None when the request may not go on."""
        st = self.state
        email = self.user()
        if email is None:
            self.send_fixture("list_no_token_401.json")
            return None
        if USERS[email]["role"] != "admin":
            self.send_fixture("list_non_admin_401.json")
            return None
        with st.lock:
            now = time.time()
            recent = [t for t in st.requests.get(email, []) if t > now - st.rate_window]
            if st.rate_limit and len(recent) >= st.rate_limit:
                st.requests[email] = recent
                self.send_json(429, {"error": "Too many requests", "message": "Rate limit exceeded",
                                     "details": {}}, {"Retry-After": "1"})
                return None
            recent.append(now)
            st.requests[email] = recent
        return email

    def backup_name(self, ident):
        return ident if ident.endswith(".zip") else ident + ".zip"

    # ---- routes ---------------------------------------------------------------------------
    def do_GET(self):
        self.state.log.append(("GET", self.path, bool(self.headers.get("Authorization") or self.headers.get("X-API-Key")),
                               self.headers.get("Range") or ""))
        url = urlparse(self.path)
        if url.path == "/__control":
            st = self.state
            return self.send_json(200, {"fault": st.fault, "backups": sorted(st.backups),
                                        "foreign_auth_seen": st.foreign_auth_seen,
                                        "foreign_requests": st.foreign_requests, "staged": st.staged,
                                        "streamed": st.streamed,
                                        "log": st.log[-50:]})
        if self.apply_fault():
            return
        if url.path == "/openapi.json":
            return self.send_json(200, openapi(self.state))
        if url.path == "/api/v1/setup/check":
            return self.send_json(200, {"needs_setup": self.state.needs_setup})
        m = re.fullmatch(r"/api/v1/backups/([^/]+)/download", url.path)
        if m:
            if not self.state.download:
                return self.send_fixture("download_404.json")
            if self.admin() is None:
                return
            return self.download(self.backup_name(m.group(1)))
        if url.path == "/api/v1/backups":
            if self.admin() is None:
                return
            q = parse_qs(url.query)
            try:
                page = int(q.get("page", ["1"])[0])
                per_page = int(q.get("per_page", ["20"])[0])
            except ValueError:
                return self.send_json(422, {"detail": [{"loc": ["query", "page"], "msg": "value is not a valid integer",
                                                        "type": "type_error.integer"}]})
            if per_page <= 0:
                return self.send_fixture("list_per_page_0_500.json")
            names = sorted(self.state.backups, reverse=True)
            chunk = names[(page - 1) * per_page: page * per_page]
            fault = self.state.fault
            if fault in ("huge-list", "endless-list"):
                unit = (json.dumps(list_item("backup_20260101_000000.zip", 1000, "2026-01-01T00:00:00")) + ", ") * 512
                return self.stream(b'{"items": [', unit.encode(), "application/json",
                                   450 * 1000 * 1000 if fault == "huge-list" else None)
            if self.state.old_shapes:
                items = [{"filename": n, "name": n[:-4], "size_mb": round(len(self.state.backups[n][0]) / 1048576, 2),
                          "created": self.state.backups[n][1].replace(tzinfo=None).isoformat()} for n in chunk]
                return self.send_json(200, {"items": items, "total": len(names)})
            items = [{"id": n[:-4], "filename": n, "size": len(self.state.backups[n][0]), "path": n,
                      "status": "completed",
                      "created": self.state.backups[n][1].replace(tzinfo=None).isoformat()} for n in chunk]
            if fault == "hostile-list":
                items = hostile_items() + items
            return self.send_json(200, {"items": items, "page": page, "per_page": per_page, "total": len(names),
                                        "total_pages": max(1, -(-len(names) // per_page))})
        self.send_json(404, {"detail": "Not Found"})

    def download(self, name):
        entry = self.state.backups.get(name)
        if entry is None:
            return self.send_json(404, {"detail": "Backup file '%s' not found" % name})
        data = entry[0]
        fault = self.state.fault
        if fault == "endless-download":
            return self.stream(data, os.urandom(1 << 16), "application/zip")
        if fault == "huge-download":
            return self.stream(data, os.urandom(1 << 16), "application/zip", declared=1 << 50)
        if fault == "hostile-download" and "hop=1" not in self.path:
            # Same origin, so it is followed; the client must still write only where it was told.
            self.send_response(307)
            self.send_header("Location", self.path + "?hop=1")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        rng = self.headers.get("Range")
        start = 0
        status = 200
        if rng and self.state.fault != "ignore-range":
            m = re.fullmatch(r"bytes=(\d+)-", rng.strip())
            if m:
                start = int(m.group(1))
                status = 206
                if start >= len(data):
                    self.send_response(416)
                    self.send_header("Content-Range", "bytes */%d" % len(data))
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
        part = data[start:]
        self.send_response(status)
        self.send_header("Content-Type", "application/zip")
        self.send_header("Content-Length", str(len(part)))
        self.send_header("Accept-Ranges", "bytes")
        if status == 206:
            self.send_header("Content-Range", "bytes %d-%d/%d" % (start, len(data) - 1, len(data)))
        if fault == "hostile-download":
            self.send_header("Content-Disposition", 'attachment; filename="../../evil.zip"')
            self.send_header("Location", "/../../evil.zip")
        self.end_headers()
        cut = self.state.fault in ("cut-download", "ignore-range") and start == 0 and not self.state.cut_done
        if cut and self.state.fault == "ignore-range":
            self.state.cut_done = True
        if cut:
            self.wfile.write(part[: len(part) // 2])
            self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(2)
            return
        self.wfile.write(part)

    def do_POST(self):
        self.state.log.append(("POST", self.path, bool(self.headers.get("Authorization") or self.headers.get("X-API-Key"))))
        st = self.state
        url = urlparse(self.path)
        if url.path == "/__control":
            cmd = self.json_body() or {}
            with st.lock:
                if "fault" in cmd:
                    st.fault = cmd["fault"]
                for key in ("download", "upload", "old_shapes", "needs_setup", "rate_limit", "rate_window", "two_factor"):
                    if key in cmd:
                        setattr(st, key, cmd[key])
                if cmd.get("expire_tokens"):
                    st.access = {t: (e, 0) for t, (e, _) in st.access.items()}
                if cmd.get("clear"):
                    st.backups.clear()
                    st.staged = None
                    st.clock = 0
                if cmd.get("bad_zip"):
                    st.backups[cmd["bad_zip"]] = (b"this is not a zip file", datetime.now(timezone.utc))
                if "fault" in cmd:
                    st.cut_done = False
                for _ in range(int(cmd.get("seed", 0))):
                    name, t = next_name(st)
                    st.backups[name] = (make_zip(name, t), t)
            return self.send_json(200, {"ok": True})
        if self.apply_fault():
            return
        if url.path == "/api/v1/auth/login":
            return self.login()
        if url.path == "/api/v1/auth/refresh":
            body = self.json_body() or {}
            with st.lock:
                email = st.refresh.pop(body.get("refresh_token"), None)
                if email is None:
                    return self.send_json(401, {"error": "Invalid refresh token", "message": "Invalid refresh token",
                                                "details": {}})
                token = st.issue(email)
            return self.send_json(200, token)
        if url.path == "/api/v1/backups/upload":
            data = self.body()
            if not st.upload:
                return self.send_json(404, {"detail": "Not Found"})
            if self.admin() is None:
                return
            return self.receive_upload(data)
        if url.path == "/api/v1/backups":
            self.body()
            if self.admin() is None:
                return
            with st.lock:
                name, t = next_name(st)
                data = make_zip(name, t)
                st.backups[name] = (data, t)
            if st.old_shapes:
                return self.send_json(200, {"filename": name, "size_bytes": len(data),
                                            "created": t.replace(tzinfo=None).isoformat(), "path": "data/backups/" + name})
            return self.send_json(200, {"id": name[:-4], "filename": name, "size_bytes": len(data),
                                        "status": "completed", "created": t.replace(tzinfo=None).isoformat()})
        m = re.fullmatch(r"/api/v1/backups/([^/]+)/restore", url.path)
        if m:
            self.body()
            if self.admin() is None:
                return
            name = self.backup_name(m.group(1))
            if name not in st.backups:
                return self.send_json(500, {"detail": "Restore failed: Backup file '%s' not found" % name})
            if not st.backups[name][0].startswith(b"PK"):
                return self.send_json(500, {"detail": "Restore failed: File is not a zip file"})
            st.staged = name
            return self.send_json(200, {"status": "pending_restart",
                                        "message": "Backup '%s' staged for restore. Please restart the server to "
                                                   "complete restoration." % name,
                                        "backup_filename": name,
                                        "requested_at": datetime.utcnow().isoformat()})
        self.send_json(404, {"detail": "Not Found"})

    def receive_upload(self, data):
        st = self.state
        ctype = self.headers.get("Content-Type", "")
        m = re.search(r'boundary="?([^";]+)"?', ctype)
        if not m:
            return self.send_json(422, {"detail": "multipart/form-data expected"})
        boundary = b"--" + m.group(1).encode()
        for part in data.split(boundary):
            head, _, payload = part.partition(b"\r\n\r\n")
            fm = re.search(rb'name="file"; filename="([^"]+)"', head)
            if fm:
                payload = payload[: payload.rfind(b"\r\n")] if payload.endswith(b"\r\n") else payload
                name = os.path.basename(fm.group(1).decode())
                if not re.fullmatch(r"backup_[\w.-]+\.zip", name):
                    return self.send_json(400, {"detail": "Invalid backup filename"})
                with st.lock:
                    st.backups[name] = (payload, datetime.now(timezone.utc))
                return self.send_json(200, {"id": name[:-4], "filename": name, "size": len(payload),
                                            "status": "completed"})
        return self.send_json(422, {"detail": "file field missing"})

    def login(self):
        st = self.state
        body = self.json_body()
        if body is None:
            return self.send_json(422, {"detail": "invalid JSON"})
        with st.lock:
            now = time.time()
            st.login_attempts = [t for t in st.login_attempts if t > now - 60]
            if len(st.login_attempts) >= 10:
                return self.send_json(429, {"error": "Too many requests", "message": "Too many login attempts",
                                            "details": {}}, {"Retry-After": "30"})
            st.login_attempts.append(now)
        user = USERS.get(body.get("email"))
        if not user or user["password"] != body.get("password"):
            return self.send_json(401, {"error": "Invalid email or password", "message": "Invalid email or password",
                                        "details": {}})
        profile = {"id": user["id"], "email": body["email"], "role": user["role"], "verified": True}
        if st.two_factor and user["role"] == "admin":
            code = body.get("two_factor_code")
            if not code:
                return self.send_json(200, {"user": profile, "token": {"access_token": "", "refresh_token": "",
                                                                       "token_type": "bearer", "expires_in": 0},
                                            "requires_2fa": True})
            if code != "123456":
                return self.send_json(401, {"error": "Invalid two-factor code", "message": "Invalid two-factor code",
                                            "details": {}})
        with st.lock:
            token = st.issue(body["email"])
        return self.send_json(200, {"user": profile, "token": token, "requires_2fa": False})

    def do_DELETE(self):
        self.state.log.append(("DELETE", self.path, bool(self.headers.get("Authorization") or self.headers.get("X-API-Key"))))
        if self.apply_fault():
            return
        url = urlparse(self.path)
        m = re.fullmatch(r"/api/v1/backups/([^/]+)", url.path)
        if not m:
            return self.send_json(404, {"detail": "Not Found"})
        if self.admin() is None:
            return
        name = self.backup_name(m.group(1))
        with self.state.lock:
            if name not in self.state.backups:
                return self.send_json(404, {"detail": "Backup file '%s' not found" % name})
            del self.state.backups[name]
        return self.send_json(200, {"deleted": True})


class ForeignHandler(BaseHTTPRequestHandler):
    """Another origin: records whether credentials arrived with a redirected request."""
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def handle_any(self):
        st = self.server.state
        st.foreign_requests += 1
        if self.headers.get("Authorization") or self.headers.get("X-API-Key"):
            st.foreign_auth_seen = True
        data = b'{"items": [], "page": 1, "per_page": 20, "total": 0, "total_pages": 1}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_DELETE = handle_any


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--download", action="store_true")
    p.add_argument("--upload", action="store_true")
    p.add_argument("--old-shapes", action="store_true")
    p.add_argument("--two-factor", action="store_true")
    p.add_argument("--needs-setup", action="store_true")
    p.add_argument("--access-ttl", type=int, default=900)
    p.add_argument("--rate-limit", type=int, default=100)
    p.add_argument("--tls", nargs=2, metavar=("CERT", "KEY"), help="serve https with this certificate")
    args = p.parse_args()
    state = State(args)
    foreign = ThreadingHTTPServer(("127.0.0.1", 0), ForeignHandler)
    foreign.state = state
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    foreign.daemon_threads = True
    server.state = state
    server.foreign_port = foreign.server_address[1]
    if args.tls:
        import ssl
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args.tls[0], args.tls[1])
        server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=foreign.serve_forever, daemon=True).start()
    print("LISTENING %d %d" % (server.server_address[1], foreign.server_address[1]), flush=True)
    # Stop when the test that started us goes away (stdin closes).
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sys.stdin.read()
    server.shutdown()


if __name__ == "__main__":
    main()
