#include "JobsPanel.h"

#include "JobsModel.h"

#include <QApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QPainter>
#include <QPushButton>
#include <QStyleOptionProgressBar>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace fcb {

namespace {
class ProgressDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;
    void paint(QPainter* painter, const QStyleOptionViewItem& option, const QModelIndex& index) const override
    {
        QStyleOptionProgressBar bar;
        bar.rect = option.rect.adjusted(2, 3, -2, -3);
        bar.minimum = 0;
        bar.maximum = 1000;
        bar.progress = index.data(JobsModel::RawValueRole).toInt();
        bar.text = index.data().toString();
        bar.textVisible = true;
        bar.state = option.state | QStyle::State_Horizontal;
        QApplication::style()->drawControl(QStyle::CE_ProgressBar, &bar, painter);
    }
};
} // namespace

JobsPanel::JobsPanel(JobsModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_view(new QTableView(this))
    , m_cancel(new QPushButton(tr("Cancel Job"), this))
{
    m_view->setObjectName(QStringLiteral("jobsView"));
    m_cancel->setObjectName(QStringLiteral("cancelJob"));
    m_view->setModel(model);
    m_view->setItemDelegateForColumn(JobsModel::Progress, new ProgressDelegate(m_view));
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(JobsModel::Status, QHeaderView::Stretch);
    m_view->horizontalHeader()->resizeSection(JobsModel::Progress, 140);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_view);
    auto* row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(m_cancel);
    layout->addLayout(row);
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        const auto rows = m_view->selectionModel()->selectedRows();
        m_model->cancel(rows.isEmpty() ? 0 : rows.first().row());
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &JobsPanel::updateButton);
    connect(model, &QAbstractItemModel::dataChanged, this, &JobsPanel::updateButton);
    connect(model, &QAbstractItemModel::rowsInserted, this, &JobsPanel::updateButton);
    auto* ticker = new QTimer(this);
    connect(ticker, &QTimer::timeout, model, &JobsModel::tick);
    ticker->start(1000);
    updateButton();
}

void JobsPanel::updateButton()
{
    const auto rows = m_view->selectionModel()->selectedRows();
    m_cancel->setEnabled(m_model->isRunning(rows.isEmpty() ? 0 : rows.first().row()));
}

} // namespace fcb
