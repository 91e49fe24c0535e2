#include "app/gui/augment/parameterform.h"

#include "app/gui/augment/operationcatalog.h"
#include "app/gui/augment/pipelinemodel.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QRegularExpression>
#include <QSignalBlocker>
#include <QSlider>
#include <QSpinBox>
#include <QVBoxLayout>

#include <cmath>

namespace mf {

namespace {

constexpr int kSliderSteps = 100;

QDoubleSpinBox *numberBox(const OperationParameter &parameter, double value)
{
    auto *box = new QDoubleSpinBox;
    box->setDecimals(parameter.decimals);
    box->setSingleStep(parameter.step);
    // A loaded value outside the form's range widens it rather than being clipped.
    box->setRange(std::min(parameter.minimum, value), std::max(parameter.maximum, value));
    box->setValue(value);
    box->setToolTip(parameter.toolTip);
    box->setAccelerated(true);
    return box;
}

QString numbersText(const QVariantList &values)
{
    QStringList items;
    for (const QVariant &value : values)
        items.append(QLocale::c().toString(value.toDouble(), 'g', 6));
    return items.join(QStringLiteral(", "));
}

/// Numbers separated by commas or spaces, C notation; empty on any error.
QVariantList parseNumbers(const QString &text)
{
    QVariantList values;
    const QStringList items =
        text.split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts);
    for (const QString &item : items) {
        bool ok = false;
        const double value = QLocale::c().toDouble(item, &ok);
        if (!ok)
            return {};
        values.append(value);
    }
    return values;
}

} // namespace

ParameterForm::ParameterForm(PipelineModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_title(new QLabel), m_description(new QLabel),
      m_error(new QLabel)
{
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_description->setWordWrap(true);
    m_description->setForegroundRole(QPalette::PlaceholderText);
    m_error->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("parameterError"));
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_description);
    m_fields = new QWidget;
    layout->addWidget(m_fields);
    layout->addWidget(m_error);
    layout->addStretch(1);
    m_layout = new QFormLayout(m_fields);
    m_layout->setContentsMargins(0, 4, 0, 0);
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);

    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { setRow(-1); });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] {
        if (m_row >= m_model->rowCount())
            setRow(-1);
    });
    setRow(-1);
}

ParameterForm::~ParameterForm() = default;

QString ParameterForm::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void ParameterForm::setRow(int row)
{
    m_row = row >= 0 && row < m_model->rowCount() ? row : -1;
    rebuild();
}

void ParameterForm::rebuild()
{
    while (m_layout->rowCount() > 0)
        m_layout->removeRow(0);
    m_error->clear();
    m_error->hide();
    if (m_row < 0) {
        m_title->setText(tr("No step selected"));
        m_description->setText(
            m_model->rowCount() == 0
                ? tr("Add an operation with the Add button; the preview shows every change.")
                : tr("Select a step to edit its parameters."));
        return;
    }
    const QString op = m_model->operation(m_row);
    m_title->setText(tr("%1. %2").arg(m_row + 1).arg(OperationCatalog::title(op)));
    m_description->setText(OperationCatalog::description(op));

    if (!OperationCatalog::ignoresProbability(op)) {
        const double probability =
            m_model->parameter(m_row, QStringLiteral("probability")).toDouble();
        auto *slider = new QSlider(Qt::Horizontal);
        slider->setObjectName(QStringLiteral("probabilitySlider"));
        slider->setRange(0, kSliderSteps);
        slider->setValue(static_cast<int>(std::lround(probability * kSliderSteps)));
        OperationParameter spec;
        spec.decimals = 2;
        spec.step = 0.05;
        auto *spin = numberBox(spec, probability);
        spin->setObjectName(QStringLiteral("probabilitySpin"));
        spin->setToolTip(tr("Chance that a sample gets this operation"));
        slider->setToolTip(spin->toolTip());
        connect(slider, &QSlider::valueChanged, this, [this, spin](int value) {
            const double probability = static_cast<double>(value) / kSliderSteps;
            const QSignalBlocker blocker(spin);
            spin->setValue(probability);
            edit(QStringLiteral("probability"), probability);
        });
        connect(spin, &QDoubleSpinBox::valueChanged, this, [this, slider](double value) {
            const QSignalBlocker blocker(slider);
            slider->setValue(static_cast<int>(std::lround(value * kSliderSteps)));
            edit(QStringLiteral("probability"), value);
        });
        auto *row = new QWidget;
        auto *rowLayout = new QHBoxLayout(row);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        rowLayout->addWidget(slider, 1);
        rowLayout->addWidget(spin);
        m_layout->addRow(tr("Probability"), row);
    }
    for (const OperationParameter &parameter : OperationCatalog::parameters(op))
        addParameter(parameter);
}

void ParameterForm::addParameter(const OperationParameter &parameter)
{
    using Kind = OperationParameter::Kind;
    const QString key = parameter.key;
    const QVariant value = m_model->parameter(m_row, key);
    const QString name = QStringLiteral("param_%1").arg(key);
    QWidget *field = nullptr;
    switch (parameter.kind) {
    case Kind::Number: {
        auto *box = numberBox(parameter, value.toDouble());
        connect(box, &QDoubleSpinBox::valueChanged, this, [this, key](double v) { edit(key, v); });
        field = box;
        break;
    }
    case Kind::Integer:
    case Kind::OddInteger: {
        auto *box = new QSpinBox;
        const int current = value.toInt();
        box->setRange(std::min(static_cast<int>(parameter.minimum), current),
                      std::max(static_cast<int>(parameter.maximum), current));
        box->setSingleStep(static_cast<int>(parameter.step));
        box->setValue(current);
        box->setToolTip(parameter.toolTip);
        connect(box, &QSpinBox::valueChanged, this,
                [this, key](int v) { edit(key, QVariant::fromValue(qlonglong(v))); });
        field = box;
        break;
    }
    case Kind::Interval:
    case Kind::Pair: {
        const QVariantList pair = value.toList();
        const double first = pair.value(0).toDouble(), second = pair.value(1).toDouble();
        auto *lo = numberBox(parameter, first);
        auto *hi = numberBox(parameter, second);
        lo->setObjectName(name + QStringLiteral("_0"));
        hi->setObjectName(name + QStringLiteral("_1"));
        lo->setPrefix(parameter.itemNames.value(0) + QLatin1Char(' '));
        hi->setPrefix(parameter.itemNames.value(1) + QLatin1Char(' '));
        const bool ordered = parameter.kind == Kind::Interval;
        const auto send = [this, key, lo, hi] {
            edit(key, QVariantList{lo->value(), hi->value()});
        };
        // An interval stays ordered: moving one end past the other drags the other along.
        connect(lo, &QDoubleSpinBox::valueChanged, this, [hi, ordered, send](double v) {
            if (ordered && v > hi->value()) {
                const QSignalBlocker blocker(hi);
                hi->setValue(v);
            }
            send();
        });
        connect(hi, &QDoubleSpinBox::valueChanged, this, [lo, ordered, send](double v) {
            if (ordered && v < lo->value()) {
                const QSignalBlocker blocker(lo);
                lo->setValue(v);
            }
            send();
        });
        field = new QWidget;
        auto *layout = new QHBoxLayout(field);
        layout->setContentsMargins(0, 0, 0, 0);
        layout->addWidget(lo, 1);
        layout->addWidget(hi, 1);
        break;
    }
    case Kind::Choice: {
        auto *box = new QComboBox;
        for (const QString &choice : parameter.choices)
            box->addItem(choice, choice);
        box->setCurrentIndex(std::max(0, box->findData(value.toString())));
        box->setToolTip(parameter.toolTip);
        connect(box, &QComboBox::currentIndexChanged, this,
                [this, key, box](int) { edit(key, box->currentData().toString()); });
        field = box;
        break;
    }
    case Kind::NumberList: {
        auto *line = new QLineEdit(numbersText(value.toList()));
        line->setToolTip(parameter.toolTip);
        connect(line, &QLineEdit::editingFinished, this, [this, key, line] {
            const QVariantList numbers = parseNumbers(line->text());
            if (numbers.isEmpty()) {
                m_error->setText(
                    tr("%1: enter numbers separated by commas, e.g. 0.5, 0.5, 0.5").arg(key));
                m_error->show();
                return;
            }
            edit(key, numbers);
        });
        field = line;
        break;
    }
    }
    if (field->objectName().isEmpty())
        field->setObjectName(name);
    auto *label = new QLabel(parameter.label);
    label->setToolTip(parameter.toolTip);
    m_layout->addRow(label, field);
}

void ParameterForm::edit(const QString &key, const QVariant &value)
{
    const QString refusal = m_model->setParameter(m_row, key, value);
    m_error->setText(refusal);
    m_error->setVisible(!refusal.isEmpty());
}

} // namespace mf
