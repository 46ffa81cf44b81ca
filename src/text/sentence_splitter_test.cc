#include "text/sentence_splitter.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <random>
#include <string>
#include <vector>

namespace newsfuse::text {
namespace {

std::vector<std::string> Split(std::string_view text) {
  std::vector<std::string> out;
  for (const Span& s : SplitSentences(text)) out.emplace_back(s.In(text));
  return out;
}

std::string Hex(std::string_view s) {
  std::string out;
  char buf[4];
  for (unsigned char c : s) {
    std::snprintf(buf, sizeof(buf), "%02X ", c);
    out += buf;
  }
  return out;
}

// Spans are in order, non-empty, trimmed, and cover every non-space byte.
void ExpectValidSpans(std::string_view text) {
  const std::vector<Span> spans = SplitSentences(text);
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
  std::vector<bool> covered(text.size(), false);
  uint32_t prev_end = 0;
  for (const Span& s : spans) {
    ASSERT_LE(prev_end, s.begin);
    ASSERT_LT(s.begin, s.end);
    ASSERT_LE(s.end, text.size());
    EXPECT_FALSE(is_space(text[s.begin]));
    EXPECT_FALSE(is_space(text[s.end - 1]));
    for (uint32_t k = s.begin; k < s.end; ++k) covered[k] = true;
    prev_end = s.end;
  }
  for (size_t k = 0; k < text.size(); ++k) {
    // U+00A0 counts as white space for trimming.
    const bool nbsp = (text.substr(k, 2) == "\xC2\xA0") || (k > 0 && text.substr(k - 1, 2) == "\xC2\xA0");
    if (!is_space(text[k]) && !nbsp) {
      EXPECT_TRUE(covered[k]) << "byte " << k << " of: " << Hex(text);
    }
  }
}

struct SplitCase {
  const char* text;
  std::vector<std::string> sentences;
};

// Cases in the style of re2's parse_test: input and expected sentences.
// All texts are written for these tests.
const SplitCase kSplitCases[] = {
    // Plain terminators.
    {"The vote passed. Opponents walked out.", {"The vote passed.", "Opponents walked out."}},
    {"Who won? Nobody knows!", {"Who won?", "Nobody knows!"}},
    {"Really?! Yes.", {"Really?!", "Yes."}},
    // Numbers.
    {"About 1.4 million people fled. Aid is slow.", {"About 1.4 million people fled.", "Aid is slow."}},
    {"Prices rose 3.5% in March. Wages did not.", {"Prices rose 3.5% in March.", "Wages did not."}},
    {"The fund lost $2.5 billion. It recovered in 2021. 2022 was worse.",
     {"The fund lost $2.5 billion.", "It recovered in 2021.", "2022 was worse."}},
    // Quotations with attribution.
    {"\"We will not back down,\" she said. \"Never.\"",
     {"\"We will not back down,\" she said.", "\"Never.\""}},
    {"\xE2\x80\x9CIt is over.\xE2\x80\x9D The crowd cheered.",
     {"\xE2\x80\x9CIt is over.\xE2\x80\x9D", "The crowd cheered."}},
    {"\"Is it over?\" he asked. She nodded.", {"\"Is it over?\" he asked.", "She nodded."}},
    {"Jean-Pierre said: \"We will rebuild. It will take years.\"",
     {"Jean-Pierre said: \"We will rebuild.", "It will take years.\""}},
    // Dates and times.
    {"Officials met at 5 p.m. Monday. He said little.",
     {"Officials met at 5 p.m. Monday.", "He said little."}},
    {"The talks ended at 11 p.m. The next round is Friday.",
     {"The talks ended at 11 p.m.", "The next round is Friday."}},
    {"The briefing starts at 9 a.m. ET on Tuesday.", {"The briefing starts at 9 a.m. ET on Tuesday."}},
    {"After the Oct. 7 attack, talks stalled. Then came Sept. 11.",
     {"After the Oct. 7 attack, talks stalled.", "Then came Sept. 11."}},
    // Multi-period abbreviations.
    {"U.S. officials said Monday that talks would resume.",
     {"U.S. officials said Monday that talks would resume."}},
    {"Troops left the U.S. The next day, they landed.", {"Troops left the U.S.", "The next day, they landed."}},
    {"The U.N. Security Council met. The U.K. abstained.",
     {"The U.N. Security Council met.", "The U.K. abstained."}},
    {"She earned a Ph.D. in physics.", {"She earned a Ph.D. in physics."}},
    // Titles and company abbreviations.
    {"Gen. Mark Ellis met Sen. Ana Ruiz and Gov. Tom Park.", {"Gen. Mark Ellis met Sen. Ana Ruiz and Gov. Tom Park."}},
    {"Lt. Col. Dana Cho of the 3rd Brigade spoke.", {"Lt. Col. Dana Cho of the 3rd Brigade spoke."}},
    {"Shares of Acme Corp. fell. Acme Inc. Chief Executive Jo Lee resigned.",
     {"Shares of Acme Corp. fell.", "Acme Inc. Chief Executive Jo Lee resigned."}},
    {"He sued Acme Co. It settled.", {"He sued Acme Co.", "It settled."}},
    {"It was Smith vs. Jones, i.e. a rematch.", {"It was Smith vs. Jones, i.e. a rematch."}},
    {"See No. 10 and pp. 4-5 for details.", {"See No. 10 and pp. 4-5 for details."}},
    {"They live on Elm St. The house is old.", {"They live on Elm St.", "The house is old."}},
    {"Bring pens, paper, etc. and a ruler.", {"Bring pens, paper, etc. and a ruler."}},
    // Initials.
    {"J. R. R. Tolkien wrote it. George W. Bush read it.",
     {"J. R. R. Tolkien wrote it.", "George W. Bush read it."}},
    {"It was him and I. Then we left.", {"It was him and I.", "Then we left."}},
    {"He was once named H. Rap Brown. The fire was at 325 E. Dahlia Ave. on Monday.",
     {"He was once named H. Rap Brown.", "The fire was at 325 E. Dahlia Ave. on Monday."}},
    {"Plan B. The board agreed.", {"Plan B.", "The board agreed."}},
    {"Police Const. Tim Ray spoke.", {"Police Const. Tim Ray spoke."}},
    {"She told E! News she was fine. Yahoo! in Sunnyvale declined.",
     {"She told E! News she was fine.", "Yahoo! in Sunnyvale declined."}},
    // Scraped text: a closing quote cut off by a space before a newline.
    {"\"I am not just a party girl. \"\nShe laughed.", {"\"I am not just a party girl. \"", "She laughed."}},
    // A quoted question or exclamation inside a longer sentence, spaced or not.
    {"A piece titled \"Who pays? \", came out. It sold.", {"A piece titled \"Who pays? \", came out.", "It sold."}},
    {"She asked \"Why now?\", and left.", {"She asked \"Why now?\", and left."}},
    {"He shouted \"Stop! \"; nobody did.", {"He shouted \"Stop! \"; nobody did."}},
    {"It ended Fri., May. 3, 2013.", {"It ended Fri., May. 3, 2013."}},
    {"The town ran dry. ... Nobody came.", {"The town ran dry.", "... Nobody came."}},
    {"The town ran dry. ... and then it rained.", {"The town ran dry. ... and then it rained."}},
    // E-mail and web addresses.
    {"Write to press@example.org. Calls go unanswered.",
     {"Write to press@example.org.", "Calls go unanswered."}},
    {"Details at https://example.com/a.b?c=1. Registration closes soon.",
     {"Details at https://example.com/a.b?c=1.", "Registration closes soon."}},
    // Ellipses.
    {"He paused... Then he spoke.", {"He paused...", "Then he spoke."}},
    {"He paused... and spoke.", {"He paused... and spoke."}},
    {"Wait\xE2\x80\xA6 What happened?", {"Wait\xE2\x80\xA6", "What happened?"}},
    // Parentheses.
    {"The firm (founded in 1999.) grew fast.", {"The firm (founded in 1999.) grew fast."}},
    {"Prices rose. (They fell later.) Buyers waited.",
     {"Prices rose.", "(They fell later.)", "Buyers waited."}},
    // Newlines and lists.
    {"Storm hits coast\nThe storm made landfall early today.",
     {"Storm hits coast", "The storm made landfall early today."}},
    {"The report, published\nlate on Monday, found flaws.", {"The report, published\nlate on Monday, found flaws."}},
    {"First paragraph without a period\n\nsecond paragraph", {"First paragraph without a period", "second paragraph"}},
    {"Key points:\n\xE2\x80\xA2 prices rose\n\xE2\x80\xA2 wages fell",
     {"Key points:", "\xE2\x80\xA2 prices rose", "\xE2\x80\xA2 wages fell"}},
    {"Steps:\n1. Call the office\n2. Ask for Mr. Lee", {"Steps:", "1. Call the office", "2. Ask for Mr. Lee"}},
    {"- first item\n- second item", {"- first item", "- second item"}},
    {"1) Go home 2) Sleep", {"1) Go home", "2) Sleep"}},
    {"He won (1) a medal and (2) a prize.", {"He won (1) a medal and (2) a prize."}},
    // A decimal point written with a space (detokenised "5.9"), never a
    // boundary; a year may end a sentence before a figure.
    {"A quake of magnitude 5. 9 hit the coast. Nobody was hurt.",
     {"A quake of magnitude 5. 9 hit the coast.", "Nobody was hurt."}},
    {"The alarm rang at 9. 25 a.m. on Monday.", {"The alarm rang at 9. 25 a.m. on Monday."}},
    {"Gems worth \xE2\x82\xAC" "1. 6m were taken.", {"Gems worth \xE2\x82\xAC" "1. 6m were taken."}},
    {"It was a magnitude-6. 0 quake.", {"It was a magnitude-6. 0 quake."}},
    {"The mill closed in 2005. 30 jobs went.", {"The mill closed in 2005.", "30 jobs went."}},
};

TEST(SentenceSplitterTest, SplitsAndNonSplits) {
  for (const SplitCase& c : kSplitCases) {
    EXPECT_EQ(Split(c.text), c.sentences) << "input: " << c.text;
    ExpectValidSpans(c.text);
  }
}

TEST(SentenceSplitterTest, DoesNotSplitAfterHonorific) {
  for (const char* title : {"Mr.", "Mrs.", "Ms.", "Dr.", "Gen.", "Sen.", "Rep.", "Gov.", "Lt.", "Col.",
                            "Prof.", "Rev.", "Sgt.", "Capt."}) {
    const std::string text = std::string("They met ") + title + " Smith on Monday.";
    EXPECT_EQ(Split(text).size(), 1u) << text;
  }
}

TEST(SentenceSplitterTest, EmptyAndBlankInput) {
  EXPECT_TRUE(SplitSentences("").empty());
  EXPECT_TRUE(SplitSentences(" \n\t\n ").empty());
  EXPECT_EQ(Split("  Hello.  "), std::vector<std::string>{"Hello."});
  EXPECT_EQ(Split("No terminator"), std::vector<std::string>{"No terminator"});
  EXPECT_EQ(Split("."), std::vector<std::string>{"."});
}

TEST(SentenceSplitterTest, SpansPointIntoTheInput) {
  const std::string text = "  First one.\n\nSecond one.  ";
  const std::vector<Span> spans = SplitSentences(text);
  ASSERT_EQ(spans.size(), 2u);
  EXPECT_EQ(spans[0], (Span{2, 12}));
  EXPECT_EQ(spans[1], (Span{14, 25}));
}

TEST(SentenceSplitterTest, ArbitraryBytesGiveValidSpans) {
  std::mt19937 rng(7);
  const std::string pieces[] = {"a", "B", " ", "\n", ".", "?", "!", "...", "\"", "'", ")", "(", "1",
                                "Mr", "U.S", "\xE2\x80\xA2", "\xE2\x80\xA6", "\xE2\x80\x9D", "\xC2\xA0",
                                "\xFF", "\xE2\x80", "p.m", "2.", "a.", "\t", "[", "]"};
  for (int round = 0; round < 2000; ++round) {
    std::string s;
    const int len = rng() % 30;
    for (int k = 0; k < len; ++k) s += pieces[rng() % std::size(pieces)];
    ExpectValidSpans(s);
    if (HasFatalFailure()) return;
  }
}

}  // namespace
}  // namespace newsfuse::text
