#include "PaginationBar.h"

#include <QAction>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace fcb {

PaginationBar::PaginationBar(QWidget* parent)
    : QWidget(parent)
    , m_total(new QLabel(this))
    , m_page(new QLabel(this))
    , m_previous(new QPushButton(this))
    , m_next(new QPushButton(this))
    , m_size(new QComboBox(this))
{
    m_total->setObjectName(QStringLiteral("totalLabel"));
    m_page->setObjectName(QStringLiteral("pageLabel"));
    m_size->setObjectName(QStringLiteral("pageSize"));
    for (int size : { 10, 20, 50, 100 })
        m_size->addItem(tr("%n per page", nullptr, size), size);
    m_size->setCurrentIndex(1);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_total);
    layout->addStretch(1);
    layout->addWidget(m_previous);
    layout->addWidget(m_page);
    layout->addWidget(m_next);
    layout->addSpacing(12);
    layout->addWidget(m_size);
    connect(m_size, &QComboBox::currentIndexChanged, this, [this] { Q_EMIT pageSizeChanged(pageSize()); });
}

void PaginationBar::setNavigation(QAction* previous, QAction* next)
{
    const auto bind = [](QPushButton* button, QAction* action) {
        button->setText(action->text().remove(QLatin1Char('&')));
        button->setToolTip(action->toolTip());
        connect(button, &QPushButton::clicked, action, &QAction::trigger);
        connect(
            action, &QAction::changed, button, [button, action] { button->setEnabled(action->isEnabled()); });
        button->setEnabled(action->isEnabled());
    };
    bind(m_previous, previous);
    bind(m_next, next);
}

void PaginationBar::setState(int page, int totalPages, qint64 total)
{
    m_total->setText(tr("Total: %n backup(s)", nullptr, int(total)));
    m_page->setText(tr("Page %1 of %2").arg(page).arg(totalPages));
}

void PaginationBar::setPageSize(int size)
{
    const int index = m_size->findData(size);
    if (index >= 0)
        m_size->setCurrentIndex(index);
}

int PaginationBar::pageSize() const
{
    return m_size->currentData().toInt();
}

QString PaginationBar::pageText() const
{
    return m_page->text();
}

QString PaginationBar::totalText() const
{
    return m_total->text();
}

} // namespace fcb
