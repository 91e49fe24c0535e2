#pragma once

#include "app/gui/train/finetunesource.h"

#include <QCoreApplication>
#include <QPair>
#include <QString>
#include <QVector>

class QComboBox;
class QFormLayout;
class QSpinBox;
class QWidget;

namespace mf {

/// The Train form's "Start from run" row (fine-tune from run: None, then the store's finished
/// runs with a checkpoint) and "Freeze loaded parameters" row (TrainConfig init_from_run and
/// freeze_epochs).
class FineTuneFields
{
    Q_DECLARE_TR_FUNCTIONS(mf::FineTuneFields)
public:
    /// Appends its rows to `form`.
    explicit FineTuneFields(QFormLayout *form);

    /// Each editor with its config key.
    QVector<QPair<QString, QWidget *>> fields() const;
    QComboBox *sourceBox() const { return m_source; }

    /// Lists `sources` after "None", keeping the run chosen (listed on its own when it is not
    /// among them: a configuration may name a run this store does not hold).
    void setSources(const FineTuneSources &sources);
    void load(qint64 initFromRun, int freezeEpochs);
    qint64 initFromRun() const;
    int freezeEpochs() const;
    /// Freezing needs a run to start from; a value set without one stays editable so that its
    /// problem can be fixed.
    void updateEnabled();

private:
    void select(qint64 runId);

    QComboBox *m_source;
    QSpinBox *m_freeze;
};

} // namespace mf
