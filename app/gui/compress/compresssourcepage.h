#pragma once

#include <QWizardPage>

class QStackedWidget;
class QTreeWidget;

namespace mf {

class MessagePanel;

/// Step 1 of the Compress wizard: the FINISHED run to compress, or an empty state.
class CompressSourcePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit CompressSourcePage(QWidget *parent = nullptr);
    ~CompressSourcePage() override;

    void setDatabasePath(const QString &path);
    /// Reads the finished runs again, keeping the chosen one where it is still there.
    void reload();
    /// 0 when none is chosen.
    qint64 selectedRun() const;
    bool selectRun(qint64 runId);
    QTreeWidget *runList() const { return m_list; }
    MessagePanel *emptyPanel() const { return m_empty; }

    void initializePage() override;
    bool isComplete() const override;

private:
    QString m_databasePath;
    QStackedWidget *m_stack;
    QTreeWidget *m_list;
    MessagePanel *m_empty;
};

} // namespace mf
