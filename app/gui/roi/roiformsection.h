#pragma once

#include <QWidget>

class QGridLayout;
class QToolButton;

namespace mf {

/// A titled part of the ROI input form that folds away: a header button with an arrow, and a
/// grid of fields under it.
class RoiFormSection : public QWidget
{
    Q_OBJECT
public:
    explicit RoiFormSection(const QString &title, QWidget *parent = nullptr);
    ~RoiFormSection() override;

    QGridLayout *grid() const { return m_grid; }
    QWidget *content() const { return m_content; }
    QToolButton *header() const { return m_header; }
    bool isExpanded() const;
    void setExpanded(bool expanded);
    /// A short note after the title ("2 problems"); empty for none.
    void setBadge(const QString &badge);

private:
    void updateHeader();

    QString m_title;
    QString m_badge;
    QToolButton *m_header;
    QWidget *m_content;
    QGridLayout *m_grid;
};

} // namespace mf
