#pragma once

#include <QWidget>

class QPushButton;
class QTableView;

namespace fcb {

class JobsModel;

// The jobs list with painted progress bars and a Cancel button for the selected running job.
class JobsPanel : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(JobsPanel)

public:
    JobsPanel(JobsModel* model, QWidget* parent = nullptr);

private:
    void updateButton();

    JobsModel* m_model;
    QTableView* m_view;
    QPushButton* m_cancel;
};

} // namespace fcb
