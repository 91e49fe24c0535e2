#pragma once

#include <QCoreApplication>
#include <QPair>
#include <QString>
#include <QVector>

#include <nlohmann/json_fwd.hpp>

#include <cstdint>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QSpinBox;
class QWidget;

namespace mf {

/// The Train form's "Text" group: how a text dataset becomes token ids (TrainConfig "text":
/// vocabulary size, minimum frequency, sequence length, tokenizer, lower case, NFKC).
class TextSettingsFields
{
    Q_DECLARE_TR_FUNCTIONS(mf::TextSettingsFields)
public:
    TextSettingsFields();

    /// The group holding the fields; the caller's layout takes ownership of it.
    QGroupBox *group() const { return m_group; }
    /// Each editor with its config key ("text.max_vocab", …).
    QVector<QPair<QString, QWidget *>> fields() const;

    /// Shows a TrainConfig "text" object.
    void load(const nlohmann::json &text);
    /// The "text" object the fields describe.
    nlohmann::json json() const;
    std::int64_t sequenceLength() const;

private:
    QGroupBox *m_group;
    QSpinBox *m_maxVocab;
    QSpinBox *m_minFrequency;
    QSpinBox *m_sequenceLength;
    QComboBox *m_tokenizer;
    QCheckBox *m_lowerCase;
    QCheckBox *m_nfkc;
    QCheckBox *m_punctuation;
};

} // namespace mf
