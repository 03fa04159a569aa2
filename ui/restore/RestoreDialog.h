#pragma once

#include "Prompter.h"

#include <QDialog>

class QDialogButtonBox;
class QLineEdit;

namespace fcb {

class DiffView;

// "This overwrites the current data": the backup's date, size and verification result, what the
// restore changes (worked out meanwhile, never holding up the question), and a field where the
// backup's name must be typed before Restore is enabled.
class RestoreDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RestoreDialog)

public:
    RestoreDialog(const RestoreQuestion& question, QWidget* parent = nullptr);
    QLineEdit* confirmationField() const { return m_typed; }
    // "What this restore changes", worked out while the dialog is open.
    DiffView* preview() const { return m_preview; }
    bool canAccept() const;

private:
    RestoreQuestion m_question;
    QLineEdit* m_typed;
    DiffView* m_preview;
    QDialogButtonBox* m_buttons;
};

} // namespace fcb
