#pragma once

#include <QWidget>

class QWizard;

namespace mf {

class CompressController;
class CompressReportPage;
class CompressRunPage;
class CompressSourcePage;
class CompressTechniquesPage;

/// The Compress section: a wizard embedded in the page (source run, techniques, the job with
/// live curves, the report) over a CompressController that keeps the work off the GUI thread.
class CompressPage : public QWidget
{
    Q_OBJECT
public:
    enum PageId
    {
        SourcePageId,
        TechniquesPageId,
        RunPageId,
        ReportPageId
    };

    explicit CompressPage(const QString &workspaceDir, QWidget *parent = nullptr);
    ~CompressPage() override;

    /// Ignored while a job runs (the next one uses the new workspace).
    void setWorkspace(const QString &dir);
    CompressController *controller() const { return m_controller; }
    QWizard *wizard() const { return m_wizard; }
    CompressSourcePage *sourcePage() const { return m_source; }
    CompressTechniquesPage *techniquesPage() const { return m_techniques; }
    CompressRunPage *runPage() const { return m_run; }
    CompressReportPage *reportPage() const { return m_report; }

Q_SIGNALS:
    /// Variant runs were written to the store.
    void runsChanged();

private:
    CompressController *m_controller;
    QWizard *m_wizard;
    CompressSourcePage *m_source;
    CompressTechniquesPage *m_techniques;
    CompressRunPage *m_run;
    CompressReportPage *m_report;
};

} // namespace mf
