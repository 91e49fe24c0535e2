#include "app/gui/augment/textpipelinemodel.h"

#include "core/text/textaugmentpipeline.h"
#include "core/util/error.h"

#include <QLocale>

#include <algorithm>

namespace mf {

struct TextPipelineModel::Private
{
    TextAugmentPipeline pipeline;
    std::shared_ptr<const TextAugmentPipeline> shared =
        std::make_shared<const TextAugmentPipeline>();
};

TextPipelineModel::TextPipelineModel(QObject *parent)
    : StepListModel(EnabledRole, parent), d(std::make_unique<Private>())
{
}

TextPipelineModel::~TextPipelineModel() = default;

QStringList TextPipelineModel::operationNames()
{
    QStringList names;
    for (const std::string &name : TextAugmentOp::names())
        names.append(QString::fromStdString(name));
    return names;
}

QString TextPipelineModel::title(const QString &op)
{
    if (op == QLatin1String("synonym_replacement"))
        return tr("Synonym replacement");
    if (op == QLatin1String("random_insertion"))
        return tr("Random insertion");
    if (op == QLatin1String("random_swap"))
        return tr("Random swap");
    if (op == QLatin1String("random_deletion"))
        return tr("Random deletion");
    if (op == QLatin1String("sentence_reorder"))
        return tr("Sentence reorder");
    return op;
}

QString TextPipelineModel::description(const QString &op)
{
    if (op == QLatin1String("synonym_replacement"))
        return tr("Replaces alpha × words non-stop words by WordNet synonyms.");
    if (op == QLatin1String("random_insertion"))
        return tr("Inserts a synonym of a random word at a random place, alpha × words times.");
    if (op == QLatin1String("random_swap"))
        return tr("Swaps two random words, alpha × words times.");
    if (op == QLatin1String("random_deletion"))
        return tr("Deletes each word with probability alpha.");
    if (op == QLatin1String("sentence_reorder"))
        return tr("Shuffles the sentences.");
    return QString();
}

int TextPipelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(d->pipeline.ops().size());
}

QVariant TextPipelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const TextAugmentOp &op = d->pipeline.ops()[static_cast<std::size_t>(index.row())];
    const QString name = QString::fromStdString(op.name());
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole: {
        QString text = tr("%1 · p %2").arg(title(name), locale.toString(op.probability, 'g', 3));
        if (op.usesAlpha())
            text += tr(" · alpha %1").arg(locale.toString(op.alpha, 'g', 3));
        return text;
    }
    case Qt::ToolTipRole:
        return description(name);
    case Qt::CheckStateRole:
        return op.enabled ? Qt::Checked : Qt::Unchecked;
    case OperationRole:
        return name;
    case ProbabilityRole:
        return op.probability;
    case AlphaRole:
        return op.usesAlpha() ? QVariant(op.alpha) : QVariant();
    case EnabledRole:
        return op.enabled;
    default:
        return QVariant();
    }
}

bool TextPipelineModel::isStepEnabled(int row) const
{
    return d->pipeline.ops()[static_cast<std::size_t>(row)].enabled;
}

void TextPipelineModel::setStepEnabled(int row, bool enabled)
{
    d->pipeline.ops()[static_cast<std::size_t>(row)].enabled = enabled;
}

void TextPipelineModel::moveSteps(int sourceRow, int count, int destinationChild)
{
    rotateSteps(d->pipeline.ops(), sourceRow, count, destinationChild);
}

void TextPipelineModel::eraseSteps(int row, int count)
{
    auto &steps = d->pipeline.ops();
    steps.erase(steps.begin() + row, steps.begin() + row + count);
}

void TextPipelineModel::stepsEdited()
{
    changed();
}

int TextPipelineModel::addOperation(const QString &op)
{
    const std::optional<TextAugmentKind> kind = TextAugmentOp::kindNamed(op.toStdString());
    if (!kind)
        return -1;
    TextAugmentOp step;
    step.kind = *kind;
    const int row = rowCount();
    beginInsertRows(QModelIndex(), row, row);
    d->pipeline.add(step);
    endInsertRows();
    changed();
    return row;
}

QString TextPipelineModel::setParameter(int row, const QString &key, double value)
{
    if (row < 0 || row >= rowCount())
        return tr("There is no step %1.").arg(row + 1);
    // The core's own checks, with its messages.
    nlohmann::json json = d->pipeline.toJson();
    json["operations"][static_cast<std::size_t>(row)][key.toStdString()] = value;
    TextAugmentPipeline edited;
    try {
        edited = TextAugmentPipeline::fromJson(json);
    } catch (const ConfigError &error) {
        return QString::fromStdString(error.what());
    }
    TextAugmentOp &op = d->pipeline.ops()[static_cast<std::size_t>(row)];
    const TextAugmentOp &read = edited.ops()[static_cast<std::size_t>(row)];
    if (op == read)
        return QString();
    op.probability = read.probability;
    op.alpha = read.alpha;
    const QModelIndex changedIndex = index(row);
    Q_EMIT dataChanged(changedIndex, changedIndex);
    changed();
    return QString();
}

QString TextPipelineModel::level() const
{
    return QString::fromStdString(TextAugmentPipeline::levelName(d->pipeline.level()));
}

void TextPipelineModel::setLevel(const QString &level)
{
    const TextLevel value = level == QLatin1String("word")   ? TextLevel::Word
                            : level == QLatin1String("char") ? TextLevel::Char
                                                             : TextLevel::Auto;
    if (value == d->pipeline.level())
        return;
    d->pipeline.setLevel(value);
    changed();
}

std::shared_ptr<const TextAugmentPipeline> TextPipelineModel::pipeline() const
{
    return d->shared;
}

void TextPipelineModel::setPipeline(const TextAugmentPipeline &pipeline)
{
    beginResetModel();
    d->pipeline = pipeline;
    endResetModel();
    changed();
}

void TextPipelineModel::changed()
{
    d->shared = std::make_shared<const TextAugmentPipeline>(d->pipeline);
    Q_EMIT pipelineChanged();
}

} // namespace mf
