<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>FcbApiCallText</name>
    <message numerus="yes">
        <source>Too many requests: retrying in %n s</source>
        <translation>
            <numerusform>Too many requests: retrying in %n s</numerusform>
            <numerusform>Too many requests: retrying in %n s</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FcbArchiveReaderText</name>
    <message numerus="yes">
        <source>All %n SHA-256 checksums match.</source>
        <translation>
            <numerusform>The %n SHA-256 checksum matches.</numerusform>
            <numerusform>All %n SHA-256 checksums match.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FcbBrowseText</name>
    <message numerus="yes">
        <source>%1 and %n other file(s) already exist; nothing was extracted. Use --force to replace them.</source>
        <translation>
            <numerusform>%1 and %n other file already exist; nothing was extracted. Use --force to replace them.</numerusform>
            <numerusform>%1 and %n other files already exist; nothing was extracted. Use --force to replace them.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FcbDiffText</name>
    <message numerus="yes">
        <source>%1… (%n bytes)</source>
        <translation>
            <numerusform>%1… (%n byte)</numerusform>
            <numerusform>%1… (%n bytes)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>blob of %n bytes: %1</source>
        <translation>
            <numerusform>blob of %n byte: %1</numerusform>
            <numerusform>blob of %n bytes: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FcbDrillText</name>
    <message numerus="yes">
        <source>%n foreign key violation(s) in %1.</source>
        <translation>
            <numerusform>%n foreign key violation in %1.</numerusform>
            <numerusform>%n foreign key violations in %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restores: %n table(s), %1 rows, %2 files</source>
        <translation>
            <numerusform>Restores: %n table, %1 rows, %2 files</numerusform>
            <numerusform>Restores: %n tables, %1 rows, %2 files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FcbOperationLockText</name>
    <message numerus="yes">
        <source>Busy: %1 was still working on this data folder after waiting %n second(s).</source>
        <translation>
            <numerusform>Busy: %1 was still working on this data folder after waiting %n second.</numerusform>
            <numerusform>Busy: %1 was still working on this data folder after waiting %n seconds.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FcbSqliteText</name>
    <message numerus="yes">
        <source>%1; and %n more problem(s)</source>
        <translation>
            <numerusform>%1; and %n more problem</numerusform>
            <numerusform>%1; and %n more problems</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message numerus="yes">
        <source>Delete these %n backups? This cannot be undone.</source>
        <translation>
            <numerusform>Delete this backup? This cannot be undone.</numerusform>
            <numerusform>Delete these %n backups? This cannot be undone.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fcb::BackupsController</name>
    <message numerus="yes">
        <source>Deleted %n backup(s).</source>
        <translation>
            <numerusform>Deleted %n backup.</numerusform>
            <numerusform>Deleted %n backups.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fcb::CommandLine</name>
    <message numerus="yes">
        <source>%n second(s) ago</source>
        <translation>
            <numerusform>%n second ago</numerusform>
            <numerusform>%n seconds ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Created %1 (%2; database %3 and %n file(s), %4 before compression; integrity %5)</source>
        <translation>
            <numerusform>Created %1 (%2; database %3 and %n file, %4 before compression; integrity %5)</numerusform>
            <numerusform>Created %1 (%2; database %3 and %n files, %4 before compression; integrity %5)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Total: %n backup(s) · Page %1 of %2</source>
        <translation>
            <numerusform>Total: %n backup · Page %1 of %2</numerusform>
            <numerusform>Total: %n backups · Page %1 of %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Backups:       %n backup(s), %1; %2 free</source>
        <translation>
            <numerusform>Backups:       %n backup, %1; %2 free</numerusform>
            <numerusform>Backups:       %n backups, %1; %2 free</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Backups:       %n backup(s)</source>
        <translation>
            <numerusform>Backups:       %n backup</numerusform>
            <numerusform>Backups:       %n backups</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Health:        STALE: the newest backup is older than %n hour(s)</source>
        <translation>
            <numerusform>Health:        STALE: the newest backup is older than %n hour</numerusform>
            <numerusform>Health:        STALE: the newest backup is older than %n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Foreign keys: %n violation(s)</source>
        <translation>
            <numerusform>Foreign keys: %n violation</numerusform>
            <numerusform>Foreign keys: %n violations</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Restored %n file(s), %1:</source>
        <translation>
            <numerusform>Restored %n file, %1:</numerusform>
            <numerusform>Restored %n files, %1:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s) copied off-site, %1 already there.</source>
        <translation>
            <numerusform>%n backup copied off-site, %1 already there.</numerusform>
            <numerusform>%n backups copied off-site, %1 already there.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Total: %n backup(s) on %1</source>
        <translation>
            <numerusform>Total: %n backup on %1</numerusform>
            <numerusform>Total: %n backups on %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>(%n backup(s) could not be copied.)</source>
        <translation>
            <numerusform>(%n backup could not be copied.)</numerusform>
            <numerusform>(%n backups could not be copied.)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Extracted %n file(s) (%1) to %2.</source>
        <translation>
            <numerusform>Extracted %n file (%1) to %2.</numerusform>
            <numerusform>Extracted %n files (%1) to %2.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No backup holds %1 (%n backup(s) read).</source>
        <translation>
            <numerusform>No backup holds %1 (%n backup read).</numerusform>
            <numerusform>No backup holds %1 (%n backups read).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s) read, %1 of them from the cache.</source>
        <translation>
            <numerusform>%n backup read, %1 of them from the cache.</numerusform>
            <numerusform>%n backups read, %1 of them from the cache.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(s), %1 (%2 compressed)</source>
        <translation>
            <numerusform>%n entry, %1 (%2 compressed)</numerusform>
            <numerusform>%n entries, %1 (%2 compressed)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entry(s) flagged: a restore would refuse this archive.</source>
        <translation>
            <numerusform>%n entry flagged: a restore would refuse this archive.</numerusform>
            <numerusform>%n entries flagged: a restore would refuse this archive.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fcb::MainWindow</name>
    <message numerus="yes">
        <source>%n minute(s) ago</source>
        <translation>
            <numerusform>%n minute ago</numerusform>
            <numerusform>%n minutes ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n hour(s) ago</source>
        <translation>
            <numerusform>%n hour ago</numerusform>
            <numerusform>%n hours ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n day ago</numerusform>
            <numerusform>%n days ago</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> — older than the schedule allows (%n hour(s))</source>
        <translation>
            <numerusform> — older than the schedule allows (%n hour)</numerusform>
            <numerusform> — older than the schedule allows (%n hours)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fcb::OffsiteController</name>
    <message numerus="yes">
        <source>%n backup(s) copied; these were not: %1</source>
        <translation>
            <numerusform>%n backup copied; these were not: %1</numerusform>
            <numerusform>%n backups copied; these were not: %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n backup(s) copied to %1; %2 already there.</source>
        <translation>
            <numerusform>%n backup copied to %1; %2 already there.</numerusform>
            <numerusform>%n backups copied to %1; %2 already there.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fcb::PaginationBar</name>
    <message numerus="yes">
        <source>%n per page</source>
        <translation>
            <numerusform>%n per page</numerusform>
            <numerusform>%n per page</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Total: %n backup(s)</source>
        <translation>
            <numerusform>Total: %n backup</numerusform>
            <numerusform>Total: %n backups</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fcb::PruneController</name>
    <message numerus="yes">
        <source>Delete %n Backup(s)…</source>
        <translation>
            <numerusform>Delete %n Backup…</numerusform>
            <numerusform>Delete %n Backups…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Prune preview (7 daily, 4 weekly, 12 monthly): all %n backup(s) are kept.</source>
        <translation>
            <numerusform>Prune preview (7 daily, 4 weekly, 12 monthly): all %n backup are kept.</numerusform>
            <numerusform>Prune preview (7 daily, 4 weekly, 12 monthly): all %n backups are kept.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Prune preview (7 daily, 4 weekly, 12 monthly): %1 of %n backup(s) would be deleted; see the Prune Preview column.</source>
        <translation>
            <numerusform>Prune preview (7 daily, 4 weekly, 12 monthly): %1 of %n backup would be deleted; see the Prune Preview column.</numerusform>
            <numerusform>Prune preview (7 daily, 4 weekly, 12 monthly): %1 of %n backups would be deleted; see the Prune Preview column.</numerusform>
        </translation>
    </message>
</context>
</TS>
