#pragma once

#include "app/gui/runs/textprediction.h"
#include "app/gui/store/rundetails.h"

#include <QString>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QThread;

namespace mf {

class MessagePanel;
class ProbabilityBars;
class TextPredictionWorker;

/// Inference on typed text for the selected text run: the user types a sentence, presses Enter
/// or Predict, and sees the class probabilities of the run's best checkpoint as bars, the same
/// numbers `modelforge-cli predict RUN --text` prints. Finished and stopped runs with a
/// checkpoint qualify. The model is loaded and run on a TextPredictionWorker's thread; only the
/// answer to the newest sentence is shown.
class TextPredictionView : public QWidget
{
    Q_OBJECT
public:
    enum class State
    {
        NoRun,         ///< nothing selected
        NotApplicable, ///< the run has no model to ask; the message says why
        Ready,         ///< waiting for a sentence
        Busy,
        Shown, ///< the bars show the probabilities of the last sentence
        Error
    };
    Q_ENUM(State)

    explicit TextPredictionView(QWidget *parent = nullptr);
    /// Waits for a prediction in progress to end.
    ~TextPredictionView() override;

    /// Whether the Runs section offers prediction on typed text for the run: it trained a text
    /// classifier (a text model that is not pre-training an encoder).
    static bool offersPrediction(const RunDetails &details);

    /// The workspace whose runs are shown (the run store's directory).
    void setWorkspaceDir(const QString &dir);
    /// Shows the run; keeps the sentence typed, and the bars while it is the same run with the
    /// same newest checkpoint.
    void setRun(const RunDetails &details);
    void clear();
    /// Classifies the sentence in the line edit (as Enter and the Predict button do).
    void predict();

    State state() const { return m_state; }
    qint64 runId() const { return m_runId; }
    /// The prediction the bars show (or the error shown).
    const TextPrediction &prediction() const { return m_prediction; }
    QString statusText() const;
    QString messageTitle() const;
    QLineEdit *input() const { return m_input; }
    QPushButton *predictButton() const { return m_predict; }
    ProbabilityBars *bars() const { return m_bars; }

Q_SIGNALS:
    void stateChanged(mf::TextPredictionView::State state);
    void predictionShown(qint64 runId);

private:
    void setState(State state);
    void showNotApplicable(const QString &title, const QString &text);
    void onPredicted(const TextPrediction &prediction);
    void updatePredictButton();

    QThread *m_thread;
    TextPredictionWorker *m_worker;
    QStackedWidget *m_stack;
    MessagePanel *m_message;
    QWidget *m_page;
    QLabel *m_intro;
    QLineEdit *m_input;
    QPushButton *m_predict;
    QLabel *m_status;
    ProbabilityBars *m_bars;
    QString m_workspaceDir;
    qint64 m_runId = -1;
    QString m_runKey; ///< run id, status and newest checkpoint: a change means another model
    bool m_modelLoaded = false; ///< the worker holds the model of m_runKey
    quint64 m_generation = 0;
    TextPrediction m_prediction;
    State m_state = State::NoRun;
};

} // namespace mf
