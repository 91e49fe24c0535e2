#pragma once

#include "app/gui/augment/newestrequestmailbox.h"
#include "app/gui/runs/textprediction.h"

#include <QObject>

#include <memory>

namespace mf {

/// Classifies typed sentences with the models of text runs, newest request first: a request
/// that a newer one replaced while it waited is never computed. The models loaded (the run
/// exported to a bundle in memory, as `modelforge-cli predict RUN` does) stay cached, a few
/// runs at a time, so that the next sentence is answered at once.
/// Threading: submit() from any thread; the work and predicted() happen on the thread the
/// worker lives on.
class TextPredictionWorker : public QObject
{
    Q_OBJECT
public:
    explicit TextPredictionWorker(QObject *parent = nullptr);
    ~TextPredictionWorker() override;

    void submit(TextPredictionRequest request);

Q_SIGNALS:
    void predicted(const mf::TextPrediction &prediction);

private:
    void predictPending();
    TextPrediction predict(const TextPredictionRequest &request);

    struct Cache;
    std::unique_ptr<Cache> m_cache;
    NewestRequestMailbox<TextPredictionRequest> m_mailbox;
};

} // namespace mf
