#pragma once

#include <QLabel>

namespace mf {

/// A one-line notice under a view ("Saved …", "Exported …", or an error in red) that keeps its
/// line when empty, so that a notice appearing or going never moves the layout around it.
/// Plain text, selectable, wrapped when longer than the line.
class NoticeLabel : public QLabel
{
    Q_OBJECT
public:
    explicit NoticeLabel(QWidget *parent = nullptr);

    void showNotice(const QString &text, bool error);
    void clearNotice();
    /// The notice shown; empty for none.
    QString notice() const { return text(); }
    bool isError() const { return m_error; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;
    int heightForWidth(int width) const override;

private:
    int lineHeight() const;

    bool m_error = false;
};

} // namespace mf
