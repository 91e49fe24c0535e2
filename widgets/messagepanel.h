#pragma once

#include <QList>
#include <QWidget>

class QAction;
class QHBoxLayout;
class QLabel;
class QPushButton;

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

    /// Shows a message without actions (setActions() adds them).
    void setMessage(Kind kind, const QString &title, const QString &text);
    /// Buttons under the text, one per action, in this order: where the message leads (an
    /// empty state's "open a dataset"). The panel does not own the actions.
    void setActions(const QList<QAction *> &actions);
    QList<QPushButton *> actionButtons() const { return m_buttons; }
    Kind kind() const { return m_kind; }
    QString title() const;
    QString text() const;

    static constexpr int maxTextWidth = 560;

private:
    Kind m_kind = Kind::Information;
    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_text;
    QHBoxLayout *m_buttonRow;
    QList<QPushButton *> m_buttons;
};

} // namespace mf
