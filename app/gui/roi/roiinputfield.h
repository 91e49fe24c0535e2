#pragma once

#include "core/roi/inputcatalogue.h"
#include "core/roi/scenario.h"

#include <QObject>
#include <QString>

class QComboBox;
class QGridLayout;
class QLabel;
class QLineEdit;
class QToolButton;
class QWidget;

namespace mf {

class ElidedLabel;

/// The widgets of one ROI input in a form grid: the label, the value with its unit, a button
/// that shows the range (low, high, distribution) and the source with its as-of date, a line
/// that says where the value comes from, and the problem with the value when there is one.
/// Only what the user types changes the input (a value set from code is shown as it is, so a
/// scenario re-saved unchanged stays identical).
class RoiInputField : public QObject
{
    Q_OBJECT
public:
    /// Grid rows a field takes.
    static constexpr int kRows = 4;

    RoiInputField(const roi::InputSpec &spec, QWidget *parentWidget);
    ~RoiInputField() override;

    /// Places the widgets in rows `row` .. row + kRows - 1 of a four-column grid.
    void addTo(QGridLayout *grid, int row);

    const roi::InputSpec &spec() const { return m_spec; }
    const std::string &key() const { return m_spec.key; }
    const roi::Input &input() const { return m_input; }
    void setInput(const roi::Input &input);
    void setCurrency(const QString &currency);
    /// The reason the scenario's check gave for this input; empty for none. A value that did
    /// not parse shows its own message instead.
    void setProblem(const QString &reason);
    /// The message shown under the field; empty for none.
    QString problemText() const;
    bool hasParseError() const;

    bool detailsVisible() const;
    void setDetailsVisible(bool visible);

    QLabel *label() const { return m_label; }
    QLineEdit *valueEdit() const { return m_value; }
    QLabel *unitLabel() const { return m_unit; }
    QToolButton *detailsButton() const { return m_detailsButton; }
    QLineEdit *lowEdit() const { return m_low; }
    QLineEdit *highEdit() const { return m_high; }
    QComboBox *distributionBox() const { return m_distribution; }
    QLineEdit *sourceEdit() const { return m_source; }
    QLineEdit *asOfEdit() const { return m_asOf; }
    ElidedLabel *captionLabel() const { return m_caption; }
    QLabel *problemLabel() const { return m_problem; }

Q_SIGNALS:
    /// The user changed the input (value, range, distribution, source or date).
    void edited();

private:
    void onValueEdited(const QString &text);
    /// Parses a low or high field into `target`; NaN and a message when it is no number.
    void onBoundEdited(const QString &text, double &target, QString &error);
    /// The range a value typed next widens from: the input's as it is now.
    void keepRange();
    void showNumbers();
    void updateCaption();
    void updateProblem();
    QString parseMessage(const QString &text) const;

    roi::InputSpec m_spec;
    roi::Input m_input;
    double m_rangeLow = 0.0;
    double m_rangeHigh = 0.0;
    QString m_currency;
    QString m_reason;
    QString m_valueError, m_lowError, m_highError;
    QLabel *m_label;
    QLineEdit *m_value;
    QLabel *m_unit;
    QToolButton *m_detailsButton;
    QWidget *m_details;
    QLineEdit *m_low;
    QLineEdit *m_high;
    QComboBox *m_distribution;
    QLineEdit *m_source;
    QLineEdit *m_asOf;
    QLabel *m_unitLow;
    QLabel *m_unitHigh;
    ElidedLabel *m_caption;
    QLabel *m_problem;
};

} // namespace mf
