#pragma once

#include "backend/Backend.h"
#include "remote/RemoteSession.h"

#include <QElapsedTimer>
#include <QFile>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <optional>

class QNetworkReply;

namespace fcb {

// Streams one backup from the server's download route to disk (never into memory): into
// TARGET.part, resumed with an HTTP Range request after an interruption (automatically a few
// times, and again on the next run), then fsync, rename, and verification of the archive.
class DownloadJob : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DownloadJob)

public:
    using Done = std::function<void(Result<DownloadResult>)>;
    using Progress = std::function<void(qint64 done, qint64 total)>;

    DownloadJob(RemoteSession* session, QString fileName, QString target, std::shared_ptr<CancelToken> cancel,
        Done done, Progress progress);
    void start();

private:
    void send();
    qint64 freeSpace() const;
    // Ends the current response with this error (not retried); dropPart empties the partial file.
    void abortWith(Error error, bool dropPart);
    // The answer's headers, before a byte of its body is written: false once the answer was
    // ended (not a zip, a range that does not fit, no room on the disk).
    bool checkHeaders(int status);
    void onReadyRead();
    void onFinished();
    void complete();
    void finish(Result<DownloadResult> result);

    QPointer<RemoteSession> m_session;
    QString m_fileName;
    QString m_target;
    std::shared_ptr<CancelToken> m_cancel;
    Done m_done;
    Progress m_progress;
    QFile m_part;
    QPointer<QNetworkReply> m_reply;
    QTimer m_watchdog;
    qint64 m_requestedFrom = 0;
    qint64 m_total = -1;
    bool m_headerChecked = false;
    bool m_resumed = false;
    bool m_refreshed = false;
    int m_attempts = 0;
    bool m_finished = false;
    bool m_stalled = false;
    std::optional<Error> m_failure;
    qint64 m_expectedEnd = -1; // the size the server declared for the whole file; -1: none
    qint64 m_nextSpaceCheck = 0;
    QElapsedTimer m_window;
    qint64 m_windowStart = 0;
};

} // namespace fcb
