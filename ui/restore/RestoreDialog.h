#pragma once

#include "Prompter.h"

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;

namespace fcb {

// "This overwrites the current data": the backup's date, size and verification result, and a
// field where the backup's name must be typed before Restore is enabled.
class RestoreDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RestoreDialog)

public:
    RestoreDialog(const RestoreQuestion& question, QWidget* parent = nullptr);
    QLineEdit* confirmationField() const { return m_typed; }
    bool canAccept() const;

private:
    RestoreQuestion m_question;
    QLineEdit* m_typed;
    QDialogButtonBox* m_buttons;
};

} // namespace fcb
