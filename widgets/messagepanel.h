#pragma once

#include <QWidget>

class QLabel;

namespace mf {

/// A centred icon, title and explanation shown in place of content: empty and error states.
class MessagePanel : public QWidget
{
    Q_OBJECT
public:
    enum class Kind
    {
        Information,
        Error
    };

    explicit MessagePanel(QWidget *parent = nullptr);
    ~MessagePanel() override;

    void setMessage(Kind kind, const QString &title, const QString &text);
    Kind kind() const { return m_kind; }
    QString title() const;
    QString text() const;

    static constexpr int maxTextWidth = 560;

private:
    Kind m_kind = Kind::Information;
    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_text;
};

} // namespace mf
