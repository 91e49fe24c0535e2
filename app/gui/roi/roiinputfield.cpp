#include "app/gui/roi/roiinputfield.h"

#include "app/gui/roi/roiformat.h"
#include "app/gui/roi/roitext.h"
#include "widgets/elidedlabel.h"

#include <QComboBox>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

#include <algorithm>
#include <cmath>
#include <limits>

namespace mf {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

QLineEdit *numberEdit(QWidget *parent)
{
    auto *edit = new QLineEdit(parent);
    edit->setAlignment(Qt::AlignRight);
    edit->setMinimumWidth(70);
    return edit;
}

} // namespace

RoiInputField::RoiInputField(const roi::InputSpec &spec, QWidget *parentWidget)
    : QObject(parentWidget), m_spec(spec), m_label(new QLabel(parentWidget)),
      m_value(numberEdit(parentWidget)), m_unit(new QLabel(parentWidget)),
      m_detailsButton(new QToolButton(parentWidget)), m_details(new QWidget(parentWidget)),
      m_low(numberEdit(m_details)), m_high(numberEdit(m_details)),
      m_distribution(new QComboBox(m_details)), m_source(new QLineEdit(m_details)),
      m_asOf(new QLineEdit(m_details)), m_unitLow(new QLabel(m_details)),
      m_unitHigh(new QLabel(m_details)), m_caption(new ElidedLabel(parentWidget)),
      m_problem(new QLabel(parentWidget))
{
    const QString name = QString::fromStdString(spec.key);
    const QString toolTip = RoiText::toolTip(spec);
    m_label->setText(RoiText::label(spec));
    m_label->setToolTip(toolTip);
    m_label->setWordWrap(true);
    m_label->setBuddy(m_value);
    m_value->setObjectName(name);
    m_value->setToolTip(toolTip);
    m_unit->setMinimumWidth(m_unit->fontMetrics().horizontalAdvance(QStringLiteral("USD/GB-mo")));
    m_detailsButton->setText(tr("±"));
    m_detailsButton->setCheckable(true);
    m_detailsButton->setAutoRaise(true);
    m_detailsButton->setToolTip(tr("Range for the uncertainty analysis, and the source"));
    m_detailsButton->setObjectName(name + QStringLiteral(".details"));

    m_distribution->addItem(tr("Fixed"), int(roi::Distribution::Fixed));
    m_distribution->addItem(tr("Triangular"), int(roi::Distribution::Triangular));
    m_distribution->addItem(tr("PERT"), int(roi::Distribution::Pert));
    m_distribution->setToolTip(tr("How the Monte Carlo draws this input between low and high: "
                                  "Fixed keeps the base value, Triangular and PERT peak at it."));
    m_low->setToolTip(tr("Worst-case end of the range (the tornado and the Monte Carlo use it)"));
    m_high->setToolTip(tr("Best-case end of the range"));
    m_source->setPlaceholderText(tr("Where the figure comes from"));
    m_asOf->setPlaceholderText(tr("YYYY-MM-DD"));
    m_asOf->setMaximumWidth(m_asOf->fontMetrics().horizontalAdvance(QStringLiteral("0000-00-00")) +
                            24);
    m_asOf->setToolTip(tr("The date the figure was true on (YYYY-MM-DD)"));

    auto *details = new QGridLayout(m_details);
    details->setContentsMargins(12, 2, 0, 6);
    details->setHorizontalSpacing(6);
    details->setVerticalSpacing(3);
    details->addWidget(new QLabel(tr("Low"), m_details), 0, 0);
    details->addWidget(m_low, 0, 1);
    details->addWidget(m_unitLow, 0, 2);
    details->addWidget(new QLabel(tr("High"), m_details), 0, 3);
    details->addWidget(m_high, 0, 4);
    details->addWidget(m_unitHigh, 0, 5);
    details->addWidget(m_distribution, 0, 6);
    details->addWidget(new QLabel(tr("Source"), m_details), 1, 0);
    details->addWidget(m_source, 1, 1, 1, 4);
    details->addWidget(new QLabel(tr("As of"), m_details), 1, 5);
    details->addWidget(m_asOf, 1, 6);
    details->setColumnStretch(1, 1);
    details->setColumnStretch(4, 1);
    m_details->setVisible(false);

    QPalette muted = m_caption->palette();
    muted.setColor(QPalette::WindowText, muted.color(QPalette::Disabled, QPalette::WindowText));
    m_caption->setPalette(muted);
    QFont small = m_caption->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    m_caption->setFont(small);
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_problem->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_problem->setObjectName(name + QStringLiteral(".problem"));
    m_problem->setVisible(false);

    connect(m_detailsButton, &QToolButton::toggled, m_details, &QWidget::setVisible);
    connect(m_value, &QLineEdit::textEdited, this, &RoiInputField::onValueEdited);
    connect(m_value, &QLineEdit::editingFinished, this, &RoiInputField::keepRange);
    connect(m_low, &QLineEdit::textEdited, this,
            [this](const QString &text) { onBoundEdited(text, m_input.low, m_lowError); });
    connect(m_high, &QLineEdit::textEdited, this,
            [this](const QString &text) { onBoundEdited(text, m_input.high, m_highError); });
    connect(m_distribution, qOverload<int>(&QComboBox::activated), this, [this](int index) {
        m_input.distribution = roi::Distribution(m_distribution->itemData(index).toInt());
        updateCaption();
        Q_EMIT edited();
    });
    connect(m_source, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_input.source = text.toStdString();
        updateCaption();
        Q_EMIT edited();
    });
    connect(m_asOf, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_input.asOf = text.trimmed().toStdString();
        updateCaption();
        Q_EMIT edited();
    });
    setCurrency(QStringLiteral("USD"));
}

RoiInputField::~RoiInputField() = default;

void RoiInputField::addTo(QGridLayout *grid, int row)
{
    grid->addWidget(m_label, row, 0);
    grid->addWidget(m_value, row, 1);
    grid->addWidget(m_unit, row, 2);
    grid->addWidget(m_detailsButton, row, 3);
    grid->addWidget(m_caption, row + 1, 1, 1, 3);
    grid->addWidget(m_details, row + 2, 0, 1, 4);
    grid->addWidget(m_problem, row + 3, 1, 1, 3);
}

void RoiInputField::setInput(const roi::Input &input)
{
    m_input = input;
    keepRange();
    m_valueError.clear();
    m_lowError.clear();
    m_highError.clear();
    showNumbers();
    m_distribution->setCurrentIndex(m_distribution->findData(int(input.distribution)));
    m_source->setText(QString::fromStdString(input.source));
    m_asOf->setText(QString::fromStdString(input.asOf));
    updateCaption();
    updateProblem();
}

void RoiInputField::setCurrency(const QString &currency)
{
    m_currency = currency;
    const QString unit = RoiFormat::unitText(m_spec.unit, currency);
    m_unit->setText(unit);
    m_unitLow->setText(unit);
    m_unitHigh->setText(unit);
    updateCaption();
}

void RoiInputField::setProblem(const QString &reason)
{
    m_reason = reason;
    updateProblem();
}

QString RoiInputField::problemText() const
{
    return m_problem->isVisibleTo(m_problem->parentWidget()) ? m_problem->text() : QString();
}

bool RoiInputField::hasParseError() const
{
    return !m_valueError.isEmpty() || !m_lowError.isEmpty() || !m_highError.isEmpty();
}

bool RoiInputField::detailsVisible() const
{
    return m_detailsButton->isChecked();
}

void RoiInputField::setDetailsVisible(bool visible)
{
    m_detailsButton->setChecked(visible);
}

QString RoiInputField::parseMessage(const QString &text) const
{
    const QLocale locale;
    if (text.trimmed().isEmpty())
        return tr("Enter a number.");
    return tr("“%1” is not a number; enter one such as %2.")
        .arg(text.trimmed(), RoiFormat::fieldText(1234.5, locale));
}

void RoiInputField::onValueEdited(const QString &text)
{
    const std::optional<double> parsed = RoiFormat::parseField(text, QLocale());
    if (!parsed) {
        m_valueError = parseMessage(text);
        m_input.value = kNaN;
    } else {
        m_valueError.clear();
        const double value = *parsed / RoiFormat::displayFactor(m_spec.unit);
        // As Scenario::setValue: a certain input stays certain, a range widens to the value.
        // From the range as it was before this edit: the digits typed on the way to a number
        // ("2" on the way to "2000") must not widen it.
        if (m_rangeLow == m_rangeHigh) {
            m_input.low = value;
            m_input.high = value;
        } else {
            m_input.low = std::isnan(m_rangeLow) ? m_rangeLow : std::min(m_rangeLow, value);
            m_input.high = std::isnan(m_rangeHigh) ? m_rangeHigh : std::max(m_rangeHigh, value);
        }
        m_input.value = value;
        const QLocale locale;
        const double factor = RoiFormat::displayFactor(m_spec.unit);
        if (m_lowError.isEmpty())
            m_low->setText(RoiFormat::fieldText(m_input.low * factor, locale));
        if (m_highError.isEmpty())
            m_high->setText(RoiFormat::fieldText(m_input.high * factor, locale));
    }
    updateCaption();
    updateProblem();
    Q_EMIT edited();
}

void RoiInputField::onBoundEdited(const QString &text, double &target, QString &error)
{
    const std::optional<double> parsed = RoiFormat::parseField(text, QLocale());
    if (!parsed) {
        error = parseMessage(text);
        target = kNaN;
    } else {
        error.clear();
        target = *parsed / RoiFormat::displayFactor(m_spec.unit);
    }
    keepRange();
    updateCaption();
    updateProblem();
    Q_EMIT edited();
}

void RoiInputField::keepRange()
{
    m_rangeLow = m_input.low;
    m_rangeHigh = m_input.high;
}

void RoiInputField::showNumbers()
{
    const QLocale locale;
    const double factor = RoiFormat::displayFactor(m_spec.unit);
    m_value->setText(RoiFormat::fieldText(m_input.value * factor, locale));
    m_low->setText(RoiFormat::fieldText(m_input.low * factor, locale));
    m_high->setText(RoiFormat::fieldText(m_input.high * factor, locale));
}

void RoiInputField::updateCaption()
{
    const QLocale locale;
    const double factor = RoiFormat::displayFactor(m_spec.unit);
    QStringList parts;
    if (m_input.low < m_input.high) {
        const QString unit = m_unit->text();
        QString range = tr("range %1 to %2")
                            .arg(RoiFormat::fieldText(m_input.low * factor, locale),
                                 RoiFormat::fieldText(m_input.high * factor, locale));
        if (!unit.isEmpty())
            range += QLatin1Char(' ') + unit;
        if (m_input.distribution != roi::Distribution::Fixed)
            range += QStringLiteral(" (%1)").arg(m_distribution->currentText());
        parts.append(range);
    }
    if (!m_input.source.empty())
        parts.append(QString::fromStdString(m_input.source));
    if (!m_input.asOf.empty())
        parts.append(tr("as of %1").arg(QString::fromStdString(m_input.asOf)));
    m_caption->setText(parts.join(QStringLiteral(" · ")));
    m_caption->setVisible(!parts.isEmpty());
}

void RoiInputField::updateProblem()
{
    QString text = m_valueError;
    if (text.isEmpty() && !m_lowError.isEmpty())
        text = tr("Low: %1").arg(m_lowError);
    if (text.isEmpty() && !m_highError.isEmpty())
        text = tr("High: %1").arg(m_highError);
    if (text.isEmpty() && !m_reason.isEmpty())
        text = m_reason.at(0).toUpper() + m_reason.mid(1);
    m_problem->setText(text);
    m_problem->setVisible(!text.isEmpty());
    const QString style = text.isEmpty() ? QString() : QStringLiteral("border: 1px solid #b3261e;");
    m_value->setStyleSheet(style);
    // A range problem (low above the value) is only visible with the range open.
    // A problem with the range or the date is only visible with the details open.
    const bool inDetails =
        !m_lowError.isEmpty() || !m_highError.isEmpty() ||
        (m_valueError.isEmpty() && (m_reason.contains(QLatin1String("low end")) ||
                                    m_reason.contains(QLatin1String("high end")) ||
                                    m_reason.contains(QLatin1String("as-of"))));
    if (inDetails)
        setDetailsVisible(true);
}

} // namespace mf
