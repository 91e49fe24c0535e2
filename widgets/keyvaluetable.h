#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QTableWidget>

namespace mf {

/// A read-only two-column table of (key, value) text pairs. Its size hint is the height of all
/// rows, so several can be stacked in one scrolling pane; Ctrl+C copies the selected rows as
/// tab-separated lines; a text is shown in place of the rows when there are none.
class KeyValueTable : public QTableWidget
{
    Q_OBJECT
public:
    using Entry = QPair<QString, QString>;

    explicit KeyValueTable(QWidget *parent = nullptr);
    ~KeyValueTable() override;

    void setEntries(const QList<Entry> &entries);
    QList<Entry> entries() const;
    /// The value of the first entry with `key`; a null string when there is none.
    QString value(const QString &key) const;

    void setHeaderLabels(const QString &keyLabel, const QString &valueLabel);
    void setEmptyText(const QString &text);
    QString emptyText() const { return m_emptyText; }

    /// The selected rows as "key<TAB>value" lines (all rows when nothing is selected).
    QString selectedText() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    int contentHeight() const;

    QString m_emptyText;
};

} // namespace mf
