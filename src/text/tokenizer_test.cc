#include "text/tokenizer.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace newsfuse::text {
namespace {

// Tokens joined by single spaces: "a b c".
std::string Tok(std::string_view text) {
  std::vector<Span> spans;
  Tokenize(text, &spans);
  std::string joined;
  for (const Span& s : spans) {
    if (!joined.empty()) joined += ' ';
    joined += s.In(text);
  }
  return joined;
}

struct Case {
  std::string_view input;
  std::string_view tokens;
};

TEST(TokenizerTest, MatchesPtbConventions) {
  const Case kCases[] = {
      {"", ""},
      {"   \n\t ", ""},
      {"Hello, world.", "Hello , world ."},
      // Abbreviations with periods.
      {"The U.S. and the U.N. agreed.", "The U.S. and the U.N. agreed ."},
      {"He left at 9 a.m. on Monday.", "He left at 9 a.m. on Monday ."},
      {"She has a Ph.D. in law.", "She has a Ph.D. in law ."},
      {"Mr. Smith met Gen. Jones.", "Mr. Smith met Gen. Jones ."},
      {"George W. Bush spoke.", "George W. Bush spoke ."},
      {"They bought Apple Inc. shares.", "They bought Apple Inc. shares ."},
      {"He lives in the U.S.", "He lives in the U.S."},
      {"It was rated Grade A.", "It was rated Grade A ."},
      {"a U.S.-led force", "a U.S.-led force"},
      // Clitics.
      {"Netanyahu's office", "Netanyahu 's office"},
      {"I don't know", "I do n't know"},
      {"we can't, they won't", "we ca n't , they wo n't"},
      {"They're here and I'm sure we'll go, he'd say, we've seen",
       "They 're here and I 'm sure we 'll go , he 'd say , we 've seen"},
      {"the students' union", "the students ' union"},
      {"Conor O'Brien and rock'n'roll", "Conor O'Brien and rock'n'roll"},
      {"Netanyahu\xE2\x80\x99s office", "Netanyahu \xE2\x80\x99s office"},
      {"don\xE2\x80\x99t", "do n\xE2\x80\x99t"},
      {"IT'S OK", "IT 'S OK"},
      // Hyphens.
      {"a cease-fire with Jean-Pierre", "a cease-fire with Jean-Pierre"},
      {"a 22-year-old man", "a 22-year-old man"},
      {"1996-08-22", "1996-08-22"},
      {"well -- maybe", "well -- maybe"},
      // Numbers.
      {"1,200 people and 1.4 million", "1,200 people and 1.4 million"},
      {"$1.4 billion, 5% up", "$ 1.4 billion , 5 % up"},
      {"at 10:30, 3/4 of them", "at 10:30 , 3/4 of them"},
      {"in 1,2 and 3", "in 1 , 2 and 3"},
      {"the '90s", "the '90s"},
      {"scored 2-1.", "scored 2-1 ."},
      // Quotes and brackets.
      {"\"Yes,\" he said.", "\" Yes , \" he said ."},
      {"\xE2\x80\x9CWe will win,\xE2\x80\x9D she said.",
       "\xE2\x80\x9C We will win , \xE2\x80\x9D she said ."},
      {"(Reuters) - The", "( Reuters ) - The"},
      {"``Yes,'' he said", "`` Yes , '' he said"},
      {"Wait... what?!", "Wait ... what ?!"},
      {"war\xE2\x80\x94" "and peace", "war \xE2\x80\x94 and peace"},
      {"prices \xE2\x82\xAC" "5", "prices \xE2\x82\xAC 5"},
      // URLs, e-mail, handles.
      {"See https://example.com/a?b=1.", "See https://example.com/a?b=1 ."},
      {"(www.example.org)", "( www.example.org )"},
      {"Write to news@example.com, please", "Write to news@example.com , please"},
      {"on reuters.com today", "on reuters.com today"},
      {"follow @newsfuse and #breaking", "follow @newsfuse and #breaking"},
      // Other letters and spaces.
      {"Fran\xC3\xA7ois Hollande in S\xC3\xA3o Paulo", "Fran\xC3\xA7ois Hollande in S\xC3\xA3o Paulo"},
      {"a\xC2\xA0" "b", "a b"},
      {"AT&T and S&P 500", "AT&T and S&P 500"},
  };
  for (const Case& c : kCases) {
    EXPECT_EQ(Tok(c.input), c.tokens) << "input: " << c.input;
  }
}

TEST(TokenizerTest, SpansPointIntoTheText) {
  const std::string text = "  Benjamin Netanyahu's  aides.";
  std::vector<Span> spans;
  Tokenize(text, &spans);
  ASSERT_EQ(spans.size(), 5u);
  EXPECT_EQ(spans[0], (Span{2, 10}));
  EXPECT_EQ(spans[2].In(text), "'s");
  for (size_t i = 1; i < spans.size(); ++i) EXPECT_LE(spans[i - 1].end, spans[i].begin);
}

TEST(TokenizerTest, RangeOffsetsAreRelativeToTheWholeText) {
  const std::string text = "First one. Second one.";
  std::vector<Span> spans;
  TokenizeRange(text, Span{11, 22}, &spans);
  ASSERT_EQ(spans.size(), 3u);
  EXPECT_EQ(spans[0].In(text), "Second");
  EXPECT_EQ(spans[2].In(text), ".");
}

TEST(TokenizerTest, CoversEveryNonSpaceByteOfArbitraryInput) {
  // Invalid UTF-8, truncated sequences and control bytes: tokens stay inside
  // the text, in order, never empty, and together cover every byte that is
  // not white space.
  const std::string text = "ab\xFF\xC3 \xE2\x80 x.y.z' '' \x01--\"";
  std::vector<Span> spans;
  Tokenize(text, &spans);
  size_t covered = 0;
  uint32_t last_end = 0;
  for (const Span& s : spans) {
    EXPECT_FALSE(s.empty());
    EXPECT_GE(s.begin, last_end);
    EXPECT_LE(s.end, text.size());
    last_end = s.end;
    covered += s.size();
  }
  size_t spaces = 0;
  for (char c : text) spaces += c == ' ';
  EXPECT_EQ(covered + spaces, text.size());
}

}  // namespace
}  // namespace newsfuse::text
