#pragma once

#include "DataFolder.h"

#include <QObject>
#include <QString>

#include <functional>

namespace fcb {

class MainWindow;

// Renders the console's main states to PNG files (for the README and for looking at changes):
// the backups list with a finished job, a staged restore, and the restore confirmation. Runs on
// a throw-away demo folder; quits the application when done.
class ScreenshotTour : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScreenshotTour)

public:
    explicit ScreenshotTour(QString outputDir, QObject* parent = nullptr);
    void start();

private:
    void browseAndCompare(
        MainWindow* window, const DataFolder& folder, const QString& out, std::function<void()> finish);
    void compareAndBrowse(MainWindow* window, const QString& out, std::function<void()> finish);

    QString m_outputDir;
};

} // namespace fcb
