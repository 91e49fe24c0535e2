#include "app/gui/augment/previewpanel.h"

#include "app/gui/augment/previewdelegate.h"
#include "app/gui/augment/previewmodel.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QRegularExpressionValidator>
#include <QSpinBox>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>
#include <set>

namespace mf {

namespace {

constexpr int kMaxSamples = 16;
constexpr int kMaxVariants = 12;

QString samplesText(const QVector<qint64> &samples)
{
    QStringList items;
    for (qint64 sample : samples)
        items.append(QString::number(sample));
    return items.join(QStringLiteral(", "));
}

} // namespace

PreviewPanel::PreviewPanel(PreviewModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_samplesEdit(new QLineEdit),
      m_randomButton(new QPushButton(tr("Random"))), m_nextButton(new QPushButton(tr("Next"))),
      m_variantsSpin(new QSpinBox), m_seedEdit(new QLineEdit), m_epochSpin(new QSpinBox),
      m_showDrawnCheck(new QCheckBox(tr("Show drawn parameters"))), m_error(new QLabel),
      m_renderError(new QLabel), m_status(new QLabel), m_view(new QTableView),
      m_delegate(new PreviewDelegate(this))
{
    m_samplesEdit->setObjectName(QStringLiteral("samplesEdit"));
    m_samplesEdit->setToolTip(
        tr("Indices of training samples, separated by commas (at most %1)").arg(kMaxSamples));
    m_samplesEdit->setMinimumWidth(120);
    m_randomButton->setObjectName(QStringLiteral("randomSamplesButton"));
    m_randomButton->setToolTip(tr("Show as many other samples, chosen at random"));
    m_nextButton->setObjectName(QStringLiteral("nextSamplesButton"));
    m_nextButton->setToolTip(tr("Show the samples that follow the last one"));
    m_variantsSpin->setObjectName(QStringLiteral("variantsSpin"));
    m_variantsSpin->setRange(1, kMaxVariants);
    m_variantsSpin->setValue(model->variants());
    m_variantsSpin->setToolTip(tr("Variants per sample; variant v is drawn with seed + v"));
    m_seedEdit->setObjectName(QStringLiteral("seedEdit"));
    m_seedEdit->setValidator(new QRegularExpressionValidator(
        QRegularExpression(QStringLiteral("[0-9]{1,20}")), m_seedEdit));
    m_seedEdit->setText(QString::number(model->seed()));
    m_seedEdit->setMaximumWidth(180);
    m_seedEdit->setToolTip(tr("The run seed: with the seed and epoch of a run, the first variant "
                              "is what that run trains on"));
    m_epochSpin->setObjectName(QStringLiteral("epochSpin"));
    m_epochSpin->setRange(1, 1000000);
    m_epochSpin->setValue(model->epoch());
    m_epochSpin->setToolTip(tr("Training epoch, counted from 1"));
    m_showDrawnCheck->setObjectName(QStringLiteral("showDrawnCheck"));
    m_error->setObjectName(QStringLiteral("previewError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    m_renderError->setObjectName(QStringLiteral("previewRenderError"));
    m_renderError->setWordWrap(true);
    m_renderError->setStyleSheet(m_error->styleSheet());
    m_renderError->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_renderError->hide();
    m_status->setObjectName(QStringLiteral("previewStatus"));
    m_status->setForegroundRole(QPalette::PlaceholderText);

    m_view->setObjectName(QStringLiteral("previewGrid"));
    m_view->setModel(model);
    m_view->setItemDelegate(m_delegate);
    m_view->setShowGrid(false);
    m_view->setSelectionMode(QAbstractItemView::NoSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_view->verticalHeader()->setDefaultAlignment(Qt::AlignCenter);

    auto *samplesRow = new QHBoxLayout;
    auto *samplesLabel = new QLabel(tr("&Samples:"));
    samplesLabel->setBuddy(m_samplesEdit);
    samplesRow->addWidget(samplesLabel);
    samplesRow->addWidget(m_samplesEdit, 1);
    samplesRow->addWidget(m_randomButton);
    samplesRow->addWidget(m_nextButton);
    auto *variantsLabel = new QLabel(tr("&Variants:"));
    variantsLabel->setBuddy(m_variantsSpin);
    samplesRow->addSpacing(8);
    samplesRow->addWidget(variantsLabel);
    samplesRow->addWidget(m_variantsSpin);

    auto *drawRow = new QHBoxLayout;
    auto *seedLabel = new QLabel(tr("S&eed:"));
    seedLabel->setBuddy(m_seedEdit);
    auto *epochLabel = new QLabel(tr("E&poch:"));
    epochLabel->setBuddy(m_epochSpin);
    drawRow->addWidget(seedLabel);
    drawRow->addWidget(m_seedEdit);
    drawRow->addSpacing(8);
    drawRow->addWidget(epochLabel);
    drawRow->addWidget(m_epochSpin);
    drawRow->addSpacing(8);
    drawRow->addWidget(m_showDrawnCheck);
    drawRow->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(samplesRow);
    layout->addLayout(drawRow);
    layout->addWidget(m_error);
    layout->addWidget(m_renderError);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_status);

    connect(m_samplesEdit, &QLineEdit::editingFinished, this, &PreviewPanel::applySamplesText);
    connect(m_randomButton, &QPushButton::clicked, this, &PreviewPanel::showRandomSamples);
    connect(m_nextButton, &QPushButton::clicked, this, &PreviewPanel::showNextSamples);
    connect(m_variantsSpin, &QSpinBox::valueChanged, model, &PreviewModel::setVariants);
    connect(m_seedEdit, &QLineEdit::textEdited, this, &PreviewPanel::applySeedText);
    connect(m_epochSpin, &QSpinBox::valueChanged, model, &PreviewModel::setEpoch);
    connect(m_showDrawnCheck, &QCheckBox::toggled, this, &PreviewPanel::setShowDrawn);
    connect(model, &PreviewModel::refreshed, this, [this] {
        updateLayout();
        updateStatus();
    });
}

PreviewPanel::~PreviewPanel() = default;

QVector<qint64> PreviewPanel::parseSamples(const QString &text, qint64 count, QString *error)
{
    QVector<qint64> samples;
    const QStringList items =
        text.split(QRegularExpression(QStringLiteral("[,;\\s]+")), Qt::SkipEmptyParts);
    for (const QString &item : items) {
        bool ok = false;
        const qint64 value = item.toLongLong(&ok);
        if (!ok || value < 0 || value >= count) {
            if (error)
                *error = count > 0 ? tr("“%1” is not a sample index from 0 to %2.")
                                         .arg(item, QLocale().toString(count - 1))
                                   : tr("There are no samples to show.");
            return {};
        }
        samples.append(value);
    }
    if (samples.isEmpty() && error)
        *error = tr("Enter at least one sample index.");
    else if (samples.size() > kMaxSamples) {
        if (error)
            *error = tr("Enter at most %1 samples.").arg(kMaxSamples);
        return {};
    }
    return samples;
}

void PreviewPanel::setSamples(const QVector<qint64> &samples)
{
    m_samplesEdit->setText(samplesText(samples));
    applySamplesText();
}

void PreviewPanel::applySamplesText()
{
    QString error;
    const QVector<qint64> samples =
        parseSamples(m_samplesEdit->text(), m_model->sampleCount(), &error);
    if (samples.isEmpty()) {
        m_error->setText(error);
        m_error->show();
        return;
    }
    m_error->hide();
    m_model->setSamples(samples);
}

void PreviewPanel::applySeedText()
{
    bool ok = false;
    const quint64 seed = m_seedEdit->text().toULongLong(&ok);
    if (ok)
        m_model->setSeed(seed);
}

void PreviewPanel::showRandomSamples()
{
    const qint64 count = m_model->sampleCount();
    if (count <= 0)
        return;
    const qint64 wanted = std::min<qint64>(std::max<qint64>(1, m_model->samples().size()), count);
    std::set<qint64> chosen;
    QVector<qint64> samples;
    while (static_cast<qint64>(samples.size()) < wanted) {
        const qint64 sample = QRandomGenerator::global()->bounded(count);
        if (chosen.insert(sample).second)
            samples.append(sample);
    }
    setSamples(samples);
}

void PreviewPanel::showNextSamples()
{
    const qint64 count = m_model->sampleCount();
    if (count <= 0)
        return;
    const QVector<qint64> current = m_model->samples();
    const qint64 wanted = std::min<qint64>(std::max<qint64>(1, current.size()), count);
    qint64 next = current.isEmpty() ? 0 : *std::max_element(current.begin(), current.end()) + 1;
    QVector<qint64> samples;
    for (qint64 i = 0; i < wanted; ++i)
        samples.append((next + i) % count);
    setSamples(samples);
}

void PreviewPanel::setShowDrawn(bool show)
{
    if (m_showDrawnCheck->isChecked() != show) {
        m_showDrawnCheck->setChecked(show);
        return;
    }
    m_delegate->setShowDrawn(show);
    updateLayout();
    m_view->viewport()->update();
}

void PreviewPanel::updateLayout()
{
    int longest = 0;
    int lines = 0;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        for (int c = 0; c < m_model->columnCount(); ++c) {
            const QModelIndex index = m_model->index(r, c);
            const QList<int> shape = index.data(PreviewModel::ShapeRole).value<QList<int>>();
            if (shape.size() == 3)
                longest = std::max({longest, shape[1], shape[2]});
            lines = std::max(
                lines, static_cast<int>(index.data(PreviewModel::DrawnRole).toStringList().size()));
        }
    }
    // Whole multiples for small images (28 px: 3x), a cap for large ones.
    const int tile = longest <= 0    ? 96
                     : longest >= 96 ? 112
                                     : std::clamp(longest * (96 / longest), 64, 112);
    m_delegate->setTileSize(tile);
    m_delegate->setTextLines(lines);
    QStyleOptionViewItem option;
    option.font = m_view->font();
    const QSize cell = m_delegate->sizeHint(option, QModelIndex());
    m_view->horizontalHeader()->setDefaultSectionSize(cell.width());
    m_view->verticalHeader()->setDefaultSectionSize(cell.height());
    for (int c = 0; c < m_model->columnCount(); ++c)
        m_view->horizontalHeader()->resizeSection(c, cell.width());
    for (int r = 0; r < m_model->rowCount(); ++r)
        m_view->verticalHeader()->resizeSection(r, cell.height());
}

void PreviewPanel::updateStatus()
{
    const QString error = m_model->errorText();
    m_renderError->setText(error.isEmpty() ? QString()
                                           : tr("The variants cannot be drawn: %1").arg(error));
    m_renderError->setVisible(!error.isEmpty());
    const QLocale locale;
    m_status->setText(tr("%1 × %2 tiles drawn in %3 ms")
                          .arg(locale.toString(m_model->rowCount()),
                               locale.toString(std::max(0, m_model->columnCount() - 1)),
                               locale.toString(m_model->lastRenderMs(), 'f', 1)));
}

} // namespace mf
