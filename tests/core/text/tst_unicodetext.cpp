// ICU-backed text processing: UAX #29 word segmentation, Chinese dictionary segmentation, full
// case folding, NFKC, character properties and invalid UTF-8.
#include "core/text/tokenizer.h"
#include "core/text/unicode.h"
#include "core/text/utf8.h"
#include "tests/support/testsuite.h"

#include <QtTest/QtTest>

#include <algorithm>
#include <random>
#include <thread>

namespace {

using Strings = std::vector<std::string>;

mf::Tokenizer tokenizer(mf::Segmentation segmentation, bool nfkc = false, bool lowerCase = true)
{
    mf::TokenizerOptions options;
    options.segmentation = segmentation;
    options.nfkc = nfkc;
    options.lowerCase = lowerCase;
    return mf::Tokenizer(options);
}

} // namespace

class TestUnicodeText : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void defaultsKeepCharacterSegmentation()
    {
        const mf::Tokenizer plain;
        QVERIFY(plain.lowerCase());
        QVERIFY(plain.segmentation() == mf::Segmentation::CjkCharacters);
        QVERIFY(!plain.nfkc());
        QVERIFY(!mf::Tokenizer(false).lowerCase());
    }

    void wordBoundaries_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Strings>("tokens");
        QTest::newRow("contraction")
            << "I can't, you can’t" << Strings{"i", "can't", "you", "can't"};
        QTest::newRow("decimals and thousands")
            << "pi is 3.14, 1,000 or 2.5e3." << Strings{"pi", "is", "3.14", "1,000", "or", "2.5e3"};
        QTest::newRow("hyphen splits")
            << "e-mail well-known" << Strings{"e", "mail", "well", "known"};
        QTest::newRow("underscores join, but alone are no word")
            << "a ____ b __init__ 12_000" << Strings{"a", "b", "__init__", "12_000"};
        QTest::newRow("abbreviations") << "U.S.A. e.g. etc." << Strings{"u.s.a", "e.g", "etc"};
        QTest::newRow("url") << "See https://example.com/a_b?x=1#top."
                             << Strings{"see", "https", "example.com", "a_b", "x", "1", "top"};
        QTest::newRow("e-mail address stays whole")
            << "Write to dev@example.org!" << Strings{"write", "to", "dev@example.org"};
        QTest::newRow("quotes are not apostrophes")
            << "'hi' \"there\" ‘x’" << Strings{"hi", "there", "x"};
        QTest::newRow("emoji sequence separates")
            << "a👩‍💻b 👍🏽c" << Strings{"a", "b", "c"};
        QTest::newRow("Thai by dictionary") << "สวัสดีครับ" << Strings{"สวัสดี", "ครับ"};
        QTest::newRow("Arabic and Hebrew")
            << "مرحبا بالعالم שלום" << Strings{"مرحبا", "بالعالم", "שלום"};
        QTest::newRow("accents as combining marks")
            << "Cafe\u0301 nai\u0308ve" << Strings{"cafe\u0301", "nai\u0308ve"};
    }

    void wordBoundaries()
    {
        QFETCH(QString, text);
        QFETCH(Strings, tokens);
        QCOMPARE(mf::Tokenizer().tokenize(text.toStdString()), tokens);
        QCOMPARE(tokenizer(mf::Segmentation::Words).tokenize(text.toStdString()), tokens);
    }

    void punctuationTokens_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Strings>("tokens");
        QTest::addColumn<Strings>("words"); // the same text without the option
        QTest::newRow("each mark alone")
            << "Wait... what?!" << Strings{"wait", ".", ".", ".", "what", "?", "!"}
            << Strings{"wait", "what"};
        QTest::newRow("words keep their inner marks")
            << "I can't: 3.14, e-mail" << Strings{"i", "can't", ":", "3.14", ",", "e", "-", "mail"}
            << Strings{"i", "can't", "3.14", "e", "mail"};
        QTest::newRow("quotes; apostrophes as '")
            << "\"Hi\" ‘x’ «y»" << Strings{"\"", "hi", "\"", "'", "x", "'", "«", "y", "»"}
            << Strings{"hi", "x", "y"};
        QTest::newRow("symbols, an emoji with its selector")
            << "$5 + 2 = ☺\uFE0F" << Strings{"$", "5", "+", "2", "=", "☺\uFE0F"}
            << Strings{"5", "2"};
        QTest::newRow("underscores alone")
            << "a __ b" << Strings{"a", "_", "_", "b"} << Strings{"a", "b"};
        QTest::newRow("spaces, controls and U+FFFD only separate")
            << "a\t\u00A0b \uFFFD c" << Strings{"a", "b", "c"} << Strings{"a", "b", "c"};
        QTest::newRow("CJK punctuation")
            << "你好，世界。" << Strings{"你", "好", "，", "世", "界", "。"}
            << Strings{"你", "好", "世", "界"};
    }

    void punctuationTokens()
    {
        QFETCH(QString, text);
        QFETCH(Strings, tokens);
        QFETCH(Strings, words);
        mf::TokenizerOptions options;
        options.punctuation = true;
        const mf::Tokenizer withPunctuation(options);
        QVERIFY(withPunctuation.punctuation());
        QCOMPARE(withPunctuation.tokenize(text.toStdString()), tokens);
        QVERIFY(!mf::Tokenizer().punctuation());
        QCOMPARE(mf::Tokenizer().tokenize(text.toStdString()), words);
    }

    void chineseDictionaryWords()
    {
        const std::string text = "我们在北京大学学习。";
        QCOMPARE(tokenizer(mf::Segmentation::Words).tokenize(text),
                 (Strings{"我们", "在", "北京", "大学", "学习"}));
        QCOMPARE(mf::Tokenizer().tokenize(text),
                 (Strings{"我", "们", "在", "北", "京", "大", "学", "学", "习"}));
        for (const std::string &token : tokenizer(mf::Segmentation::Words).tokenize(text))
            QVERIFY(mf::Tokenizer::isCjkToken(token));
        QVERIFY(!mf::Tokenizer::isCjkToken("北a"));
        QVERIFY(!mf::Tokenizer::isCjkToken("。"));
        QVERIFY(!mf::Tokenizer::isCjkToken(""));
    }

    void japaneseAndKorean()
    {
        const std::string japanese = "東京タワーに行きました";
        const Strings words = tokenizer(mf::Segmentation::Words).tokenize(japanese);
        QVERIFY(words.size() > 1);
        QVERIFY(std::find(words.begin(), words.end(), "東京タワー") != words.end());
        QVERIFY(std::find(words.begin(), words.end(), "行き") != words.end());
        QCOMPARE(mf::Tokenizer().tokenize(japanese).size(), std::size_t(11));
        // Korean is written with spaces: words by them, or one syllable a token.
        QCOMPARE(tokenizer(mf::Segmentation::Words).tokenize("한국어 텍스트"),
                 (Strings{"한국어", "텍스트"}));
        QCOMPARE(mf::Tokenizer().tokenize("한국어 텍스트"),
                 (Strings{"한", "국", "어", "텍", "스", "트"}));
    }

    void cjkCharactersKeepTheirMarks()
    {
        // が as か + combining voiced mark; 가 as conjoining jamo; an ideographic variation.
        QCOMPARE(mf::Tokenizer().tokenize("か\u3099き"), (Strings{"か\u3099", "き"}));
        QCOMPARE(mf::Tokenizer().tokenize("\u1100\u1161\u11A8나"),
                 (Strings{"\u1100\u1161\u11A8", "나"}));
        QCOMPARE(mf::Tokenizer().tokenize("葛\U000E0100飾"), (Strings{"葛\U000E0100", "飾"}));
        // Text between CJK characters is segmented on its own, although UAX #29 would join
        // Hangul (a letter to it) with "abc", or katakana with "_x".
        QCOMPARE(mf::Tokenizer().tokenize("한국abc カ_x"),
                 (Strings{"한", "국", "abc", "カ", "_x"}));
    }

    void fullCaseFolding_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<Strings>("tokens");
        QTest::newRow("sharp s") << "Straße STRASSE straße"
                                 << Strings{"strasse", "strasse", "strasse"};
        QTest::newRow("capital sharp s") << "GROẞ" << Strings{"gross"};
        QTest::newRow("final sigma") << "ΣΊΣΥΦΟΣ σίσυφος" << Strings{"σίσυφοσ", "σίσυφοσ"};
        QTest::newRow("Cyrillic") << "ЁЛКА Ѣ Ґанок" << Strings{"ёлка", "ѣ", "ґанок"};
        QTest::newRow("Armenian") << "ԱՐԵՎ" << Strings{"արեվ"};
        QTest::newRow("full-width Latin without NFKC") << "ＡＢＣ" << Strings{"ａｂｃ"};
        QTest::newRow("dotted capital I") << "İZMİR" << Strings{"izmir"};
        QTest::newRow("ligature") << "ﬁne" << Strings{"fine"};
    }

    void fullCaseFolding()
    {
        QFETCH(QString, text);
        QFETCH(Strings, tokens);
        QCOMPARE(mf::Tokenizer().tokenize(text.toStdString()), tokens);
    }

    void foldingFunctions()
    {
        QCOMPARE(mf::unicode::foldCase("Straße ΣΊΣΥΦΟΣ"), std::string("strasse σίσυφοσ"));
        QCOMPARE(mf::unicode::foldCase("ASCII Only"), std::string("ascii only"));
        // Lower-casing is not folding: ß stays, the final sigma is written as such.
        QCOMPARE(mf::unicode::toLower("Straße ΟΔΟΣ"), std::string("straße οδος"));
        QCOMPARE(mf::unicode::toLower(char32_t(0x0416)), char32_t(0x0436));
        QCOMPARE(mf::unicode::toLower(char32_t(0x110000)), char32_t(0x110000));
    }

    void nfkc_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("lowerCase");
        QTest::addColumn<Strings>("tokens");
        QTest::newRow("full-width") << "ＡＢＣ１２３" << true << Strings{"abc123"};
        QTest::newRow("full-width, case kept") << "ＡＢＣ１２３" << false << Strings{"ABC123"};
        QTest::newRow("ligature") << "ﬁ ﬂow" << true << Strings{"fi", "flow"};
        QTest::newRow("circled digit and superscript") << "① x²" << true << Strings{"1", "x2"};
        QTest::newRow("half-width katakana") << "ｶﾀｶﾅ" << true << Strings{"カ", "タ", "カ", "ナ"};
        QTest::newRow("composes accents") << "Cafe\u0301" << true << Strings{"café"};
        QTest::newRow("full-width apostrophe") << "don＇t" << true << Strings{"don't"};
        QTest::newRow("folding keeps NFKC") << "ΐ" << true << Strings{"ΐ"};
    }

    void nfkc()
    {
        QFETCH(QString, text);
        QFETCH(bool, lowerCase);
        QFETCH(Strings, tokens);
        QCOMPARE(tokenizer(mf::Segmentation::CjkCharacters, true, lowerCase)
                     .tokenize(text.toStdString()),
                 tokens);
        QCOMPARE(mf::unicode::normalizeNfkc("ﬁ ＡＢＣ"), std::string("fi ABC"));
        QCOMPARE(mf::unicode::normalizeNfkc("plain"), std::string("plain"));
    }

    void characterProperties()
    {
        using namespace mf::unicode;
        for (char32_t c : {U'我', U'㐀', U'\U00020000', U'ひ', U'カ', U'ー', U'ｶ', U'한', U'々'})
            QVERIFY2(isCjk(c), mf::utf8::encode(c).c_str());
        for (char32_t c : {U'a', U'。', U'「', U'　', U'é', U'\uFFFD', char32_t(0x110000)})
            QVERIFY2(!isCjk(c), mf::utf8::encode(c).c_str());
        for (char32_t c : {U'a', U'7', U'é', U'\u0301', U'ß', U'Ж', U'ª', U'²', U'我', U'٣'})
            QVERIFY2(isWordCharacter(c), mf::utf8::encode(c).c_str());
        for (char32_t c : {U' ', U'.', U'_', U'\u00A0', U'—', U'€', U'😀', U'\uFFFD', U'\uE000',
                           char32_t(0xD800), char32_t(0x110000), char32_t(0xFFFFFFFF)})
            QVERIFY2(!isWordCharacter(c), mf::utf8::encode(c).c_str());
        for (char32_t c : {U' ', U'\t', U'\n', U'\u0085', U'\u00A0', U'\u2003', U'\u3000'})
            QVERIFY(isSpace(c));
        for (char32_t c : {U'a', U'\u200B', U'\uFEFF', char32_t(0x110000)})
            QVERIFY(!isSpace(c));
        QVERIFY(isApostrophe(U'\'') && isApostrophe(U'’') && !isApostrophe(U'"'));
    }

    void invalidUtf8()
    {
        // Overlong, surrogate, truncated, stray continuation, above U+10FFFF: each is U+FFFD,
        // which separates tokens and never becomes part of one.
        const std::string text = "ab\xC0\x80"
                                 "cd\xED\xA0\x80"
                                 "ef\xE6\x88 gh\x80ij\xF4\x90\x80\x80kl\xFF";
        const Strings expected = {"ab", "cd", "ef", "gh", "ij", "kl"};
        QCOMPARE(mf::Tokenizer().tokenize(text), expected);
        QCOMPARE(tokenizer(mf::Segmentation::Words, true).tokenize(text), expected);
        QCOMPARE(mf::unicode::foldCase("A\xFF"), std::string("a\xEF\xBF\xBD"));
        QCOMPARE(mf::unicode::toLower("\xC3\x84\xFF"), std::string("\xC3\xA4\xEF\xBF\xBD"));
        QCOMPARE(mf::unicode::normalizeNfkc("\xEF\xAC\x81\xFF"), std::string("fi\xEF\xBF\xBD"));
    }

    void randomBytesNeverBreakTokens()
    {
        std::mt19937 random(13);
        std::uniform_int_distribution<int> byte(0, 255), length(0, 40);
        const mf::Tokenizer tokenizers[] = {mf::Tokenizer(), mf::Tokenizer(false),
                                            tokenizer(mf::Segmentation::Words, true)};
        for (int i = 0; i < 3000; ++i) {
            std::string text(static_cast<std::size_t>(length(random)), '\0');
            for (char &c : text)
                c = static_cast<char>(byte(random));
            for (const mf::Tokenizer &t : tokenizers)
                for (const std::string &token : t.tokenize(text)) {
                    QVERIFY(!token.empty());
                    QVERIFY(mf::utf8::isValid(token));
                    QVERIFY(token.find("\xEF\xBF\xBD") == std::string::npos);
                }
        }
    }

    void threadsShareOneTokenizer()
    {
        const mf::Tokenizer words = tokenizer(mf::Segmentation::Words);
        const std::string text = "我们在北京大学学习 and Straße, can't 3.14";
        const Strings expected = words.tokenize(text);
        std::vector<int> mismatches(4, 0);
        std::vector<std::thread> threads;
        for (std::size_t t = 0; t < mismatches.size(); ++t)
            threads.emplace_back([&, t] {
                for (int i = 0; i < 500; ++i)
                    mismatches[t] += words.tokenize(text) == expected ? 0 : 1;
            });
        for (std::thread &thread : threads)
            thread.join();
        QCOMPARE(mismatches, std::vector<int>(4, 0));
    }
};

MF_TEST_GUILESS_MAIN(TestUnicodeText)
#include "tst_unicodetext.moc"
