#pragma once

#include <QString>
#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QToolButton;

namespace mf {

class NoticeLabel;

class AugmentDatasetLoader;
class AugmentPipeline;
class MessagePanel;
class PipelineEditor;
class PipelineModel;
class PreviewModel;
class PreviewPanel;
class TextAugmentPanel;
struct DatasetBundle;

/// The Augment section: a pipeline editor beside a live preview grid of seeded variants, and
/// saving and loading pipelines as JSON (by default in <workspace>/pipelines/). The preview
/// draws exactly what a training run with the same seed and epoch trains on: sample i is the
/// training part's sample i as loaded, before any validation split. A second tab does the same
/// for text (TextAugmentPanel); the pipeline functions of this class are the image tab's.
class AugmentPage : public QWidget
{
    Q_OBJECT
public:
    explicit AugmentPage(const QString &workspaceDir = QString(), QWidget *parent = nullptr);
    ~AugmentPage() override;

    /// Where "Save" suggests to put pipelines: <workspace>/pipelines.
    void setWorkspace(const QString &dir);
    QString pipelineDirectory() const;

    /// Previews `bundle`'s training part (for instance the dataset the Datasets page loaded).
    void setDataset(std::shared_ptr<const DatasetBundle> bundle, const QString &path);
    /// Loads a dataset on a worker thread; setDataset() follows, or an error state.
    void openDataset(const QString &path);
    QString datasetPath() const { return m_datasetPath; }
    /// The Fashion-MNIST directory offered when no dataset is open; empty when it is missing.
    static QString fashionMnistPath();

    /// The file the pipeline was last loaded from or saved to; empty for a new pipeline.
    QString pipelinePath() const { return m_pipelinePath; }
    /// Reads `path`; on failure the message names the file and the key, and the pipeline stays.
    bool loadPipeline(const QString &path);
    /// Writes the pipeline to `path` atomically; emits pipelineSaved() on success.
    bool savePipeline(const QString &path);
    /// An empty pipeline, not saved anywhere.
    void newPipeline();
    void setPipeline(const AugmentPipeline &pipeline);
    /// Crop, flip and colour jitter on Fashion-MNIST when it is installed (for screenshots).
    void showDemo();
    bool isModified() const { return m_modified; }

    /// The last error or notice shown under the tool bar.
    QString messageText() const;
    bool messageIsError() const;

    PipelineModel *pipelineModel() const { return m_pipelineModel; }
    PreviewModel *previewModel() const { return m_previewModel; }
    PipelineEditor *editor() const { return m_editor; }
    PreviewPanel *previewPanel() const { return m_previewPanel; }
    TextAugmentPanel *textPanel() const { return m_textPanel; }
    /// Shows the image tab (0) or the text tab (1).
    void showTab(int tab);
    MessagePanel *emptyState() const { return m_emptyState; }
    /// True when the preview grid (not the empty, loading or error state) is shown.
    bool isPreviewShown() const;
    /// A dataset is loading or the grid has not caught up with the latest change yet.
    bool isBusy() const;

Q_SIGNALS:
    /// An image pipeline file was written; the Train page can offer it.
    void pipelineSaved(const QString &path);
    /// A text pipeline file was written.
    void textPipelineSaved(const QString &path);
    void datasetChanged(const QString &path);
    void datasetFailed(const QString &path, const QString &reason);

private:
    void chooseDataset();
    void choosePipelineToLoad();
    bool saveToCurrentFile();
    bool chooseFileAndSave();
    bool confirmDiscard();
    void showMessage(const QString &text, bool error);
    void showState(const QString &title, const QString &text, bool error, bool offerOpen);
    void updateLabels();

    QString m_workspace;
    QString m_datasetPath;
    QString m_pipelinePath;
    bool m_modified = false;

    PipelineModel *m_pipelineModel;
    PreviewModel *m_previewModel;
    AugmentDatasetLoader *m_loader;
    PipelineEditor *m_editor;
    PreviewPanel *m_previewPanel;
    QStackedWidget *m_stack;
    QWidget *m_emptyPage;
    MessagePanel *m_emptyState;
    QPushButton *m_emptyOpenButton;
    QPushButton *m_emptyFashionButton;
    QToolButton *m_openDatasetButton;
    QLabel *m_datasetLabel;
    QLabel *m_pipelineLabel;
    NoticeLabel *m_message;
    QSplitter *m_splitter;
    QTabWidget *m_tabs;
    TextAugmentPanel *m_textPanel;
};

} // namespace mf
