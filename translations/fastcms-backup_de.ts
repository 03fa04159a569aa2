<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>FcbArchiveReaderText</name>
    <message>
        <source>%1 is not a readable zip archive (damaged or truncated).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive has no %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in the archive is too large.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in the archive is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entry &quot;%1&quot; appears twice.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entry &quot;%1&quot; has an absolute path.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An entry name contains a NUL character.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entry &quot;%1&quot; points outside the archive (&quot;..&quot;).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entry &quot;%1&quot; is a symbolic link.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entry &quot;%1&quot; has an empty or &quot;.&quot; path component.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entry &quot;%1&quot; does not belong in a FastCMS backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive has no database.db.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The zip directory is readable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive holds only database.db, files/ and metadata.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create a folder for %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entry &quot;%1&quot; cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The entry &quot;%1&quot; is damaged (CRC or size mismatch).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The archive is damaged after the last readable entry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every entry matches its CRC.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA256SUMS is malformed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>SHA256SUMS lists &quot;%1&quot;, which the archive lacks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; does not match its SHA-256 checksum.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not covered by SHA256SUMS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>All %n SHA-256 checksums match.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>No SHA256SUMS (as in archives written by FastCMS itself): contents were checked against the zip CRCs only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database.db passes SQLite&apos;s integrity check.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database.db fails SQLite&apos;s integrity check: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>database.db is not a healthy SQLite database (%1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>metadata.json is sound (created %1).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No metadata.json: the backup&apos;s time comes from its name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FcbArchiveWriterText</name>
    <message>
        <source>Could not create %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start the archive %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not add %1 to the archive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1 into the archive.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not finish the archive %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1 to disk.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FcbBackupNameText</name>
    <message>
        <source>No backup name was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a plain backup name: it contains a path separator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a plain backup name: it contains &quot;..&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a backup name: it is a hidden file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a plain backup name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a backup name: backups end in &quot;.zip&quot;.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FcbDemoDataText</name>
    <message>
        <source>Could not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the demo folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FcbFileUtilText</name>
    <message>
        <source>Could not open %1 to flush it to disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not flush %1 to disk.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not rename %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not swap %1 and %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not restrict access to %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove the folder %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not enough free space for %1 in %2: %3 needed, %4 available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not link %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FcbLocalEngineText</name>
    <message>
        <source>There is no database at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create a file in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pages start at 1 and hold 1 to 1000 backups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is staged for restore. Unstage the restore before deleting it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not delete %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An earlier restore was interrupted. Run apply-restore to finish it first.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FcbMetadataText</name>
    <message>
        <source>metadata.json is not a JSON object.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>metadata.json has no created_at time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>metadata.json has an unreadable created_at time: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FcbRestoreApplierText</name>
    <message>
        <source>Could not remove the restore journal.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Both %1 and %2 exist; the restore cannot tell which is which.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove the restore marker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore of %1 is marked as staged, but the staged files are missing. Unstage it and stage the backup again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is open in another process (%1). Stop the FastCMS server before applying a restore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unknown process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>process %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the staged database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The staged database is not healthy; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the restored data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folding the old database&apos;s WAL into it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the restored database and files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the safety copies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Swapping in the restored data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore could not finish (%1). Run apply-restore again to complete it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore applied</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FcbRestoreStagerText</name>
    <message>
        <source>The backup %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the extracted backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be restored: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove the previous restore marker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No restore is staged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not remove the restore marker.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FcbSqliteText</name>
    <message>
        <source>Could not open the database %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database refused a command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database %1 does not exist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a readable SQLite database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not start the database snapshot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copying the database</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database snapshot failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is not an SQLite database.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The database is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fcb::BackupTableModel</name>
    <message>
        <source>Invalid: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staged for restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Path</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fcb::CommandLine</name>
    <message>
        <source>in the future</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n second(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelling...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: fastcms-backup [options] &lt;command&gt; [arguments]

Safe, FastCMS-compatible backups of a FastCMS data folder.

Commands:
  create                 Back up the database (a consistent snapshot, even while the
                         server writes) and every uploaded file into
                         backups/backup_YYYYMMDD_HHMMSS.zip
  list                   List backups, newest first (--page, --per-page)
  delete &lt;name&gt;          Delete one backup (a plain *.zip name in the backups folder)
  verify &lt;name&gt;          Check CRCs, SHA256SUMS, the database&apos;s integrity and metadata
  stage-restore &lt;name&gt;   Verify a backup and stage it; FastCMS applies it at its next start
  unstage                Cancel a staged restore
  apply-restore          Apply the staged restore now (the server must be stopped);
                         keeps app.db.before_restore and files_before_restore/
  status                 Pending restore, newest backup and its age, who is busy
  demo                   Create a demo data folder at --data-dir (if it has no app.db)

Options:
  --data-dir &lt;dir&gt;       The server&apos;s data folder (default: ./data)
  --db &lt;file&gt;            Database (default: &lt;data-dir&gt;/app.db; FastCMS&apos;s DATABASE_URL)
  --files-dir &lt;dir&gt;      Uploads (default: &lt;data-dir&gt;/files; FastCMS&apos;s LOCAL_STORAGE_PATH)
  --backups-dir &lt;dir&gt;    Backups (default: &lt;data-dir&gt;/backups)
  --page &lt;n&gt;             list: page number, from 1 (default: 1)
  --per-page &lt;n&gt;         list: backups per page, 1 to 1000 (default: 20)
  --trigger &lt;kind&gt;       create: manual, scheduled or pre-restore (default: manual)
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
  6    I/O error, including not enough free space
  7    conflict (e.g. deleting the backup that is staged for restore)
  130  cancelled (Ctrl+C or SIGTERM)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Try &apos;fastcms-backup --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No command given. Try &apos;fastcms-backup --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown command &quot;%1&quot;. Try &apos;fastcms-backup --help&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 takes one backup name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 takes no arguments.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--page and --per-page go with list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>--trigger is manual, scheduled or pre-restore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Created %1 (%2; database %3 and %n file(s), %4 before compression; integrity %5)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>--page and --per-page take whole numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backups yet. Create one with &apos;fastcms-backup create&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 is past the end (%2 pages).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>INVALID: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>staged for restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Total: %n backup(s) · Page %1 of %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a sound backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 FAILED verification.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Staged %1 for restore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restart the FastCMS server to apply it, or stop the server and run &apos;fastcms-backup apply-restore&apos;.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The staged restore was removed; FastCMS will start normally.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished the interrupted restore of %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous database is kept as %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous files are kept in %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder:   %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Database:      %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in use by process %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not open: the server looks stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest backup: %1, %2 (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Newest backup: none</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Backups:       %n backup(s), %1; %2 free</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore:       INTERRUPTED: run &apos;fastcms-backup apply-restore&apos; to finish it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore:       %1 is staged (requested %2): restart the server to apply it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore:       none pending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busy:          %1 (process %2) is working on this folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created a demo data folder at %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 already has a database; left it as it is.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled; nothing was left half-written.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fcb::MainWindow</name>
    <message>
        <source>FastCMS Backup Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create Backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Verify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — FastCMS Backup Console</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backups yet: press Create Backup to make the first one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Total: %n backup(s) · Page %1 of %2</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled; nothing was left half-written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verifying %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a sound backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed verification: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1? This cannot be undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fcb::OperationLock</name>
    <message>
        <source>%1 (process %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>another process</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Busy: %1 is already working on this data folder. Try again when it has finished.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not create the lock file %1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fcb::RestoreMarker</name>
    <message>
        <source>No restore is staged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read the restore marker.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The restore marker is unreadable.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
