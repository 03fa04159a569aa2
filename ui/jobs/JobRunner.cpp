#include "JobRunner.h"

namespace fcb {

JobRunner::JobRunner(JobsModel* jobs, Banner* banner, QObject* parent)
    : QObject(parent)
    , m_jobs(jobs)
    , m_banner(banner)
{ }

void JobRunner::setBusy(bool busy)
{
    m_busy = busy;
    Q_EMIT busyChanged();
}

} // namespace fcb
