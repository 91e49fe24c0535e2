#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QThread;

namespace mf {

struct DatasetBundle;
struct TextDatasetBundle;

/// Loads datasets for the Augment page on its own thread, one at a time: image datasets with
/// mf::loadDataset, text datasets with mf::loadTextDataset. Only the result of the newest
/// request is reported.
/// Threading: load() on the GUI thread; the signals arrive there too.
class AugmentDatasetLoader : public QObject
{
    Q_OBJECT
public:
    explicit AugmentDatasetLoader(QObject *parent = nullptr);
    ~AugmentDatasetLoader() override;

    void load(const QString &path);
    void loadText(const QString &path);
    bool isLoading() const { return m_pending > 0; }

Q_SIGNALS:
    void loaded(std::shared_ptr<const mf::DatasetBundle> bundle, const QString &path);
    void textLoaded(std::shared_ptr<const mf::TextDatasetBundle> bundle, const QString &path);
    void failed(const QString &path, const QString &reason);

private:
    void start(const QString &path, bool text);

    QThread *m_thread;
    QObject *m_context; ///< lives on m_thread; load jobs run in its event loop
    quint64 m_latest = 0;
    int m_pending = 0;
};

} // namespace mf
