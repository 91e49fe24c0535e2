#include "tests/support/workerprocesses.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QList>

namespace mf::testdata {

QMap<int, pid_t> workersOf(qint64 supervisor)
{
    QMap<int, pid_t> workers;
    const QStringList entries = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : entries) {
        bool number = false;
        const pid_t pid = entry.toInt(&number);
        if (!number)
            continue;
        QFile file(QStringLiteral("/proc/%1/environ").arg(entry));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> variables = file.readAll().split('\0');
        if (!variables.contains("MODELFORGE_SUPERVISOR=" + QByteArray::number(supervisor)))
            continue;
        for (const QByteArray &variable : variables)
            if (variable.startsWith("RANK="))
                workers[variable.mid(5).toInt()] = pid;
    }
    return workers;
}

bool processExists(pid_t pid)
{
    return QFileInfo::exists(QStringLiteral("/proc/%1").arg(pid));
}

} // namespace mf::testdata
