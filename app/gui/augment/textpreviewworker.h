#pragma once

#include "app/gui/augment/newestrequestmailbox.h"

#include <QMetaType>
#include <QObject>
#include <QStringList>
#include <QVector>

#include <memory>
#include <optional>

namespace mf {

class TextAugmentPipeline;

/// N variants of one text: variant v drawn with seed + v for (epoch, sample index), the draws a
/// text trainer makes for that sample of the training part as loaded.
struct TextPreviewRequest
{
    quint64 generation = 0;
    std::shared_ptr<const TextAugmentPipeline> pipeline;
    QString text;
    qint64 sampleIndex = 0;
    int variants = 4;
    quint64 seed = 42;
    int epoch = 1;
};

struct TextPreviewResult
{
    quint64 generation = 0;
    QStringList texts;          ///< one per variant
    QVector<QStringList> drawn; ///< per variant, one line per operation applied
    QVector<quint64> seeds;     ///< per variant
    QString error;              ///< why no variant could be drawn (e.g. WordNet is missing)
    double renderMs = 0.0;
};

/// Draws the variants on the calling thread; never throws.
TextPreviewResult renderTextPreview(const TextPreviewRequest &request);

/// Renders text preview requests on its thread, newest first (as PreviewWorker does for
/// images): the first word-level synonym step loads WordNet, which must not block the GUI.
/// Threading: submit() from any thread; rendered() is emitted on the worker's thread.
class TextPreviewWorker : public QObject
{
    Q_OBJECT
public:
    explicit TextPreviewWorker(QObject *parent = nullptr);
    ~TextPreviewWorker() override;

    void submit(TextPreviewRequest request);

Q_SIGNALS:
    void rendered(const mf::TextPreviewResult &result);

private:
    void renderPending();

    NewestRequestMailbox<TextPreviewRequest> m_mailbox;
};

} // namespace mf

Q_DECLARE_METATYPE(mf::TextPreviewResult)
