#pragma once

#include "app/gui/train/datakind.h"
#include "app/gui/train/finetunesource.h"

#include <QByteArray>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QTimer>
#include <QWidget>

#include <memory>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;
class QToolButton;

namespace mf {

class FineTuneFields;
class ParallelFields;
struct ParallelLaunch;
class TextModelFields;
class TextSettingsFields;

/// The Train section's form over every field of a training configuration. The configuration
/// travels as TrainConfig JSON, so this header stays free of core types. Each edit re-checks the
/// whole configuration; fields named by a problem are marked, and problems() says why.
/// A text model type shows the text fields (TextSettingsFields, TextModelFields) and the
/// objective, and hides what only images use. Once the dataset's kind is known, the model types
/// and presets of the other kind are disabled, and a model of the other kind is switched.
class TrainConfigForm : public QWidget
{
    Q_OBJECT
public:
    explicit TrainConfigForm(QWidget *parent = nullptr);
    ~TrainConfigForm() override;

    /// The configuration the fields describe, as TrainConfig JSON (also when it has problems).
    QByteArray configJson() const;
    /// Fills every field from TrainConfig JSON; false with `error` set when it does not parse.
    bool setConfigJson(const QByteArray &json, QString *error = nullptr);

    /// What stops the configuration from training, one sentence each; empty when it can start.
    QStringList problems() const { return m_problems; }
    /// `message` (a problem the engine reports) with each config key it names replaced by the
    /// label of its field: "model.conv: must be an array of integers" reads "Layer widths: must
    /// be an array of integers". Validation and start errors both read through it.
    QString describe(const QString &message) const;
    /// The label of the field for config key `key` ("Learning rate"); empty for no field.
    QString fieldLabel(const QString &key) const;
    /// The config keys ("optimizer.learning_rate") whose fields are marked invalid.
    QStringList invalidKeys() const;

    /// The editor of a config key ("dataset", "model.layers", "optimizer.learning_rate",
    /// "text.max_vocab"...); "model.layers" is the image types' layer widths and
    /// "model.encoder_layers" the text types' number of layers.
    QWidget *field(const QString &key) const { return m_fields.value(key); }
    QComboBox *presetBox() const { return m_preset; }
    /// Selects a preset by key and loads it; false for an unknown key or a preset that is not
    /// offered now (presetUnavailableReason).
    bool applyPreset(const QString &key);
    /// The kind of the chosen dataset, once it has been checked in the background.
    DataKind datasetKind() const { return m_datasetKind; }
    /// The runs "Start from run" offers, newest first (FineTuneSourceLoader reads them); the
    /// fine-tune preset starts from one of them.
    void setFineTuneSources(const FineTuneSources &sources);
    /// Offers CUDA GPUs 0 … devices-1 beside the CPU (CudaDeviceProbe counts them).
    void setCudaDeviceCount(int devices);
    QComboBox *deviceBox() const { return m_device; }
    /// Processes, parallelism and micro-batches: how the run is launched, not part of its
    /// configuration (the run records them as params).
    ParallelFields *parallelFields() const { return m_parallel.get(); }
    ParallelLaunch parallelLaunch() const;

    void setDatasetPath(const QString &path);
    void setAugmentationPath(const QString &path);
    /// Sets `augmentation` directly when the build knows the key (see supportsAugmentation).
    static bool supportsAugmentation();

Q_SIGNALS:
    /// After any edit, once problems() is up to date.
    void configChanged();

private:
    QWidget *createDataGroup();
    QWidget *createModelGroup();
    QWidget *createOptimizerGroup();
    QWidget *createRunGroup();
    void addField(const QString &key, QWidget *editor);
    void fitNarrowPanes();
    void checkDatasetLayoutInBackground();
    void onDatasetLayoutChecked(const QString &path, const QString &problem, bool text);
    void setDatasetKind(DataKind kind);
    /// After the dataset's kind became known: a model of the other kind gives way to the one
    /// last used for this kind (or a default).
    void fitModelToDataset();
    /// Shows model spec `specJson` in the fields (and keeps its other keys).
    void showModel(const QByteArray &specJson);
    void updateOffers();
    bool textModelChosen() const;
    QString fieldKeyOf(const QString &problem) const;
    /// `presetJson` with this form's data fields (dataset where the preset has none,
    /// augmentation, validation split, normalisation) in place of the preset's.
    QByteArray keepingTheData(const QByteArray &presetJson) const;
    void connectEdits();
    void launchEdited();
    void revalidate();
    void updateEnabledFields();
    void markInvalid(const QStringList &keys);
    void browseDataset(bool folder);
    void browseAugmentation();

    QHash<QString, QWidget *> m_fields;
    QStringList m_problems;
    QStringList m_invalidKeys;
    bool m_loading = false;
    /// The dataset path whose layout was checked (or is being checked), and why it cannot be
    /// read; empty while the check runs or when it can.
    QString m_layoutPath;
    QString m_layoutProblem;
    QTimer m_layoutTimer;

    QComboBox *m_preset;
    QLabel *m_presetDescription;
    QLineEdit *m_dataset;
    QLineEdit *m_augmentation;
    QDoubleSpinBox *m_validation;
    QToolButton *m_augmentationBrowse;
    QCheckBox *m_normalize;
    QString m_normalizeTip;
    QFormLayout *m_modelForm;
    QComboBox *m_modelType;
    QComboBox *m_objective;
    QLineEdit *m_layers;
    QLineEdit *m_fc;
    QSpinBox *m_blocks;
    QCheckBox *m_batchNorm;
    QComboBox *m_activation;
    QDoubleSpinBox *m_dropout;
    QComboBox *m_init;
    QComboBox *m_loss;
    QComboBox *m_optimizer;
    QDoubleSpinBox *m_learningRate;
    QDoubleSpinBox *m_momentum;
    double m_momentumDefault = 0.9; ///< the default momentum of the optimiser now chosen
    QDoubleSpinBox *m_beta1;
    QDoubleSpinBox *m_beta2;
    QDoubleSpinBox *m_weightDecay;
    QComboBox *m_schedule;
    QSpinBox *m_stepEpochs;
    QDoubleSpinBox *m_gamma;
    QSpinBox *m_warmup;
    QDoubleSpinBox *m_minLr;
    QDoubleSpinBox *m_maxLr;
    QDoubleSpinBox *m_pctStart;
    QDoubleSpinBox *m_l1;
    QDoubleSpinBox *m_l2;
    QDoubleSpinBox *m_clip;
    QSpinBox *m_epochs;
    QSpinBox *m_batchSize;
    QSpinBox *m_patience;
    QComboBox *m_patienceMetric;
    QLineEdit *m_seed;
    QSpinBox *m_threads;
    QComboBox *m_device;
    QComboBox *m_amp;
    QCheckBox *m_cudnnBenchmark;
    std::unique_ptr<ParallelFields> m_parallel;
    QLabel *m_problemLabel;
    std::unique_ptr<TextSettingsFields> m_text;
    std::unique_ptr<TextModelFields> m_textModel;
    std::unique_ptr<FineTuneFields> m_fineTune;
    FineTuneSources m_sources;
    DataKind m_datasetKind = DataKind::Unknown; ///< of m_layoutPath
    /// The model spec last used for images or tables, and for text: what a change of the
    /// dataset's kind returns to.
    QByteArray m_imageModel;
    QByteArray m_textModelSpec;
    QByteArray m_baseJson; ///< keys the form has no field for survive a round trip
};

} // namespace mf
