#include "Browse.h"

#include "browse/ArchiveContents.h"

namespace fcb::browse {

Result<ArchiveListing> listArchive(const QString& zipPath)
{
    auto archive = ArchiveContents::open(zipPath);
    if (!archive)
        return fail(archive.error());
    ArchiveListing listing;
    listing.fileName = (*archive)->fileName();
    listing.entries.reserve((*archive)->entries().size());
    for (const ContentEntry& entry : (*archive)->entries()) {
        listing.entries.append(entry.listed);
        listing.totalSize += entry.listed.size;
        listing.totalCompressed += entry.listed.compressedSize;
        if (entry.flag != Flag::None)
            ++listing.flagged;
    }
    return listing;
}

bool pathSelects(const QString& path, const QString& name)
{
    if (name == path)
        return true;
    const QString folder = path.endsWith(QLatin1Char('/')) ? path : path + QLatin1Char('/');
    return name.startsWith(folder) && name.size() > folder.size();
}

Result<void> checkUploadPath(const QString& path)
{
    const QString prefix = QStringLiteral("files/");
    const QStringList parts = path.mid(prefix.size()).split(QLatin1Char('/'));
    const bool sound = path.startsWith(prefix) && !path.contains(QChar(0)) && !parts.contains(QString())
        && !parts.contains(QStringLiteral(".")) && !parts.contains(QStringLiteral(".."));
    if (sound)
        return ok();
    return fail(ErrorCode::Usage,
        FcbBrowseText::tr("%1 is not an upload: give its path in the backup, such as files/photos/a.jpg.")
            .arg(path));
}

} // namespace fcb::browse
