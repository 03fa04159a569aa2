#include "Browse.h"

#include "FileUtil.h"
#include "TempNames.h"
#include "browse/ArchiveContents.h"

#include <QDir>
#include <QFileInfo>
#include <QSet>

#include <algorithm>
#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>

namespace fcb::browse {

namespace {

enum class Kind
{
    Missing,
    Folder,
    Link,
    Other // a file, or anything else that is not a folder
};

Kind kindOf(const QString& path)
{
    struct stat st
    {
    };
    if (::lstat(QFile::encodeName(path).constData(), &st) != 0)
        return Kind::Missing;
    if (S_ISLNK(st.st_mode))
        return Kind::Link;
    return S_ISDIR(st.st_mode) ? Kind::Folder : Kind::Other;
}

// The folders between root and the file at root/relative: each one there must be a real folder,
// never a link that would carry the file elsewhere.
Result<void> checkParents(const QString& root, const QString& relative)
{
    const QStringList parts = relative.split(QLatin1Char('/'));
    QString path = root;
    for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
        path += QLatin1Char('/') + parts.at(i);
        switch (kindOf(path)) {
        case Kind::Missing:
            return ok(); // and so is everything below it
        case Kind::Folder:
            continue;
        case Kind::Link:
            return fail(ErrorCode::Conflict,
                FcbBrowseText::tr("%1 is a symbolic link; nothing is written through one.").arg(path), path);
        case Kind::Other:
            return fail(ErrorCode::Conflict,
                FcbBrowseText::tr("%1 is in the way: it should be a folder.").arg(path), path);
        }
    }
    return ok();
}

// What one run put on disk before it was done: removed again unless the run commits.
class Landing
{
public:
    ~Landing()
    {
        for (const QString& temp : std::as_const(temps))
            QFile::remove(temp);
        for (auto it = createdDirs.crbegin(); it != createdDirs.crend(); ++it)
            QDir().rmdir(*it); // only if empty: what else landed there stays
    }
    // Creates the folders of root/relative that are missing, checking each on the way.
    Result<void> makeParents(const QString& root, const QString& relative)
    {
        if (auto parents = checkParents(root, relative); !parents)
            return parents;
        const QStringList parts = relative.split(QLatin1Char('/'));
        QString path = root;
        for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
            path += QLatin1Char('/') + parts.at(i);
            if (::mkdir(QFile::encodeName(path).constData(), 0755) == 0)
                createdDirs.append(path);
            else if (errno != EEXIST || kindOf(path) != Kind::Folder)
                return fail(
                    files::systemError(FcbBrowseText::tr("Could not create %1").arg(path), path, errno));
        }
        return ok();
    }
    void commit()
    {
        temps.clear();
        createdDirs.clear();
    }

    QStringList temps;
    QStringList createdDirs;
};

// The entry verified into a new temporary file at temp, flushed to disk: its CRC-32 always,
// its SHA256SUMS line when sums has one. Returns whether it had one.
Result<bool> writeVerified(ArchiveContents& archive, const ContentEntry& entry, const QString& temp,
    QFileDevice::Permissions permissions, const QHash<QString, QByteArray>& sums, TaskContext& task,
    const std::function<void(qint64)>& progress, bool sync = true)
{
    QFile out(temp);
    errno = 0;
    if (!out.open(QIODevice::WriteOnly | QIODevice::NewOnly, permissions))
        return fail(files::fileError(FcbBrowseText::tr("Could not create %1").arg(temp), out, errno));
    auto digest = archive.copyTo(entry, out, task, progress);
    if (!digest)
        return fail(digest.error());
    const auto listed = sums.constFind(entry.listed.name);
    if (listed != sums.cend() && *listed != *digest)
        return fail(ErrorCode::BadArchive,
            FcbBrowseText::tr(
                "The entry \"%1\" in %2 does not match its SHA-256 checksum; nothing of it was kept.")
                .arg(entry.listed.name, archive.fileName()));
    errno = 0;
    if (!out.flush() || (sync && ::fsync(out.handle()) != 0))
        return fail(files::fileError(FcbBrowseText::tr("Could not write %1").arg(temp), out, errno));
    out.close();
    return listed != sums.cend();
}

// The file entries the paths select, each once, in the archive's order.
Result<QList<const ContentEntry*>> select(const ArchiveContents& archive, const QStringList& paths)
{
    QList<const ContentEntry*> chosen;
    QSet<const ContentEntry*> seen;
    for (const QString& path : paths) {
        bool any = false;
        for (const ContentEntry& entry : archive.entries()) {
            if (!pathSelects(path, entry.listed.name))
                continue;
            any = true;
            if (entry.unsafe())
                return fail(ErrorCode::BadArchive,
                    FcbBrowseText::tr("The entry \"%1\" in %2 is not extracted: %3.")
                        .arg(entry.listed.name, archive.fileName(), entry.listed.flag));
            if (!entry.listed.isDirectory && !seen.contains(&entry)) {
                seen.insert(&entry);
                chosen.append(&entry);
            }
        }
        if (!any)
            return fail(ErrorCode::NotFound,
                FcbBrowseText::tr("%1 is not in the backup %2.").arg(path, archive.fileName()), path);
    }
    return chosen;
}

// Every target checked before anything is written: no link or file where a folder should be,
// and no file there already unless force.
Result<void> checkTargets(const QString& outputDir, const QList<const ContentEntry*>& chosen, bool force)
{
    QStringList existing;
    for (const ContentEntry* entry : chosen) {
        if (auto parents = checkParents(outputDir, entry->listed.name); !parents)
            return parents;
        const QString target = outputDir + QLatin1Char('/') + entry->listed.name;
        const Kind kind = kindOf(target);
        if (kind == Kind::Folder)
            return fail(ErrorCode::Conflict,
                FcbBrowseText::tr("%1 is a folder; no file is written over it.").arg(target), target);
        if (kind != Kind::Missing)
            existing.append(target);
    }
    if (existing.isEmpty() || force)
        return ok();
    const QString message = existing.size() == 1
        ? FcbBrowseText::tr("%1 already exists; nothing was extracted. Use --force to replace it.")
              .arg(existing.first())
        : FcbBrowseText::tr("%1 and %n other file(s) already exist; nothing was extracted. Use --force to "
                            "replace them.",
            nullptr, int(existing.size() - 1))
              .arg(existing.first());
    return fail(ErrorCode::Conflict, message, existing.join(QLatin1Char('\n')));
}

QFileDevice::Permissions permissionsFor(const QString& name)
{
    // The database holds password hashes: owner-only, as in the backup itself.
    return name == QStringLiteral("database.db")
        ? files::ownerOnly
        : files::ownerOnly | QFileDevice::ReadGroup | QFileDevice::ReadOther;
}

Result<void> checkRequestedPaths(const QStringList& paths)
{
    for (const QString& path : paths) {
        if (path.isEmpty() || path.startsWith(QLatin1Char('/'))
            || path.split(QLatin1Char('/')).contains(QStringLiteral("..")))
            return fail(ErrorCode::Usage,
                FcbBrowseText::tr("\"%1\" is no path inside a backup (such as files/photos/).").arg(path));
    }
    if (paths.isEmpty())
        return fail(ErrorCode::Usage, FcbBrowseText::tr("Name at least one file or folder to extract."));
    return ok();
}

// Renames every verified file into place and makes the renames durable.
Result<void> commitAll(const QList<QPair<QString, QString>>& moves, bool force, Landing& landing)
{
    QSet<QString> folders;
    for (const auto& [temp, target] : moves) {
        auto moved = force ? files::renameReplace(temp, target) : files::renameNoReplace(temp, target);
        if (!moved)
            return moved;
        landing.temps.removeOne(temp);
        folders.insert(QFileInfo(target).absolutePath());
    }
    for (const QString& dir : std::as_const(landing.createdDirs))
        folders.insert(QFileInfo(dir).absolutePath());
    landing.commit();
    for (const QString& folder : std::as_const(folders))
        if (auto synced = files::syncPath(folder); !synced)
            return synced;
    return ok();
}

// Where the live file at target is kept before the restored one takes its place: a second name
// for it (a hard link, so that target never goes missing), else the file itself renamed.
// Returns that name and whether target is still there.
Result<QPair<QString, bool>> keepAside(const QString& target)
{
    const QByteArray from = QFile::encodeName(target);
    for (int i = 0; i < 1000; ++i) {
        const QString candidate
            = target + QStringLiteral(".before_restore") + (i > 0 ? QStringLiteral(".%1").arg(i) : QString());
        if (files::exists(candidate))
            continue;
        if (::link(from.constData(), QFile::encodeName(candidate).constData()) == 0)
            return qMakePair(candidate, true);
        if (errno == EEXIST)
            continue;
        auto moved = files::renameNoReplace(target, candidate); // no hard links here
        if (moved)
            return qMakePair(candidate, false);
        if (moved.error().code != ErrorCode::Conflict)
            return fail(moved.error());
    }
    return fail(ErrorCode::Conflict,
        FcbBrowseText::tr("Could not find a free name to keep %1 under.").arg(target), target);
}

// The one file entry of that name, or why it cannot be restored.
Result<const ContentEntry*> uploadEntry(const ArchiveContents& archive, const QString& path)
{
    const ContentEntry* found = nullptr;
    for (const ContentEntry& entry : archive.entries()) {
        if (entry.listed.name != path)
            continue;
        if (entry.unsafe())
            return fail(ErrorCode::BadArchive,
                FcbBrowseText::tr("The entry \"%1\" in %2 is not restored: %3.")
                    .arg(path, archive.fileName(), entry.listed.flag));
        found = &entry;
    }
    if (!found)
        return fail(ErrorCode::NotFound,
            FcbBrowseText::tr("%1 is not in the backup %2.").arg(path, archive.fileName()), path);
    if (found->listed.isDirectory)
        return fail(ErrorCode::Usage,
            FcbBrowseText::tr("%1 is a folder; restore-file puts back one file.").arg(path), path);
    return found;
}

} // namespace

Result<ExtractResult> extract(const QString& zipPath, const QStringList& paths, const QString& outputDir,
    bool force, TaskContext& task, const FreeSpace& freeSpace)
{
    if (auto requested = checkRequestedPaths(paths); !requested)
        return fail(requested.error());
    const Kind outputKind = kindOf(outputDir);
    if (outputKind != Kind::Missing && !QFileInfo(outputDir).isDir())
        return fail(ErrorCode::Usage, FcbBrowseText::tr("%1 is not a folder.").arg(outputDir), outputDir);
    auto archive = ArchiveContents::open(zipPath);
    if (!archive)
        return fail(archive.error());
    ArchiveContents& contents = **archive;
    const auto chosen = select(contents, paths);
    if (!chosen)
        return fail(chosen.error());
    const QString root = QDir::cleanPath(QDir(outputDir).absolutePath());
    if (auto targets = checkTargets(root, *chosen, force); !targets)
        return fail(targets.error());
    qint64 total = 0;
    for (const ContentEntry* entry : *chosen)
        total += qint64(entry->listed.size);
    const qint64 available = freeSpace ? freeSpace(root) : -1;
    if (available >= 0 && available < total)
        return fail(files::noSpaceError(contents.fileName(), root, total, available));
    const auto sums = contents.sums();
    if (!sums)
        return fail(sums.error());

    Landing landing;
    if (outputKind == Kind::Missing) {
        if (auto made = files::makeDirs(root); !made)
            return fail(made.error());
        landing.createdDirs.append(root);
    }
    ExtractResult result;
    result.outputDir = root;
    QList<QPair<QString, QString>> moves;
    for (const ContentEntry* entry : *chosen) {
        const QString& name = entry->listed.name;
        if (auto parents = landing.makeParents(root, name); !parents)
            return fail(parents.error());
        const QString target = root + QLatin1Char('/') + name;
        const QString temp = temp::beside(target);
        landing.temps.append(temp);
        const qint64 before = result.bytes;
        const auto progress = [&task, &name, before, total](qint64 done) {
            task.report(before + done, total, FcbBrowseText::tr("Extracting %1").arg(name));
        };
        auto checked = writeVerified(contents, *entry, temp, permissionsFor(name), *sums, task, progress);
        if (!checked)
            return fail(checked.error());
        result.checkedAgainstSums += *checked ? 1 : 0;
        result.bytes += qint64(entry->listed.size);
        result.written.append(name);
        moves.append({ temp, target });
    }
    if (task.isCanceled())
        return fail(ErrorCode::Cancelled, FcbBrowseText::tr("Cancelled."));
    if (auto committed = commitAll(moves, force, landing); !committed)
        return fail(committed.error());
    return result;
}

Result<RestoreFileResult> restoreFile(
    const QString& zipPath, const QString& path, const QString& filesDir, TaskContext& task)
{
    if (auto upload = checkUploadPath(path); !upload)
        return fail(upload.error());
    auto archive = ArchiveContents::open(zipPath);
    if (!archive)
        return fail(archive.error());
    const auto entry = uploadEntry(**archive, path);
    if (!entry)
        return fail(entry.error());
    const auto sums = (*archive)->sums();
    if (!sums)
        return fail(sums.error());
    const QString root = QDir::cleanPath(QDir(filesDir).absolutePath());
    const QString relative = path.mid(QStringLiteral("files/").size());
    Landing landing;
    if (kindOf(root) == Kind::Missing) {
        if (auto made = files::makeDirs(root); !made)
            return fail(made.error());
        landing.createdDirs.append(root);
    }
    if (auto parents = landing.makeParents(root, relative); !parents)
        return fail(parents.error());
    const QString target = root + QLatin1Char('/') + relative;
    const Kind kind = kindOf(target);
    if (kind == Kind::Folder)
        return fail(ErrorCode::Conflict,
            FcbBrowseText::tr("%1 is a folder; no file is written over it.").arg(target), target);
    // The restored file gets the permissions of the one it replaces, as the server left them.
    const QFileDevice::Permissions permissions = kind == Kind::Other
        ? QFile::permissions(target)
        : files::ownerOnly | QFileDevice::ReadGroup | QFileDevice::ReadOther;
    // A run killed here before left its temporary file beside the target, in the live files
    // folder, where the next backup would take it for an upload: gone before this one starts.
    temp::removeLeftovers(QFileInfo(target).absolutePath(), false);
    const QString temp = temp::beside(target);
    landing.temps.append(temp);
    const auto progress = [&task, &path, size = qint64((*entry)->listed.size)](qint64 done) {
        task.report(done, size, FcbBrowseText::tr("Restoring %1").arg(path));
    };
    if (auto written = writeVerified(**archive, **entry, temp, permissions, *sums, task, progress); !written)
        return fail(written.error());
    if (task.isCanceled())
        return fail(ErrorCode::Cancelled, FcbBrowseText::tr("Cancelled."));
    RestoreFileResult result;
    if (kind != Kind::Missing) {
        const auto kept = keepAside(target);
        if (!kept)
            return fail(kept.error());
        result.keptAs = kept->first;
        auto moved = kept->second ? files::renameReplace(temp, target) : files::renameNoReplace(temp, target);
        if (!moved) {
            // Put things back as they were: drop the second name, or rename the file back.
            if (kept->second)
                QFile::remove(kept->first);
            else
                (void)files::renameNoReplace(kept->first, target);
            return fail(moved.error());
        }
    } else if (auto moved = files::renameNoReplace(temp, target); !moved) {
        return fail(moved.error());
    }
    landing.temps.clear();
    if (auto committed = commitAll({}, false, landing); !committed)
        return fail(committed.error());
    if (auto synced = files::syncParentDir(target); !synced)
        return fail(synced.error());
    result.path = path;
    result.livePath = target;
    result.bytes = qint64((*entry)->listed.size);
    return result;
}

Result<void> extractCopy(
    const QString& zipPath, const QString& name, const QString& target, TaskContext& task)
{
    auto archive = ArchiveContents::open(zipPath);
    if (!archive)
        return fail(archive.error());
    const ContentEntry* entry = (*archive)->find(name);
    if (!entry) {
        const bool twice = std::any_of((*archive)->entries().cbegin(), (*archive)->entries().cend(),
            [&name](const ContentEntry& e) { return e.listed.name == name; });
        return fail(twice ? ErrorCode::BadArchive : ErrorCode::NotFound,
            twice ? FcbBrowseText::tr("%1 holds %2 twice.").arg((*archive)->fileName(), name)
                  : FcbBrowseText::tr("%1 holds no %2.").arg((*archive)->fileName(), name));
    }
    if (entry->unsafe())
        return fail(ErrorCode::BadArchive,
            FcbBrowseText::tr("%1 in %2: %3").arg(name, (*archive)->fileName(), entry->listed.flag));
    const auto sums = (*archive)->sums();
    if (!sums)
        return fail(sums.error());
    const auto progress = [&task, &name, size = qint64(entry->listed.size)](qint64 done) {
        task.report(done, size, FcbBrowseText::tr("Reading %1").arg(name));
    };
    if (auto written
        = writeVerified(**archive, *entry, target, files::ownerOnly, *sums, task, progress, false);
        !written) {
        QFile::remove(target);
        return fail(written.error());
    }
    return ok();
}

} // namespace fcb::browse
