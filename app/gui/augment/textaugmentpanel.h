#pragma once

#include "app/gui/augment/textpreviewworker.h"

#include <QWidget>

#include <memory>

class QButtonGroup;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QRadioButton;
class QSlider;
class QSpinBox;
class QTextBrowser;
class QThread;
class QToolButton;

namespace mf {

class NoticeLabel;

class AugmentDatasetLoader;
class TextPipelineModel;
struct TextDatasetBundle;

/// The text mode of the Augment section: an EDA pipeline editor (synonym replacement, random
/// insertion, swap, deletion, sentence reorder) and N variants of a typed text or of a text
/// dataset's sample, each listed with what every operation did. Variant v is drawn with seed + v
/// for the epoch and sample index shown. Pipelines are saved as JSON like image pipelines.
class TextAugmentPanel : public QWidget
{
    Q_OBJECT
public:
    explicit TextAugmentPanel(QWidget *parent = nullptr);
    ~TextAugmentPanel() override;

    void setWorkspace(const QString &dir);

    /// Previews `text` (typed mode).
    void setText(const QString &text);
    /// Previews samples of `bundle`'s training part (dataset mode).
    void setDataset(std::shared_ptr<const TextDatasetBundle> bundle, const QString &path);
    /// Loads a text dataset on a worker thread; setDataset() follows, or an error message.
    void openDataset(const QString &path);
    /// The sample index the variants are drawn for; in dataset mode also the sample shown.
    void setSampleIndex(qint64 index);
    void setSeed(quint64 seed);
    void setEpoch(int epoch);
    void setVariants(int variants);

    QString pipelinePath() const { return m_pipelinePath; }
    bool loadPipeline(const QString &path);
    bool savePipeline(const QString &path);
    void newPipeline();
    QString messageText() const;
    bool messageIsError() const;

    TextPipelineModel *model() const { return m_model; }
    /// The newest request's variants once shown.
    const TextPreviewResult &result() const { return m_result; }
    bool isPending() const { return m_shown != m_request.generation; }

Q_SIGNALS:
    /// The variants now show the newest request.
    void refreshed();
    void pipelineSaved(const QString &path);
    void datasetChanged(const QString &path);

private:
    QWidget *createEditor();
    QWidget *createPreview();
    void selectRow(int row);
    void updateForm();
    void moveSelected(int offset);
    void scheduleRefresh();
    void submitRequest();
    void show(const mf::TextPreviewResult &result);
    void chooseDataset();
    void choosePipelineToLoad();
    bool chooseFileAndSave();
    void showMessage(const QString &text, bool error);
    void updateSource();
    void updateLabels();
    QString pipelineDirectory() const;

    QString m_workspace;
    QString m_pipelinePath;
    QString m_datasetPath;
    bool m_modified = false;
    std::shared_ptr<const TextDatasetBundle> m_dataset;

    TextPipelineModel *m_model;
    AugmentDatasetLoader *m_loader;
    QThread *m_thread;
    TextPreviewWorker *m_worker;
    TextPreviewRequest m_request;
    TextPreviewResult m_result;
    quint64 m_shown = 0;
    bool m_submitQueued = false;

    QLabel *m_datasetLabel = nullptr;
    QLabel *m_pipelineLabel = nullptr;
    NoticeLabel *m_message = nullptr;
    QComboBox *m_levelBox = nullptr;
    QListView *m_list = nullptr;
    QToolButton *m_removeButton = nullptr;
    QToolButton *m_upButton = nullptr;
    QToolButton *m_downButton = nullptr;
    QLabel *m_stepTitle = nullptr;
    QLabel *m_stepDescription = nullptr;
    QWidget *m_stepFields = nullptr;
    QSlider *m_probabilitySlider = nullptr;
    QDoubleSpinBox *m_probabilitySpin = nullptr;
    QDoubleSpinBox *m_alphaSpin = nullptr;
    QLabel *m_alphaLabel = nullptr;
    QLabel *m_stepError = nullptr;
    QRadioButton *m_typedButton = nullptr;
    QRadioButton *m_datasetButton = nullptr;
    QPlainTextEdit *m_textEdit = nullptr;
    QSpinBox *m_sampleSpin = nullptr;
    QLineEdit *m_seedEdit = nullptr;
    QSpinBox *m_epochSpin = nullptr;
    QSpinBox *m_variantsSpin = nullptr;
    QTextBrowser *m_output = nullptr;
};

} // namespace mf
