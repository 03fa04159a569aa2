#include "ScheduleDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTimeEdit>
#include <QVBoxLayout>
#include <QtConcurrent>

namespace fcb {

ScheduleDialog::ScheduleDialog(ScheduleSpec base, const QString& note, QWidget* parent)
    : QDialog(parent)
    , m_base(std::move(base))
    , m_every(new QComboBox(this))
    , m_at(new QTimeEdit(m_base.at, this))
    , m_kind(new QComboBox(this))
    , m_preview(new QPlainTextEdit(this))
    , m_install(new QPushButton(tr("&Install"), this))
    , m_status(new QLabel(this))
{
    setWindowTitle(tr("Schedule Backups"));
    resize(820, 560);
    m_every->setObjectName(QStringLiteral("every"));
    m_every->addItem(tr("Every hour"), int(ScheduleSpec::Every::Hourly));
    m_every->addItem(tr("Every day"), int(ScheduleSpec::Every::Daily));
    m_every->addItem(tr("Every Monday"), int(ScheduleSpec::Every::Weekly));
    m_every->setCurrentIndex(1);
    m_at->setObjectName(QStringLiteral("at"));
    m_at->setDisplayFormat(QStringLiteral("HH:mm"));
    m_kind->setObjectName(QStringLiteral("kind"));
    m_kind->addItem(tr("systemd user timer"));
    m_kind->addItem(tr("crontab line"));
    m_preview->setObjectName(QStringLiteral("preview"));
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_install->setObjectName(QStringLiteral("installButton"));
    m_status->setObjectName(QStringLiteral("statusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* intro = new QLabel(
        tr("The system runs the backups: a timer starts <tt>fastcms-backup create</tt>, then "
           "<tt>prune</tt> (7 daily, 4 weekly, 12 monthly). Status warnings follow this schedule "
           "once it is installed."),
        this);
    intro->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("&Run:"), m_every);
    form->addRow(tr("&At:"), m_at);
    form->addRow(tr("&With:"), m_kind);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto* copy = buttons->addButton(tr("&Copy"), QDialogButtonBox::ActionRole);
    copy->setObjectName(QStringLiteral("copyButton"));
    buttons->addButton(m_install, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(m_preview->toPlainText());
        m_status->setText(tr("Copied to the clipboard."));
    });
    connect(m_install, &QPushButton::clicked, this, &ScheduleDialog::install);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    if (!note.isEmpty()) {
        auto* first = new QLabel(note, this);
        first->setObjectName(QStringLiteral("note"));
        first->setWordWrap(true);
        first->setTextInteractionFlags(Qt::TextSelectableByMouse);
        layout->addWidget(first);
    }
    layout->addLayout(form);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);

    connect(m_every, &QComboBox::currentIndexChanged, this, &ScheduleDialog::regenerate);
    connect(m_at, &QTimeEdit::timeChanged, this, &ScheduleDialog::regenerate);
    connect(m_kind, &QComboBox::currentIndexChanged, this, &ScheduleDialog::regenerate);
    regenerate();
}

QString ScheduleDialog::previewText() const
{
    return m_preview->toPlainText();
}

QString ScheduleDialog::statusText() const
{
    return m_status->text();
}

void ScheduleDialog::setEvery(ScheduleSpec::Every every)
{
    m_every->setCurrentIndex(m_every->findData(int(every)));
}

void ScheduleDialog::setCron(bool cron)
{
    m_kind->setCurrentIndex(cron ? 1 : 0);
}

ScheduleSpec ScheduleDialog::spec() const
{
    ScheduleSpec spec = m_base;
    spec.every = ScheduleSpec::Every(m_every->currentData().toInt());
    spec.at = m_at->time();
    return spec;
}

void ScheduleDialog::regenerate()
{
    const bool cron = m_kind->currentIndex() == 1;
    if (auto safe = schedule::check(spec(), cron); !safe) {
        m_preview->setPlainText(safe.error().message);
        m_install->setEnabled(false);
        return;
    }
    m_install->setEnabled(true);
    const ScheduleFiles files = schedule::generate(spec());
    m_at->setDisplayFormat(
        spec().every == ScheduleSpec::Every::Hourly ? QStringLiteral("mm") : QStringLiteral("HH:mm"));
    if (cron) {
        m_preview->setPlainText(files.cronLine + QLatin1Char('\n'));
        m_install->setText(tr("&Add to Crontab"));
        return;
    }
    m_preview->setPlainText(
        QStringLiteral("# ~/.config/systemd/user/%1.service\n%2\n# ~/.config/systemd/user/%1.timer\n%3\n"
                       "# then: systemctl --user daemon-reload && systemctl --user enable --now %1.timer\n")
            .arg(files.unitName, files.service, files.timer));
    m_install->setText(tr("&Install"));
}

void ScheduleDialog::install()
{
    const ScheduleSpec chosen = spec();
    const bool cron = m_kind->currentIndex() == 1;
    m_install->setEnabled(false);
    m_status->setText(tr("Installing…"));
    auto* watcher = new QFutureWatcher<Result<QString>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher] {
        watcher->deleteLater();
        m_install->setEnabled(true);
        const auto result = watcher->result();
        m_status->setText(result ? *result : tr("Not installed: %1").arg(result.error().message));
        Q_EMIT installed(bool(result));
    });
    watcher->setFuture(QtConcurrent::run([chosen, cron]() -> Result<QString> {
        const ScheduleFiles files = schedule::generate(chosen);
        QString done;
        if (cron) {
            if (auto added = schedule::installCron(files); !added)
                return fail(added.error());
            done = ScheduleDialog::tr("Added the line to your crontab.");
        } else {
            auto written = schedule::installSystemd(files);
            if (!written)
                return fail(written.error());
            done = ScheduleDialog::tr("Wrote %1. Start it with: systemctl --user daemon-reload && systemctl "
                                      "--user enable --now %2.timer")
                       .arg(written->join(QStringLiteral(", ")), files.unitName);
        }
        const InstalledSchedule installed { chosen.every,
            cron ? QString() : files.unitName + QStringLiteral(".timer"), UnitScope::User };
        if (auto recorded = ScheduleStore().record(chosen.target, installed); !recorded)
            return fail(recorded.error());
        return done;
    }));
}

} // namespace fcb
