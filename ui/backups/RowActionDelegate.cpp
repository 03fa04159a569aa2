#include "RowActionDelegate.h"

#include "backups/BackupTableModel.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QStyleOptionButton>
#include <QToolTip>

namespace fcb {

namespace {
constexpr int buttonWidth = 76;
constexpr int spacing = 4;
} // namespace

RowActionDelegate::RowActionDelegate(Availability availability, QObject* parent)
    : QStyledItemDelegate(parent)
    , m_availability(std::move(availability))
{ }

QString RowActionDelegate::label(Action action)
{
    switch (action) {
    case Restore:
        return tr("Restore");
    case Download:
        return tr("Download");
    case Verify:
        return tr("Verify");
    case Delete:
        return tr("Delete");
    case ActionCount:
        break;
    }
    return {};
}

QRect RowActionDelegate::buttonRect(const QRect& cell, Action action)
{
    return QRect(cell.left() + spacing + int(action) * (buttonWidth + spacing), cell.top() + 3, buttonWidth,
        cell.height() - 6);
}

void RowActionDelegate::paint(
    QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QStyledItemDelegate::paint(painter, option, index);
    const QString name = index.data(BackupTableModel::FileNameRole).toString();
    for (int a = 0; a < ActionCount; ++a) {
        QStyleOptionButton button;
        button.rect = buttonRect(option.rect, Action(a));
        button.text = label(Action(a));
        button.state = QStyle::State_Raised;
        if (m_availability(name, Action(a)).isEmpty())
            button.state |= QStyle::State_Enabled;
        button.palette = option.palette;
        QApplication::style()->drawControl(QStyle::CE_PushButton, &button, painter);
    }
}

QSize RowActionDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    size.setWidth(ActionCount * (buttonWidth + spacing) + spacing);
    size.setHeight(qMax(size.height(), 30));
    return size;
}

bool RowActionDelegate::editorEvent(
    QEvent* event, QAbstractItemModel*, const QStyleOptionViewItem& option, const QModelIndex& index)
{
    if (event->type() != QEvent::MouseButtonRelease)
        return event->type() == QEvent::MouseButtonPress || event->type() == QEvent::MouseButtonDblClick;
    const auto* mouse = static_cast<QMouseEvent*>(event);
    const QString name = index.data(BackupTableModel::FileNameRole).toString();
    for (int a = 0; a < ActionCount; ++a) {
        if (buttonRect(option.rect, Action(a)).contains(mouse->position().toPoint())) {
            if (m_availability(name, Action(a)).isEmpty())
                Q_EMIT actionRequested(name, a);
            return true;
        }
    }
    return false;
}

bool RowActionDelegate::helpEvent(
    QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option, const QModelIndex& index)
{
    const QString name = index.data(BackupTableModel::FileNameRole).toString();
    for (int a = 0; a < ActionCount; ++a) {
        if (buttonRect(option.rect, Action(a)).contains(event->pos())) {
            const QString why = m_availability(name, Action(a));
            QToolTip::showText(event->globalPos(), why.isEmpty() ? label(Action(a)) : why, view);
            return true;
        }
    }
    return QStyledItemDelegate::helpEvent(event, view, option, index);
}

} // namespace fcb
