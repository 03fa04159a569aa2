#pragma once

#include <QFrame>

class QLabel;
class QHBoxLayout;
class QToolButton;

namespace fcb {

// An inline, dismissible message above the content, with optional action buttons: errors and
// results are shown here rather than in modal boxes.
class Banner : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Banner)

public:
    enum class Kind
    {
        Info,
        Success,
        Warning,
        Error
    };

    explicit Banner(QWidget* parent = nullptr);
    void show(const QString& text, Kind kind, const QList<QAction*>& actions = {});
    QString text() const;
    Kind kind() const { return m_kind; }

private:
    QLabel* m_label;
    QHBoxLayout* m_buttons;
    QToolButton* m_close;
    Kind m_kind = Kind::Info;
};

} // namespace fcb
