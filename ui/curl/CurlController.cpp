#include "CurlController.h"

#include "backups/BackupsController.h"
#include "model/Curl.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QMenu>

namespace fcb {

namespace {

// List, Create and Upload name no backup of the table.
bool needsSelection(curl::Action action)
{
    return action != curl::Action::List && action != curl::Action::Create && action != curl::Action::Upload;
}

} // namespace

CurlController::CurlController(const FeatureParts& parts)
    : FeatureController(parts)
    , m_menu(new QMenu(tr("Copy as c&url"), parts.window))
{
    const QList<QPair<QString, curl::Action>> curls { { tr("&List Backups"), curl::Action::List },
        { tr("&Create a Backup"), curl::Action::Create },
        { tr("&Download the Selected Backup"), curl::Action::Download },
        { tr("De&lete the Selected Backup"), curl::Action::Delete },
        { tr("&Stage the Selected Backup for Restore"), curl::Action::Restore },
        { tr("&Upload a Backup"), curl::Action::Upload } };
    for (const auto& [text, kind] : curls) {
        QAction* action = m_menu->addAction(text);
        action->setObjectName(QStringLiteral("actionCurl%1").arg(int(kind)));
        action->setData(int(kind));
        connect(action, &QAction::triggered, this, [this, kind = int(kind)] { copyCurl(kind); });
        m_actions.append(action);
    }
    m_menu->setObjectName(QStringLiteral("curlMenu"));
    updateActions();
}

void CurlController::updateActions()
{
    const Backend* backend = m_parts.backups->backend();
    const bool offered = backend && backend->curlCommand(curl::Action::List, {}).has_value();
    const bool actable = !actableSelection().isEmpty();
    m_menu->setEnabled(offered);
    for (QAction* a : m_actions)
        a->setEnabled(offered && (!needsSelection(curl::Action(a->data().toInt())) || actable));
}

void CurlController::copyCurl(int action)
{
    Backend* backend = m_parts.backups->backend();
    if (!backend)
        return;
    const QStringList names = m_parts.backups->selectedNames();
    const auto kind = curl::Action(action);
    if (needsSelection(kind) && actableSelection().isEmpty())
        return;
    // An upload names the zip to send: a placeholder for the user to replace.
    const QString backup
        = kind == curl::Action::Upload ? QStringLiteral("backup_YYYYMMDD_HHMMSS.zip") : names.value(0);
    const std::optional<QString> command = backend->curlCommand(kind, backup);
    if (!command)
        return;
    QApplication::clipboard()->setText(*command);
    m_parts.banner->show(backend->location().usesApiKey
            ? tr("Copied a curl command; it reads the API key from $FASTCMS_API_KEY.")
            : tr("Copied a curl command; it reads the token from $FASTCMS_TOKEN."),
        Banner::Kind::Info);
}

} // namespace fcb
