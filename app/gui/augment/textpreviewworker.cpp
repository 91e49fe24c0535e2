#include "app/gui/augment/textpreviewworker.h"

#include "app/gui/augment/textpipelinemodel.h"
#include "core/text/textaugmentpipeline.h"

#include <QElapsedTimer>
#include <QLocale>

namespace mf {

namespace {

QString valueText(const nlohmann::json &value, const QLocale &locale)
{
    if (value.is_number_integer())
        return locale.toString(value.get<qlonglong>());
    if (value.is_number())
        return locale.toString(value.get<double>(), 'g', 3);
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    if (value.is_array()) {
        QStringList items;
        for (const nlohmann::json &item : value)
            items.append(valueText(item, locale));
        return QStringLiteral("[%1]").arg(items.join(QStringLiteral(", ")));
    }
    if (value.is_object()) {
        // The changes of synonym replacement and insertion read best as "word → synonym".
        if (value.contains("word") && value.contains("synonym"))
            return QStringLiteral("%1 → %2").arg(valueText(value.at("word"), locale),
                                                 valueText(value.at("synonym"), locale));
        if (value.contains("character") && value.contains("position"))
            return QStringLiteral("%1 @%2").arg(valueText(value.at("character"), locale),
                                                valueText(value.at("position"), locale));
        QStringList items;
        for (const auto &item : value.items())
            items.append(QStringLiteral("%1 %2").arg(QString::fromStdString(item.key()),
                                                     valueText(item.value(), locale)));
        return items.join(QStringLiteral(" "));
    }
    return QString::fromStdString(value.dump());
}

QStringList drawnLines(const std::vector<nlohmann::json> &applied)
{
    const QLocale locale;
    QStringList lines;
    for (const nlohmann::json &entry : applied) {
        QStringList values;
        for (const auto &item : entry.items())
            if (item.key() != "op" && item.key() != "index" && item.key() != "level")
                values.append(QStringLiteral("%1 %2").arg(QString::fromStdString(item.key()),
                                                          valueText(item.value(), locale)));
        const QString title =
            TextPipelineModel::title(QString::fromStdString(entry.value("op", std::string())));
        lines.append(QStringLiteral("%1: %2").arg(title, values.join(QStringLiteral(", "))));
    }
    return lines;
}

} // namespace

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
            result.drawn.append(drawnLines(drawn));
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
