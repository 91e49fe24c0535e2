#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QTreeWidget;

namespace mf {

/// Chooses the run whose measurements fill a ROI scenario: a trained run, and in variant mode
/// also one of its compressed variants (the runs whose "lineage.parent" is that run).
class RunPickerDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Mode
    {
        Run,
        Variant
    };

    RunPickerDialog(const QString &databasePath, Mode mode, QWidget *parent = nullptr);
    ~RunPickerDialog() override;

    /// 0 when none is chosen.
    qint64 selectedRun() const;
    qint64 selectedVariant() const;
    bool selectRun(qint64 runId);
    bool selectVariant(qint64 runId);

    QTreeWidget *runList() const { return m_runs; }
    QTreeWidget *variantList() const { return m_variants; }

private:
    void loadRuns();
    void loadVariants();
    void updateOk();

    QString m_databasePath;
    Mode m_mode;
    QTreeWidget *m_runs;
    QTreeWidget *m_variants;
    QLabel *m_variantNote;
    QLabel *m_message;
    QDialogButtonBox *m_buttons;
};

} // namespace mf
