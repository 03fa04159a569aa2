// fcb-test-writer DB [MAX_ROWS] [SECONDS]: keeps committing one row per transaction into table
// `ticks` of a WAL database, printing each committed id on stdout, until stdin closes, it is
// killed, MAX_ROWS rows are in, or SECONDS have passed: it always stops by itself.
// Auto-checkpointing is off, so every committed row lives only in the WAL: a backup that
// copies app.db byte for byte would miss all of them.
#include <sqlite3.h>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

int main(int argc, char** argv)
{
    if (argc < 2) {
        std::fprintf(stderr, "usage: fcb-test-writer DB [MAX_ROWS]\n");
        return 2;
    }
    // Bounded however it is run: at most MAX_ROWS rows (default 200,000, about 60 MB of WAL)
    // and SECONDS seconds (default 60).
    const long maxRows = argc > 2 ? std::atol(argv[2]) : 200000;
    const long seconds = argc > 3 ? std::atol(argv[3]) : 60;
    const std::time_t deadline = std::time(nullptr) + seconds;
    sqlite3* db = nullptr;
    if (sqlite3_open(argv[1], &db) != SQLITE_OK)
        return 1;
    sqlite3_busy_timeout(db, 10000);
    sqlite3_exec(db,
        "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0; PRAGMA synchronous=NORMAL;"
        "CREATE TABLE IF NOT EXISTS ticks (id INTEGER PRIMARY KEY, payload TEXT NOT NULL);",
        nullptr, nullptr, nullptr);
    sqlite3_stmt* insert = nullptr;
    sqlite3_prepare_v2(
        db, "INSERT INTO ticks (id, payload) VALUES (?, printf('%.*c', 200, 'x'))", -1, &insert, nullptr);
    sqlite3_stmt* last = nullptr;
    sqlite3_prepare_v2(db, "SELECT coalesce(max(id), 0) FROM ticks", -1, &last, nullptr);
    sqlite3_step(last);
    long id = sqlite3_column_int64(last, 0);
    sqlite3_finalize(last);
    std::printf("ready %ld\n", id);
    std::fflush(stdout);
    for (;;) {
        pollfd in { 0, POLLIN, 0 };
        if (poll(&in, 1, 0) > 0) {
            char c;
            if (read(0, &c, 1) <= 0)
                break;
        }
        ++id;
        sqlite3_bind_int64(insert, 1, id);
        const int rc = sqlite3_step(insert);
        sqlite3_reset(insert);
        if (rc != SQLITE_DONE) {
            --id;
            continue;
        }
        std::printf("%ld\n", id);
        std::fflush(stdout);
        if (id >= maxRows || std::time(nullptr) > deadline)
            break;
    }
    sqlite3_finalize(insert);
    sqlite3_close(db);
    return 0;
}
