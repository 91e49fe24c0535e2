#pragma once

#include "app/gui/runs/runevaluation.h"

#include <QStringList>
#include <QVector>
#include <QWidget>

class QLabel;
class QListWidget;

namespace mf {

/// The misclassified samples of an evaluation as thumbnails labelled "true → predicted" with the
/// confidence, most confident first; the chosen one is shown larger below with its details.
/// Table datasets have no images: the list then holds the labels only.
class MistakeGallery : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kThumbnailSize = 64;
    /// Characters of a document shown in its row; the tooltip has all of it.
    static constexpr int kTextCaptionLength = 160;
    static constexpr int kPreviewSize = 192;

    explicit MistakeGallery(QWidget *parent = nullptr);
    ~MistakeGallery() override;

    /// `splitName` says which part was evaluated ("test", "validation") in the details.
    void setMistakes(const QVector<EvaluatedMistake> &mistakes, const QStringList &classNames,
                     bool imagesAvailable, const QString &splitName);
    int entryCount() const;
    const EvaluatedMistake &entry(int row) const { return m_mistakes[row]; }

    /// Shows entry `row` large in the preview.
    void showEntry(int row);
    int previewedRow() const { return m_previewed; }
    QListWidget *list() const { return m_list; }
    QLabel *previewImage() const { return m_previewImage; }
    QString previewText() const;
    QString emptyText() const;

Q_SIGNALS:
    void entryShown(int row);

private:
    QString className(int label) const;

    QListWidget *m_list;
    QLabel *m_empty;
    QWidget *m_preview;
    QLabel *m_previewImage;
    QLabel *m_previewText;
    QVector<EvaluatedMistake> m_mistakes;
    QStringList m_classNames;
    QString m_splitName;
    int m_previewed = -1;
};

} // namespace mf
