#include "DiffController.h"

#include "backend/Backend.h"
#include "backups/BackupsController.h"
#include "diff/DiffView.h"
#include "jobs/JobRunner.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QVBoxLayout>

namespace fcb {

DiffController::DiffController(const FeatureParts& parts)
    : FeatureController(parts)
{
    m_compareAction
        = makeAction("actionCompare", tr("Co&mpare…"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M),
            tr("Show what differs between the two selected backups: records, schema and uploads"),
            [this] { compareSelected(); });
    updateActions();
}

void DiffController::updateActions()
{
    const QStringList names = m_parts.backups->selectedNames();
    m_compareAction->setEnabled(
        m_parts.backups->backend() && m_parts.backups->capabilities().browse && names.size() == 2);
}

void DiffController::describeRestore(RestoreQuestion& question)
{
    Backend* backend = m_parts.backups->backend();
    if (!backend || !m_parts.backups->capabilities().live) {
        question.noPreview = tr("What this restore changes cannot be shown: a server's live data is out of "
                                "reach of its API.");
        return;
    }
    const QString name = question.backup.fileName;
    question.preview = [backend, name](const QString& table) {
        DiffRequest request { name };
        request.table = table;
        request.perPage = 100;
        return backend->diff(request);
    };
    question.exportRows
        = [this, name](const QString& table, const QStringList& keys) { exportRows(name, table, keys); };
}

void DiffController::compareSelected()
{
    Backend* backend = m_parts.backups->backend();
    QStringList names = m_parts.backups->selectedNames();
    if (!backend || names.size() != 2)
        return;
    names.sort(); // backup_YYYYMMDD_HHMMSS: the older one first
    const QString older = names[0];
    const QString newer = names[1];
    auto* dialog = new QDialog(m_parts.window);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("compareDialog"));
    dialog->setWindowTitle(tr("Compare %1 with %2").arg(older, newer));
    auto* layout = new QVBoxLayout(dialog);
    auto* view = new DiffView(DiffView::Wording::Compare, dialog);
    layout->addWidget(view, 1);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::close);
    connect(view, &DiffView::exportRequested, this,
        [this, older](const QString& table, const QStringList& keys) { exportRows(older, table, keys); });
    view->start([backend, older, newer](const QString& table) {
        DiffRequest request { older, newer };
        request.table = table;
        request.perPage = 100;
        return backend->diff(request);
    });
    dialog->resize(760, 520);
    dialog->show();
    m_compare = dialog;
}

void DiffController::exportRows(const QString& backup, const QString& table, const QStringList& keys)
{
    Backend* backend = m_parts.backups->backend();
    if (!backend)
        return;
    if (m_parts.runner->busy()) {
        m_parts.banner->show(
            tr("Another job is running; export the rows when it is done."), Banner::Kind::Info);
        return;
    }
    const QString path = m_parts.prompter->chooseSaveFile(
        m_parts.window, tr("Export rows of %1").arg(table), table + QStringLiteral(".json"));
    if (path.isEmpty())
        return;
    ExportRequest request { backup, table, keys };
    const QString suffix = QFileInfo(path).suffix().toLower();
    request.format = suffix == QStringLiteral("csv") ? ExportRequest::Format::Csv
        : suffix == QStringLiteral("sql")            ? ExportRequest::Format::Sql
                                                     : ExportRequest::Format::Json;
    request.outputPath = path;
    m_parts.runner->track<ExportResult>(
        tr("Export rows"), table, backend->exportRows(request), [this](const ExportResult& r) {
            m_parts.banner->show(
                tr("Wrote %1 rows to %2.").arg(r.rows).arg(r.outputPath), Banner::Kind::Success);
        });
}

} // namespace fcb
