#include "app/gui/runs/textpredictionview.h"

#include "app/gui/runs/probabilitybars.h"
#include "app/gui/runs/textpredictionworker.h"
#include "core/models/modelspec.h"
#include "widgets/messagepanel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStackedWidget>
#include <QThread>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

namespace mf {

namespace {

nlohmann::json configOf(const RunRecord &run)
{
    nlohmann::json config = nlohmann::json::parse(run.configJson, nullptr, false);
    return config.is_object() ? config : nlohmann::json::object();
}

/// The sha256 of the newest checkpoint, empty when the run has none.
QString newestCheckpointKey(const std::vector<Artifact> &artifacts)
{
    const Artifact *newest = nullptr;
    for (const Artifact &artifact : artifacts)
        if (artifact.kind == "checkpoint" &&
            (!newest || artifact.epoch > newest->epoch ||
             (artifact.epoch == newest->epoch && artifact.id > newest->id)))
            newest = &artifact;
    return newest ? QString::fromStdString(newest->sha256) : QString();
}

/// `text` on one line and at most 60 characters, for the status line.
QString shortened(const QString &text)
{
    const QString line = text.simplified();
    return line.size() <= 60 ? line : line.left(59) + QChar(0x2026);
}

} // namespace

TextPredictionView::TextPredictionView(QWidget *parent)
    : QWidget(parent), m_thread(new QThread(this)), m_worker(new TextPredictionWorker),
      m_stack(new QStackedWidget), m_message(new MessagePanel), m_page(new QWidget),
      m_intro(new QLabel), m_input(new QLineEdit), m_predict(new QPushButton(tr("Predict"))),
      m_status(new QLabel), m_bars(new ProbabilityBars)
{
    setObjectName(QStringLiteral("textPredictionView"));
    qRegisterMetaType<mf::TextPrediction>();
    m_thread->setObjectName(QStringLiteral("text prediction"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &TextPredictionWorker::predicted, this, &TextPredictionView::onPredicted,
            Qt::QueuedConnection);
    m_thread->start();

    m_intro->setWordWrap(true);
    m_intro->setTextFormat(Qt::PlainText);
    m_input->setObjectName(QStringLiteral("predictionInput"));
    m_input->setPlaceholderText(tr("Type a sentence to classify"));
    m_input->setClearButtonEnabled(true);
    m_predict->setObjectName(QStringLiteral("predictButton"));
    m_predict->setDefault(true);
    m_status->setObjectName(QStringLiteral("predictionStatus"));
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    connect(m_input, &QLineEdit::textChanged, this, &TextPredictionView::updatePredictButton);
    connect(m_input, &QLineEdit::returnPressed, this, &TextPredictionView::predict);
    connect(m_predict, &QPushButton::clicked, this, &TextPredictionView::predict);

    auto *inputRow = new QHBoxLayout;
    inputRow->addWidget(m_input, 1);
    inputRow->addWidget(m_predict);
    auto *pageLayout = new QVBoxLayout(m_page);
    pageLayout->setContentsMargins(8, 8, 8, 8);
    pageLayout->setSpacing(8);
    pageLayout->addWidget(m_intro);
    pageLayout->addLayout(inputRow);
    pageLayout->addWidget(m_status);
    pageLayout->addWidget(m_bars);
    pageLayout->addStretch(1);

    m_stack->addWidget(m_message);
    m_stack->addWidget(m_page);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    clear();
}

TextPredictionView::~TextPredictionView()
{
    m_thread->quit();
    m_thread->wait();
}

bool TextPredictionView::offersPrediction(const RunDetails &details)
{
    return isTextModelType(details.run.model) &&
           configOf(details.run).value("objective", std::string("classify")) == "classify";
}

void TextPredictionView::setWorkspaceDir(const QString &dir)
{
    if (dir == m_workspaceDir)
        return;
    m_workspaceDir = dir;
    clear();
}

void TextPredictionView::clear()
{
    ++m_generation;
    m_runId = -1;
    m_runKey.clear();
    m_modelLoaded = false;
    m_prediction = TextPrediction();
    m_bars->clear();
    m_message->setMessage(MessagePanel::Kind::Information, tr("No run selected"),
                          tr("Select a finished text run to classify sentences with its model."));
    m_stack->setCurrentWidget(m_message);
    setState(State::NoRun);
}

void TextPredictionView::showNotApplicable(const QString &title, const QString &text)
{
    m_message->setMessage(MessagePanel::Kind::Information, title, text);
    m_stack->setCurrentWidget(m_message);
    setState(State::NotApplicable);
}

void TextPredictionView::setRun(const RunDetails &details)
{
    const RunRecord &run = details.run;
    const QString checkpoint = newestCheckpointKey(details.artifacts);
    const QString key = QStringLiteral("%1/%2/%3").arg(run.id).arg(int(run.status)).arg(checkpoint);
    if (key == m_runKey)
        return;
    ++m_generation; // an answer still on its way belongs to the model shown before
    m_runId = run.id;
    m_runKey = key;
    m_modelLoaded = false;
    m_prediction = TextPrediction();
    m_bars->clear();
    const QLocale locale;
    if (!offersPrediction(details)) {
        showNotApplicable(tr("Not a text classifier"),
                          tr("Run #%1 does not classify text: typed sentences are classified by "
                             "the runs of text models.")
                              .arg(locale.toString(run.id)));
        return;
    }
    if (run.status != RunStatus::Finished && run.status != RunStatus::Stopped) {
        showNotApplicable(tr("No model yet"),
                          run.status == RunStatus::Running
                              ? tr("Run #%1 is still training. Type sentences once it has "
                                   "finished.")
                                    .arg(locale.toString(run.id))
                              : tr("Only finished or stopped runs classify sentences. Resume "
                                   "run #%1 to finish it.")
                                    .arg(locale.toString(run.id)));
        return;
    }
    if (checkpoint.isEmpty()) {
        showNotApplicable(tr("No checkpoint"),
                          tr("Run #%1 saved no checkpoint, so there is no model to classify "
                             "sentences with.")
                              .arg(locale.toString(run.id)));
        return;
    }
    const nlohmann::json text = configOf(run).value("text", nlohmann::json::object());
    const auto length = text.is_object() ? text.value("sequence_length", std::int64_t(0)) : 0;
    m_intro->setText(
        length > 0 ? tr("Type a sentence and press Enter to see how run #%1 classifies it. The "
                        "model reads it as it read its training documents: with the run's "
                        "tokenizer and vocabulary, at most %2 tokens.")
                         .arg(locale.toString(run.id), locale.toString(qint64(length)))
                   : tr("Type a sentence and press Enter to see how run #%1 classifies it.")
                         .arg(locale.toString(run.id)));
    m_status->clear();
    m_stack->setCurrentWidget(m_page);
    setState(State::Ready);
    updatePredictButton();
}

void TextPredictionView::predict()
{
    const QString text = m_input->text();
    if (text.trimmed().isEmpty() || m_stack->currentWidget() != m_page)
        return;
    TextPredictionRequest request;
    request.generation = ++m_generation;
    request.runId = m_runId;
    request.workspaceDir = m_workspaceDir;
    request.modelKey = m_runKey;
    request.text = text;
    const QLocale locale;
    m_status->setText(m_modelLoaded
                          ? tr("Classifying…")
                          : tr("Loading the model of run #%1…").arg(locale.toString(m_runId)));
    setState(State::Busy);
    m_worker->submit(std::move(request));
}

void TextPredictionView::onPredicted(const TextPrediction &prediction)
{
    if (prediction.generation != m_generation)
        return; // a newer sentence, or another run, was asked for since
    m_prediction = prediction;
    if (!prediction.error.isEmpty()) {
        m_bars->clear();
        m_status->setText(tr("Cannot classify the sentence: %1").arg(prediction.error));
        setState(State::Error);
        return;
    }
    m_modelLoaded = true;
    m_bars->setProbabilities(prediction.classNames, prediction.probabilities);
    const QStringList shown = m_bars->shownClasses();
    m_status->setText(tr("“%1” is most likely %2.")
                          .arg(shortened(prediction.text), shown.isEmpty() ? QString() : shown[0]));
    setState(State::Shown);
    Q_EMIT predictionShown(prediction.runId);
}

void TextPredictionView::updatePredictButton()
{
    m_predict->setEnabled(!m_input->text().trimmed().isEmpty() &&
                          m_stack->currentWidget() == m_page);
}

QString TextPredictionView::statusText() const
{
    return m_status->text();
}

QString TextPredictionView::messageTitle() const
{
    return m_stack->currentWidget() == m_message ? m_message->title() : QString();
}

void TextPredictionView::setState(State state)
{
    if (state == m_state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace mf
