// The text stage's character classes, word views and stemmers (chars.h,
// words.h, char_runs.h, stemmer.h).
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "text/char_runs.h"
#include "text/chars.h"
#include "text/stemmer.h"
#include "text/words.h"

namespace newsfuse::text {
namespace {

TEST(CharsTest, ClassifiesNewsMarks) {
  const std::string_view s = "O\xE2\x80\x99" "Brien \xE2\x80\x9Cyes\xE2\x80\x9D\xC2\xA0x";
  EXPECT_EQ(ApostropheAt(s, 1), 3u);
  EXPECT_EQ(ApostropheAt("it's", 2), 1u);
  EXPECT_EQ(ApostropheAt(s, 0), 0u);
  EXPECT_TRUE(CurlyQuoteAt(s, 10));
  EXPECT_EQ(GeneralPunctuationAt(s, 10), 3u);
  EXPECT_EQ(GeneralPunctuationAt("\xE2\x81\xB0", 0), 0u);  // U+2070 superscript zero
  EXPECT_TRUE(NoBreakSpaceAt(s, 19));
  size_t len = 0;
  EXPECT_EQ(DecodeUtf8("\xC3\xA9", 0, &len), U'\u00E9');
  EXPECT_EQ(len, 2u);
  EXPECT_EQ(DecodeUtf8("\xC3", 0, &len), U'\uFFFD');  // truncated: one byte
  EXPECT_EQ(len, 1u);
  EXPECT_TRUE(IsUnicodeSpace(0x2009));
  EXPECT_TRUE(IsUnicodePunct(0x2014));
  EXPECT_FALSE(IsUnicodePunct(0xE9));
  EXPECT_EQ(AsciiLower('Q'), 'q');
  EXPECT_EQ(AsciiLower('\xC3'), '\xC3');
}

TEST(WordsTest, LowerWordsSplitOnMarksAndKnowSentenceStarts) {
  std::vector<std::string> words;
  std::vector<bool> initial;
  ForEachLowerWord("Don\xE2\x80\x99t STOP\xE2\x80\x94now. Caf\xC3\xA9 x", [&](const LowerWord& w) {
    words.emplace_back(w.lowered);
    initial.push_back(w.sentence_initial);
  });
  EXPECT_EQ(words, (std::vector<std::string>{"don", "t", "stop", "now", "caf\xC3\xA9", "x"}));
  EXPECT_EQ(initial, (std::vector<bool>{true, false, false, false, true, false}));
}

TEST(WordsTest, FoldedWordsJoinAbbreviationsAndContractions) {
  std::vector<std::string> words;
  ForEachFoldedWord("The U.S. didn't say, 'Hi'.", [&](std::string_view w) { words.emplace_back(w); });
  EXPECT_EQ(words, (std::vector<std::string>{"the", "us", "didnt", "say", "hi"}));
}

TEST(CharRunsTest, RunsCarryTheirSpacing) {
  const std::string_view text = "third-quarter\xC2\xA0" "2024\n\n5:30";
  std::vector<CharRun> runs;
  CutCharRuns(text, &runs);
  std::vector<std::string> pieces;
  for (const CharRun& r : runs) pieces.emplace_back(text.substr(r.begin, r.end - r.begin));
  EXPECT_EQ(pieces, (std::vector<std::string>{"third", "-", "quarter", "2024", "5", ":", "30"}));
  ASSERT_EQ(runs.size(), 7u);
  EXPECT_EQ(runs[0].kind, CharRunKind::kWord);
  EXPECT_EQ(runs[1].kind, CharRunKind::kOther);
  EXPECT_FALSE(runs[2].space_before);
  EXPECT_TRUE(runs[3].space_before);  // the no-break space separates
  EXPECT_EQ(runs[3].kind, CharRunKind::kNumber);
  EXPECT_TRUE(runs[4].paragraph_before);
  EXPECT_FALSE(runs[5].paragraph_before);
}

TEST(StemmerTest, ThreeAlgorithms) {
  Stemmer english;
  EXPECT_EQ(english.Stem("meetings"), "meet");
  EXPECT_EQ(english.Stem("generously"), "generous");
  Stemmer porter(StemmerAlgorithm::kPorter);
  EXPECT_EQ(porter.Stem("generously"), "gener");
  EXPECT_EQ(LightStemLength("arrested", 8), 6u);
  EXPECT_EQ(LightStemLength("bus", 3), 3u);  // short words keep their meaning
  EXPECT_EQ(LightStemLength("news", 4), 3u);  // but "news" meets "new"
  EXPECT_EQ(LightStemLength("checks", 6), 5u);
}

}  // namespace
}  // namespace newsfuse::text
