#include "WorkerPool.h"

#include "archive/FastHash.h"

#include <QThread>

namespace fcb::workers {

QThreadPool* pool()
{
    static QThreadPool* shared = [] {
        auto* p = new QThreadPool();
        p->setMaxThreadCount(qMax(2, QThread::idealThreadCount()));
        return p;
    }();
    return shared;
}

void finishBackgroundWork()
{
    pool()->waitForDone();
    archiveWorkers()->waitForDone();
}

} // namespace fcb::workers
