#include "app/gui/augment/augmentdatasetloader.h"

#include "core/data/datasetloader.h"
#include "core/text/textdataset.h"
#include "core/util/error.h"

#include <QFile>
#include <QPointer>
#include <QThread>

namespace mf {

AugmentDatasetLoader::AugmentDatasetLoader(QObject *parent)
    : QObject(parent), m_thread(new QThread(this)), m_context(new QObject)
{
    qRegisterMetaType<std::shared_ptr<const mf::DatasetBundle>>();
    qRegisterMetaType<std::shared_ptr<const mf::TextDatasetBundle>>();
    m_thread->setObjectName(QStringLiteral("augment dataset loader"));
    m_context->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_context, &QObject::deleteLater);
    m_thread->start();
}

AugmentDatasetLoader::~AugmentDatasetLoader()
{
    m_thread->quit();
    m_thread->wait();
}

void AugmentDatasetLoader::load(const QString &path)
{
    start(path, false);
}

void AugmentDatasetLoader::loadText(const QString &path)
{
    start(path, true);
}

void AugmentDatasetLoader::start(const QString &path, bool text)
{
    const quint64 request = ++m_latest;
    ++m_pending;
    QPointer<AugmentDatasetLoader> self(this);
    QMetaObject::invokeMethod(m_context, [self, request, path, text] {
        std::shared_ptr<const DatasetBundle> images;
        std::shared_ptr<const TextDatasetBundle> texts;
        QString reason;
        try {
            const std::string file = QFile::encodeName(path).toStdString();
            if (text)
                texts = std::make_shared<const TextDatasetBundle>(loadTextDataset(file));
            else
                images = std::make_shared<const DatasetBundle>(loadDataset(file));
        } catch (const std::exception &error) {
            reason = QString::fromStdString(error.what());
        }
        // Back on the GUI thread; dropped if the loader is gone by then.
        QMetaObject::invokeMethod(
            self.data(),
            [self, request, path, images, texts, reason] {
                if (!self)
                    return;
                --self->m_pending;
                if (request != self->m_latest)
                    return;
                if (images)
                    Q_EMIT self->loaded(images, path);
                else if (texts)
                    Q_EMIT self->textLoaded(texts, path);
                else
                    Q_EMIT self->failed(path, reason);
            },
            Qt::QueuedConnection);
    });
}

} // namespace mf
