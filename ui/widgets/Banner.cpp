#include "Banner.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QToolButton>

namespace fcb {

Banner::Banner(QWidget* parent)
    : QFrame(parent)
    , m_label(new QLabel(this))
    , m_buttons(new QHBoxLayout)
    , m_close(new QToolButton(this))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 6, 6);
    m_label->setWordWrap(true);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_label->setObjectName(QStringLiteral("bannerText"));
    m_close->setText(QStringLiteral("✕"));
    m_close->setToolTip(tr("Dismiss"));
    m_close->setAutoRaise(true);
    layout->addWidget(m_label, 1);
    layout->addLayout(m_buttons);
    layout->addWidget(m_close);
    connect(m_close, &QToolButton::clicked, this, &QWidget::hide);
    setVisible(false);
}

void Banner::show(const QString& text, Kind kind, const QList<QAction*>& actions)
{
    m_kind = kind;
    m_label->setText(text);
    while (QLayoutItem* item = m_buttons->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    for (QAction* action : actions) {
        auto* button = new QPushButton(action->text(), this);
        button->setEnabled(action->isEnabled());
        connect(button, &QPushButton::clicked, action, &QAction::trigger);
        m_buttons->addWidget(button);
    }
    static const char* const styles[] = {
        "fcb--Banner { background: #e6f0fb; border: 1px solid #b5cfee; border-radius: 4px; } QLabel { color: "
        "#16365c; }",
        "fcb--Banner { background: #e3f1e6; border: 1px solid #a9d3b3; border-radius: 4px; } QLabel { color: "
        "#184d27; }",
        "fcb--Banner { background: #fff4d6; border: 1px solid #e8cf86; border-radius: 4px; } QLabel { color: "
        "#5c4300; }",
        "fcb--Banner { background: #fde2e1; border: 1px solid #eeb0ad; border-radius: 4px; } QLabel { color: "
        "#7a1712; }",
    };
    setStyleSheet(QString::fromLatin1(styles[int(kind)]));
    setVisible(true);
}

QString Banner::text() const
{
    return m_label->text();
}

} // namespace fcb
