#include "app/gui/runs/mistakegallery.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPixmap>
#include <QVBoxLayout>

#include <algorithm>

namespace mf {

namespace {

/// An image scaled to fit `side` pixels, by whole factors where it is smaller (sharp pixels).
QPixmap scaledPixmap(const QImage &image, int side)
{
    if (image.isNull())
        return QPixmap();
    const int longest = std::max(image.width(), image.height());
    if (longest <= side) {
        const int factor = std::max(1, side / longest);
        return QPixmap::fromImage(
            image.scaled(image.size() * factor, Qt::KeepAspectRatio, Qt::FastTransformation));
    }
    return QPixmap::fromImage(
        image.scaled(side, side, Qt::KeepAspectRatio, Qt::SmoothTransformation));
}

QString percent(double fraction)
{
    return QLocale().toString(fraction * 100.0, 'f', 1) + QLatin1Char('%');
}

} // namespace

MistakeGallery::MistakeGallery(QWidget *parent)
    : QWidget(parent), m_list(new QListWidget), m_empty(new QLabel), m_preview(new QWidget),
      m_previewImage(new QLabel), m_previewText(new QLabel)
{
    setObjectName(QStringLiteral("mistakeGallery"));
    m_list->setObjectName(QStringLiteral("mistakeList"));
    m_list->setViewMode(QListView::IconMode);
    m_list->setIconSize(QSize(kThumbnailSize, kThumbnailSize));
    m_list->setGridSize(QSize(kThumbnailSize + 56, kThumbnailSize + 44));
    m_list->setResizeMode(QListView::Adjust);
    m_list->setMovement(QListView::Static);
    m_list->setWordWrap(true);
    m_list->setUniformItemSizes(true);
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0)
            showEntry(row);
    });

    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setText(tr("No mistakes: every sample was classified correctly."));
    m_empty->hide();

    m_previewImage->setObjectName(QStringLiteral("mistakePreviewImage"));
    m_previewImage->setAlignment(Qt::AlignCenter);
    m_previewImage->setMinimumSize(kThumbnailSize, kThumbnailSize);
    m_previewText->setObjectName(QStringLiteral("mistakePreviewText"));
    m_previewText->setWordWrap(true);
    m_previewText->setTextFormat(Qt::PlainText);
    m_previewText->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *previewLayout = new QHBoxLayout(m_preview);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->addWidget(m_previewImage);
    previewLayout->addWidget(m_previewText, 1);
    m_preview->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_empty, 1);
    layout->addWidget(m_preview);
}

MistakeGallery::~MistakeGallery() = default;

QString MistakeGallery::className(int label) const
{
    return label >= 0 && label < m_classNames.size() ? m_classNames[label] : QString::number(label);
}

void MistakeGallery::setMistakes(const QVector<EvaluatedMistake> &mistakes,
                                 const QStringList &classNames, bool imagesAvailable,
                                 const QString &splitName)
{
    m_mistakes = mistakes;
    m_classNames = classNames;
    m_splitName = splitName;
    m_previewed = -1;
    m_list->clear();
    m_list->setViewMode(imagesAvailable ? QListView::IconMode : QListView::ListMode);
    for (const EvaluatedMistake &mistake : m_mistakes) {
        QString caption =
            mistake.text.isEmpty()
                ? tr("%1 → %2\n%3")
                      .arg(className(mistake.trueLabel), className(mistake.predicted),
                           percent(mistake.confidence))
                : tr("%1 → %2 (%3): %4")
                      .arg(className(mistake.trueLabel), className(mistake.predicted),
                           percent(mistake.confidence),
                           mistake.text.left(kTextCaptionLength) +
                               (mistake.text.size() > kTextCaptionLength ? QStringLiteral("…")
                                                                         : QString()));
        QString toolTip =
            tr("True: %1\nPredicted: %2 (confidence %3)\nSample %4 of the %5 set")
                .arg(className(mistake.trueLabel), className(mistake.predicted),
                     percent(mistake.confidence), QLocale().toString(mistake.index), m_splitName);
        if (!mistake.text.isEmpty())
            toolTip += QLatin1String("\n\n") + mistake.text;
        auto *item = new QListWidgetItem(caption);
        if (imagesAvailable)
            item->setIcon(QIcon(scaledPixmap(mistake.image, kThumbnailSize)));
        item->setToolTip(toolTip);
        m_list->addItem(item);
    }
    // Each cell as wide as the widest "true → predicted" caption (up to three thumbnails), so
    // that captions elide only when a class name is very long.
    int widest = 0;
    for (int row = 0; row < m_list->count(); ++row)
        for (const QString &line : m_list->item(row)->text().split(QLatin1Char('\n')))
            widest = qMax(widest, m_list->fontMetrics().horizontalAdvance(line));
    // Documents (text runs) take the whole width, one per line.
    m_list->setGridSize(imagesAvailable
                            ? QSize(qBound(kThumbnailSize + 56, widest + 24, 3 * kThumbnailSize),
                                    kThumbnailSize + 44)
                            : QSize());
    const bool empty = m_mistakes.isEmpty();
    m_list->setVisible(!empty);
    m_empty->setVisible(empty);
    m_preview->hide();
    m_previewImage->setVisible(imagesAvailable);
    if (!empty)
        m_list->setCurrentRow(0);
}

int MistakeGallery::entryCount() const
{
    return m_mistakes.size();
}

void MistakeGallery::showEntry(int row)
{
    if (row < 0 || row >= m_mistakes.size())
        return;
    const EvaluatedMistake &mistake = m_mistakes[row];
    m_previewed = row;
    if (m_list->currentRow() != row)
        m_list->setCurrentRow(row);
    m_previewImage->setPixmap(scaledPixmap(mistake.image, kPreviewSize));
    QString text =
        tr("True class: %1\nPredicted: %2\nConfidence: %3\nSample %4 of the %5 set")
            .arg(className(mistake.trueLabel), className(mistake.predicted),
                 percent(mistake.confidence), QLocale().toString(mistake.index), m_splitName);
    if (!mistake.text.isEmpty())
        text += QLatin1String("\n\n") + mistake.text;
    m_previewText->setText(text);
    m_preview->show();
    Q_EMIT entryShown(row);
}

QString MistakeGallery::previewText() const
{
    return m_preview->isVisibleTo(this) ? m_previewText->text() : QString();
}

QString MistakeGallery::emptyText() const
{
    return m_empty->isVisibleTo(this) ? m_empty->text() : QString();
}

} // namespace mf
