#pragma once

#include "FeatureController.h"

class QMenu;

namespace fcb {

// "Copy as curl": a server's requests as curl commands for a terminal or a script, where the
// open backend has them (Backend::curlCommand). The secret is read from the environment.
class CurlController final : public FeatureController
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CurlController)

public:
    explicit CurlController(const FeatureParts& parts);

    QMenu* menu() const { return m_menu; }

private:
    void updateActions() override;
    void copyCurl(int action);

    QMenu* m_menu;
};

} // namespace fcb
