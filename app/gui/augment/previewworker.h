#pragma once

#include "app/gui/augment/newestrequestmailbox.h"
#include "app/gui/augment/previewtypes.h"

#include <QObject>

#include <optional>

namespace mf {

/// Renders preview requests on the thread it lives on, newest first: a request submitted while
/// another renders replaces any request still waiting, so a burst of edits costs one render
/// after the current one, not one per edit.
/// Threading: submit() from any thread; rendered() is emitted on the worker's thread.
class PreviewWorker : public QObject
{
    Q_OBJECT
public:
    explicit PreviewWorker(QObject *parent = nullptr);
    ~PreviewWorker() override;

    void submit(PreviewRequest request);

Q_SIGNALS:
    void rendered(const mf::PreviewResult &result);

private:
    void renderPending();

    NewestRequestMailbox<PreviewRequest> m_mailbox;
};

} // namespace mf
