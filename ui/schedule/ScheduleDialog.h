#pragma once

#include "schedule/Schedule.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimeEdit;

namespace fcb {

// The same generator as `fastcms-backup schedule`: a systemd user timer and service, or a
// crontab line, shown as text to copy, and installed on request (off the GUI thread).
class ScheduleDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScheduleDialog)

public:
    // base: the target and its options; note: what to do first (e.g. save a token file).
    ScheduleDialog(ScheduleSpec base, const QString& note, QWidget* parent = nullptr);

    QString previewText() const;
    QString statusText() const;
    void setEvery(ScheduleSpec::Every every);
    void setCron(bool cron);

Q_SIGNALS:
    void installed(bool success);

private:
    ScheduleSpec spec() const;
    void regenerate();
    void install();

    ScheduleSpec m_base;
    QComboBox* m_every;
    QTimeEdit* m_at;
    QComboBox* m_kind;
    QPlainTextEdit* m_preview;
    QPushButton* m_install;
    QLabel* m_status;
};

} // namespace fcb
