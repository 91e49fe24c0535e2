#pragma once

#include "core/roi/projection.h"
#include "core/roi/scenario.h"

#include <QWidget>

#include <map>
#include <string>
#include <vector>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QScrollArea;

namespace mf {

class PredictionValueEditor;
class RoiFormSection;
class RoiInputField;

/// Every input of a ROI scenario in one scrolling form, made from inputCatalogue(): a folding
/// section per group with the currency in General, the value of predictions and the notes.
/// Holds the scenario being edited; the scenario's check (validate()) is shown next to the
/// fields it concerns. GUI thread only.
class RoiInputForm : public QWidget
{
    Q_OBJECT
public:
    explicit RoiInputForm(QWidget *parent = nullptr);
    ~RoiInputForm() override;

    void setScenario(const roi::Scenario &scenario);
    const roi::Scenario &scenario() const { return m_scenario; }
    /// Renames the scenario without touching anything else.
    void setScenarioName(const std::string &name);
    /// Shows each problem next to its field (the problems of other keys are ignored here).
    void setProblems(const std::vector<roi::InputProblem> &problems);
    /// Whether a field holds text that is no number.
    bool hasParseErrors() const;

    RoiInputField *field(const std::string &key) const;
    RoiFormSection *section(const std::string &group) const;
    QLineEdit *currencyEdit() const { return m_currency; }
    QPlainTextEdit *notesEdit() const { return m_notes; }
    PredictionValueEditor *predictionEditor() const { return m_prediction; }
    QScrollArea *scrollArea() const { return m_scroll; }
    /// Scrolls to the field of `key` and opens its section.
    void revealField(const std::string &key);

Q_SIGNALS:
    /// The user changed the scenario.
    void edited();

private:
    RoiFormSection *addSection(const QString &title, QWidget *container);
    void applyCurrency();

    roi::Scenario m_scenario;
    bool m_loading = false;
    QScrollArea *m_scroll;
    QLineEdit *m_currency;
    QLabel *m_currencyProblem;
    QPlainTextEdit *m_notes;
    PredictionValueEditor *m_prediction;
    std::map<std::string, RoiInputField *> m_fields;
    std::map<std::string, RoiFormSection *> m_sections;
};

} // namespace mf
