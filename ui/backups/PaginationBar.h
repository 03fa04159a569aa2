#pragma once

#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;

namespace fcb {

// "Total: N backups", Previous / "Page X of Y" / Next, and the page size, like the server's
// admin page.
class PaginationBar : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PaginationBar)

public:
    explicit PaginationBar(QWidget* parent = nullptr);
    void setState(int page, int totalPages, qint64 total);
    void setPageSize(int size);
    int pageSize() const;
    void setNavigation(QAction* previous, QAction* next);
    QString pageText() const;
    QString totalText() const;

Q_SIGNALS:
    void pageSizeChanged(int size);

private:
    QLabel* m_total;
    QLabel* m_page;
    QPushButton* m_previous;
    QPushButton* m_next;
    QComboBox* m_size;
};

} // namespace fcb
