#pragma once
// The most recently opened model files, newest first, kept in QSettings.
#include <QObject>
#include <QStringList>

namespace zsq::ui {

class RecentFiles : public QObject {
    Q_OBJECT
public:
    static constexpr int kMaxFiles = 8;

    explicit RecentFiles(QObject* parent = nullptr);

    QStringList files() const;
    // Puts `path` (made absolute) first; drops the oldest beyond kMaxFiles.
    void add(const QString& path);
    void remove(const QString& path);
    void clear();

signals:
    void changed();

private:
    void store(const QStringList& files);
};

} // namespace zsq::ui
