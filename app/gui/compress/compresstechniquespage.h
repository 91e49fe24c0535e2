#pragma once

#include "app/gui/compress/compresssettings.h"

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace mf {

/// Step 2 of the Compress wizard: the techniques and their settings, one box each with a
/// sentence on what it does; at least one must be ticked. The distillation box proposes a
/// student about an eighth of the teacher's size once the worker has computed one.
class CompressTechniquesPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit CompressTechniquesPage(QWidget *parent = nullptr);
    ~CompressTechniquesPage() override;

    /// The run being compressed: a new one asks for a student suggestion.
    void setSourceRun(qint64 runId);
    void setStudentSuggestion(qint64 runId, const QByteArray &spec, qint64 teacherParameters,
                              qint64 studentParameters);
    void setSuggestionFailed(qint64 runId, const QString &reason);
    CompressSettings settings() const;

    QGroupBox *quantizeBox() const { return m_quantize; }
    QGroupBox *channelsBox() const { return m_channels; }
    QGroupBox *sparsityBox() const { return m_sparsity; }
    QGroupBox *distillBox() const { return m_distill; }
    QComboBox *quantizeModeBox() const { return m_mode; }
    QDoubleSpinBox *channelFractionBox() const { return m_channelFraction; }
    QSpinBox *epochsBox() const { return m_epochs; }
    QLineEdit *studentEdit() const { return m_student; }
    QCheckBox *distillControlBox() const { return m_control; }
    QLabel *hintLabel() const { return m_hint; }

    bool isComplete() const override;

Q_SIGNALS:
    void studentSuggestionWanted(qint64 runId);

private:
    QGroupBox *techniqueBox(const QString &title, const QString &explanation);
    void updateHint();

    qint64 m_sourceRun = 0;
    QGroupBox *m_quantize;
    QComboBox *m_mode;
    QSpinBox *m_calibration;
    QComboBox *m_observer;
    QDoubleSpinBox *m_budget;
    QGroupBox *m_channels;
    QDoubleSpinBox *m_channelFraction;
    QComboBox *m_norm;
    QGroupBox *m_sparsity;
    QDoubleSpinBox *m_sparsityFraction;
    QGroupBox *m_distill;
    QLineEdit *m_student;
    QLabel *m_suggestion;
    QDoubleSpinBox *m_temperature;
    QDoubleSpinBox *m_alpha;
    QCheckBox *m_control;
    QSpinBox *m_epochs;
    QLabel *m_hint;
};

} // namespace mf
