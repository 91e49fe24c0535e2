#pragma once

#include <QWidget>

namespace mf {

/// One line of plain text, elided at the right end to the width it gets; the whole text is its
/// tooltip when it does not fit. It never asks for more width than its minimum, so that a
/// long text does not widen the form it sits in.
class ElidedLabel : public QWidget
{
    Q_OBJECT
public:
    explicit ElidedLabel(QWidget *parent = nullptr);

    void setText(const QString &text);
    QString text() const { return m_text; }
    /// The text as it is drawn now (with "…" when elided).
    QString shownText() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void updateToolTip();

    QString m_text;
};

} // namespace mf
