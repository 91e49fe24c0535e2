#include "app/gui/datasets/sampleinspector.h"

#include "app/gui/datasets/loadeddataset.h"
#include "app/gui/datasets/pixelzoomview.h"
#include "app/gui/datasets/sampleimage.h"
#include "widgets/keyvaluetable.h"

#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace mf {

SampleInspector::SampleInspector(QWidget *parent)
    : QWidget(parent), m_zoom(new PixelZoomView), m_pixel(new QLabel), m_info(new KeyValueTable)
{
    setObjectName(QStringLiteral("sampleInspector"));
    m_pixel->setObjectName(QStringLiteral("pixelReadout"));
    m_pixel->setTextFormat(Qt::PlainText);
    m_pixel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_pixel->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_info->setObjectName(QStringLiteral("sampleInfo"));
    m_info->setEmptyText(tr("Select a sample in the grid."));
    m_info->setHeaderLabels(tr("Property"), tr("Value"));
    m_info->horizontalHeader()->hide();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_zoom, 1);
    layout->addWidget(m_pixel);
    layout->addWidget(m_info);

    connect(m_zoom, &PixelZoomView::pixelHovered, this, &SampleInspector::showPixel);
    showSample(-1);
}

SampleInspector::~SampleInspector() = default;

void SampleInspector::setDataset(std::shared_ptr<const LoadedDataset> dataset)
{
    m_dataset = std::move(dataset);
    showSample(-1);
}

void SampleInspector::showSample(qint64 sample)
{
    if (!m_dataset || !m_dataset->hasImages() || sample < 0 || sample >= m_dataset->sampleCount())
        sample = -1;
    m_sample = sample;
    if (sample < 0) {
        m_zoom->setImage(QImage());
        m_info->setEntries({});
        showPixel(QPoint(-1, -1));
        return;
    }
    const QLocale locale;
    const qint64 label = m_dataset->labelOf(sample);
    m_zoom->setImage(sampleImage(*m_dataset, sample));
    m_info->setEntries({
        {tr("Sample"), locale.toString(sample)},
        {tr("Split"), tr("%1, row %2")
                          .arg(splitName(m_dataset->splitOf(sample)),
                               locale.toString(m_dataset->rowInPart(sample)))},
        {tr("Label"), tr("%1 (class %2)").arg(m_dataset->className(label)).arg(label)},
        {tr("Source"), m_dataset->originText(sample)},
        {tr("Size"), m_dataset->sizeText()},
    });
    showPixel(QPoint(-1, -1));
}

void SampleInspector::showPixel(const QPoint &pixel)
{
    if (m_sample < 0) {
        m_pixel->clear();
        return;
    }
    const std::vector<int> values = m_dataset->pixelAt(m_sample, pixel.x(), pixel.y());
    if (values.empty()) {
        m_pixel->setText(tr("Point at a pixel to read its value."));
        return;
    }
    QString text;
    if (values.size() == 3) {
        text = tr("R %1  G %2  B %3").arg(values[0]).arg(values[1]).arg(values[2]);
    } else {
        QStringList parts;
        for (const int value : values)
            parts << QString::number(value);
        text = parts.join(QStringLiteral("  "));
    }
    m_pixel->setText(tr("x %1, y %2:  %3").arg(pixel.x()).arg(pixel.y()).arg(text));
}

QString SampleInspector::pixelText() const
{
    return m_pixel->text();
}

} // namespace mf
