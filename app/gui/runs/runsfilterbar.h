#pragma once

#include <QWidget>

class QAbstractItemModel;
class QComboBox;
class QLineEdit;

namespace mf {

class RunsProxyModel;

/// The filters above the runs table: free text (names, statuses, datasets, models, tags) and
/// one choice each of status, dataset and model, listing "All" and the values the runs have.
/// Drives a RunsProxyModel.
class RunsFilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit RunsFilterBar(RunsProxyModel *proxy, QWidget *parent = nullptr);
    ~RunsFilterBar() override;

    /// Lists the statuses, datasets and models of the runs in `runs` (a RunsTableModel); a
    /// chosen value stays listed while it is chosen.
    void updateChoices(const QAbstractItemModel &runs);
    /// Shows every run again.
    void clear();

    QLineEdit *textEdit() const { return m_text; }
    QComboBox *statusBox() const { return m_status; }
    QComboBox *datasetBox() const { return m_dataset; }
    QComboBox *modelBox() const { return m_model; }

private:
    void applyStatus();
    void applyDataset();
    void applyModel();

    RunsProxyModel *m_proxy;
    QLineEdit *m_text;
    QComboBox *m_status;
    QComboBox *m_dataset;
    QComboBox *m_model;
};

} // namespace mf
