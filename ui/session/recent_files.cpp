#include "recent_files.h"

#include <QFileInfo>
#include <QSettings>

namespace zsq::ui {

namespace {
QString settingsKey()
{
    return QStringLiteral("recentFiles");
}

QString normalized(const QString& path)
{
    return QFileInfo(path).absoluteFilePath();
}
} // namespace

RecentFiles::RecentFiles(QObject* parent) : QObject(parent) {}

QStringList RecentFiles::files() const
{
    QStringList list = QSettings().value(settingsKey()).toStringList();
    list.removeAll(QString());
    list.removeDuplicates();
    while (list.size() > kMaxFiles)
        list.removeLast();
    return list;
}

void RecentFiles::add(const QString& path)
{
    const QString file = normalized(path);
    QStringList list = files();
    list.removeAll(file);
    list.prepend(file);
    while (list.size() > kMaxFiles)
        list.removeLast();
    store(list);
}

void RecentFiles::remove(const QString& path)
{
    QStringList list = files();
    if (list.removeAll(normalized(path)) + list.removeAll(path) > 0)
        store(list);
}

void RecentFiles::clear()
{
    store({});
}

void RecentFiles::store(const QStringList& list)
{
    QSettings settings;
    if (list.isEmpty())
        settings.remove(settingsKey());
    else
        settings.setValue(settingsKey(), list);
    emit changed();
}

} // namespace zsq::ui
