#include "app/gui/augment/textaugmentpanel.h"

#include "app/gui/augment/augmentdatasetloader.h"
#include "app/gui/augment/textpipelinemodel.h"
#include "core/text/textaugmentpipeline.h"
#include "core/text/textdataset.h"
#include "core/text/textpipelinefile.h"
#include "core/util/atomicfile.h"
#include "core/util/error.h"
#include "widgets/noticelabel.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDir>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QRegularExpressionValidator>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QSplitter>
#include <QStyle>
#include <QTextBrowser>
#include <QThread>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

namespace mf {

namespace {

const char *const kErrorStyle = "color: #b3261e;";

QToolButton *toolButton(const QString &objectName, const QIcon &icon, const QString &text,
                        const QString &toolTip)
{
    auto *button = new QToolButton;
    button->setObjectName(objectName);
    button->setIcon(icon);
    button->setText(text);
    button->setToolTip(toolTip);
    button->setToolButtonStyle(icon.isNull() ? Qt::ToolButtonTextOnly
                                             : Qt::ToolButtonTextBesideIcon);
    button->setAutoRaise(!icon.isNull());
    return button;
}

QLabel *boldLabel(const QString &text)
{
    auto *label = new QLabel(text);
    QFont font = label->font();
    font.setBold(true);
    label->setFont(font);
    return label;
}

QString displayName(const QString &path)
{
    const QFileInfo info(path);
    return info.fileName().isEmpty() ? QDir::toNativeSeparators(path) : info.fileName();
}

} // namespace

TextAugmentPanel::TextAugmentPanel(QWidget *parent)
    : QWidget(parent), m_model(new TextPipelineModel(this)),
      m_loader(new AugmentDatasetLoader(this)), m_thread(new QThread(this)),
      m_worker(new TextPreviewWorker)
{
    setObjectName(QStringLiteral("textAugmentPanel"));
    qRegisterMetaType<mf::TextPreviewResult>();
    m_thread->setObjectName(QStringLiteral("text augment preview"));
    m_worker->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &TextPreviewWorker::rendered, this, &TextAugmentPanel::show,
            Qt::QueuedConnection);
    m_thread->start();

    QToolButton *openButton =
        toolButton(QStringLiteral("openTextDatasetButton"),
                   style()->standardIcon(QStyle::SP_DirOpenIcon), tr("Text Dataset…"),
                   tr("Open a CSV, TSV, JSON Lines or aclImdb-style text "
                      "dataset"));
    QToolButton *newButton = toolButton(QStringLiteral("newTextPipelineButton"),
                                        style()->standardIcon(QStyle::SP_FileIcon), tr("New"),
                                        tr("Start an empty text pipeline"));
    QToolButton *loadButton = toolButton(QStringLiteral("loadTextPipelineButton"),
                                         style()->standardIcon(QStyle::SP_DialogOpenButton),
                                         tr("Load…"), tr("Load a text pipeline saved as JSON"));
    QToolButton *saveButton = toolButton(QStringLiteral("saveTextPipelineButton"),
                                         style()->standardIcon(QStyle::SP_DialogSaveButton),
                                         tr("Save As…"), tr("Save the text pipeline as JSON"));
    m_datasetLabel = new QLabel;
    m_datasetLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_datasetLabel->setTextFormat(Qt::PlainText);
    m_pipelineLabel = new QLabel;
    m_pipelineLabel->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_pipelineLabel->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
    m_pipelineLabel->setTextFormat(Qt::PlainText);
    m_message = new NoticeLabel;
    m_message->setObjectName(QStringLiteral("textAugmentMessage"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(openButton);
    bar->addWidget(m_datasetLabel, 1);
    bar->addSpacing(12);
    bar->addWidget(m_pipelineLabel, 1);
    bar->addWidget(newButton);
    bar->addWidget(loadButton);
    bar->addWidget(saveButton);

    auto *splitter = new QSplitter(Qt::Horizontal);
    QWidget *editor = createEditor();
    editor->setMinimumWidth(260);
    splitter->addWidget(editor);
    splitter->addWidget(createPreview());
    splitter->setObjectName(QStringLiteral("textAugmentSplitter"));
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({320, 900});
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(m_message);
    layout->addWidget(splitter, 1);

    connect(openButton, &QToolButton::clicked, this, &TextAugmentPanel::chooseDataset);
    connect(newButton, &QToolButton::clicked, this, &TextAugmentPanel::newPipeline);
    connect(loadButton, &QToolButton::clicked, this, &TextAugmentPanel::choosePipelineToLoad);
    connect(saveButton, &QToolButton::clicked, this, &TextAugmentPanel::chooseFileAndSave);
    connect(m_model, &TextPipelineModel::pipelineChanged, this, [this] {
        m_modified = true;
        updateLabels();
        scheduleRefresh();
    });
    connect(m_loader, &AugmentDatasetLoader::textLoaded, this, &TextAugmentPanel::setDataset);
    connect(m_loader, &AugmentDatasetLoader::failed, this,
            [this](const QString &, const QString &reason) {
                showMessage(tr("The text dataset was not opened: %1").arg(reason), true);
            });

    // EDA's four operations with the strengths its authors suggest.
    for (const char *op :
         {"synonym_replacement", "random_insertion", "random_swap", "random_deletion"})
        m_model->addOperation(QString::fromLatin1(op));
    m_modified = false;
    setText(tr("The quick brown fox jumps over the lazy dog. A small change in wording should "
               "not change the label."));
    selectRow(0);
    updateLabels();
}

TextAugmentPanel::~TextAugmentPanel()
{
    m_thread->quit();
    m_thread->wait();
}

QWidget *TextAugmentPanel::createEditor()
{
    auto *editor = new QWidget;
    m_levelBox = new QComboBox;
    m_levelBox->setObjectName(QStringLiteral("textLevelBox"));
    m_levelBox->addItem(tr("Automatic"), QStringLiteral("auto"));
    m_levelBox->addItem(tr("Words"), QStringLiteral("word"));
    m_levelBox->addItem(tr("Characters (CJK)"), QStringLiteral("char"));
    m_levelBox->setToolTip(tr("What the operations work on; automatic chooses characters for "
                              "mostly Chinese, Japanese or Korean text"));
    connect(m_levelBox, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setLevel(m_levelBox->currentData().toString()); });

    m_list = new QListView;
    m_list->setObjectName(QStringLiteral("textPipelineList"));
    m_list->setModel(m_model);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setDragDropMode(QAbstractItemView::InternalMove);
    m_list->setDefaultDropAction(Qt::MoveAction);

    auto *menu = new QMenu(this);
    for (const QString &op : TextPipelineModel::operationNames()) {
        QAction *action = menu->addAction(TextPipelineModel::title(op));
        connect(action, &QAction::triggered, this, [this, op] {
            const int row = m_model->addOperation(op);
            selectRow(row);
        });
    }
    auto *addButton = toolButton(QStringLiteral("addTextStepButton"), QIcon(), tr("Add"),
                                 tr("Add an operation at the end"));
    addButton->setMenu(menu);
    addButton->setPopupMode(QToolButton::InstantPopup);
    m_removeButton = toolButton(QStringLiteral("removeTextStepButton"), QIcon(), tr("Remove"),
                                tr("Remove the selected step"));
    m_upButton = toolButton(QStringLiteral("moveTextStepUpButton"), QIcon(), QString(),
                            tr("Move the selected step up"));
    m_upButton->setArrowType(Qt::UpArrow);
    m_upButton->setToolButtonStyle(Qt::ToolButtonIconOnly);
    m_downButton = toolButton(QStringLiteral("moveTextStepDownButton"), QIcon(), QString(),
                              tr("Move the selected step down"));
    m_downButton->setArrowType(Qt::DownArrow);
    m_downButton->setToolButtonStyle(Qt::ToolButtonIconOnly);
    connect(m_removeButton, &QToolButton::clicked, this, [this] {
        const int row = m_list->currentIndex().row();
        if (row >= 0 && m_model->removeRows(row, 1))
            selectRow(std::min(row, m_model->rowCount() - 1));
    });
    connect(m_upButton, &QToolButton::clicked, this, [this] { moveSelected(-1); });
    connect(m_downButton, &QToolButton::clicked, this, [this] { moveSelected(1); });
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &TextAugmentPanel::updateForm);
    connect(m_model, &QAbstractItemModel::rowsMoved, this, &TextAugmentPanel::updateForm);
    connect(m_model, &QAbstractItemModel::modelReset, this,
            [this] { selectRow(m_model->rowCount() > 0 ? 0 : -1); });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(addButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch(1);
    buttons->addWidget(m_upButton);
    buttons->addWidget(m_downButton);

    m_stepTitle = boldLabel(QString());
    m_stepDescription = new QLabel;
    m_stepDescription->setWordWrap(true);
    m_stepDescription->setForegroundRole(QPalette::PlaceholderText);
    m_probabilitySlider = new QSlider(Qt::Horizontal);
    m_probabilitySlider->setObjectName(QStringLiteral("textProbabilitySlider"));
    m_probabilitySlider->setRange(0, 100);
    m_probabilitySpin = new QDoubleSpinBox;
    m_probabilitySpin->setObjectName(QStringLiteral("textProbabilitySpin"));
    m_probabilitySpin->setRange(0.0, 1.0);
    m_probabilitySpin->setSingleStep(0.05);
    m_alphaSpin = new QDoubleSpinBox;
    m_alphaSpin->setObjectName(QStringLiteral("textAlphaSpin"));
    m_alphaSpin->setRange(0.0, 1.0);
    m_alphaSpin->setSingleStep(0.05);
    m_alphaSpin->setToolTip(tr("EDA's strength: the share of words changed"));
    m_alphaLabel = new QLabel(tr("Alpha"));
    m_stepError = new QLabel;
    m_stepError->setWordWrap(true);
    m_stepError->setStyleSheet(QString::fromLatin1(kErrorStyle));
    m_stepError->hide();
    const auto edit = [this](const QString &key, double value) {
        const QString refusal = m_model->setParameter(m_list->currentIndex().row(), key, value);
        m_stepError->setText(refusal);
        m_stepError->setVisible(!refusal.isEmpty());
    };
    connect(m_probabilitySlider, &QSlider::valueChanged, this, [this, edit](int value) {
        const QSignalBlocker blocker(m_probabilitySpin);
        m_probabilitySpin->setValue(value / 100.0);
        edit(QStringLiteral("probability"), value / 100.0);
    });
    connect(m_probabilitySpin, &QDoubleSpinBox::valueChanged, this, [this, edit](double value) {
        const QSignalBlocker blocker(m_probabilitySlider);
        m_probabilitySlider->setValue(static_cast<int>(std::lround(value * 100.0)));
        edit(QStringLiteral("probability"), value);
    });
    connect(m_alphaSpin, &QDoubleSpinBox::valueChanged, this,
            [edit](double value) { edit(QStringLiteral("alpha"), value); });

    m_stepFields = new QWidget;
    auto *probabilityRow = new QHBoxLayout;
    probabilityRow->addWidget(m_probabilitySlider, 1);
    probabilityRow->addWidget(m_probabilitySpin);
    auto *form = new QFormLayout(m_stepFields);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Probability"), probabilityRow);
    form->addRow(m_alphaLabel, m_alphaSpin);

    auto *levelRow = new QFormLayout;
    levelRow->addRow(tr("Level"), m_levelBox);

    auto *layout = new QVBoxLayout(editor);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(boldLabel(tr("Text pipeline")));
    layout->addLayout(levelRow);
    layout->addWidget(m_list, 2);
    layout->addLayout(buttons);
    layout->addWidget(m_stepTitle);
    layout->addWidget(m_stepDescription);
    layout->addWidget(m_stepFields);
    layout->addWidget(m_stepError);
    layout->addStretch(1);
    return editor;
}

QWidget *TextAugmentPanel::createPreview()
{
    auto *preview = new QWidget;
    m_typedButton = new QRadioButton(tr("T&yped text"));
    m_typedButton->setObjectName(QStringLiteral("typedTextButton"));
    m_datasetButton = new QRadioButton(tr("Dataset &sample"));
    m_datasetButton->setObjectName(QStringLiteral("datasetSampleButton"));
    m_typedButton->setChecked(true);
    auto *group = new QButtonGroup(preview);
    group->addButton(m_typedButton);
    group->addButton(m_datasetButton);
    m_sampleSpin = new QSpinBox;
    m_sampleSpin->setObjectName(QStringLiteral("textSampleSpin"));
    m_sampleSpin->setRange(0, std::numeric_limits<int>::max());
    m_sampleSpin->setToolTip(tr("The sample index the draws are made for: a training sample's "
                                "index in the dataset as loaded"));
    m_textEdit = new QPlainTextEdit;
    m_textEdit->setObjectName(QStringLiteral("textInput"));
    m_textEdit->setMaximumHeight(96);
    m_seedEdit = new QLineEdit(QString::number(m_request.seed));
    m_seedEdit->setObjectName(QStringLiteral("textSeedEdit"));
    m_seedEdit->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[0-9]{1,20}")), m_seedEdit));
    m_seedEdit->setMaximumWidth(180);
    m_epochSpin = new QSpinBox;
    m_epochSpin->setObjectName(QStringLiteral("textEpochSpin"));
    m_epochSpin->setRange(1, 1000000);
    m_epochSpin->setValue(m_request.epoch);
    m_variantsSpin = new QSpinBox;
    m_variantsSpin->setObjectName(QStringLiteral("textVariantsSpin"));
    m_variantsSpin->setRange(1, 32);
    m_variantsSpin->setValue(m_request.variants);
    m_output = new QTextBrowser;
    m_output->setObjectName(QStringLiteral("textVariants"));

    auto *sourceRow = new QHBoxLayout;
    sourceRow->addWidget(m_typedButton);
    sourceRow->addWidget(m_datasetButton);
    auto *sampleLabel = new QLabel(tr("Sample &index:"));
    sampleLabel->setBuddy(m_sampleSpin);
    sourceRow->addSpacing(8);
    sourceRow->addWidget(sampleLabel);
    sourceRow->addWidget(m_sampleSpin);
    sourceRow->addStretch(1);
    auto *drawRow = new QHBoxLayout;
    auto *seedLabel = new QLabel(tr("S&eed:"));
    seedLabel->setBuddy(m_seedEdit);
    auto *epochLabel = new QLabel(tr("E&poch:"));
    epochLabel->setBuddy(m_epochSpin);
    auto *variantsLabel = new QLabel(tr("&Variants:"));
    variantsLabel->setBuddy(m_variantsSpin);
    drawRow->addWidget(seedLabel);
    drawRow->addWidget(m_seedEdit);
    drawRow->addSpacing(8);
    drawRow->addWidget(epochLabel);
    drawRow->addWidget(m_epochSpin);
    drawRow->addSpacing(8);
    drawRow->addWidget(variantsLabel);
    drawRow->addWidget(m_variantsSpin);
    drawRow->addStretch(1);

    auto *layout = new QVBoxLayout(preview);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(sourceRow);
    layout->addWidget(m_textEdit);
    layout->addLayout(drawRow);
    layout->addWidget(m_output, 1);

    connect(m_typedButton, &QRadioButton::toggled, this, &TextAugmentPanel::updateSource);
    connect(m_sampleSpin, &QSpinBox::valueChanged, this, &TextAugmentPanel::updateSource);
    connect(m_textEdit, &QPlainTextEdit::textChanged, this, [this] {
        if (m_typedButton->isChecked()) {
            m_request.text = m_textEdit->toPlainText();
            scheduleRefresh();
        }
    });
    connect(m_seedEdit, &QLineEdit::textEdited, this, [this](const QString &text) {
        bool ok = false;
        const quint64 seed = text.toULongLong(&ok);
        if (ok && seed != m_request.seed) {
            m_request.seed = seed;
            scheduleRefresh();
        }
    });
    connect(m_epochSpin, &QSpinBox::valueChanged, this, [this](int epoch) {
        m_request.epoch = epoch;
        scheduleRefresh();
    });
    connect(m_variantsSpin, &QSpinBox::valueChanged, this, [this](int variants) {
        m_request.variants = variants;
        scheduleRefresh();
    });
    return preview;
}

void TextAugmentPanel::setWorkspace(const QString &dir)
{
    m_workspace = dir;
}

QString TextAugmentPanel::pipelineDirectory() const
{
    return m_workspace.isEmpty() ? QDir::homePath()
                                 : QDir(m_workspace).filePath(QStringLiteral("pipelines"));
}

void TextAugmentPanel::setText(const QString &text)
{
    m_typedButton->setChecked(true);
    m_textEdit->setReadOnly(false);
    m_textEdit->setPlainText(text);
    m_request.text = text;
    scheduleRefresh();
}

void TextAugmentPanel::setDataset(std::shared_ptr<const TextDatasetBundle> bundle,
                                  const QString &path)
{
    m_dataset = std::move(bundle);
    m_datasetPath = path;
    const qint64 count = m_dataset ? m_dataset->train.size() : 0;
    m_datasetButton->setEnabled(count > 0);
    if (count > 0) {
        m_datasetLabel->setText(
            tr("%1 · %2 training texts").arg(displayName(path), QLocale().toString(count)));
        m_datasetLabel->setToolTip(QDir::toNativeSeparators(path));
        {
            const QSignalBlocker blocker(m_sampleSpin);
            m_sampleSpin->setValue(0);
        }
        m_datasetButton->setChecked(true);
        updateSource();
    } else {
        m_datasetLabel->setText(tr("No text dataset"));
        m_typedButton->setChecked(true);
    }
    Q_EMIT datasetChanged(path);
}

void TextAugmentPanel::openDataset(const QString &path)
{
    if (path.isEmpty())
        return;
    showMessage(tr("Opening %1…").arg(QDir::toNativeSeparators(path)), false);
    m_loader->loadText(path);
}

void TextAugmentPanel::setSampleIndex(qint64 index)
{
    m_sampleSpin->setValue(static_cast<int>(std::min<qint64>(index, m_sampleSpin->maximum())));
}

void TextAugmentPanel::setSeed(quint64 seed)
{
    m_seedEdit->setText(QString::number(seed));
    m_request.seed = seed;
    scheduleRefresh();
}

void TextAugmentPanel::setEpoch(int epoch)
{
    m_epochSpin->setValue(epoch);
}

void TextAugmentPanel::setVariants(int variants)
{
    m_variantsSpin->setValue(variants);
}

void TextAugmentPanel::updateSource()
{
    const bool fromDataset = m_datasetButton->isChecked() && m_dataset;
    const qint64 count = m_dataset ? m_dataset->train.size() : 0;
    m_sampleSpin->setMaximum(fromDataset ? static_cast<int>(std::max<qint64>(0, count - 1))
                                         : std::numeric_limits<int>::max());
    m_request.sampleIndex = m_sampleSpin->value();
    m_textEdit->setReadOnly(fromDataset);
    if (fromDataset) {
        const QString text = QString::fromStdString(
            m_dataset->train.texts[static_cast<std::size_t>(m_sampleSpin->value())]);
        {
            const QSignalBlocker blocker(m_textEdit);
            m_textEdit->setPlainText(text);
        }
        m_request.text = text;
    } else {
        m_request.text = m_textEdit->toPlainText();
    }
    scheduleRefresh();
}

void TextAugmentPanel::selectRow(int row)
{
    if (row < 0 || row >= m_model->rowCount())
        m_list->selectionModel()->clear();
    else
        m_list->selectionModel()->setCurrentIndex(m_model->index(row),
                                                  QItemSelectionModel::ClearAndSelect);
    updateForm();
}

void TextAugmentPanel::updateForm()
{
    const QModelIndex current = m_list->currentIndex();
    const int row = current.isValid() ? current.row() : -1;
    m_removeButton->setEnabled(row >= 0);
    m_upButton->setEnabled(row > 0);
    m_downButton->setEnabled(row >= 0 && row + 1 < m_model->rowCount());
    m_stepError->hide();
    {
        const QSignalBlocker blocker(m_levelBox);
        m_levelBox->setCurrentIndex(std::max(0, m_levelBox->findData(m_model->level())));
    }
    m_stepFields->setVisible(row >= 0);
    if (row < 0) {
        m_stepTitle->setText(tr("No step selected"));
        m_stepDescription->setText(tr("Add an operation or select a step to edit it."));
        return;
    }
    const QString op = current.data(TextPipelineModel::OperationRole).toString();
    m_stepTitle->setText(tr("%1. %2").arg(row + 1).arg(TextPipelineModel::title(op)));
    m_stepDescription->setText(TextPipelineModel::description(op));
    const double probability = current.data(TextPipelineModel::ProbabilityRole).toDouble();
    const QVariant alpha = current.data(TextPipelineModel::AlphaRole);
    const QSignalBlocker sliderBlocker(m_probabilitySlider);
    const QSignalBlocker spinBlocker(m_probabilitySpin);
    const QSignalBlocker alphaBlocker(m_alphaSpin);
    m_probabilitySlider->setValue(static_cast<int>(std::lround(probability * 100.0)));
    m_probabilitySpin->setValue(probability);
    m_alphaSpin->setValue(alpha.toDouble());
    m_alphaSpin->setVisible(alpha.isValid());
    m_alphaLabel->setVisible(alpha.isValid());
}

void TextAugmentPanel::moveSelected(int offset)
{
    const int row = m_list->currentIndex().row();
    const int target = row + offset;
    if (row < 0 || target < 0 || target >= m_model->rowCount())
        return;
    m_model->moveRows(QModelIndex(), row, 1, QModelIndex(), offset > 0 ? target + 1 : target);
    selectRow(target);
}

void TextAugmentPanel::scheduleRefresh()
{
    ++m_request.generation;
    if (m_submitQueued)
        return;
    m_submitQueued = true;
    QTimer::singleShot(0, this, &TextAugmentPanel::submitRequest);
}

void TextAugmentPanel::submitRequest()
{
    m_submitQueued = false;
    m_request.pipeline = m_model->pipeline();
    m_worker->submit(m_request);
}

void TextAugmentPanel::show(const TextPreviewResult &result)
{
    if (result.generation != m_request.generation)
        return;
    m_result = result;
    m_shown = result.generation;
    if (!result.error.isEmpty()) {
        m_output->setPlainText(tr("The variants cannot be drawn: %1").arg(result.error));
    } else {
        QString html;
        for (int v = 0; v < result.texts.size(); ++v) {
            html += QStringLiteral("<p><b>%1</b><br>%2")
                        .arg(tr("Seed %1").arg(result.seeds[v]), result.texts[v].toHtmlEscaped());
            for (const QString &line : result.drawn[v])
                html += QStringLiteral("<br><small>%1</small>").arg(line.toHtmlEscaped());
            if (result.drawn[v].isEmpty())
                html += QStringLiteral("<br><small>%1</small>").arg(tr("No operation applied"));
            html += QStringLiteral("</p>");
        }
        m_output->setHtml(html);
    }
    Q_EMIT refreshed();
}

bool TextAugmentPanel::loadPipeline(const QString &path)
{
    try {
        m_model->setPipeline(loadTextAugmentPipeline(QFile::encodeName(path).toStdString()));
    } catch (const Error &error) {
        showMessage(
            tr("The text pipeline was not loaded: %1").arg(QString::fromStdString(error.what())),
            true);
        return false;
    }
    m_pipelinePath = path;
    m_modified = false;
    showMessage(tr("Loaded %1.").arg(QDir::toNativeSeparators(path)), false);
    updateLabels();
    return true;
}

bool TextAugmentPanel::savePipeline(const QString &path)
{
    try {
        writeFileAtomically(QFile::encodeName(path).toStdString(),
                            m_model->pipeline()->toJson().dump(2) + "\n");
    } catch (const Error &error) {
        showMessage(
            tr("The text pipeline was not saved: %1").arg(QString::fromStdString(error.what())),
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

void TextAugmentPanel::newPipeline()
{
    m_model->setPipeline(TextAugmentPipeline());
    m_pipelinePath.clear();
    m_modified = false;
    m_message->clearNotice();
    updateLabels();
}

bool TextAugmentPanel::messageIsError() const
{
    return m_message->isError();
}

QString TextAugmentPanel::messageText() const
{
    return m_message->notice();
}

void TextAugmentPanel::chooseDataset()
{
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Open Text Dataset"), m_datasetPath.isEmpty() ? QDir::homePath() : m_datasetPath,
        tr("Text datasets (*.csv *.tsv *.jsonl);;All files (*)"));
    if (!path.isEmpty())
        openDataset(path);
}

void TextAugmentPanel::choosePipelineToLoad()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Load Text Pipeline"),
                                                      m_pipelinePath.isEmpty() ? pipelineDirectory()
                                                                               : m_pipelinePath,
                                                      tr("Pipelines (*.json);;All files (*)"));
    if (!path.isEmpty())
        loadPipeline(path);
}

bool TextAugmentPanel::chooseFileAndSave()
{
    const QString directory = pipelineDirectory();
    QDir().mkpath(directory);
    const QString suggestion = m_pipelinePath.isEmpty()
                                   ? QDir(directory).filePath(QStringLiteral("text-pipeline.json"))
                                   : m_pipelinePath;
    QString path = QFileDialog::getSaveFileName(this, tr("Save Text Pipeline"), suggestion,
                                                tr("Pipelines (*.json)"));
    if (path.isEmpty())
        return false;
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".json");
    return savePipeline(path);
}

void TextAugmentPanel::showMessage(const QString &text, bool error)
{
    m_message->showNotice(text, error);
}

void TextAugmentPanel::updateLabels()
{
    if (!m_dataset)
        m_datasetLabel->setText(tr("No text dataset: typed text"));
    const QString name =
        m_pipelinePath.isEmpty() ? tr("Unsaved text pipeline") : displayName(m_pipelinePath);
    m_pipelineLabel->setText(m_modified ? tr("%1 (modified)").arg(name) : name);
    m_pipelineLabel->setToolTip(QDir::toNativeSeparators(m_pipelinePath));
}

} // namespace mf
