#pragma once

#include "core/roi/scenario.h"

#include <QWidget>

class QLabel;
class QLineEdit;
class QTableWidget;

namespace mf {

/// Edits the value of predictions: the class names, the benefit matrix (what each true /
/// predicted outcome is worth) and the confusion matrix (how often each happens, usually filled
/// from a run), each with its source. Only what the user edits changes the matrices.
class PredictionValueEditor : public QWidget
{
    Q_OBJECT
public:
    explicit PredictionValueEditor(QWidget *parent = nullptr);
    ~PredictionValueEditor() override;

    void setPredictionValue(const roi::PredictionValue &value);
    const roi::PredictionValue &predictionValue() const { return m_value; }
    void setCurrency(const QString &currency);
    /// The check's reasons for "predictionValue.classes", ".benefit" and ".confusion"; an empty
    /// string clears one.
    void setProblem(const std::string &key, const QString &reason);

    QLineEdit *classesEdit() const { return m_classes; }
    QTableWidget *benefitTable() const { return m_benefit; }
    QTableWidget *confusionTable() const { return m_confusion; }

Q_SIGNALS:
    void edited();

private:
    void onClassesEdited(const QString &text);
    void onCellChanged(QTableWidget *table, std::vector<std::vector<double>> &matrix, int row,
                       int column);
    void fillTable(QTableWidget *table, const std::vector<std::vector<double>> &matrix);
    void updateProblems();

    roi::PredictionValue m_value;
    QString m_currency;
    QString m_classesProblem, m_benefitProblem, m_confusionProblem;
    bool m_filling = false;
    QLineEdit *m_classes;
    QLabel *m_benefitCaption;
    QTableWidget *m_benefit;
    QLineEdit *m_benefitSource;
    QTableWidget *m_confusion;
    QLineEdit *m_confusionSource;
    QLabel *m_problems;
};

} // namespace mf
