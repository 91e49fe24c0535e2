#pragma once

#include "app/gui/roi/roikeyfigures.h"

#include <QWidget>

class QLabel;

namespace mf {

/// The headline figures of the scenario as cards: a caption over each value. A scenario that
/// cannot be computed shows "—" everywhere.
class RoiKeyFiguresPanel : public QWidget
{
    Q_OBJECT
public:
    explicit RoiKeyFiguresPanel(QWidget *parent = nullptr);
    ~RoiKeyFiguresPanel() override;

    void setFigures(const roi::KeyFigures &figures, const QString &currency);
    void setMissing();

    QLabel *valueLabel(RoiKeyFigures::Figure figure) const { return m_values[figure]; }
    QString valueText(RoiKeyFigures::Figure figure) const;

private:
    QLabel *m_values[RoiKeyFigures::FigureCount] = {};
};

} // namespace mf
