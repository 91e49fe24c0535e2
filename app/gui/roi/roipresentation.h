#pragma once

#include "core/roi/montecarlo.h"
#include "core/roi/scenario.h"

#include <QWidget>

#include <optional>

class QLabel;
class QStackedWidget;

namespace mf {

/// The ROI presentation: full-screen slides of a scenario, a title slide with the key figures
/// and then one slide per chart (RoiReportCharts). Right, Down, Page Down and Space go forward;
/// Left, Up, Page Up and Backspace back; Home and End to the ends; Escape closes. A counter
/// shows "slide / slides".
class RoiPresentation : public QWidget
{
    Q_OBJECT
public:
    explicit RoiPresentation(const roi::Scenario &scenario,
                             const std::optional<roi::MonteCarloResult> &monteCarlo = std::nullopt,
                             QWidget *parent = nullptr);
    ~RoiPresentation() override;

    /// Shows the slides full screen with the first one current, ready for the keys.
    void start();

    int slideCount() const;
    int currentSlide() const;
    QString slideTitle(int index) const;
    void setCurrentSlide(int index);

Q_SIGNALS:
    void currentSlideChanged(int index);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    QWidget *titleSlide(const roi::Scenario &scenario,
                        const std::optional<roi::MonteCarloResult> &monteCarlo);
    void addSlide(const QString &title, QWidget *body);

    QStackedWidget *m_slides = nullptr;
    QLabel *m_counter = nullptr;
    QStringList m_titles;
};

} // namespace mf
