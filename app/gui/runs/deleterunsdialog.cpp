#include "app/gui/runs/deleterunsdialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace mf {

DeleteRunsDialog::DeleteRunsDialog(const QList<Run> &runs, const QString &runsDirectory,
                                   QWidget *parent)
    : QDialog(parent), m_text(new QLabel), m_deleteFiles(new QCheckBox)
{
    setObjectName(QStringLiteral("deleteRunsDialog"));
    const QLocale locale;
    setWindowTitle(runs.size() == 1 ? tr("Delete run")
                                    : tr("Delete %1 runs").arg(locale.toString(runs.size())));

    QStringList lines;
    for (int i = 0; i < runs.size() && i < kNamedRuns; ++i) {
        const QString name = runs[i].name.isEmpty() ? tr("unnamed") : runs[i].name;
        lines.append(QStringLiteral("#%1 %2").arg(locale.toString(runs[i].id), name));
    }
    if (runs.size() > kNamedRuns)
        lines.append(tr("and %1 more").arg(locale.toString(runs.size() - kNamedRuns)));
    m_text->setTextFormat(Qt::PlainText);
    m_text->setWordWrap(true);
    m_text->setText(
        tr("Delete these runs with their parameters, metrics and checkpoint records?\n\n"
           "%1\n\nThis cannot be undone.")
            .arg(lines.join(QLatin1Char('\n'))));
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);

    m_deleteFiles->setObjectName(QStringLiteral("deleteRunFiles"));
    m_deleteFiles->setText(
        tr("Also delete their files (checkpoints, evaluations) in %1").arg(runsDirectory));
    m_deleteFiles->setChecked(false);

    auto *icon = new QLabel;
    const int side = style()->pixelMetric(QStyle::PM_MessageBoxIconSize, nullptr, this);
    icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(side, side));
    icon->setAlignment(Qt::AlignTop);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_deleteButton = buttons->addButton(tr("Delete"), QDialogButtonBox::DestructiveRole);
    m_deleteButton->setObjectName(QStringLiteral("confirmDelete"));
    buttons->button(QDialogButtonBox::Cancel)->setDefault(true);
    connect(m_deleteButton, &QPushButton::clicked, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *top = new QHBoxLayout;
    top->addWidget(icon);
    top->addWidget(m_text, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_deleteFiles);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

DeleteRunsDialog::~DeleteRunsDialog() = default;

bool DeleteRunsDialog::deleteFiles() const
{
    return m_deleteFiles->isChecked();
}

QString DeleteRunsDialog::text() const
{
    return m_text->text();
}

} // namespace mf
