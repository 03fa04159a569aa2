#include "OffsiteController.h"

#include "Prompter.h"
#include "WorkerPool.h"
#include "backups/BackupTableModel.h"
#include "backups/BackupsController.h"
#include "jobs/JobRunner.h"
#include "offsite/Offsite.h"
#include "offsite/OffsiteTargets.h"

#include <QAction>
#include <QFutureWatcher>
#include <QtConcurrent>

namespace fcb {

OffsiteController::OffsiteController(const FeatureParts& parts)
    : FeatureController(parts)
{
    m_pushOffsite = makeAction("actionPushOffsite", tr("Copy &Off-site"),
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U),
        tr("Copy the selected backups (or all that are missing there) to the off-site target with rclone"),
        [this] { pushOffsite(); });
    m_offsiteTargetAction = makeAction("actionOffsiteTarget", tr("Off-site &Target…"), {},
        tr("Choose the rclone remote that keeps off-site copies"), [this] { chooseOffsiteTarget(); });
    connect(m_parts.backups, &BackupsController::refreshed, this, &OffsiteController::reloadCopies);
    updateActions();
}

OffsiteController::~OffsiteController()
{
    stopListing();
}

QString OffsiteController::offsiteTarget() const
{
    return offsite::targetFor(m_parts.backups->backend());
}

void OffsiteController::setOffsiteTarget(const QString& remote)
{
    const Backend* backend = m_parts.backups->backend();
    if (!backend || backend->isRemote())
        return;
    offsite::setTargetFor(backend, remote);
    stopListing();
    ++m_targetChanges;
    reloadCopies();
    updateActions();
}

void OffsiteController::updateActions()
{
    const Backend* backend = m_parts.backups->backend();
    const bool ready = backend && !m_parts.runner->busy();
    const bool remote = backend && backend->isRemote();
    m_pushOffsite->setEnabled(
        ready && !remote && m_parts.backups->capabilities().offsite && !offsiteTarget().isEmpty());
    m_offsiteTargetAction->setEnabled(backend && !remote);
}

void OffsiteController::backendChanged()
{
    stopListing();
}

void OffsiteController::stopListing()
{
    // rclone is stopped; the listing's answer is ignored (the backend or the target changed).
    if (m_listing)
        m_listing->cancel();
    m_listing.reset();
    m_listingOffsite = false;
}

void OffsiteController::reloadCopies()
{
    Backend* backend = m_parts.backups->backend();
    if (!backend)
        return;
    BackupTableModel* model = m_parts.backups->model();
    BackupTableModel::CopyState copies;
    if (backend->isRemote()) {
        copies.mode = BackupTableModel::CopyState::Mode::Server;
        model->setCopies(copies);
        return;
    }
    const QString remote = offsiteTarget();
    if (remote.isEmpty()) {
        copies.detail = tr("No off-site target: choose one under Backups ▸ Off-site Target…");
        model->setCopies(copies);
        return;
    }
    if (m_listingOffsite)
        return;
    m_listingOffsite = true;
    copies.mode = BackupTableModel::CopyState::Mode::Checking;
    copies.detail = Offsite::displayName(remote);
    model->setCopies(copies);
    const quint64 asked = generation();
    const quint64 target = m_targetChanges;
    auto* listing = new QFutureWatcher<Result<QList<OffsiteCopy>>>(this);
    connect(listing, &QFutureWatcherBase::finished, this, [this, listing, asked, target, remote, model] {
        listing->deleteLater();
        if (asked != generation() || target != m_targetChanges)
            return;
        m_listingOffsite = false;
        const auto result = listing->result();
        BackupTableModel::CopyState state;
        state.detail = Offsite::displayName(remote);
        if (result) {
            state.mode = BackupTableModel::CopyState::Mode::Known;
            for (const OffsiteCopy& c : *result)
                state.offsite.insert(c.fileName);
        } else {
            state.mode = BackupTableModel::CopyState::Mode::Failed;
            state.detail = result.error().message;
        }
        model->setCopies(state);
        Q_EMIT copiesLoaded();
    });
    m_listing = std::make_shared<CancelToken>();
    listing->setFuture(QtConcurrent::run(
        workers::pool(), [remote, token = m_listing](QPromise<Result<QList<OffsiteCopy>>>& promise) {
            PromiseTaskContext<Result<QList<OffsiteCopy>>> task(promise, token);
            promise.addResult(Offsite(remote).list(task));
        }));
}

void OffsiteController::pushOffsite()
{
    Backend* backend = m_parts.backups->backend();
    const QString remote = offsiteTarget();
    if (!backend || !m_parts.backups->capabilities().offsite || remote.isEmpty() || m_parts.runner->busy())
        return;
    const QStringList names = m_parts.backups->selectedNames();
    m_parts.runner->track<OffsitePushResult>(tr("Copy off-site"), Offsite::displayName(remote),
        backend->pushOffsite(remote, names), [this, remote](const OffsitePushResult& r) {
            if (!r.failed.isEmpty()) {
                QStringList problems;
                for (const Error& e : r.failed)
                    problems.append(e.message);
                m_parts.banner->show(
                    tr("%n backup(s) copied; these were not: %1", nullptr, int(r.copied.size()))
                        .arg(problems.join(QLatin1Char(' '))),
                    Banner::Kind::Error);
                return;
            }
            m_parts.banner->show(
                tr("%n backup(s) copied to %1; %2 already there.", nullptr, int(r.copied.size()))
                    .arg(Offsite::displayName(remote))
                    .arg(r.alreadyThere.size()),
                Banner::Kind::Success);
        });
}

void OffsiteController::chooseOffsiteTarget()
{
    const auto answer = m_parts.prompter->askText(m_parts.window, tr("Off-site Target"),
        tr("An rclone remote and folder for off-site copies, such as s3:bucket/fastcms, "
           "a crypt remote for encryption at rest, or a folder (empty: none). rclone's own "
           "configuration keeps the credentials."),
        offsiteTarget());
    if (!answer)
        return;
    if (!answer->isEmpty()) {
        if (auto valid = Offsite::checkTarget(*answer); !valid) {
            m_parts.banner->show(valid.error().message, Banner::Kind::Error);
            return;
        }
    }
    setOffsiteTarget(*answer);
}

} // namespace fcb
