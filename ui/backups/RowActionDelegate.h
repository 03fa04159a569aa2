#pragma once

#include <QStyledItemDelegate>

#include <functional>

namespace fcb {

// Paints Restore / Download / Verify / Delete buttons in a row and turns clicks into
// actionRequested(fileName, action). Whether an action applies (and why not) comes from the
// controller; an inapplicable button is drawn disabled and explains itself in its tooltip.
class RowActionDelegate : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RowActionDelegate)

public:
    enum Action
    {
        Restore,
        Download,
        Verify,
        Delete,
        ActionCount
    };
    // Empty string: available; otherwise the reason it is not.
    using Availability = std::function<QString(const QString& fileName, Action action)>;

    explicit RowActionDelegate(Availability availability, QObject* parent = nullptr);

    static QString label(Action action);
    // Where the button for action sits inside a cell (for painting, clicks and tests).
    static QRect buttonRect(const QRect& cell, Action action);

    void paint(
        QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    bool editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
        const QModelIndex& index) override;
    bool helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
        const QModelIndex& index) override;

Q_SIGNALS:
    void actionRequested(const QString& fileName, int action);

private:
    Availability m_availability;
};

} // namespace fcb
