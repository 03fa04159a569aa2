#pragma once

#include "model/Backup.h"

#include <QDialog>

class QLabel;
class QPlainTextEdit;
class QTableWidget;

namespace fcb {

// What one backup holds: its file, its metadata, its checksums (read off the GUI thread) and
// what its last verification found.
class BackupDetailsDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BackupDetailsDialog)

public:
    BackupDetailsDialog(
        const BackupItem& item, const QString& lastVerification, bool local, QWidget* parent = nullptr);
    QString metadataText() const;
    QString checksumsText() const;
    QString verificationText() const;

Q_SIGNALS:
    void checksumsLoaded();

private:
    QTableWidget* m_metadata;
    QPlainTextEdit* m_checksums;
    QLabel* m_verification;
};

} // namespace fcb
