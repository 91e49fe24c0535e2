#include "app/gui/compress/compresstechniquespage.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QScrollArea>
#include <QSpinBox>
#include <QVBoxLayout>

namespace mf {

namespace {

QDoubleSpinBox *fractionBox(double value, double minimum, double maximum)
{
    auto *box = new QDoubleSpinBox;
    box->setRange(minimum, maximum);
    box->setSingleStep(0.05);
    box->setDecimals(2);
    box->setValue(value);
    return box;
}

bool isJsonObject(const QString &text)
{
    return QJsonDocument::fromJson(text.toUtf8()).isObject();
}

} // namespace

CompressTechniquesPage::CompressTechniquesPage(QWidget *parent)
    : QWizardPage(parent), m_mode(new QComboBox), m_calibration(new QSpinBox),
      m_observer(new QComboBox), m_budget(new QDoubleSpinBox),
      m_channelFraction(fractionBox(0.5, 0.05, 0.95)), m_norm(new QComboBox),
      m_sparsityFraction(fractionBox(0.8, 0.05, 0.99)), m_student(new QLineEdit),
      m_suggestion(new QLabel), m_temperature(new QDoubleSpinBox), m_alpha(fractionBox(0.5, 0, 1)),
      m_control(new QCheckBox(tr("Also train the student alone"))), m_epochs(new QSpinBox),
      m_hint(new QLabel)
{
    setTitle(tr("Techniques"));
    setSubTitle(tr("Each ticked technique makes one variant, measured against the source."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Compress"));

    m_quantize = techniqueBox(tr("Quantise to int8"),
                              tr("Stores weights as 8-bit integers: about a quarter of the size, "
                                 "often faster on a CPU, at a small cost in accuracy."));
    m_mode->addItem(tr("Dynamic (linear layers, no calibration)"));
    m_mode->addItem(tr("Static (convolutions too, calibrated on training batches)"));
    m_calibration->setRange(1, 1000);
    m_calibration->setValue(8);
    m_observer->addItem(tr("Min/max"));
    m_observer->addItem(tr("Histogram"));
    m_budget->setRange(0.0, 100.0);
    m_budget->setDecimals(1);
    m_budget->setSingleStep(0.5);
    m_budget->setValue(0.5);
    m_budget->setSuffix(tr(" points"));
    auto *quantizeForm = static_cast<QFormLayout *>(m_quantize->layout());
    quantizeForm->addRow(tr("Mode:"), m_mode);
    quantizeForm->addRow(tr("Calibration batches:"), m_calibration);
    quantizeForm->addRow(tr("Observer:"), m_observer);
    quantizeForm->addRow(tr("Accuracy budget per layer:"), m_budget);
    const auto updateStatic = [this] {
        const bool isStatic = m_mode->currentIndex() == 1;
        m_calibration->setEnabled(isStatic);
        m_observer->setEnabled(isStatic);
    };
    connect(m_mode, &QComboBox::currentIndexChanged, this, updateStatic);
    updateStatic();

    m_channels = techniqueBox(tr("Prune channels"),
                              tr("Removes the least important channels of every layer, then "
                                 "fine-tunes: a smaller, faster dense model."));
    m_norm->addItem(tr("L1 norm"));
    m_norm->addItem(tr("L2 norm"));
    auto *channelsForm = static_cast<QFormLayout *>(m_channels->layout());
    channelsForm->addRow(tr("Fraction removed:"), m_channelFraction);
    channelsForm->addRow(tr("Channel importance:"), m_norm);

    m_sparsity = techniqueBox(tr("Prune weights"),
                              tr("Zeroes the smallest weights gradually while fine-tuning: a "
                                 "sparse model that compresses well but runs no faster here."));
    static_cast<QFormLayout *>(m_sparsity->layout())->addRow(tr("Sparsity:"), m_sparsityFraction);

    m_distill = techniqueBox(tr("Distil"),
                             tr("Trains a smaller student model to imitate this one's outputs."));
    m_student->setObjectName(QStringLiteral("studentSpec"));
    m_student->setPlaceholderText(
        tr("Model spec JSON, e.g. {\"type\": \"mlp\", \"hidden\": [32]}"));
    m_suggestion->setWordWrap(true);
    m_temperature->setRange(0.5, 20.0);
    m_temperature->setSingleStep(0.5);
    m_temperature->setValue(2.0);
    m_control->setObjectName(QStringLiteral("distillControl"));
    m_control->setToolTip(tr("Trains the same student on the labels only, with the same seed and "
                             "epochs: the report then shows what the teacher added."));
    auto *distillForm = static_cast<QFormLayout *>(m_distill->layout());
    distillForm->addRow(tr("Student spec:"), m_student);
    distillForm->addRow(QString(), m_suggestion);
    distillForm->addRow(tr("Temperature:"), m_temperature);
    distillForm->addRow(tr("Weight of the teacher:"), m_alpha);
    distillForm->addRow(QString(), m_control);
    connect(m_student, &QLineEdit::textChanged, this, &CompressTechniquesPage::updateHint);

    m_epochs->setRange(1, 100);
    m_epochs->setValue(2);
    auto *epochsRow = new QWidget;
    auto *epochsForm = new QFormLayout(epochsRow);
    epochsForm->setContentsMargins(0, 0, 0, 0);
    epochsForm->addRow(tr("Fine-tuning epochs:"), m_epochs);
    auto *epochsNote = new QLabel(tr("Epochs of training after pruning, and of the student."));
    epochsNote->setWordWrap(true);
    epochsForm->addRow(QString(), epochsNote);

    m_hint->setObjectName(QStringLiteral("techniqueHint"));
    m_hint->setWordWrap(true);

    auto *content = new QWidget;
    auto *column = new QVBoxLayout(content);
    for (QGroupBox *box : {m_quantize, m_channels, m_sparsity, m_distill}) {
        column->addWidget(box);
        connect(box, &QGroupBox::toggled, this, &CompressTechniquesPage::updateHint);
    }
    column->addWidget(epochsRow);
    column->addStretch(1);
    auto *scroll = new QScrollArea;
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setWidget(content);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(scroll, 1);
    layout->addWidget(m_hint);
    updateHint();
}

CompressTechniquesPage::~CompressTechniquesPage() = default;

QGroupBox *CompressTechniquesPage::techniqueBox(const QString &title, const QString &explanation)
{
    auto *box = new QGroupBox(title);
    box->setCheckable(true);
    box->setChecked(false);
    auto *form = new QFormLayout(box);
    auto *note = new QLabel(explanation);
    note->setWordWrap(true);
    form->addRow(note);
    return box;
}

void CompressTechniquesPage::setSourceRun(qint64 runId)
{
    if (runId == m_sourceRun)
        return;
    m_sourceRun = runId;
    m_student->clear();
    m_suggestion->setText(tr("Computing a suggested student…"));
    Q_EMIT studentSuggestionWanted(runId);
}

void CompressTechniquesPage::setStudentSuggestion(qint64 runId, const QByteArray &spec,
                                                  qint64 teacherParameters,
                                                  qint64 studentParameters)
{
    if (runId != m_sourceRun)
        return;
    if (m_student->text().isEmpty())
        m_student->setText(QString::fromUtf8(spec));
    const QLocale locale;
    m_suggestion->setText(
        tr("Suggested: %1 parameters, 1/%2 of the teacher's %3.")
            .arg(locale.toString(studentParameters))
            .arg(locale.toString(
                double(teacherParameters) / double(std::max<qint64>(1, studentParameters)), 'f', 1))
            .arg(locale.toString(teacherParameters)));
}

void CompressTechniquesPage::setSuggestionFailed(qint64 runId, const QString &reason)
{
    if (runId == m_sourceRun)
        m_suggestion->setText(tr("No suggestion: %1").arg(reason));
}

CompressSettings CompressTechniquesPage::settings() const
{
    CompressSettings settings;
    settings.sourceRun = m_sourceRun;
    if (m_quantize->isChecked())
        settings.quantize = m_mode->currentIndex() == 1 ? CompressSettings::Quantize::Static
                                                        : CompressSettings::Quantize::Dynamic;
    settings.calibrationBatches = m_calibration->value();
    settings.histogramObserver = m_observer->currentIndex() == 1;
    settings.accuracyBudget = m_budget->value();
    if (m_channels->isChecked())
        settings.pruneChannels = m_channelFraction->value();
    settings.channelL2 = m_norm->currentIndex() == 1;
    if (m_sparsity->isChecked())
        settings.pruneSparsity = m_sparsityFraction->value();
    if (m_distill->isChecked())
        settings.distillStudent = m_student->text().trimmed().toUtf8();
    settings.temperature = m_temperature->value();
    settings.alpha = m_alpha->value();
    settings.distillControl = m_distill->isChecked() && m_control->isChecked();
    settings.epochs = m_epochs->value();
    return settings;
}

bool CompressTechniquesPage::isComplete() const
{
    const bool any = m_quantize->isChecked() || m_channels->isChecked() ||
                     m_sparsity->isChecked() || m_distill->isChecked();
    return any && (!m_distill->isChecked() || isJsonObject(m_student->text()));
}

void CompressTechniquesPage::updateHint()
{
    const bool any = m_quantize->isChecked() || m_channels->isChecked() ||
                     m_sparsity->isChecked() || m_distill->isChecked();
    if (!any)
        m_hint->setText(tr("Tick at least one technique to go on."));
    else if (m_distill->isChecked() && !isJsonObject(m_student->text()))
        m_hint->setText(tr("The student spec must be a JSON object, such as {\"type\": \"mlp\", "
                           "\"hidden\": [32]}."));
    else
        m_hint->clear();
    Q_EMIT completeChanged();
}

} // namespace mf
