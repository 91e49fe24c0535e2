#include "app/gui/augment/augmentpage.h"

#include "app/gui/augment/augmentdatasetloader.h"
#include "app/gui/augment/pipelineeditor.h"
#include "app/gui/augment/pipelinemodel.h"
#include "app/gui/augment/previewmodel.h"
#include "app/gui/augment/previewpanel.h"
#include "app/gui/augment/textaugmentpanel.h"
#include "app/gui/samples/sampledatasets.h"
#include "core/augment/pipelinefile.h"
#include "core/data/dataset.h"
#include "core/util/error.h"
#include "widgets/messagepanel.h"
#include "widgets/noticelabel.h"

#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace mf {

namespace {

QToolButton *toolButton(const QString &objectName, const QIcon &icon, const QString &text,
                        const QString &toolTip)
{
    auto *button = new QToolButton;
    button->setObjectName(objectName);
    button->setIcon(icon);
    button->setText(text);
    button->setToolTip(toolTip);
    button->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    button->setAutoRaise(true);
    return button;
}

QString displayName(const QString &path)
{
    const QFileInfo info(path);
    return info.fileName().isEmpty() ? QDir::toNativeSeparators(path) : info.fileName();
}

/// "Fashion-MNIST · 60,000 training images, 1 × 28 × 28".
QString datasetSummary(const Dataset &train, const QString &path)
{
    const QLocale locale;
    QString text = displayName(path);
    if (train.kind != DatasetKind::Image)
        return AugmentPage::tr("%1 · a table of %2 rows").arg(text, locale.toString(train.size()));
    const std::vector<std::int64_t> shape = train.sampleShape();
    QStringList dims;
    for (std::int64_t dim : shape)
        dims.append(locale.toString(static_cast<qlonglong>(dim)));
    return AugmentPage::tr("%1 · %2 training images, %3")
        .arg(text, locale.toString(train.size()), dims.join(QStringLiteral(" × ")));
}

} // namespace

AugmentPage::AugmentPage(const QString &workspaceDir, QWidget *parent)
    : QWidget(parent), m_pipelineModel(new PipelineModel(this)),
      m_previewModel(new PreviewModel(this)), m_loader(new AugmentDatasetLoader(this)),
      m_editor(new PipelineEditor(m_pipelineModel)),
      m_previewPanel(new PreviewPanel(m_previewModel)), m_stack(new QStackedWidget),
      m_emptyPage(new QWidget), m_emptyState(new MessagePanel),
      m_emptyOpenButton(new QPushButton(tr("Open Dataset…"))),
      m_emptyFashionButton(new QPushButton(tr("Use Fashion-MNIST"))),
      m_openDatasetButton(toolButton(QStringLiteral("openDatasetButton"),
                                     style()->standardIcon(QStyle::SP_DirOpenIcon), tr("Dataset…"),
                                     tr("Open a dataset to preview"))),
      m_datasetLabel(new QLabel), m_pipelineLabel(new QLabel), m_message(new NoticeLabel),
      m_splitter(new QSplitter(Qt::Horizontal)), m_tabs(new QTabWidget),
      m_textPanel(new TextAugmentPanel)
{
    setObjectName(QStringLiteral("augmentPage"));
    QToolButton *newButton =
        toolButton(QStringLiteral("newPipelineButton"), style()->standardIcon(QStyle::SP_FileIcon),
                   tr("New"), tr("Start an empty pipeline"));
    QToolButton *loadButton = toolButton(QStringLiteral("loadPipelineButton"),
                                         style()->standardIcon(QStyle::SP_DialogOpenButton),
                                         tr("Load…"), tr("Load a pipeline saved as JSON"));
    QToolButton *saveButton = toolButton(QStringLiteral("savePipelineButton"),
                                         style()->standardIcon(QStyle::SP_DialogSaveButton),
                                         tr("Save"), tr("Save the pipeline as JSON"));
    QToolButton *saveAsButton = toolButton(QStringLiteral("savePipelineAsButton"),
                                           style()->standardIcon(QStyle::SP_DialogSaveButton),
                                           tr("Save As…"), tr("Save the pipeline to another file"));

    m_datasetLabel->setObjectName(QStringLiteral("datasetLabel"));
    m_datasetLabel->setTextFormat(Qt::PlainText);
    m_datasetLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_pipelineLabel->setObjectName(QStringLiteral("pipelineLabel"));
    m_pipelineLabel->setTextFormat(Qt::PlainText);
    m_pipelineLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_pipelineLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_message->setObjectName(QStringLiteral("augmentMessage"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_openDatasetButton);
    bar->addWidget(m_datasetLabel, 1);
    bar->addSpacing(12);
    bar->addWidget(m_pipelineLabel, 1);
    bar->addWidget(newButton);
    bar->addWidget(loadButton);
    bar->addWidget(saveButton);
    bar->addWidget(saveAsButton);

    m_emptyOpenButton->setObjectName(QStringLiteral("emptyOpenDatasetButton"));
    m_emptyFashionButton->setObjectName(QStringLiteral("fashionMnistButton"));
    m_emptyFashionButton->setToolTip(QDir::toNativeSeparators(mf::fashionMnistPath()));
    auto *emptyButtons = new QHBoxLayout;
    emptyButtons->addStretch(1);
    emptyButtons->addWidget(m_emptyOpenButton);
    emptyButtons->addWidget(m_emptyFashionButton);
    emptyButtons->addStretch(1);
    auto *emptyLayout = new QVBoxLayout(m_emptyPage);
    emptyLayout->addWidget(m_emptyState, 3);
    emptyLayout->addLayout(emptyButtons);
    emptyLayout->addStretch(2);
    m_stack->addWidget(m_emptyPage);
    m_stack->addWidget(m_previewPanel);

    m_editor->setMinimumWidth(260);
    m_splitter->addWidget(m_editor);
    m_splitter->addWidget(m_stack);
    m_splitter->setObjectName(QStringLiteral("augmentSplitter"));
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({320, 900});
    m_splitter->setChildrenCollapsible(false);

    auto *imageTab = new QWidget;
    auto *imageLayout = new QVBoxLayout(imageTab);
    imageLayout->addLayout(bar);
    imageLayout->addWidget(m_message);
    imageLayout->addWidget(m_splitter, 1);
    auto *textTab = new QWidget;
    auto *textLayout = new QVBoxLayout(textTab);
    textLayout->addWidget(m_textPanel);
    m_tabs->setObjectName(QStringLiteral("augmentTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(imageTab, tr("Images"));
    m_tabs->addTab(textTab, tr("Text"));
    m_tabs->setTabToolTip(0, tr("Augment image datasets"));
    m_tabs->setTabToolTip(1, tr("Augment text with EDA operations"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    connect(m_textPanel, &TextAugmentPanel::pipelineSaved, this, &AugmentPage::textPipelineSaved);

    connect(m_openDatasetButton, &QToolButton::clicked, this, &AugmentPage::chooseDataset);
    connect(m_emptyOpenButton, &QPushButton::clicked, this, &AugmentPage::chooseDataset);
    connect(m_emptyFashionButton, &QPushButton::clicked, this,
            [this] { openDataset(fashionMnistPath()); });
    connect(newButton, &QToolButton::clicked, this, [this] {
        if (confirmDiscard())
            newPipeline();
    });
    connect(loadButton, &QToolButton::clicked, this, &AugmentPage::choosePipelineToLoad);
    connect(saveButton, &QToolButton::clicked, this, &AugmentPage::saveToCurrentFile);
    connect(saveAsButton, &QToolButton::clicked, this, &AugmentPage::chooseFileAndSave);
    connect(m_pipelineModel, &PipelineModel::pipelineChanged, this, [this] {
        m_previewModel->setPipeline(m_pipelineModel->pipeline());
        m_modified = true;
        updateLabels();
    });
    connect(m_loader, &AugmentDatasetLoader::loaded, this, &AugmentPage::setDataset);
    connect(m_loader, &AugmentDatasetLoader::failed, this,
            [this](const QString &path, const QString &reason) {
                showState(tr("The dataset cannot be opened"), reason, true, true);
                Q_EMIT datasetFailed(path, reason);
            });

    // A useful start: the variants differ from the originals at once.
    m_pipelineModel->addOperation(QStringLiteral("random_crop"));
    m_pipelineModel->setParameter(0, QStringLiteral("padding"), QVariant::fromValue(qlonglong(2)));
    m_pipelineModel->addOperation(QStringLiteral("horizontal_flip"));
    m_editor->selectRow(0);
    m_modified = false;
    m_previewModel->setPipeline(m_pipelineModel->pipeline());

    showState(tr("No dataset open"),
              tr("Open an image dataset to preview the pipeline on its samples. The preview "
                 "shows what training with the same seed and epoch feeds the model."),
              false, true);
    setWorkspace(workspaceDir);
}

AugmentPage::~AugmentPage() = default;

QString AugmentPage::fashionMnistPath()
{
    return installedFashionMnistPath();
}

void AugmentPage::setWorkspace(const QString &dir)
{
    m_workspace = dir;
    m_textPanel->setWorkspace(dir);
}

void AugmentPage::showTab(int tab)
{
    m_tabs->setCurrentIndex(tab);
}

QString AugmentPage::pipelineDirectory() const
{
    return m_workspace.isEmpty() ? QDir::homePath()
                                 : QDir(m_workspace).filePath(QStringLiteral("pipelines"));
}

bool AugmentPage::isPreviewShown() const
{
    return m_stack->currentWidget() == m_previewPanel;
}

bool AugmentPage::isBusy() const
{
    return m_loader->isLoading() || (isPreviewShown() && m_previewModel->isPending());
}

void AugmentPage::setDataset(std::shared_ptr<const DatasetBundle> bundle, const QString &path)
{
    m_datasetPath = path;
    if (!bundle) {
        m_previewModel->setDataset(nullptr);
        showState(tr("No dataset open"), tr("Open an image dataset to preview the pipeline."),
                  false, true);
        updateLabels();
        return;
    }
    const Dataset &train = bundle->train;
    m_datasetLabel->setText(datasetSummary(train, path));
    m_datasetLabel->setToolTip(QDir::toNativeSeparators(path));
    if (train.kind != DatasetKind::Image || train.size() == 0) {
        m_previewModel->setDataset(nullptr);
        showState(
            tr("Nothing to augment"),
            train.kind != DatasetKind::Image
                ? tr("%1 holds a table; augmentation applies to images.").arg(displayName(path))
                : tr("%1 holds no training images.").arg(displayName(path)),
            false, true);
        Q_EMIT datasetChanged(path);
        return;
    }
    m_previewModel->setDataset(bundle);
    QVector<qint64> samples;
    for (qint64 i = 0; i < std::min<qint64>(4, train.size()); ++i)
        samples.append(i);
    m_previewPanel->setSamples(samples);
    m_stack->setCurrentWidget(m_previewPanel);
    Q_EMIT datasetChanged(path);
}

void AugmentPage::openDataset(const QString &path)
{
    if (path.isEmpty())
        return;
    showState(tr("Opening %1…").arg(displayName(path)), QDir::toNativeSeparators(path), false,
              false);
    m_loader->load(path);
}

void AugmentPage::chooseDataset()
{
    const QString start = m_datasetPath.isEmpty() ? fashionMnistPath() : m_datasetPath;
    const QString path = QFileDialog::getExistingDirectory(
        this, tr("Open Dataset Directory"), start.isEmpty() ? QDir::homePath() : start);
    if (!path.isEmpty())
        openDataset(path);
}

bool AugmentPage::loadPipeline(const QString &path)
{
    try {
        setPipeline(loadAugmentPipeline(QFile::encodeName(path).toStdString()));
    } catch (const Error &error) {
        showMessage(tr("The pipeline was not loaded: %1").arg(QString::fromStdString(error.what())),
                    true);
        return false;
    }
    m_pipelinePath = path;
    m_modified = false;
    showMessage(tr("Loaded %1.").arg(QDir::toNativeSeparators(path)), false);
    updateLabels();
    return true;
}

bool AugmentPage::savePipeline(const QString &path)
{
    try {
        saveAugmentPipeline(QFile::encodeName(path).toStdString(), *m_pipelineModel->pipeline());
    } catch (const Error &error) {
        showMessage(tr("The pipeline was not saved: %1").arg(QString::fromStdString(error.what())),
                    true);
        return false;
    }
    m_pipelinePath = path;
    m_modified = false;
    showMessage(tr("Saved %1.").arg(QDir::toNativeSeparators(path)), false);
    updateLabels();
    Q_EMIT pipelineSaved(path);
    return true;
}

void AugmentPage::newPipeline()
{
    m_pipelineModel->setPipeline(AugmentPipeline());
    m_pipelinePath.clear();
    m_modified = false;
    m_message->clearNotice();
    updateLabels();
}

void AugmentPage::setPipeline(const AugmentPipeline &pipeline)
{
    m_pipelineModel->setPipeline(pipeline);
}

void AugmentPage::showDemo()
{
    setPipeline(AugmentPipeline::fromJson(nlohmann::json::parse(R"({"operations": [
        {"op": "random_crop", "padding": 3},
        {"op": "horizontal_flip"},
        {"op": "rotation", "degrees": [-12, 12], "probability": 0.5},
        {"op": "brightness", "strength": 0.3},
        {"op": "contrast", "strength": 0.3},
        {"op": "random_erasing", "scale": [0.02, 0.15], "probability": 0.3}]})")));
    m_modified = false;
    updateLabels();
    m_previewPanel->setShowDrawn(false);
    if (m_previewModel->dataset() == nullptr && !fashionMnistPath().isEmpty())
        openDataset(fashionMnistPath());
}

bool AugmentPage::messageIsError() const
{
    return m_message->isError();
}

QString AugmentPage::messageText() const
{
    return m_message->notice();
}

void AugmentPage::choosePipelineToLoad()
{
    if (!confirmDiscard())
        return;
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Load Pipeline"), m_pipelinePath.isEmpty() ? pipelineDirectory() : m_pipelinePath,
        tr("Pipelines (*.json);;All files (*)"));
    if (!path.isEmpty())
        loadPipeline(path);
}

bool AugmentPage::saveToCurrentFile()
{
    return m_pipelinePath.isEmpty() ? chooseFileAndSave() : savePipeline(m_pipelinePath);
}

bool AugmentPage::chooseFileAndSave()
{
    const QString directory = pipelineDirectory();
    QDir().mkpath(directory);
    const QString suggestion = m_pipelinePath.isEmpty()
                                   ? QDir(directory).filePath(QStringLiteral("pipeline.json"))
                                   : m_pipelinePath;
    QString path = QFileDialog::getSaveFileName(this, tr("Save Pipeline"), suggestion,
                                                tr("Pipelines (*.json)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".json");
    return savePipeline(path);
}

bool AugmentPage::confirmDiscard()
{
    if (!m_modified || m_pipelineModel->rowCount() == 0)
        return true;
    return QMessageBox::question(this, tr("Discard Changes?"),
                                 tr("The pipeline has changes that are not saved. Discard them?"),
                                 QMessageBox::Discard | QMessageBox::Cancel,
                                 QMessageBox::Cancel) == QMessageBox::Discard;
}

void AugmentPage::showMessage(const QString &text, bool error)
{
    m_message->showNotice(text, error);
}

void AugmentPage::showState(const QString &title, const QString &text, bool error, bool offerOpen)
{
    m_emptyState->setMessage(error ? MessagePanel::Kind::Error : MessagePanel::Kind::Information,
                             title, text);
    m_emptyOpenButton->setVisible(offerOpen);
    m_emptyFashionButton->setVisible(offerOpen && !fashionMnistPath().isEmpty());
    m_stack->setCurrentWidget(m_emptyPage);
    updateLabels();
}

void AugmentPage::updateLabels()
{
    if (m_datasetPath.isEmpty())
        m_datasetLabel->setText(tr("No dataset"));
    const QString name =
        m_pipelinePath.isEmpty() ? tr("Unsaved pipeline") : displayName(m_pipelinePath);
    m_pipelineLabel->setText(m_modified ? tr("%1 (modified)").arg(name) : name);
    m_pipelineLabel->setToolTip(QDir::toNativeSeparators(m_pipelinePath));
}

} // namespace mf
