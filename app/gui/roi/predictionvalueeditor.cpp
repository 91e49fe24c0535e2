#include "app/gui/roi/predictionvalueeditor.h"

#include "app/gui/roi/roiformat.h"

#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>
#include <limits>

namespace mf {

namespace {

QTableWidget *matrixTable(QWidget *parent, const QString &name)
{
    auto *table = new QTableWidget(parent);
    table->setObjectName(name);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
    table->setMaximumHeight(260);
    return table;
}

void resizeMatrix(std::vector<std::vector<double>> &matrix, std::size_t n)
{
    matrix.resize(n);
    for (auto &row : matrix)
        row.resize(n, 0.0);
}

} // namespace

PredictionValueEditor::PredictionValueEditor(QWidget *parent)
    : QWidget(parent), m_classes(new QLineEdit), m_benefitCaption(new QLabel),
      m_benefit(matrixTable(this, QStringLiteral("predictionValue.benefit"))),
      m_benefitSource(new QLineEdit),
      m_confusion(matrixTable(this, QStringLiteral("predictionValue.confusion"))),
      m_confusionSource(new QLineEdit), m_problems(new QLabel)
{
    m_classes->setObjectName(QStringLiteral("predictionValue.classes"));
    m_classes->setToolTip(tr("The classes of the model, separated by commas, in the order of "
                             "the matrices' rows and columns"));
    m_benefitCaption->setWordWrap(true);
    auto *confusionCaption = new QLabel(
        tr("How often each outcome happens: the test set's confusion matrix (counts), rows true "
           "class, columns predicted. Fill from run takes a run's measured matrix."));
    confusionCaption->setWordWrap(true);
    m_benefitSource->setPlaceholderText(tr("How the benefit figures were derived"));
    m_confusionSource->setPlaceholderText(tr("Where the counts come from"));
    m_problems->setWordWrap(true);
    m_problems->setTextFormat(Qt::PlainText);
    m_problems->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_problems->setObjectName(QStringLiteral("predictionValue.problem"));
    m_problems->setVisible(false);

    auto *classesRow = new QFormLayout;
    classesRow->setContentsMargins(0, 0, 0, 0);
    classesRow->addRow(tr("Classes"), m_classes);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(classesRow);
    layout->addWidget(m_benefitCaption);
    layout->addWidget(m_benefit);
    layout->addWidget(m_benefitSource);
    layout->addWidget(confusionCaption);
    layout->addWidget(m_confusion);
    layout->addWidget(m_confusionSource);
    layout->addWidget(m_problems);

    connect(m_classes, &QLineEdit::textEdited, this, &PredictionValueEditor::onClassesEdited);
    connect(m_benefit, &QTableWidget::cellChanged, this, [this](int row, int column) {
        onCellChanged(m_benefit, m_value.benefit, row, column);
    });
    connect(m_confusion, &QTableWidget::cellChanged, this, [this](int row, int column) {
        onCellChanged(m_confusion, m_value.confusion, row, column);
    });
    connect(m_benefitSource, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_value.benefitSource = text.toStdString();
        Q_EMIT edited();
    });
    connect(m_confusionSource, &QLineEdit::textEdited, this, [this](const QString &text) {
        m_value.confusionSource = text.toStdString();
        Q_EMIT edited();
    });
    setCurrency(QStringLiteral("USD"));
}

PredictionValueEditor::~PredictionValueEditor() = default;

void PredictionValueEditor::setPredictionValue(const roi::PredictionValue &value)
{
    m_value = value;
    QStringList names;
    for (const std::string &name : value.classes)
        names.append(QString::fromStdString(name));
    m_classes->setText(names.join(QStringLiteral(", ")));
    m_benefitSource->setText(QString::fromStdString(value.benefitSource));
    m_confusionSource->setText(QString::fromStdString(value.confusionSource));
    fillTable(m_benefit, m_value.benefit);
    fillTable(m_confusion, m_value.confusion);
}

void PredictionValueEditor::setCurrency(const QString &currency)
{
    m_currency = currency;
    m_benefitCaption->setText(
        tr("What each outcome is worth, in %1 per prediction (a cost is negative): rows true "
           "class, columns predicted class.")
            .arg(currency));
}

void PredictionValueEditor::setProblem(const std::string &key, const QString &reason)
{
    if (key == "predictionValue.classes")
        m_classesProblem = reason;
    else if (key == "predictionValue.benefit")
        m_benefitProblem = reason;
    else if (key == "predictionValue.confusion")
        m_confusionProblem = reason;
    updateProblems();
}

void PredictionValueEditor::updateProblems()
{
    QStringList lines;
    if (!m_classesProblem.isEmpty())
        lines.append(tr("Classes: %1").arg(m_classesProblem));
    if (!m_benefitProblem.isEmpty())
        lines.append(tr("Benefit matrix: %1").arg(m_benefitProblem));
    if (!m_confusionProblem.isEmpty())
        lines.append(tr("Confusion matrix: %1").arg(m_confusionProblem));
    m_problems->setText(lines.join(QLatin1Char('\n')));
    m_problems->setVisible(!lines.isEmpty());
}

void PredictionValueEditor::onClassesEdited(const QString &text)
{
    std::vector<std::string> classes;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (!part.trimmed().isEmpty())
            classes.push_back(part.trimmed().toStdString());
    m_value.classes = classes;
    const std::size_t n = classes.size();
    if (n > 0 || !m_value.benefit.empty())
        resizeMatrix(m_value.benefit, n);
    if (!m_value.confusion.empty())
        resizeMatrix(m_value.confusion, n);
    fillTable(m_benefit, m_value.benefit);
    fillTable(m_confusion, m_value.confusion);
    Q_EMIT edited();
}

void PredictionValueEditor::onCellChanged(QTableWidget *table,
                                          std::vector<std::vector<double>> &matrix, int row,
                                          int column)
{
    if (m_filling)
        return;
    if (matrix.empty())
        resizeMatrix(matrix, m_value.classes.size());
    if (row >= int(matrix.size()) || column >= int(matrix[std::size_t(row)].size()))
        return;
    const std::optional<double> parsed =
        RoiFormat::parseField(table->item(row, column)->text(), QLocale());
    matrix[std::size_t(row)][std::size_t(column)] =
        parsed ? *parsed : std::numeric_limits<double>::quiet_NaN();
    Q_EMIT edited();
}

void PredictionValueEditor::fillTable(QTableWidget *table,
                                      const std::vector<std::vector<double>> &matrix)
{
    m_filling = true;
    const int n = int(m_value.classes.size());
    table->clear();
    table->setRowCount(n);
    table->setColumnCount(n);
    QStringList rows, columns;
    for (const std::string &name : m_value.classes) {
        rows.append(tr("true %1").arg(QString::fromStdString(name)));
        columns.append(tr("predicted %1").arg(QString::fromStdString(name)));
    }
    table->setVerticalHeaderLabels(rows);
    table->setHorizontalHeaderLabels(columns);
    const QLocale locale;
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j) {
            const bool has = i < int(matrix.size()) && j < int(matrix[std::size_t(i)].size());
            auto *item = new QTableWidgetItem(
                has ? RoiFormat::fieldText(matrix[std::size_t(i)][std::size_t(j)], locale)
                    : QString());
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            table->setItem(i, j, item);
        }
    table->setVisible(n > 0);
    m_filling = false;
}

} // namespace mf
