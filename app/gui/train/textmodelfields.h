#pragma once

#include <QCoreApplication>
#include <QPair>
#include <QString>
#include <QVector>

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <string>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QLineEdit;
class QSpinBox;
class QWidget;

namespace mf {

/// The rows of the Train form's Model group that only text model types have (embedding
/// dimension, hidden size, layers, bidirectional, pooling, kernel widths, filters, heads,
/// feed-forward width, maximum length); each shows for the types that take its key
/// (core/models/modelspec.h). The keys every type shares (dropout, activation, initialisation)
/// stay the form's.
class TextModelFields
{
    Q_DECLARE_TR_FUNCTIONS(mf::TextModelFields)
public:
    /// Appends its rows to `form`.
    explicit TextModelFields(QFormLayout *form);

    /// Each editor with its field key: "model.<spec key>", except the number of layers,
    /// "model.encoder_layers" ("model.layers" is the image types' layer widths).
    QVector<QPair<QString, QWidget *>> fields() const;
    /// The field key of a model spec key ("layers" → "model.encoder_layers"); empty for a key
    /// no row edits.
    QString fieldKeyOf(const std::string &specKey) const;

    /// Shows the values of `spec`, and the defaults of its type for the keys it leaves out.
    void load(const nlohmann::json &spec);
    /// Writes the keys of `spec`'s type from the fields into `spec`.
    void write(nlohmann::json &spec) const;
    /// Shows the rows of the keys text type `type` takes; hides all for any other type.
    void showFor(const QString &type);
    std::int64_t maxLength() const;

private:
    struct Row
    {
        const char *key; ///< model spec key
        QWidget *editor;
        QStringList types; ///< the text types that take the key
    };

    QFormLayout *m_form;
    QSpinBox *m_embeddingDim;
    QSpinBox *m_hiddenSize;
    QSpinBox *m_layers;
    QCheckBox *m_bidirectional;
    QComboBox *m_pooling;
    QLineEdit *m_kernelSizes;
    QSpinBox *m_filters;
    QSpinBox *m_heads;
    QSpinBox *m_ffDim;
    QSpinBox *m_maxLength;
    QVector<Row> m_rows;
};

} // namespace mf
