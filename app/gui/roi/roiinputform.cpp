#include "app/gui/roi/roiinputform.h"

#include "app/gui/roi/predictionvalueeditor.h"
#include "app/gui/roi/roiformsection.h"
#include "app/gui/roi/roiinputfield.h"
#include "app/gui/roi/roitext.h"
#include "core/roi/inputcatalogue.h"

#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpressionValidator>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>

namespace mf {

namespace {

const char *const kPredictionGroup = "predictionValue";
const char *const kNotesGroup = "notes";

} // namespace

RoiInputForm::RoiInputForm(QWidget *parent)
    : QWidget(parent), m_scroll(new QScrollArea), m_currency(new QLineEdit),
      m_currencyProblem(new QLabel), m_notes(new QPlainTextEdit),
      m_prediction(new PredictionValueEditor)
{
    auto *container = new QWidget;
    auto *column = new QVBoxLayout(container);
    column->setContentsMargins(4, 4, 4, 4);
    column->setSpacing(6);

    int labelWidth = 0;
    for (const roi::InputSpec &spec : roi::inputCatalogue())
        labelWidth = std::max(labelWidth, fontMetrics().horizontalAdvance(RoiText::label(spec)));
    labelWidth = std::min(labelWidth + 8, 200);

    std::map<std::string, int> nextRow;
    for (const roi::InputSpec &spec : roi::inputCatalogue()) {
        RoiFormSection *section =
            m_sections.count(spec.group) ? m_sections.at(spec.group) : nullptr;
        if (!section) {
            section = addSection(RoiText::group(spec.group), container);
            section->setObjectName(QString::fromStdString(spec.group));
            m_sections[spec.group] = section;
            section->grid()->setColumnMinimumWidth(0, labelWidth);
            section->grid()->setColumnStretch(1, 1);
            if (spec.group == "General") {
                m_currency->setObjectName(QStringLiteral("currency"));
                m_currency->setToolTip(tr("ISO 4217 code of the currency every money figure is "
                                          "in (USD, EUR, CNY)"));
                m_currency->setValidator(new QRegularExpressionValidator(
                    QRegularExpression(QStringLiteral("[A-Za-z]{0,3}")), m_currency));
                m_currency->setMaximumWidth(80);
                auto *label = new QLabel(tr("Currency"));
                label->setBuddy(m_currency);
                label->setToolTip(m_currency->toolTip());
                m_currencyProblem->setWordWrap(true);
                m_currencyProblem->setStyleSheet(QStringLiteral("color: #b3261e;"));
                m_currencyProblem->setVisible(false);
                section->grid()->addWidget(label, 0, 0);
                section->grid()->addWidget(m_currency, 0, 1, Qt::AlignLeft);
                section->grid()->addWidget(m_currencyProblem, 1, 1, 1, 3);
                nextRow[spec.group] = 2;
            }
        }
        auto *field = new RoiInputField(spec, section->content());
        field->addTo(section->grid(), nextRow[spec.group]);
        nextRow[spec.group] += RoiInputField::kRows;
        m_fields[spec.key] = field;
        connect(field, &RoiInputField::edited, this, [this, field] {
            m_scenario.inputs[field->key()] = field->input();
            Q_EMIT edited();
        });
    }

    RoiFormSection *prediction = addSection(tr("Value of predictions"), container);
    prediction->setObjectName(QString::fromLatin1(kPredictionGroup));
    prediction->grid()->addWidget(m_prediction, 0, 0);
    m_sections[kPredictionGroup] = prediction;
    RoiFormSection *notes = addSection(tr("Notes and assumptions"), container);
    notes->setObjectName(QString::fromLatin1(kNotesGroup));
    m_notes->setObjectName(QStringLiteral("notes"));
    m_notes->setPlaceholderText(tr("The assumptions in words, for the report"));
    m_notes->setMinimumHeight(90);
    m_notes->setTabChangesFocus(true);
    notes->grid()->addWidget(m_notes, 0, 0);
    m_sections[kNotesGroup] = notes;
    column->addStretch(1);

    m_scroll->setWidget(container);
    m_scroll->setWidgetResizable(true);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_scroll->setFrameShape(QFrame::NoFrame);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_scroll);

    connect(m_currency, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_scenario.currency = text.toUpper().toStdString();
        if (text != text.toUpper()) {
            const int cursor = m_currency->cursorPosition();
            m_currency->setText(text.toUpper());
            m_currency->setCursorPosition(cursor);
        }
        applyCurrency();
        Q_EMIT edited();
    });
    connect(m_notes, &QPlainTextEdit::textChanged, this, [this] {
        if (m_loading)
            return;
        const std::string notes = m_notes->toPlainText().toStdString();
        if (notes == m_scenario.notes)
            return;
        m_scenario.notes = notes;
        Q_EMIT edited();
    });
    connect(m_prediction, &PredictionValueEditor::edited, this, [this] {
        m_scenario.predictionValue = m_prediction->predictionValue();
        Q_EMIT edited();
    });
}

RoiInputForm::~RoiInputForm() = default;

RoiFormSection *RoiInputForm::addSection(const QString &title, QWidget *container)
{
    auto *section = new RoiFormSection(title, container);
    static_cast<QVBoxLayout *>(container->layout())->addWidget(section);
    return section;
}

void RoiInputForm::setScenario(const roi::Scenario &scenario)
{
    m_scenario = scenario;
    for (const auto &[key, field] : m_fields)
        field->setInput(scenario.input(key));
    m_currency->setText(QString::fromStdString(scenario.currency));
    // setPlainText() fires textChanged, which must not count as an edit (nor normalise the
    // notes' line breaks).
    m_loading = true;
    m_notes->setPlainText(QString::fromStdString(scenario.notes));
    m_loading = false;
    m_prediction->setPredictionValue(scenario.predictionValue);
    applyCurrency();
}

void RoiInputForm::setScenarioName(const std::string &name)
{
    m_scenario.name = name;
}

void RoiInputForm::applyCurrency()
{
    const QString currency = QString::fromStdString(m_scenario.currency);
    for (const auto &[key, field] : m_fields)
        field->setCurrency(currency);
    m_prediction->setCurrency(currency);
}

void RoiInputForm::setProblems(const std::vector<roi::InputProblem> &problems)
{
    std::map<std::string, QString> reasons;
    for (const roi::InputProblem &problem : problems) {
        QString &reason = reasons[problem.key];
        if (!reason.isEmpty())
            reason += QLatin1String("; ");
        reason += QString::fromStdString(problem.reason);
    }
    std::map<std::string, int> perGroup;
    for (const auto &[key, field] : m_fields) {
        const auto found = reasons.find(key);
        field->setProblem(found == reasons.end() ? QString() : found->second);
        if (!field->problemText().isEmpty())
            ++perGroup[field->spec().group];
    }
    const auto currency = reasons.find("currency");
    m_currencyProblem->setText(currency == reasons.end() ? QString() : currency->second);
    m_currencyProblem->setVisible(currency != reasons.end());
    if (currency != reasons.end())
        ++perGroup["General"];
    for (const char *key :
         {"predictionValue.classes", "predictionValue.benefit", "predictionValue.confusion"}) {
        const auto found = reasons.find(key);
        m_prediction->setProblem(key, found == reasons.end() ? QString() : found->second);
        if (found != reasons.end())
            ++perGroup[kPredictionGroup];
    }
    for (const auto &[group, section] : m_sections) {
        const auto found = perGroup.find(group);
        const int count = found == perGroup.end() ? 0 : found->second;
        section->setBadge(count == 0 ? QString() : tr("%n problem(s)", "", count));
        if (count > 0)
            section->setExpanded(true);
    }
}

bool RoiInputForm::hasParseErrors() const
{
    for (const auto &[key, field] : m_fields)
        if (field->hasParseError())
            return true;
    return false;
}

RoiInputField *RoiInputForm::field(const std::string &key) const
{
    const auto found = m_fields.find(key);
    return found == m_fields.end() ? nullptr : found->second;
}

RoiFormSection *RoiInputForm::section(const std::string &group) const
{
    const auto found = m_sections.find(group);
    return found == m_sections.end() ? nullptr : found->second;
}

void RoiInputForm::revealField(const std::string &key)
{
    QWidget *target = nullptr;
    RoiFormSection *section = nullptr;
    if (RoiInputField *input = field(key)) {
        target = input->valueEdit();
        section = this->section(input->spec().group);
    } else if (key.rfind("predictionValue", 0) == 0) {
        section = this->section(kPredictionGroup);
        target = m_prediction;
    } else if (key == "currency") {
        section = this->section("General");
        target = m_currency;
    }
    if (!target)
        return;
    if (section)
        section->setExpanded(true);
    m_scroll->ensureWidgetVisible(target, 20, 60);
}

} // namespace mf
