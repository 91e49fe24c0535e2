#include "app/gui/train/textmodelfields.h"

#include "app/gui/train/integerlist.h"
#include "core/models/modelspec.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QSpinBox>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace mf {

namespace {

QSpinBox *sizeBox(int max)
{
    auto *box = new QSpinBox;
    box->setRange(1, max);
    box->setAccelerated(true);
    return box;
}

const QStringList kRecurrent = {QStringLiteral("rnn"), QStringLiteral("gru"),
                                QStringLiteral("lstm")};

} // namespace

TextModelFields::TextModelFields(QFormLayout *form)
    : m_form(form), m_embeddingDim(sizeBox(1 << 16)), m_hiddenSize(sizeBox(1 << 16)),
      m_layers(sizeBox(16)), m_bidirectional(new QCheckBox(tr("Bidirectional"))),
      m_pooling(new QComboBox), m_kernelSizes(new QLineEdit), m_filters(sizeBox(1 << 16)),
      m_heads(sizeBox(64)), m_ffDim(sizeBox(1 << 18)), m_maxLength(sizeBox(1 << 16))
{
    m_embeddingDim->setToolTip(tr("Length of the vector each token id becomes"));
    m_hiddenSize->setToolTip(tr("Units of the recurrent layer (each way when bidirectional)"));
    m_layers->setToolTip(tr("Stacked recurrent or encoder layers"));
    m_bidirectional->setToolTip(tr("Also read each document from its end; needed to pre-train "
                                   "with masked tokens"));
    m_pooling->addItem(tr("Mean"), QStringLiteral("mean"));
    m_pooling->addItem(tr("Max"), QStringLiteral("max"));
    m_pooling->setToolTip(tr("How the embeddings of a document's tokens become one vector"));
    m_kernelSizes->setToolTip(tr("Widths of the convolutions in tokens, comma-separated: one set "
                                 "of filters for each"));
    m_filters->setToolTip(tr("Filters of each kernel width"));
    m_heads->setToolTip(tr("Attention heads of each layer; they must divide the embedding "
                           "dimension"));
    m_ffDim->setToolTip(tr("Width of each layer's feed-forward part"));
    m_maxLength->setToolTip(tr("Positions the encoder learns: at least the sequence length"));

    const QStringList all =
        kRecurrent + QStringList{QStringLiteral("bag"), QStringLiteral("textcnn"),
                                 QStringLiteral("transformer")};
    m_rows = {
        {"embedding_dim", m_embeddingDim, all},
        {"hidden_size", m_hiddenSize, kRecurrent},
        {"layers", m_layers, kRecurrent + QStringList{QStringLiteral("transformer")}},
        {"bidirectional", m_bidirectional, kRecurrent},
        {"pooling", m_pooling, {QStringLiteral("bag")}},
        {"kernel_sizes", m_kernelSizes, {QStringLiteral("textcnn")}},
        {"filters", m_filters, {QStringLiteral("textcnn")}},
        {"heads", m_heads, {QStringLiteral("transformer")}},
        {"ff_dim", m_ffDim, {QStringLiteral("transformer")}},
        {"max_length", m_maxLength, {QStringLiteral("transformer")}},
    };
    const QString labels[] = {tr("Embedding dimension"),
                              tr("Hidden size"),
                              tr("Layers"),
                              QString(),
                              tr("Pooling"),
                              tr("Kernel widths"),
                              tr("Filters per width"),
                              tr("Attention heads"),
                              tr("Feed-forward width"),
                              tr("Maximum length")};
    for (int i = 0; i < m_rows.size(); ++i) {
        m_form->addRow(labels[i], m_rows[i].editor);
        m_form->setRowVisible(m_rows[i].editor, false);
    }
}

QVector<QPair<QString, QWidget *>> TextModelFields::fields() const
{
    QVector<QPair<QString, QWidget *>> fields;
    for (const Row &row : m_rows)
        fields.append({fieldKeyOf(row.key), row.editor});
    return fields;
}

QString TextModelFields::fieldKeyOf(const std::string &specKey) const
{
    if (specKey == "layers")
        return QStringLiteral("model.encoder_layers");
    for (const Row &row : m_rows)
        if (specKey == row.key)
            return QStringLiteral("model.") + QString::fromLatin1(row.key);
    return QString();
}

void TextModelFields::load(const nlohmann::json &spec)
{
    const std::string type = spec.is_object() ? spec.value("type", std::string()) : std::string();
    if (!isTextModelType(type))
        return;
    nlohmann::json values = defaultModelSpec(type);
    values.update(spec);
    const auto integer = [&values](const char *key, QSpinBox *box) {
        if (values.contains(key) && values[key].is_number())
            box->setValue(
                int(std::clamp<double>(values[key].get<double>(), box->minimum(), box->maximum())));
    };
    integer("embedding_dim", m_embeddingDim);
    integer("hidden_size", m_hiddenSize);
    integer("layers", m_layers);
    integer("filters", m_filters);
    integer("heads", m_heads);
    integer("ff_dim", m_ffDim);
    integer("max_length", m_maxLength);
    if (values.contains("bidirectional") && values["bidirectional"].is_boolean())
        m_bidirectional->setChecked(values["bidirectional"].get<bool>());
    if (values.contains("pooling") && values["pooling"].is_string()) {
        const QString pooling = QString::fromStdString(values["pooling"].get<std::string>());
        if (m_pooling->findData(pooling) < 0)
            m_pooling->addItem(pooling, pooling); // validation names it
        m_pooling->setCurrentIndex(m_pooling->findData(pooling));
    }
    if (values.contains("kernel_sizes"))
        m_kernelSizes->setText(
            values["kernel_sizes"].is_string()
                ? QString::fromStdString(values["kernel_sizes"].get<std::string>())
                : integerListText(values["kernel_sizes"]));
}

void TextModelFields::write(nlohmann::json &spec) const
{
    const QString type = QString::fromStdString(spec.value("type", std::string()));
    for (const Row &row : m_rows) {
        if (!row.types.contains(type))
            continue;
        if (auto *box = qobject_cast<QSpinBox *>(row.editor))
            spec[row.key] = box->value();
    }
    if (kRecurrent.contains(type))
        spec["bidirectional"] = m_bidirectional->isChecked();
    if (type == QLatin1String("bag"))
        spec["pooling"] = m_pooling->currentData().toString().toStdString();
    if (type == QLatin1String("textcnn"))
        spec["kernel_sizes"] = integerListJson(m_kernelSizes->text());
}

void TextModelFields::showFor(const QString &type)
{
    for (const Row &row : m_rows)
        m_form->setRowVisible(row.editor, row.types.contains(type));
}

std::int64_t TextModelFields::maxLength() const
{
    return m_maxLength->value();
}

} // namespace mf
