#include "app/gui/augment/textpreviewworker.h"

#include "app/gui/augment/drawnparameters.h"
#include "app/gui/augment/textpipelinemodel.h"
#include "core/text/textaugmentpipeline.h"

#include <QElapsedTimer>
#include <QLocale>

namespace mf {

TextPreviewResult renderTextPreview(const TextPreviewRequest &request)
{
    QElapsedTimer timer;
    timer.start();
    TextPreviewResult result;
    result.generation = request.generation;
    if (!request.pipeline)
        return result;
    const std::string text = request.text.toStdString();
    try {
        for (int v = 0; v < request.variants; ++v) {
            const quint64 seed = request.seed + static_cast<quint64>(v);
            std::vector<nlohmann::json> drawn;
            const std::string variant =
                request.pipeline->apply(text, seed, request.epoch, request.sampleIndex, &drawn);
            result.texts.append(QString::fromStdString(variant));
            result.drawn.append(DrawnParameters::lines(drawn, &TextPipelineModel::title));
            result.seeds.append(seed);
        }
    } catch (const std::exception &error) {
        result.texts.clear();
        result.drawn.clear();
        result.seeds.clear();
        result.error = QString::fromStdString(error.what());
    }
    result.renderMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
    return result;
}

TextPreviewWorker::TextPreviewWorker(QObject *parent) : QObject(parent) {}

TextPreviewWorker::~TextPreviewWorker() = default;

void TextPreviewWorker::submit(TextPreviewRequest request)
{
    if (m_mailbox.put(std::move(request)))
        QMetaObject::invokeMethod(this, &TextPreviewWorker::renderPending, Qt::QueuedConnection);
}

void TextPreviewWorker::renderPending()
{
    while (std::optional<TextPreviewRequest> request = m_mailbox.take())
        Q_EMIT rendered(renderTextPreview(*request));
}

} // namespace mf
