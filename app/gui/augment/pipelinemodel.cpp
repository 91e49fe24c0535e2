#include "app/gui/augment/pipelinemodel.h"

#include "app/gui/augment/operationcatalog.h"
#include "core/augment/augmentfactory.h"
#include "core/augment/augmentpipeline.h"
#include "core/util/error.h"

#include <QLocale>

#include <algorithm>

#include <nlohmann/json.hpp>

#include <vector>

namespace mf {

namespace {

nlohmann::json toJsonValue(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Bool:
        return value.toBool();
    case QMetaType::Int:
    case QMetaType::LongLong:
    case QMetaType::UInt:
    case QMetaType::ULongLong:
        return value.toLongLong();
    case QMetaType::Double:
    case QMetaType::Float:
        return value.toDouble();
    case QMetaType::QString:
        return value.toString().toStdString();
    case QMetaType::QVariantList: {
        nlohmann::json array = nlohmann::json::array();
        for (const QVariant &item : value.toList())
            array.push_back(toJsonValue(item));
        return array;
    }
    default:
        return nullptr;
    }
}

QVariant toVariant(const nlohmann::json &value)
{
    if (value.is_boolean())
        return value.get<bool>();
    if (value.is_number_integer())
        return QVariant::fromValue(value.get<qlonglong>());
    if (value.is_number())
        return value.get<double>();
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    if (value.is_array()) {
        QVariantList list;
        for (const nlohmann::json &item : value)
            list.append(toVariant(item));
        return list;
    }
    return QVariant();
}

QString numberText(const nlohmann::json &value, const QLocale &locale)
{
    if (value.is_number_integer())
        return locale.toString(value.get<qlonglong>());
    if (value.is_number())
        return locale.toString(value.get<double>(), 'g', 3);
    if (value.is_array()) {
        QStringList items;
        for (const nlohmann::json &item : value)
            items.append(numberText(item, locale));
        return QStringLiteral("[%1]").arg(items.join(QStringLiteral(", ")));
    }
    if (value.is_string())
        return QString::fromStdString(value.get<std::string>());
    return QString::fromStdString(value.dump());
}

/// "p 0.5 · padding 4, zeros": what a row shows besides its title.
QString summaryOf(const nlohmann::json &spec)
{
    const QLocale locale;
    const QString op = QString::fromStdString(spec.value("op", std::string()));
    QStringList parts;
    if (!OperationCatalog::ignoresProbability(op))
        parts.append(PipelineModel::tr("p %1").arg(numberText(spec.at("probability"), locale)));
    QStringList values;
    for (const OperationParameter &parameter : OperationCatalog::parameters(op)) {
        const auto found = spec.find(parameter.key.toStdString());
        if (found != spec.end())
            values.append(numberText(*found, locale));
    }
    if (!values.isEmpty())
        parts.append(values.join(QStringLiteral(", ")));
    return parts.join(QStringLiteral(" · "));
}

/// The complete spec of `op` read from `spec`: every parameter written out. Throws
/// mf::ConfigError for a value the operation refuses.
nlohmann::json completeSpec(const nlohmann::json &spec, bool enabled)
{
    const std::string name = spec.at("op").get<std::string>();
    std::unique_ptr<AugmentOperation> operation = makeAugmentOperation(name);
    if (!operation)
        throw ConfigError("unknown operation \"" + name + "\"");
    operation->readJson(spec, "");
    nlohmann::json complete = operation->toJson();
    complete["enabled"] = enabled;
    return complete;
}

} // namespace

struct PipelineModel::Private
{
    std::vector<nlohmann::json> steps; ///< complete specs with "enabled"
    std::shared_ptr<const AugmentPipeline> pipeline = std::make_shared<const AugmentPipeline>();
};

PipelineModel::PipelineModel(QObject *parent)
    : StepListModel(EnabledRole, parent), d(std::make_unique<Private>())
{
}

PipelineModel::~PipelineModel() = default;

int PipelineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(d->steps.size());
}

QVariant PipelineModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return QVariant();
    const nlohmann::json &spec = d->steps[static_cast<std::size_t>(index.row())];
    const QString op = QString::fromStdString(spec.at("op").get<std::string>());
    const bool enabled = spec.at("enabled").get<bool>();
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1 · %2").arg(OperationCatalog::title(op), summaryOf(spec));
    case Qt::ToolTipRole:
        return QStringLiteral("%1\n%2").arg(OperationCatalog::description(op), summaryOf(spec));
    case Qt::CheckStateRole:
        return enabled ? Qt::Checked : Qt::Unchecked;
    case OperationRole:
        return op;
    case SummaryRole:
        return summaryOf(spec);
    case EnabledRole:
        return enabled;
    default:
        return QVariant();
    }
}

bool PipelineModel::isStepEnabled(int row) const
{
    return d->steps[static_cast<std::size_t>(row)].at("enabled").get<bool>();
}

void PipelineModel::setStepEnabled(int row, bool enabled)
{
    d->steps[static_cast<std::size_t>(row)]["enabled"] = enabled;
}

void PipelineModel::moveSteps(int sourceRow, int count, int destinationChild)
{
    rotateSteps(d->steps, sourceRow, count, destinationChild);
}

void PipelineModel::eraseSteps(int row, int count)
{
    auto &steps = d->steps;
    steps.erase(steps.begin() + row, steps.begin() + row + count);
}

void PipelineModel::stepsEdited()
{
    rebuild();
}

int PipelineModel::addOperation(const QString &op)
{
    const std::unique_ptr<AugmentOperation> operation = makeAugmentOperation(op.toStdString());
    if (!operation)
        return -1;
    const int row = rowCount();
    nlohmann::json spec = operation->toJson();
    spec["enabled"] = true;
    beginInsertRows(QModelIndex(), row, row);
    d->steps.push_back(std::move(spec));
    endInsertRows();
    rebuild();
    return row;
}

QString PipelineModel::setParameter(int row, const QString &key, const QVariant &value)
{
    if (row < 0 || row >= rowCount())
        return tr("There is no step %1.").arg(row + 1);
    nlohmann::json &spec = d->steps[static_cast<std::size_t>(row)];
    nlohmann::json edited = spec;
    edited[key.toStdString()] = toJsonValue(value);
    try {
        edited = completeSpec(edited, spec.at("enabled").get<bool>());
    } catch (const ConfigError &error) {
        return QString::fromStdString(error.what());
    }
    if (edited == spec)
        return QString();
    spec = std::move(edited);
    const QModelIndex changed = index(row);
    Q_EMIT dataChanged(changed, changed, {Qt::DisplayRole, Qt::ToolTipRole, SummaryRole});
    rebuild();
    return QString();
}

QVariant PipelineModel::parameter(int row, const QString &key) const
{
    if (row < 0 || row >= rowCount())
        return QVariant();
    const nlohmann::json &spec = d->steps[static_cast<std::size_t>(row)];
    const auto found = spec.find(key.toStdString());
    return found == spec.end() ? QVariant() : toVariant(*found);
}

QString PipelineModel::operation(int row) const
{
    return row >= 0 && row < rowCount() ? data(index(row), OperationRole).toString() : QString();
}

std::shared_ptr<const AugmentPipeline> PipelineModel::pipeline() const
{
    return d->pipeline;
}

void PipelineModel::setPipeline(const AugmentPipeline &pipeline)
{
    beginResetModel();
    d->steps.clear();
    const nlohmann::json json = pipeline.toJson();
    for (const nlohmann::json &spec : json.at("operations"))
        d->steps.push_back(spec);
    endResetModel();
    rebuild();
}

void PipelineModel::rebuild()
{
    nlohmann::json operations = nlohmann::json::array();
    for (const nlohmann::json &spec : d->steps)
        operations.push_back(spec);
    d->pipeline = std::make_shared<const AugmentPipeline>(
        AugmentPipeline::fromJson({{"operations", std::move(operations)}}));
    Q_EMIT pipelineChanged();
}

} // namespace mf
