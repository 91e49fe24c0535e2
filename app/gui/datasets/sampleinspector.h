#pragma once

#include <QWidget>

#include <memory>

class QLabel;

namespace mf {

class KeyValueTable;
class LoadedDataset;
class PixelZoomView;

/// The selected image sample up close: magnified with square pixels, the channel values of the
/// pixel under the mouse, and where the sample comes from (index, split, label, file or record).
class SampleInspector : public QWidget
{
    Q_OBJECT
public:
    explicit SampleInspector(QWidget *parent = nullptr);
    ~SampleInspector() override;

    void setDataset(std::shared_ptr<const LoadedDataset> dataset);
    /// Shows `sample` (an index across train and test); -1 shows a hint instead.
    void showSample(qint64 sample);
    qint64 sample() const { return m_sample; }

    /// Describes pixel (x, y) of the shown sample, as hovering does; (-1, -1) clears it.
    void showPixel(const QPoint &pixel);
    QString pixelText() const;

    PixelZoomView *zoomView() const { return m_zoom; }
    KeyValueTable *infoTable() const { return m_info; }

private:
    std::shared_ptr<const LoadedDataset> m_dataset;
    qint64 m_sample = -1;
    PixelZoomView *m_zoom;
    QLabel *m_pixel;
    KeyValueTable *m_info;
};

} // namespace mf
