#include "CommandLine.h"

namespace fcb {

namespace {

// The whole of --help, one text for the translators.
const char* const kHelp
    = QT_TRANSLATE_NOOP("fcb::CommandLine", R"(Usage: fastcms-backup [options] <command> [arguments]

Safe, FastCMS-compatible backups of a FastCMS data folder, or of a FastCMS server
through its REST API (--server).

Commands:
  create                 Back up the database (a consistent snapshot, even while the
                         server writes) and every uploaded file into
                         backups/backup_YYYYMMDD_HHMMSS.zip
  list                   List backups, newest first (--page, --per-page)
  delete <name>          Delete one backup (a plain *.zip name in the backups folder)
  verify <name>          Check CRCs, SHA256SUMS, the database's integrity and metadata
                         (on a server: downloads it first, where the server allows)
  drill <name>           Rehearse a restore in a throw-away folder: extract, checksums,
                         integrity and foreign-key checks, row counts per table; the
                         result is kept for the console's "Last verified" column
  diff <name>            What differs between a backup and the live data (or
                         --against another backup): rows added since, deleted since
                         and changed per table, schema changes, uploads added,
                         deleted and changed. --table T --rows lists the rows
  export <name>          Rows of one table of the backup's database (--table), all or
                         by --key, as JSON, CSV or SQL INSERT statements to review
                         and apply by hand (--format); to standard output or --output.
                         Nothing is written into the live database
  stage-restore <name>   Verify a backup and stage it; FastCMS applies it at its next start
  unstage                Cancel a staged restore (local data folders only)
  apply-restore          Apply the staged restore now (the server must be stopped);
                         keeps app.db.before_restore and files_before_restore/.
                         After an interruption it finishes the restore; with
                         --abandon it undoes it instead
  status                 Pending restore, newest backup and its age, who is busy
  download <name>        Copy a backup to --output (default: the current folder),
                         resuming a partial download, and verify the copy
  upload <zip>           Add a backup zip from this machine, after validating it
  ls <name> [<path>]     What a backup holds, from its zip directory: size and time
                         (--long: also compressed size and CRC-32), of <path> only
                         when given (a file, or a folder such as files/photos/);
                         names a restore would refuse are shown flagged
  extract <name> <path>...
                         Write files or whole folders of a backup into --output at
                         their paths in it, each checked against its CRC-32 and
                         SHA256SUMS; never over an existing file without --force
  restore-file <name> <files/path>
                         Put one upload back into the live files folder; a file of
                         that name is kept as NAME.before_restore first
  history <files/path>   Every backup that holds an upload, newest first, with its
                         size and CRC-32, and where it appeared, changed or was
                         gone; each backup's zip directory is read once and cached
  login                  Sign in to --server with --email; with --save-token FILE,
                         keep the tokens in FILE (readable by you only) for later runs
  forget-restore         Forget the restore staged on --server once it has restarted
                         and applied it (the server has no route that tells)
  prune                  Delete the backups a retention policy does not keep (default:
                         7 daily, 4 weekly, 12 monthly); --dry-run lists every backup
                         as keep or delete with its reason. The newest, pinned and
                         staged backups are always kept
  pin <name>, unpin <name>
                         Keep a backup through every prune, or stop doing so
  offsite push [<name>]  Copy backups off-site with rclone (to --offsite): the named one,
                         or every one not there yet; never replaces or deletes anything
  offsite list           The backups off-site, and which of them are also here
  offsite pull <name>    Bring a backup back from off-site, verified, ready to restore
  offsite delete <name>  Delete one backup off-site (only ever when asked like this)
  schedule               Print a systemd user timer and service that run create, then
                         prune (--every, --at; --cron for a crontab line); with
                         --install, write them (or add the line to your crontab) and
                         turn on lingering, without which the timer stops when you
                         log out. With --system, units for the system instead, which
                         run with nobody logged in
  demo                   Create a demo data folder at --data-dir (if it has no app.db)

Local options:
  --data-dir <dir>       The server's data folder (default: ./data)
  --db <file>            Database (default: <data-dir>/app.db; FastCMS's DATABASE_URL)
  --files-dir <dir>      Uploads (default: <data-dir>/files; FastCMS's LOCAL_STORAGE_PATH)
  --backups-dir <dir>    Backups (default: <data-dir>/backups)

Server options (secrets never go on the command line):
  --server <url>         A FastCMS server, e.g. https://cms.example.org
  --token-file <file>    An access token, or the file login --save-token wrote
                         (kept current when the server rotates the refresh token)
  --api-key-file <file>  An API key (fcms_...), sent as X-API-Key
  --email <address>      Sign in with a password from --password-file, FASTCMS_PASSWORD
                         or a prompt; a two-factor code from FASTCMS_2FA_CODE or a prompt
  --password-file <file> The password for --email
  --save-token <file>    login: where to keep the tokens
  --timeout <seconds>    How long one answer of the server may take (default: 30)
  Without these options, FASTCMS_TOKEN or FASTCMS_API_KEY are used when set.

Other options:
  --page <n>             list, diff --rows: page number, from 1 (default: 1)
  --per-page <n>         list, diff --rows: entries per page, 1 to 1000 (default: 20)
  --against <name|live>  diff: compare with this backup instead of the live data
  --table <name>         diff: only this table; export: the table to export
  --key <value>          export: the row with this key (repeatable); exit 3 when one
                         is not in the backup
  --format <format>      export: json, csv or sql (default: json)
  --force                extract, export: replace files that already exist
  --rows                 diff: list the rows of --table that differ, with the old and
                         new values of changed columns (shortened past 200 bytes)
  --trigger <kind>       create: manual, scheduled or pre-restore (default: manual)
  --abandon              apply-restore: undo an interrupted restore
  --wait-lock <duration> Wait up to this long (90s, 10m, 2h) for another operation
                         on the same data folder instead of failing with exit 4
  --keep-last <n>, --keep-daily <n>, --keep-weekly <n>, --keep-monthly <n>,
  --keep-yearly <n>      prune: the retention rules, combined with OR (UTC calendar
                         buckets, weeks from Monday)
  --dry-run              prune: only show what would be deleted
  --check                status: exit 11 when the newest backup is too old, 12 when space
                         is short, 13 when the installed schedule's timer is not active
                         (for monitoring)
  --max-age <hours>      status: how old the newest backup may be (default: what the
                         installed schedule allows: 2 hourly, 26 daily, 170 weekly)
  --heartbeat-url <url>  create: call this URL after a successful backup
  --offsite <remote>     An rclone remote and folder for off-site copies, such as
                         s3:bucket/fastcms or a crypt remote for encryption at rest
                         (default: FASTCMS_BACKUP_OFFSITE); create copies the new
                         backup there too
  --output <path>        download: a folder or a file name (default: .);
                         extract: the folder to write into (required);
                         export: the file (default: standard output)
  --long                 ls: also the compressed size and CRC-32 of each entry
  --every <interval>     schedule: hourly, daily or weekly (Mondays) (default: daily)
  --at <time>            schedule: when, such as 03:00; hourly uses the minutes
  --cron                 schedule: a crontab line instead of systemd units
  --install              schedule: write the units, or add the crontab line
  --system               schedule: units for /etc/systemd/system (root for --install)
                         that run as the data folder's owner (for a server: as you)
  --json                 Print one JSON object on standard output
  -q, --quiet            No progress and no messages on success
  -h, --help             Show this help
  -v, --version          Show the version

Progress is shown on a terminal only. Ctrl+C cancels cleanly: nothing half-written is left.

Exit codes:
  0    success
  1    unexpected failure
  2    usage error (unknown command or option, malformed backup name)
  3    not found (no such backup, database or staged restore)
  4    busy (another operation runs on this data folder, or the server has the
       database open during apply-restore)
  5    invalid archive (verification failed, hostile or damaged archive)
  6    I/O error, including not enough free space; schedule --system --install
       without the right to write /etc/systemd/system (not root)
  7    conflict (e.g. deleting the backup that is staged for restore, or
       extracting over an existing file without --force)
  8    authentication failed (signed out, expired token, not an administrator)
  9    network failure (unreachable, timed out, TLS error, server error, rate limit)
  10   not supported by this server (e.g. downloads where it has no such route)
  11   status --check: no backup, or the newest is older than --max-age
  12   status --check: less free space than twice the newest backup
  13   status --check: the installed schedule's timer is not active (the backup
       is otherwise healthy)
  130  cancelled (Ctrl+C or SIGTERM)
)");

} // namespace

QString CommandLine::helpText()
{
    return CommandLine::tr(kHelp);
}

} // namespace fcb
