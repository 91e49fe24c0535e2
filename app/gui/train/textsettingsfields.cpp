#include "app/gui/train/textsettingsfields.h"

#include "core/train/trainconfig.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QSpinBox>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <limits>

namespace mf {

namespace {

QSpinBox *countBox(int min, int max)
{
    auto *box = new QSpinBox;
    box->setRange(min, max);
    box->setAccelerated(true);
    box->setGroupSeparatorShown(true);
    return box;
}

int clamped(std::int64_t value)
{
    return int(std::clamp<std::int64_t>(value, 0, std::numeric_limits<int>::max()));
}

} // namespace

TextSettingsFields::TextSettingsFields()
    : m_group(new QGroupBox(tr("Text"))), m_maxVocab(countBox(0, 1 << 24)),
      m_minFrequency(countBox(1, std::numeric_limits<int>::max())),
      m_sequenceLength(countBox(1, 1 << 20)), m_tokenizer(new QComboBox),
      m_lowerCase(new QCheckBox(tr("Lower case"))), m_nfkc(new QCheckBox(tr("NFKC normalisation"))),
      m_punctuation(new QCheckBox(tr("Punctuation as tokens")))
{
    auto *form = new QFormLayout(m_group);
    m_maxVocab->setSpecialValueText(tr("No limit"));
    m_maxVocab->setToolTip(tr("Entries of the vocabulary built from the training split, the "
                              "padding and unknown tokens included; the most frequent words "
                              "are kept"));
    form->addRow(tr("Vocabulary size"), m_maxVocab);
    m_minFrequency->setToolTip(tr("A word seen fewer times in the training split reads as "
                                  "unknown"));
    form->addRow(tr("Minimum frequency"), m_minFrequency);
    m_sequenceLength->setToolTip(tr("Tokens read of each document: longer ones are cut"));
    form->addRow(tr("Sequence length"), m_sequenceLength);
    m_tokenizer->addItem(tr("Words (CJK per character)"), QStringLiteral("words"));
    m_tokenizer->addItem(tr("ICU dictionary words"), QStringLiteral("icu_words"));
    m_tokenizer->setToolTip(tr("Both split at Unicode word boundaries. Chinese and Japanese "
                               "text becomes one token per character, or ICU's dictionary "
                               "words."));
    form->addRow(tr("Tokenizer"), m_tokenizer);
    m_lowerCase->setToolTip(tr("Full Unicode case folding"));
    form->addRow(QString(), m_lowerCase);
    m_nfkc->setToolTip(tr("Unicode NFKC: full-width letters and digits, ligatures and other "
                          "compatibility forms read as their plain form"));
    form->addRow(QString(), m_nfkc);
    m_punctuation->setToolTip(tr("Each punctuation mark or symbol becomes a token of its own "
                                 "instead of only separating words; short texts often say "
                                 "much through quotes, dashes and question marks"));
    form->addRow(QString(), m_punctuation);
}

QVector<QPair<QString, QWidget *>> TextSettingsFields::fields() const
{
    return {{QStringLiteral("text.max_vocab"), m_maxVocab},
            {QStringLiteral("text.min_frequency"), m_minFrequency},
            {QStringLiteral("text.sequence_length"), m_sequenceLength},
            {QStringLiteral("text.tokenizer"), m_tokenizer},
            {QStringLiteral("text.lower_case"), m_lowerCase},
            {QStringLiteral("text.nfkc"), m_nfkc},
            {QStringLiteral("text.punctuation"), m_punctuation}};
}

void TextSettingsFields::load(const nlohmann::json &text)
{
    TextConfig config;
    if (text.is_object())
        from_json(text, config);
    m_maxVocab->setValue(clamped(config.maxVocab));
    m_minFrequency->setValue(clamped(config.minFrequency));
    m_sequenceLength->setValue(clamped(config.sequenceLength));
    const QString tokenizer = QString::fromStdString(config.tokenizer);
    if (m_tokenizer->findData(tokenizer) < 0)
        m_tokenizer->addItem(tokenizer, tokenizer); // validation names it
    m_tokenizer->setCurrentIndex(m_tokenizer->findData(tokenizer));
    m_lowerCase->setChecked(config.lowerCase);
    m_nfkc->setChecked(config.nfkc);
    m_punctuation->setChecked(config.punctuation);
}

nlohmann::json TextSettingsFields::json() const
{
    TextConfig config;
    config.maxVocab = m_maxVocab->value();
    config.minFrequency = m_minFrequency->value();
    config.sequenceLength = m_sequenceLength->value();
    config.tokenizer = m_tokenizer->currentData().toString().toStdString();
    config.lowerCase = m_lowerCase->isChecked();
    config.nfkc = m_nfkc->isChecked();
    config.punctuation = m_punctuation->isChecked();
    return config;
}

std::int64_t TextSettingsFields::sequenceLength() const
{
    return m_sequenceLength->value();
}

} // namespace mf
