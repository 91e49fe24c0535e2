#pragma once

#include <QListWidget>

namespace mf {

/// A vertical list of application sections, each an icon and a title. A disabled section stays
/// visible (greyed) with a tooltip saying what it will do, but cannot be chosen.
class SectionNavigator : public QListWidget
{
    Q_OBJECT
public:
    explicit SectionNavigator(QWidget *parent = nullptr);
    ~SectionNavigator() override;

    /// Appends a section and returns its index.
    int addSection(const QIcon &icon, const QString &title, const QString &toolTip,
                   bool enabled = true);
    int sectionCount() const;
    QString sectionTitle(int index) const;
    QString sectionToolTip(int index) const;
    bool isSectionEnabled(int index) const;
    void setSectionEnabled(int index, bool enabled);

    /// The chosen section, or -1 when none is.
    int currentSection() const;
    /// Chooses an enabled section (emitting sectionChosen when it changes); false for a disabled
    /// or unknown index, which leaves the choice as it was.
    bool setCurrentSection(int index);

    QSize sizeHint() const override;

Q_SIGNALS:
    void sectionChosen(int index);

private:
    void onCurrentRowChanged(int row);
};

} // namespace mf
