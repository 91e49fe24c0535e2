#include "app/gui/train/trainconfigform.h"

#include "app/gui/samples/sampledatasets.h"
#include "app/gui/train/finetunefields.h"
#include "app/gui/train/integerlist.h"
#include "app/gui/train/localtrainingjob.h"
#include "app/gui/train/parallelfields.h"
#include "app/gui/train/textmodelfields.h"
#include "app/gui/train/textsettingsfields.h"
#include "app/gui/train/trainpresets.h"
#include "core/data/datasetlayout.h"
#include "core/models/modelspec.h"
#include "core/text/textdataset.h"
#include "core/train/trainconfig.h"

#include <QAbstractButton>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QRegularExpression>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStyle>
#include <QThreadPool>
#include <QToolButton>
#include <QVBoxLayout>

#include <nlohmann/json.hpp>

namespace mf {

namespace {

QDoubleSpinBox *numberBox(double min, double max, int decimals, double step)
{
    auto *box = new QDoubleSpinBox;
    box->setRange(min, max);
    box->setDecimals(decimals);
    box->setSingleStep(step);
    box->setAccelerated(true);
    return box;
}

QSpinBox *integerBox(int min, int max)
{
    auto *box = new QSpinBox;
    box->setRange(min, max);
    box->setAccelerated(true);
    return box;
}

QComboBox *choiceBox(const QStringList &values)
{
    auto *box = new QComboBox;
    for (const QString &value : values)
        box->addItem(value, value);
    return box;
}

void selectData(QComboBox *box, const QString &value)
{
    int index = box->findData(value);
    if (index < 0) {
        box->addItem(value, value);
        index = box->count() - 1;
    }
    box->setCurrentIndex(index);
}

QString dataOf(const QComboBox *box)
{
    return box->currentData().toString();
}

const char *layersKeyOf(const std::string &type)
{
    if (type == "mlp")
        return "hidden";
    if (type == "resnet")
        return "channels";
    return "conv";
}

/// A text type's spec without vocab_size: the run's vocabulary sets it.
nlohmann::json modelDefaults(const std::string &type)
{
    nlohmann::json spec = defaultModelSpec(type);
    spec.erase("vocab_size");
    return spec;
}

/// Offers item `index` of `box` (enables it) when `whyNot` is empty; else disables it and says
/// why in its tooltip.
void offerItem(QComboBox *box, int index, const QString &whyNot)
{
    auto *model = qobject_cast<QStandardItemModel *>(box->model());
    if (QStandardItem *item = model ? model->item(index) : nullptr)
        item->setEnabled(whyNot.isEmpty());
    if (!whyNot.isEmpty())
        box->setItemData(index, whyNot, Qt::ToolTipRole);
}

} // namespace

QString TrainConfigForm::fieldKeyOf(const QString &problem) const
{
    static const QRegularExpression keyPattern(QStringLiteral("^([a-z_0-9]+(\\.[a-z_0-9]+)*)"));
    const QString key = keyPattern.match(problem).captured(1);
    if (key.startsWith(QLatin1String("model.")) && textModelChosen()) {
        const QString specKey = key.mid(6).section(QLatin1Char('.'), 0, 0);
        const QString field = m_textModel->fieldKeyOf(specKey.toStdString());
        if (!field.isEmpty())
            return field;
        const QString shared = QStringLiteral("model.") + specKey; // dropout, activation, init
        return m_fields.contains(shared) ? shared : QStringLiteral("model.type");
    }
    if (key.startsWith(QLatin1String("model.fc")))
        return QStringLiteral("model.fc");
    if (key.startsWith(QLatin1String("model.blocks")))
        return QStringLiteral("model.blocks");
    if (key.startsWith(QLatin1String("model")))
        return QStringLiteral("model.layers");
    return key;
}

TrainConfigForm::TrainConfigForm(QWidget *parent) : QWidget(parent)
{
    m_preset = new QComboBox;
    m_presetDescription = new QLabel;
    m_presetDescription->setWordWrap(true);
    m_presetDescription->setStyleSheet(QStringLiteral("color: palette(mid);"));
    for (const TrainPreset &preset : trainPresets()) {
        m_preset->addItem(preset.title, preset.key);
        m_preset->setItemData(m_preset->count() - 1, preset.description, Qt::ToolTipRole);
    }
    m_preset->addItem(tr("Custom"), QString());

    m_problemLabel = new QLabel;
    m_problemLabel->setWordWrap(true);
    m_problemLabel->setTextFormat(Qt::PlainText);
    m_problemLabel->setStyleSheet(QStringLiteral("color: #b3261e;"));

    auto *presetRow = new QFormLayout;
    presetRow->addRow(tr("Preset"), m_preset);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(presetRow);
    layout->addWidget(m_presetDescription);
    layout->addWidget(createDataGroup());
    m_text = std::make_unique<TextSettingsFields>();
    for (const auto &[key, editor] : m_text->fields())
        addField(key, editor);
    layout->addWidget(m_text->group());
    layout->addWidget(createModelGroup());
    auto *fineTuning = new QGroupBox(tr("Fine-tuning"));
    m_fineTune = std::make_unique<FineTuneFields>(new QFormLayout(fineTuning));
    for (const auto &[key, editor] : m_fineTune->fields())
        addField(key, editor);
    layout->addWidget(fineTuning);
    layout->addWidget(createOptimizerGroup());
    layout->addWidget(createRunGroup());
    layout->addWidget(m_problemLabel);
    layout->addStretch(1);

    connectEdits();
    updateOffers();
    connect(m_preset, &QComboBox::activated, this, [this](int index) {
        const QString key = m_preset->itemData(index).toString();
        if (!key.isEmpty())
            applyPreset(key);
    });
    m_layoutTimer.setSingleShot(true);
    m_layoutTimer.setInterval(250);
    connect(&m_layoutTimer, &QTimer::timeout, this,
            &TrainConfigForm::checkDatasetLayoutInBackground);
    // The first preset whole, data included; later presets keep the data set up here.
    setConfigJson(trainPresets().constFirst().configJson);
    applyPreset(trainPresets().constFirst().key);
    fitNarrowPanes();
}

TrainConfigForm::~TrainConfigForm() = default;

void TrainConfigForm::fitNarrowPanes()
{
    // The form shares the Train page with the dashboard. A combo box is as wide as its longest
    // item by default and a form row as wide as label plus field; either pushes the form past a
    // 1280x800 window's pane. Rows wrap their field under the label instead, and combos elide.
    for (QFormLayout *form : findChildren<QFormLayout *>())
        form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    // The Model group hides the rows of the types not chosen. Qt 6.4's QFormLayout computes the
    // wrapped (height-for-width) layout with stale row indices of hidden rows, which leaves rows
    // shown later with no height; unwrapped rows are laid out right, and these are short.
    m_modelForm->setRowWrapPolicy(QFormLayout::DontWrapRows);
    for (QComboBox *box : findChildren<QComboBox *>()) {
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        box->setMinimumContentsLength(10);
    }
}

void TrainConfigForm::addField(const QString &key, QWidget *editor)
{
    editor->setObjectName(key);
    m_fields.insert(key, editor);
}

QWidget *TrainConfigForm::createDataGroup()
{
    auto *group = new QGroupBox(tr("Data"));
    auto *form = new QFormLayout(group);

    m_dataset = new QLineEdit;
    m_dataset->setPlaceholderText(
        tr("Folder or file: MNIST, CIFAR, image folder, CSV, text (CSV, TSV, JSONL, aclImdb)"));
    auto *datasetFile = new QToolButton;
    datasetFile->setText(tr("File…"));
    auto *datasetFolder = new QToolButton;
    datasetFolder->setText(tr("Folder…"));
    connect(datasetFile, &QToolButton::clicked, this, [this] { browseDataset(false); });
    connect(datasetFolder, &QToolButton::clicked, this, [this] { browseDataset(true); });
    auto *datasetRow = new QHBoxLayout;
    datasetRow->addWidget(m_dataset, 1);
    datasetRow->addWidget(datasetFile);
    datasetRow->addWidget(datasetFolder);
    form->addRow(tr("Dataset"), datasetRow);
    addField(QStringLiteral("dataset"), m_dataset);

    m_augmentation = new QLineEdit;
    m_augmentation->setPlaceholderText(tr("None, or a pipeline saved in Augment"));
    m_augmentation->setClearButtonEnabled(true);
    m_augmentationBrowse = new QToolButton;
    m_augmentationBrowse->setText(tr("Browse…"));
    connect(m_augmentationBrowse, &QToolButton::clicked, this,
            &TrainConfigForm::browseAugmentation);
    auto *augmentationRow = new QHBoxLayout;
    augmentationRow->addWidget(m_augmentation, 1);
    augmentationRow->addWidget(m_augmentationBrowse);
    form->addRow(tr("Augmentation"), augmentationRow);
    addField(QStringLiteral("augmentation"), m_augmentation);
    if (!supportsAugmentation()) {
        m_augmentation->setEnabled(false);
        m_augmentationBrowse->setEnabled(false);
    }

    m_validation = numberBox(0.01, 0.9, 2, 0.05);
    form->addRow(tr("Validation split"), m_validation);
    addField(QStringLiteral("validation_fraction"), m_validation);
    m_normalize = new QCheckBox(tr("Normalise each channel"));
    m_normalizeTip = tr("Subtract the training split's per-channel mean and divide by its "
                        "standard deviation");
    m_normalize->setToolTip(m_normalizeTip);
    form->addRow(QString(), m_normalize);
    addField(QStringLiteral("normalize"), m_normalize);
    return group;
}

QWidget *TrainConfigForm::createModelGroup()
{
    auto *group = new QGroupBox(tr("Model"));
    auto *form = new QFormLayout(group);
    m_modelForm = form;
    m_modelType = new QComboBox;
    m_modelType->addItem(tr("MLP"), QStringLiteral("mlp"));
    m_modelType->addItem(tr("CNN"), QStringLiteral("cnn"));
    m_modelType->addItem(tr("ResNet"), QStringLiteral("resnet"));
    m_modelType->insertSeparator(m_modelType->count());
    m_modelType->addItem(tr("RNN (SimpleRNN)"), QStringLiteral("rnn"));
    m_modelType->addItem(tr("GRU"), QStringLiteral("gru"));
    m_modelType->addItem(tr("LSTM"), QStringLiteral("lstm"));
    m_modelType->addItem(tr("Bag of embeddings"), QStringLiteral("bag"));
    m_modelType->addItem(tr("TextCNN"), QStringLiteral("textcnn"));
    m_modelType->addItem(tr("Transformer encoder"), QStringLiteral("transformer"));
    form->addRow(tr("Type"), m_modelType);
    addField(QStringLiteral("model.type"), m_modelType);
    m_objective = new QComboBox;
    m_objective->addItem(tr("Classify"), QStringLiteral("classify"));
    m_objective->addItem(tr("Pre-train: masked tokens"), QStringLiteral("masked_tokens"));
    m_objective->addItem(tr("Pre-train: next token"), QStringLiteral("next_token"));
    m_objective->setItemData(0, tr("Learn the labels"), Qt::ToolTipRole);
    m_objective->setItemData(1,
                             tr("Learn the text without its labels: predict hidden tokens (a "
                                "Transformer, or a bidirectional RNN, GRU or LSTM)"),
                             Qt::ToolTipRole);
    m_objective->setItemData(2,
                             tr("Learn the text without its labels: predict each next token (a "
                                "one-way RNN, GRU or LSTM)"),
                             Qt::ToolTipRole);
    form->addRow(tr("Objective"), m_objective);
    addField(QStringLiteral("objective"), m_objective);
    m_textModel = std::make_unique<TextModelFields>(form);
    for (const auto &[key, editor] : m_textModel->fields())
        addField(key, editor);
    m_layers = new QLineEdit;
    m_layers->setToolTip(tr("MLP: hidden widths; CNN: channels of each conv block; ResNet: "
                            "channels of each stage. Comma-separated."));
    form->addRow(tr("Layer widths"), m_layers);
    addField(QStringLiteral("model.layers"), m_layers);
    m_fc = new QLineEdit;
    m_fc->setToolTip(tr("CNN: widths of the dense layers after the conv blocks"));
    form->addRow(tr("Dense layers"), m_fc);
    addField(QStringLiteral("model.fc"), m_fc);
    m_blocks = integerBox(1, 16);
    form->addRow(tr("Blocks per stage"), m_blocks);
    addField(QStringLiteral("model.blocks"), m_blocks);
    m_batchNorm = new QCheckBox(tr("Batch normalisation"));
    form->addRow(QString(), m_batchNorm);
    addField(QStringLiteral("model.batch_norm"), m_batchNorm);
    m_activation = choiceBox({QStringLiteral("relu"), QStringLiteral("gelu"),
                              QStringLiteral("tanh"), QStringLiteral("sigmoid")});
    form->addRow(tr("Activation"), m_activation);
    addField(QStringLiteral("model.activation"), m_activation);
    m_dropout = numberBox(0.0, 0.95, 2, 0.05);
    form->addRow(tr("Dropout"), m_dropout);
    addField(QStringLiteral("model.dropout"), m_dropout);
    m_init =
        choiceBox({QStringLiteral("default"), QStringLiteral("kaiming"), QStringLiteral("xavier"),
                   QStringLiteral("gaussian"), QStringLiteral("uniform")});
    form->addRow(tr("Initialisation"), m_init);
    // "default" is a word, not a name: it reads in the UI's language (PyTorch's own scheme).
    m_init->setItemText(0, tr("default"));
    m_init->setItemData(0, tr("Each layer's own initialisation, as PyTorch does it"),
                        Qt::ToolTipRole);
    addField(QStringLiteral("model.init"), m_init);
    return group;
}

QWidget *TrainConfigForm::createOptimizerGroup()
{
    auto *group = new QGroupBox(tr("Optimisation"));
    auto *form = new QFormLayout(group);
    m_loss =
        choiceBox({QStringLiteral("cross_entropy"), QStringLiteral("mse"), QStringLiteral("bce")});
    form->addRow(tr("Loss"), m_loss);
    addField(QStringLiteral("loss"), m_loss);
    m_optimizer = choiceBox({QStringLiteral("adam"), QStringLiteral("adamw"), QStringLiteral("sgd"),
                             QStringLiteral("momentum"), QStringLiteral("nesterov"),
                             QStringLiteral("adagrad"), QStringLiteral("rmsprop")});
    form->addRow(tr("Optimiser"), m_optimizer);
    addField(QStringLiteral("optimizer.name"), m_optimizer);
    m_learningRate = numberBox(0.0, 10.0, 6, 1e-4);
    form->addRow(tr("Learning rate"), m_learningRate);
    addField(QStringLiteral("optimizer.learning_rate"), m_learningRate);
    m_momentum = numberBox(0.0, 0.999, 3, 0.01);
    form->addRow(tr("Momentum"), m_momentum);
    addField(QStringLiteral("optimizer.momentum"), m_momentum);
    m_beta1 = numberBox(0.0, 0.9999, 4, 0.001);
    form->addRow(tr("Beta 1"), m_beta1);
    addField(QStringLiteral("optimizer.beta1"), m_beta1);
    m_beta2 = numberBox(0.0, 0.99999, 5, 0.0001);
    form->addRow(tr("Beta 2"), m_beta2);
    addField(QStringLiteral("optimizer.beta2"), m_beta2);
    m_weightDecay = numberBox(0.0, 1.0, 6, 1e-4);
    form->addRow(tr("Weight decay"), m_weightDecay);
    addField(QStringLiteral("optimizer.weight_decay"), m_weightDecay);
    m_schedule =
        choiceBox({QStringLiteral("constant"), QStringLiteral("step"), QStringLiteral("cosine"),
                   QStringLiteral("warmup"), QStringLiteral("onecycle")});
    form->addRow(tr("LR schedule"), m_schedule);
    addField(QStringLiteral("schedule.name"), m_schedule);
    m_stepEpochs = integerBox(1, 1000);
    form->addRow(tr("Decay every (epochs)"), m_stepEpochs);
    addField(QStringLiteral("schedule.step_epochs"), m_stepEpochs);
    m_gamma = numberBox(0.001, 1.0, 3, 0.05);
    form->addRow(tr("Decay factor"), m_gamma);
    addField(QStringLiteral("schedule.gamma"), m_gamma);
    m_warmup = integerBox(0, 1000000);
    form->addRow(tr("Warm-up steps"), m_warmup);
    addField(QStringLiteral("schedule.warmup_steps"), m_warmup);
    m_minLr = numberBox(0.0, 10.0, 6, 1e-4);
    form->addRow(tr("Final learning rate"), m_minLr);
    addField(QStringLiteral("schedule.min_learning_rate"), m_minLr);
    m_maxLr = numberBox(0.0, 10.0, 6, 1e-3);
    m_maxLr->setSpecialValueText(tr("10x the base rate"));
    form->addRow(tr("Peak learning rate"), m_maxLr);
    addField(QStringLiteral("schedule.max_learning_rate"), m_maxLr);
    m_pctStart = numberBox(0.01, 0.99, 2, 0.05);
    form->addRow(tr("Rising fraction"), m_pctStart);
    addField(QStringLiteral("schedule.pct_start"), m_pctStart);
    m_l1 = numberBox(0.0, 1.0, 6, 1e-5);
    form->addRow(tr("L1 penalty"), m_l1);
    addField(QStringLiteral("l1"), m_l1);
    m_l2 = numberBox(0.0, 1.0, 6, 1e-5);
    form->addRow(tr("L2 penalty"), m_l2);
    addField(QStringLiteral("l2"), m_l2);
    m_clip = numberBox(0.0, 1000.0, 2, 0.5);
    m_clip->setSpecialValueText(tr("Off"));
    form->addRow(tr("Clip gradient norm"), m_clip);
    addField(QStringLiteral("clip_grad_norm"), m_clip);
    return group;
}

QWidget *TrainConfigForm::createRunGroup()
{
    auto *group = new QGroupBox(tr("Run"));
    auto *form = new QFormLayout(group);
    m_epochs = integerBox(1, 100000);
    form->addRow(tr("Epochs"), m_epochs);
    addField(QStringLiteral("epochs"), m_epochs);
    m_batchSize = integerBox(1, 65536);
    form->addRow(tr("Batch size"), m_batchSize);
    addField(QStringLiteral("batch_size"), m_batchSize);
    m_patience = integerBox(0, 1000);
    m_patience->setSpecialValueText(tr("Off"));
    form->addRow(tr("Early stopping patience"), m_patience);
    addField(QStringLiteral("early_stopping_patience"), m_patience);
    m_patienceMetric = new QComboBox;
    m_patienceMetric->addItem(tr("Validation accuracy"), QStringLiteral("val_accuracy"));
    m_patienceMetric->addItem(tr("Validation loss"), QStringLiteral("val_loss"));
    form->addRow(tr("Early stopping watches"), m_patienceMetric);
    addField(QStringLiteral("early_stopping_metric"), m_patienceMetric);
    m_seed = new QLineEdit;
    m_seed->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{1,19}")), this));
    form->addRow(tr("Seed"), m_seed);
    addField(QStringLiteral("seed"), m_seed);
    m_threads = integerBox(0, 1024);
    m_threads->setSpecialValueText(tr("All cores"));
    form->addRow(tr("Threads"), m_threads);
    addField(QStringLiteral("threads"), m_threads);
    m_device = new QComboBox;
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    // The GPUs are added when CudaDeviceProbe has counted them, off this thread.
    m_device->setToolTip(tr("Looking for CUDA devices…"));
    form->addRow(tr("Device"), m_device);
    addField(QStringLiteral("device"), m_device);
    m_amp = new QComboBox;
    m_amp->addItem(tr("Off (float32)"), QStringLiteral("off"));
    m_amp->addItem(tr("bfloat16"), QStringLiteral("bf16"));
    m_amp->addItem(tr("float16 (CUDA)"), QStringLiteral("fp16"));
    m_amp->setToolTip(tr("Automatic mixed precision: layers that gain from it compute in 16 "
                         "bits, the weights stay float32. bfloat16 needs no loss scaling and is "
                         "fast on CPUs with AVX512-BF16 or AMX and on recent GPUs; float16 "
                         "needs a CUDA device and scales the loss"));
    form->addRow(tr("Mixed precision"), m_amp);
    addField(QStringLiteral("amp"), m_amp);
    m_cudnnBenchmark = new QCheckBox(tr("Time cuDNN's algorithms, keep the fastest"));
    m_cudnnBenchmark->setToolTip(tr("CUDA only: faster steps when the input shape stays the "
                                    "same, at the cost of a slower first step and of "
                                    "bit-identical reruns"));
    form->addRow(tr("cuDNN autotuning"), m_cudnnBenchmark);
    addField(QStringLiteral("cudnn_benchmark"), m_cudnnBenchmark);
    m_parallel = std::make_unique<ParallelFields>(form);
    addField(QStringLiteral("sync_batch_norm"), m_parallel->syncBatchNormBox());
    for (QSpinBox *box :
         {m_parallel->processesBox(), m_parallel->microBatchesBox(), m_parallel->timeoutBox()})
        connect(box, &QSpinBox::valueChanged, this, &TrainConfigForm::launchEdited);
    for (QComboBox *box : {m_parallel->modeBox(), m_parallel->scheduleBox()})
        connect(box, &QComboBox::currentIndexChanged, this, &TrainConfigForm::launchEdited);
    return group;
}

void TrainConfigForm::setCudaDeviceCount(int devices)
{
    const bool wasLoading = m_loading;
    m_loading = true; // new choices are no edit of the configuration
    for (int i = 0; i < devices; ++i) {
        const QString key = QStringLiteral("cuda:%1").arg(i);
        const QString label = tr("CUDA GPU %1").arg(i);
        // A configuration loaded before the count may already name the device.
        const int index = m_device->findData(key);
        if (index >= 0)
            m_device->setItemText(index, label);
        else
            m_device->insertItem(1 + i, label, key);
    }
    m_loading = wasLoading;
    m_device->setToolTip(devices > 0 ? tr("%n CUDA device(s) found", nullptr, devices)
                                     : tr("This LibTorch build sees no CUDA device"));
}

void TrainConfigForm::connectEdits()
{
    const auto edited = [this] {
        if (m_loading)
            return;
        const int custom = m_preset->findData(QString());
        m_preset->setCurrentIndex(custom);
        m_presetDescription->clear();
        updateEnabledFields();
        revalidate();
    };
    for (QWidget *w : qAsConst(m_fields)) {
        if (auto *e = qobject_cast<QLineEdit *>(w))
            connect(e, &QLineEdit::textChanged, this, edited);
        else if (auto *c = qobject_cast<QComboBox *>(w))
            connect(c, &QComboBox::currentIndexChanged, this, edited);
        else if (auto *d = qobject_cast<QDoubleSpinBox *>(w))
            connect(d, &QDoubleSpinBox::valueChanged, this, edited);
        else if (auto *s = qobject_cast<QSpinBox *>(w))
            connect(s, &QSpinBox::valueChanged, this, edited);
        else if (auto *b = qobject_cast<QCheckBox *>(w))
            connect(b, &QCheckBox::toggled, this, edited);
    }
    connect(m_optimizer, &QComboBox::currentIndexChanged, this, [this] {
        if (m_loading)
            return;
        // Momentum left at the old optimiser's default follows the new one's (0.9 for the SGD
        // variants, 0 for RMSprop); a value the user chose stays.
        OptimizerConfig chosen;
        chosen.name = dataOf(m_optimizer).toStdString();
        const double newDefault = chosen.effectiveMomentum();
        if (m_momentum->value() == m_momentumDefault)
            m_momentum->setValue(newDefault);
        m_momentumDefault = newDefault;
    });
    connect(m_modelType, &QComboBox::currentIndexChanged, this, [this] {
        if (m_loading)
            return;
        // A new type starts from that type's defaults, so no key of the old one lingers.
        const std::string type = dataOf(m_modelType).toStdString();
        const nlohmann::json spec = modelDefaults(type);
        m_loading = true;
        m_layers->setText(integerListText(spec.value(layersKeyOf(type), nlohmann::json::array())));
        m_fc->setText(integerListText(spec.value("fc", nlohmann::json::array())));
        m_textModel->load(spec);
        m_loading = false;
        nlohmann::json base = m_baseJson.isEmpty()
                                  ? nlohmann::json::object()
                                  : nlohmann::json::parse(m_baseJson.toStdString());
        base["model"] = spec;
        m_baseJson = QByteArray::fromStdString(base.dump());
        updateEnabledFields();
        revalidate();
    });
}

bool TrainConfigForm::applyPreset(const QString &key)
{
    for (const TrainPreset &preset : trainPresets()) {
        if (preset.key != key)
            continue;
        if (!presetUnavailableReason(preset, m_datasetKind, m_sources).isEmpty())
            return false;
        QByteArray json = preset.configJson;
        QString description = preset.description;
        if (preset.fineTunesPretrained) {
            const FineTuneSource *source = newestPretrainedEncoder(m_sources);
            json = withPretrainedEncoder(json, *source);
            description += QLatin1Char(' ') + tr("It starts from run %1.").arg(source->runId);
        }
        setConfigJson(keepingTheData(json));
        m_preset->setCurrentIndex(m_preset->findData(key));
        m_presetDescription->setText(description);
        return true;
    }
    return false;
}

void TrainConfigForm::setFineTuneSources(const FineTuneSources &sources)
{
    m_sources = sources;
    const bool wasLoading = m_loading;
    m_loading = true; // new choices are no edit of the configuration
    m_fineTune->setSources(sources);
    m_loading = wasLoading;
    updateOffers();
}

void TrainConfigForm::updateOffers()
{
    for (const TrainPreset &preset : trainPresets()) {
        const int index = m_preset->findData(preset.key);
        const QString whyNot = presetUnavailableReason(preset, m_datasetKind, m_sources);
        offerItem(m_preset, index, whyNot);
        if (whyNot.isEmpty())
            m_preset->setItemData(index, preset.description, Qt::ToolTipRole);
    }
    for (int i = 0; i < m_modelType->count(); ++i) {
        const QString type = m_modelType->itemData(i).toString();
        if (type.isEmpty())
            continue; // the separator
        const bool text = isTextModelType(type.toStdString());
        QString whyNot;
        if (text && m_datasetKind == DataKind::ImagesOrTables)
            whyNot = tr("Reads text; the dataset holds images or a table");
        else if (!text && m_datasetKind == DataKind::Text)
            whyNot = tr("Reads images or tables; the dataset is text");
        offerItem(m_modelType, i, whyNot);
        if (whyNot.isEmpty())
            m_modelType->setItemData(i, QVariant(), Qt::ToolTipRole);
    }
}

bool TrainConfigForm::textModelChosen() const
{
    return isTextModelType(dataOf(m_modelType).toStdString());
}

void TrainConfigForm::setDatasetKind(DataKind kind)
{
    if (kind == m_datasetKind)
        return;
    m_datasetKind = kind;
    updateOffers();
}

void TrainConfigForm::fitModelToDataset()
{
    if (m_datasetKind == DataKind::Unknown)
        return;
    const bool wantText = m_datasetKind == DataKind::Text;
    if (textModelChosen() == wantText)
        return;
    const QByteArray current = QByteArray::fromStdString(
        nlohmann::json::parse(configJson().toStdString())["model"].dump());
    (wantText ? m_imageModel : m_textModelSpec) = current;
    QByteArray spec = wantText ? m_textModelSpec : m_imageModel;
    if (spec.isEmpty())
        spec = QByteArray::fromStdString(modelDefaults(wantText ? "gru" : "mlp").dump());
    m_loading = true;
    showModel(spec);
    if (!wantText)
        selectData(m_objective, QStringLiteral("classify"));
    m_preset->setCurrentIndex(m_preset->findData(QString()));
    m_presetDescription->clear();
    m_loading = false;
    updateEnabledFields();
}

void TrainConfigForm::showModel(const QByteArray &specJson)
{
    const nlohmann::json model = nlohmann::json::parse(specJson.toStdString());
    nlohmann::json base = m_baseJson.isEmpty() ? nlohmann::json::object()
                                               : nlohmann::json::parse(m_baseJson.toStdString());
    base["model"] = model;
    m_baseJson = QByteArray::fromStdString(base.dump());
    const std::string type = model.value("type", std::string("cnn"));
    m_modelType->setCurrentIndex(qMax(0, m_modelType->findData(QString::fromStdString(type))));
    m_layers->setText(integerListText(model.value(layersKeyOf(type), nlohmann::json::array())));
    m_fc->setText(integerListText(model.value("fc", nlohmann::json::array())));
    m_blocks->setValue(int(model.value("blocks", 1)));
    m_batchNorm->setChecked(model.value("batch_norm", false));
    selectData(m_activation, QString::fromStdString(model.value("activation", "relu")));
    m_dropout->setValue(model.value("dropout", 0.0));
    const nlohmann::json init = model.value("init", nlohmann::json::object());
    selectData(m_init, QString::fromStdString(init.value("scheme", "default")));
    m_textModel->load(model);
}

QByteArray TrainConfigForm::keepingTheData(const QByteArray &presetJson) const
{
    // A preset is a model and its training; the data set up here (an augmentation pipeline the
    // Augment section attached, say) stays, and so does the dataset unless the preset names one.
    nlohmann::json preset = nlohmann::json::parse(presetJson.toStdString());
    const nlohmann::json current = nlohmann::json::parse(configJson().toStdString());
    for (const char *key : {"augmentation", "validation_fraction", "normalize"})
        if (current.contains(key))
            preset[key] = current[key];
    if (preset.value("dataset", std::string()).empty() && current.contains("dataset"))
        preset["dataset"] = current["dataset"];
    return QByteArray::fromStdString(preset.dump());
}

bool TrainConfigForm::supportsAugmentation()
{
    static const bool supported = nlohmann::json(TrainConfig{}).contains("augmentation");
    return supported;
}

bool TrainConfigForm::setConfigJson(const QByteArray &json, QString *error)
{
    TrainConfig config;
    nlohmann::json j;
    try {
        config = nlohmann::json::parse(json.toStdString()).get<TrainConfig>();
        j = config;
    } catch (const std::exception &e) {
        if (error)
            *error = QString::fromUtf8(e.what());
        return false;
    }
    m_loading = true;
    m_baseJson = QByteArray::fromStdString(j.dump());
    m_dataset->setText(QString::fromStdString(config.dataset));
    m_augmentation->setText(QString::fromStdString(j.value("augmentation", std::string())));
    m_validation->setValue(config.validationFraction);
    m_normalize->setChecked(config.normalize);
    m_text->load(j["text"]);

    showModel(QByteArray::fromStdString(config.model.dump()));
    selectData(m_objective, QString::fromStdString(config.objective));
    m_fineTune->load(config.initFromRun, config.freezeEpochs);

    selectData(m_loss, QString::fromStdString(config.loss));
    selectData(m_optimizer, QString::fromStdString(config.optimizer.name));
    m_learningRate->setValue(config.optimizer.learningRate);
    m_momentum->setValue(config.optimizer.effectiveMomentum());
    OptimizerConfig defaults; // the optimiser's own momentum, to tell a chosen one from it
    defaults.name = config.optimizer.name;
    m_momentumDefault = defaults.effectiveMomentum();
    m_beta1->setValue(config.optimizer.beta1);
    m_beta2->setValue(config.optimizer.beta2);
    m_weightDecay->setValue(config.optimizer.weightDecay);
    selectData(m_schedule, QString::fromStdString(config.schedule.name));
    m_stepEpochs->setValue(int(config.schedule.stepEpochs));
    m_gamma->setValue(config.schedule.gamma);
    m_warmup->setValue(int(config.schedule.warmupSteps));
    m_minLr->setValue(config.schedule.minLearningRate);
    m_maxLr->setValue(config.schedule.maxLearningRate);
    m_pctStart->setValue(config.schedule.pctStart);
    m_l1->setValue(config.l1);
    m_l2->setValue(config.l2);
    m_clip->setValue(config.clipGradNorm);
    m_epochs->setValue(config.epochs);
    m_batchSize->setValue(config.batchSize);
    m_patience->setValue(config.earlyStoppingPatience);
    selectData(m_patienceMetric, QString::fromStdString(config.earlyStoppingMetric));
    m_seed->setText(QString::number(config.seed));
    m_threads->setValue(config.threads);
    selectData(m_device, QString::fromStdString(config.device));
    selectData(m_amp, QString::fromStdString(config.amp));
    m_cudnnBenchmark->setChecked(config.cudnnBenchmark);
    m_parallel->syncBatchNormBox()->setChecked(config.syncBatchNorm);
    m_preset->setCurrentIndex(m_preset->findData(QString()));
    m_presetDescription->clear();
    m_loading = false;
    updateEnabledFields();
    revalidate();
    return true;
}

QByteArray TrainConfigForm::configJson() const
{
    nlohmann::json j = m_baseJson.isEmpty() ? nlohmann::json(TrainConfig{})
                                            : nlohmann::json::parse(m_baseJson.toStdString());
    const std::string type = dataOf(m_modelType).toStdString();
    const bool text = isTextModelType(type);
    j["dataset"] = m_dataset->text().trimmed().toStdString();
    // An image pipeline for image runs, a text (EDA) pipeline for text runs.
    if (supportsAugmentation())
        j["augmentation"] = m_augmentation->text().trimmed().toStdString();
    j["validation_fraction"] = m_validation->value();
    j["normalize"] = m_normalize->isChecked();
    j["text"] = m_text->json();
    j["objective"] = dataOf(m_objective).toStdString();
    j["init_from_run"] = m_fineTune->initFromRun();
    j["freeze_epochs"] = m_fineTune->freezeEpochs();

    nlohmann::json &model = j["model"];
    if (!model.is_object() || model.value("type", std::string()) != type)
        model = modelDefaults(type);
    if (text) {
        model.erase("vocab_size");
        m_textModel->write(model);
        if (type == "textcnn" || type == "transformer")
            model["activation"] = dataOf(m_activation).toStdString();
        else
            model.erase("activation"); // the recurrent and bag types have none
    } else {
        // Text that is no list becomes a string, so validation names the key.
        model[layersKeyOf(type)] = integerListJson(m_layers->text());
        if (type == "cnn") {
            model["fc"] = integerListJson(m_fc->text());
            model["batch_norm"] = m_batchNorm->isChecked();
        }
        if (type == "resnet")
            model["blocks"] = m_blocks->value();
        model["activation"] = dataOf(m_activation).toStdString();
    }
    model["dropout"] = m_dropout->value();
    model["init"]["scheme"] = dataOf(m_init).toStdString();

    j["loss"] = dataOf(m_loss).toStdString();
    nlohmann::json &optimizer = j["optimizer"];
    optimizer["name"] = dataOf(m_optimizer).toStdString();
    optimizer["learning_rate"] = m_learningRate->value();
    optimizer["momentum"] = m_momentum->value();
    optimizer["beta1"] = m_beta1->value();
    optimizer["beta2"] = m_beta2->value();
    optimizer["weight_decay"] = m_weightDecay->value();
    nlohmann::json &schedule = j["schedule"];
    schedule["name"] = dataOf(m_schedule).toStdString();
    schedule["step_epochs"] = m_stepEpochs->value();
    schedule["gamma"] = m_gamma->value();
    schedule["warmup_steps"] = m_warmup->value();
    schedule["min_learning_rate"] = m_minLr->value();
    schedule["max_learning_rate"] = m_maxLr->value();
    schedule["pct_start"] = m_pctStart->value();
    j["l1"] = m_l1->value();
    j["l2"] = m_l2->value();
    j["clip_grad_norm"] = m_clip->value();
    j["epochs"] = m_epochs->value();
    j["batch_size"] = m_batchSize->value();
    j["early_stopping_patience"] = m_patience->value();
    j["early_stopping_metric"] = dataOf(m_patienceMetric).toStdString();
    j["seed"] = m_seed->text().toULongLong();
    j["threads"] = m_threads->value();
    j["device"] = dataOf(m_device).toStdString();
    j["amp"] = dataOf(m_amp).toStdString();
    j["cudnn_benchmark"] = m_cudnnBenchmark->isChecked();
    j["sync_batch_norm"] = m_parallel->syncBatchNormBox()->isChecked();
    return QByteArray::fromStdString(j.dump(2));
}

void TrainConfigForm::revalidate()
{
    QStringList problems;
    QStringList keys;
    const auto add = [&](const QString &problem, const QString &key = QString()) {
        problems.append(describe(problem));
        keys.append(key.isEmpty() ? fieldKeyOf(problem) : key);
    };
    TrainConfig config;
    try {
        config = nlohmann::json::parse(configJson().toStdString()).get<TrainConfig>();
        for (const std::string &problem : config.validate())
            add(QString::fromStdString(problem));
    } catch (const std::exception &e) {
        add(QString::fromUtf8(e.what()));
    }
    const QString dataset = m_dataset->text().trimmed();
    if (dataset.isEmpty() || !QFileInfo::exists(dataset)) {
        m_layoutPath.clear();
        setDatasetKind(DataKind::Unknown);
        if (!dataset.isEmpty())
            add(tr("dataset: %1 does not exist").arg(dataset));
    } else if (dataset != m_layoutPath) {
        // Whether it holds a layout the engine reads, and whether it is text, is checked off
        // the GUI thread; the answer revalidates.
        m_layoutPath = dataset;
        m_layoutProblem.clear();
        setDatasetKind(DataKind::Unknown);
        m_layoutTimer.start();
    } else if (!m_layoutProblem.isEmpty()) {
        add(m_layoutProblem, QStringLiteral("dataset"));
    }
    const QString type = dataOf(m_modelType);
    if (m_datasetKind == DataKind::Text && !textModelChosen())
        add(tr("Type: %1 reads images or tables, but the dataset is text")
                .arg(m_modelType->currentText()),
            QStringLiteral("model.type"));
    else if (m_datasetKind == DataKind::ImagesOrTables && textModelChosen())
        add(tr("Type: %1 reads text, but the dataset holds images or a table")
                .arg(m_modelType->currentText()),
            QStringLiteral("model.type"));
    if (type == QLatin1String("transformer") && m_text->sequenceLength() > m_textModel->maxLength())
        add(tr("Maximum length: must be at least the sequence length (%1)")
                .arg(m_text->sequenceLength()),
            QStringLiteral("model.max_length"));
    const QString augmentation = m_augmentation->text().trimmed();
    if (!augmentation.isEmpty() && !QFileInfo(augmentation).isFile())
        add(tr("augmentation: %1 is not a file").arg(augmentation));
    if (m_seed->text().isEmpty())
        add(tr("seed must be a whole number"));
    if (const QString parallel =
            m_parallel->problem(dataOf(m_device), dataOf(m_amp), textModelChosen());
        !parallel.isEmpty())
        add(parallel, QStringLiteral("parallel"));
    problems.removeDuplicates();
    m_problems = problems;
    markInvalid(keys);
    m_problemLabel->setText(problems.join(QLatin1Char('\n')));
    m_problemLabel->setVisible(!problems.isEmpty());
    Q_EMIT configChanged();
}

void TrainConfigForm::checkDatasetLayoutInBackground()
{
    const QString path = m_layoutPath;
    const QPointer<TrainConfigForm> form(this);
    QThreadPool::globalInstance()->start([form, path] {
        const std::string file = QFile::encodeName(path).toStdString();
        bool text = false;
        try {
            text = isTextDatasetPath(file);
        } catch (const std::exception &) {
            text = false; // an unreadable header: the layout check says why
        }
        QString problem;
        try {
            if (!text)
                checkDatasetLayout(file);
        } catch (const std::exception &e) {
            problem = QString::fromUtf8(e.what());
        }
        QMetaObject::invokeMethod(
            qApp,
            [form, path, problem, text] {
                if (form)
                    form->onDatasetLayoutChecked(path, problem, text);
            },
            Qt::QueuedConnection);
    });
}

void TrainConfigForm::onDatasetLayoutChecked(const QString &path, const QString &problem, bool text)
{
    if (path != m_layoutPath)
        return;
    const DataKind kind = !problem.isEmpty() ? DataKind::Unknown
                          : text             ? DataKind::Text
                                             : DataKind::ImagesOrTables;
    if (problem == m_layoutProblem && kind == m_datasetKind)
        return;
    m_layoutProblem = problem;
    setDatasetKind(kind);
    fitModelToDataset();
    revalidate();
}

QString TrainConfigForm::fieldLabel(const QString &key) const
{
    QWidget *field = m_fields.value(key);
    if (!field)
        return QString();
    for (QFormLayout *form : findChildren<QFormLayout *>()) {
        for (int row = 0; row < form->rowCount(); ++row) {
            QLayoutItem *item = form->itemAt(row, QFormLayout::FieldRole);
            QLayoutItem *label = form->itemAt(row, QFormLayout::LabelRole);
            if (!item || !label)
                continue;
            const bool holds =
                item->widget() == field || (item->layout() && item->layout()->indexOf(field) >= 0);
            if (auto *text = qobject_cast<QLabel *>(label->widget()); holds && text)
                return text->text().remove(QLatin1Char('&'));
        }
    }
    // A checkbox row has no label: the box says what it is.
    if (auto *box = qobject_cast<QAbstractButton *>(field))
        return box->text().remove(QLatin1Char('&'));
    return QString();
}

QString TrainConfigForm::describe(const QString &message) const
{
    // Config keys, as the engine names them ("model.conv", "optimizer.learning_rate"). A plain
    // word ("epochs", "dataset") is a key only where a message starts with it.
    static const QRegularExpression keyPattern(
        QStringLiteral("(?<![\\w./\\-])([a-z][a-z0-9]*(?:[._][a-z0-9]+)*)(?![\\w./\\-])"));
    QString described;
    qsizetype last = 0;
    auto match = keyPattern.globalMatch(message);
    while (match.hasNext()) {
        const QRegularExpressionMatch found = match.next();
        const QString key = found.captured(1);
        const bool leading = found.capturedStart(1) == 0;
        const bool compound = key.contains(QLatin1Char('.')) || key.contains(QLatin1Char('_'));
        const QString label = leading || compound ? fieldLabel(fieldKeyOf(key)) : QString();
        if (label.isEmpty())
            continue;
        described += message.mid(last, found.capturedStart(1) - last);
        qsizetype end = found.capturedEnd(1);
        if (leading) {
            // "epochs must be …", "model.conv: must be …" → "Epochs: must be …"
            while (end < message.size() &&
                   (message.at(end) == QLatin1Char(':') || message.at(end).isSpace()))
                ++end;
            described += label + QStringLiteral(": ");
        } else {
            described += label;
        }
        last = end;
    }
    described += message.mid(last);
    return described;
}

QStringList TrainConfigForm::invalidKeys() const
{
    return m_invalidKeys;
}

void TrainConfigForm::markInvalid(const QStringList &keys)
{
    m_invalidKeys.clear();
    for (auto it = m_fields.cbegin(); it != m_fields.cend(); ++it) {
        const bool invalid = keys.contains(it.key());
        if (invalid)
            m_invalidKeys.append(it.key());
        QWidget *w = it.value();
        if (w->property("invalid").toBool() == invalid)
            continue;
        w->setProperty("invalid", invalid);
        w->setStyleSheet(invalid ? QStringLiteral("border: 1px solid #b3261e;") : QString());
    }
    m_invalidKeys.sort();
}

ParallelLaunch TrainConfigForm::parallelLaunch() const
{
    return m_parallel->launch();
}

void TrainConfigForm::launchEdited()
{
    // How the run is launched is not its configuration: the preset stays as it is.
    if (m_loading)
        return;
    updateEnabledFields();
    revalidate();
}

void TrainConfigForm::updateEnabledFields()
{
    const QString type = dataOf(m_modelType);
    m_fc->setEnabled(type == QLatin1String("cnn"));
    m_batchNorm->setEnabled(type == QLatin1String("cnn"));
    m_blocks->setEnabled(type == QLatin1String("resnet"));
    // A text model shows the text fields and hides what only images and tables use.
    const bool text = textModelChosen();
    for (QWidget *imageOnly :
         {static_cast<QWidget *>(m_layers), static_cast<QWidget *>(m_fc),
          static_cast<QWidget *>(m_blocks), static_cast<QWidget *>(m_batchNorm)})
        m_modelForm->setRowVisible(imageOnly, !text);
    m_textModel->showFor(type);
    m_text->group()->setVisible(text);
    m_normalize->setEnabled(!text);
    m_normalize->setToolTip(text ? tr("Token ids are not normalised") : m_normalizeTip);
    m_modelForm->setRowVisible(m_objective,
                               text || dataOf(m_objective) != QLatin1String("classify"));
    m_activation->setEnabled(!text || type == QLatin1String("textcnn") ||
                             type == QLatin1String("transformer"));
    const bool augment = supportsAugmentation();
    m_augmentation->setEnabled(augment);
    m_augmentationBrowse->setEnabled(augment);
    m_augmentation->setPlaceholderText(text ? tr("None, or a text pipeline saved in Augment")
                                            : tr("None, or a pipeline saved in Augment"));
    m_augmentation->setToolTip(text ? tr("A text pipeline (EDA) saved in the Augment section: "
                                         "each training document is drawn through it anew "
                                         "every epoch, as its preview shows")
                                    : QString());
    m_fineTune->updateEnabled();
    m_parallel->update(m_threads->value());
    // A value loaded for a CUDA run stays editable on the CPU, so it can be turned off.
    m_cudnnBenchmark->setEnabled(dataOf(m_device).startsWith(QLatin1String("cuda")) ||
                                 m_cudnnBenchmark->isChecked());
    const QString optimizer = dataOf(m_optimizer);
    m_momentum->setEnabled(optimizer == QLatin1String("momentum") ||
                           optimizer == QLatin1String("nesterov") ||
                           optimizer == QLatin1String("rmsprop"));
    const bool adam = optimizer.startsWith(QLatin1String("adam"));
    m_beta1->setEnabled(adam);
    m_beta2->setEnabled(adam);
    const QString schedule = dataOf(m_schedule);
    m_stepEpochs->setEnabled(schedule == QLatin1String("step"));
    m_gamma->setEnabled(schedule == QLatin1String("step"));
    m_minLr->setEnabled(schedule == QLatin1String("cosine"));
    m_maxLr->setEnabled(schedule == QLatin1String("onecycle"));
    m_pctStart->setEnabled(schedule == QLatin1String("onecycle"));
    m_patienceMetric->setEnabled(m_patience->value() > 0);
}

void TrainConfigForm::setDatasetPath(const QString &path)
{
    m_dataset->setText(path);
}

void TrainConfigForm::setAugmentationPath(const QString &path)
{
    m_augmentation->setText(path);
}

void TrainConfigForm::browseDataset(bool folder)
{
    const QString start = m_dataset->text().isEmpty() ? fashionMnistPath() : m_dataset->text();
    const QString path =
        folder ? QFileDialog::getExistingDirectory(this, tr("Choose a dataset folder"), start)
               : QFileDialog::getOpenFileName(
                     this, tr("Choose a dataset file"), start,
                     tr("Datasets (*.csv *.bin *-ubyte *.gz);;All files (*)"));
    if (!path.isEmpty())
        m_dataset->setText(path);
}

void TrainConfigForm::browseAugmentation()
{
    const QString path =
        QFileDialog::getOpenFileName(this, tr("Choose a saved pipeline"), m_augmentation->text(),
                                     tr("Pipelines (*.json);;All files (*)"));
    if (!path.isEmpty())
        m_augmentation->setText(path);
}

} // namespace mf
