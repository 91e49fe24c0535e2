#pragma once

#include "app/gui/rundetails.h"

#include <QLocale>
#include <QWidget>

class QLabel;
class QStackedWidget;

namespace mf {

class KeyValueTable;
class MessagePanel;

/// The selected run: its info (status, failure reason, device, versions, times), its parameters
/// and its final metrics; a hint when no run is selected.
class RunDetailsPane : public QWidget
{
    Q_OBJECT
public:
    explicit RunDetailsPane(QWidget *parent = nullptr);
    ~RunDetailsPane() override;

    void showDetails(const RunDetails &details);
    /// Nothing selected: the hint replaces the tables.
    void showHint();
    /// The selected run could not be read.
    void showUnavailable(qint64 runId, const QString &reason);

    /// The run shown, or -1.
    qint64 runId() const { return m_runId; }
    bool isShowingDetails() const;
    QString titleText() const;
    KeyValueTable *infoTable() const { return m_info; }
    KeyValueTable *paramsTable() const { return m_params; }
    KeyValueTable *metricsTable() const { return m_metrics; }
    MessagePanel *messagePanel() const { return m_message; }

    void setLocale(const QLocale &locale);

private:
    QStackedWidget *m_stack;
    MessagePanel *m_message;
    QWidget *m_content;
    QLabel *m_title;
    KeyValueTable *m_info;
    KeyValueTable *m_params;
    KeyValueTable *m_metrics;
    qint64 m_runId = -1;
    QLocale m_locale;
};

} // namespace mf
