#include "app/gui/train/finetunefields.h"

#include <QComboBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QSpinBox>

namespace mf {

namespace {

/// How a run was trained, when it was pre-trained rather than classified; empty otherwise.
QString pretrainingText(const QString &objective)
{
    if (objective == QLatin1String("masked_tokens"))
        return QCoreApplication::translate("mf::FineTuneFields", "masked-token pre-training");
    if (objective == QLatin1String("next_token"))
        return QCoreApplication::translate("mf::FineTuneFields", "next-token pre-training");
    return QString();
}

} // namespace

FineTuneFields::FineTuneFields(QFormLayout *form) : m_source(new QComboBox), m_freeze(new QSpinBox)
{
    m_source->setToolTip(tr("Fine-tune from run: the model starts from that run's best "
                            "checkpoint, parameters matched by name and shape; a text run also "
                            "reuses its vocabulary"));
    m_source->addItem(tr("None"), qint64(0));
    form->addRow(tr("Start from run"), m_source);
    m_freeze->setRange(0, 100000);
    m_freeze->setSpecialValueText(tr("Not frozen"));
    m_freeze->setToolTip(tr("For this many epochs only the parameters that are new (such as a "
                            "classification layer) train; then all of them"));
    form->addRow(tr("Freeze loaded parameters (epochs)"), m_freeze);
}

QVector<QPair<QString, QWidget *>> FineTuneFields::fields() const
{
    return {{QStringLiteral("init_from_run"), m_source},
            {QStringLiteral("freeze_epochs"), m_freeze}};
}

void FineTuneFields::setSources(const FineTuneSources &sources)
{
    const qint64 chosen = initFromRun();
    m_source->clear();
    m_source->addItem(tr("None"), qint64(0));
    for (const FineTuneSource &source : sources) {
        // Run names default to "<model> on <dataset>", so the model shows in the tooltip only.
        QString text = source.name.isEmpty() ? tr("Run %1").arg(source.runId)
                                             : tr("Run %1: %2").arg(source.runId).arg(source.name);
        const QString pretraining = pretrainingText(source.objective);
        if (!pretraining.isEmpty())
            text = tr("%1 (%2)").arg(text, pretraining);
        m_source->addItem(text, source.runId);
        m_source->setItemData(
            m_source->count() - 1,
            tr("%1 trained on %2").arg(source.modelType, QFileInfo(source.dataset).fileName()),
            Qt::ToolTipRole);
    }
    select(chosen);
}

void FineTuneFields::load(qint64 initFromRun, int freezeEpochs)
{
    select(initFromRun);
    m_freeze->setValue(freezeEpochs);
}

void FineTuneFields::select(qint64 runId)
{
    int index = m_source->findData(runId);
    if (index < 0) {
        m_source->addItem(tr("Run %1").arg(runId), runId);
        index = m_source->count() - 1;
    }
    m_source->setCurrentIndex(index);
}

qint64 FineTuneFields::initFromRun() const
{
    return m_source->currentData().toLongLong();
}

int FineTuneFields::freezeEpochs() const
{
    return m_freeze->value();
}

void FineTuneFields::updateEnabled()
{
    m_freeze->setEnabled(initFromRun() != 0 || m_freeze->value() > 0);
}

} // namespace mf
