#include "extract/quote_finder.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

namespace newsfuse::extract {
namespace {

// One expected quote: its words, the speaker's mention and resolved name,
// its kind, and the cue ("" where none is expected).
struct Want {
  std::string quote;
  std::string mention;
  std::string speaker;
  QuoteKind kind;
  std::string cue;
};

struct Case {
  const char* name;
  std::string text;
  std::vector<Want> want;
};

constexpr QuoteKind kFull = QuoteKind::kFull;
constexpr QuoteKind kPartial = QuoteKind::kPartial;
constexpr QuoteKind kScare = QuoteKind::kScare;

// Invented news text, one case per construction the finder must handle.
const std::vector<Case>& Cases() {
  static const auto* cases = new std::vector<Case>{
      {"speaker after, pronoun resolved to full name",
       "Maria Delgado spoke at the harbour on Monday.\n\n\"We will rebuild the pier,\" she said.",
       {{"We will rebuild the pier,", "she", "Maria Delgado", kFull, "said"}}},
      {"speaker after, inverted verb",
       "\xE2\x80\x9CThe budget is balanced,\xE2\x80\x9D said Tomas Berg, the finance minister.",
       {{"The budget is balanced,", "Tomas Berg, the finance minister", "Tomas Berg", kFull, "said"}}},
      {"speaker after, surname resolved",
       "Karine Jean-Pierre held a briefing on Tuesday.\n\n\"The president is confident,\" Jean-Pierre "
       "told reporters.",
       {{"The president is confident,", "Jean-Pierre", "Karine Jean-Pierre", kFull, "told"}}},
      {"speaker before with colon",
       "Prime Minister Anna Kovac said: \xE2\x80\x9CWe do not negotiate under threat.\xE2\x80\x9D",
       {{"We do not negotiate under threat.", "Prime Minister Anna Kovac", "Anna Kovac", kFull, "said"}}},
      {"speaker before, partial quote",
       "Senator Paul Hart warned an invasion would be a \"mistake,\" citing the cost.",
       {{"mistake,", "Senator Paul Hart", "Paul Hart", kScare, "warned"}}},
      {"partial quote of several words",
       "Lena Fischer said the plan was \"a reckless gamble with public money\" and urged a vote.",
       {{"a reckless gamble with public money", "Lena Fischer", "Lena Fischer", kPartial, "said"}}},
      {"according to",
       "\"Nobody was hurt,\" according to Fire Chief Dan Olsen.",
       {{"Nobody was hurt,", "Fire Chief Dan Olsen", "Dan Olsen", kFull, "according to"}}},
      {"statement as speaker",
       "\xE2\x80\x9CWe regret the delay,\xE2\x80\x9D the statement said.",
       {{"We regret the delay,", "the statement", "the statement", kFull, "said"}}},
      {"organisation as speaker with partial quote",
       "The White House said it was \xE2\x80\x9C" "deeply disappointed\xE2\x80\x9D by the ruling.",
       {{"deeply disappointed", "The White House", "The White House", kScare, "said"}}},
      {"readout from an organisation",
       "\"The leaders agreed to meet again,\" a readout of the meeting from the White House read.",
       {{"The leaders agreed to meet again,", "a readout of the meeting from the White House",
         "the White House", kFull, "read"}}},
      {"said in a statement",
       "\"This decision protects workers,\" Governor Ruth Ames said in a statement.",
       {{"This decision protects workers,", "Governor Ruth Ames", "Ruth Ames", kFull, "said"}}},
      {"participle: subject of the sentence",
       "Omar Haddad pointed to the new figures, saying that the recovery is \"fragile but real.\"",
       {{"fragile but real.", "Omar Haddad", "Omar Haddad", kPartial, "saying"}}},
      {"participle after an introductory clause: the main clause's subject",
       "When asked at Tuesday's City Hall briefing why the vote moved, spokeswoman Lena Ortiz "
       "pointed to the deadline, saying it was \"better done fast than done late.\"",
       {{"better done fast than done late.", "spokeswoman Lena Ortiz", "Lena Ortiz", kPartial, "saying"}}},
      {"a name that only modifies the head is not the speaker",
       "A senior Freedonian official said the delay would let the minister \"save face\" at home.",
       {{"save face", "A senior Freedonian official", "A senior Freedonian official", kScare, "said"}}},
      {"speaker in the previous sentence",
       "Clara Ruiz spoke to reporters outside the court on Friday.\n\n\"Justice was done today.\"",
       {{"Justice was done today.", "Clara Ruiz", "Clara Ruiz", kFull, ""}}},
      {"quote split around the cue",
       "\"We are ready,\" Jonas Weber said. \"The troops are in place.\"",
       {{"We are ready,", "Jonas Weber", "Jonas Weber", kFull, "said"},
        {"The troops are in place.", "Jonas Weber", "Jonas Weber", kFull, ""}}},
      {"multi-paragraph quote",
       "Ingrid Dahl said: \"The first phase ends in May.\n\n\"The second phase starts in June.\"",
       {{"The first phase ends in May.\n\n\"The second phase starts in June.", "Ingrid Dahl", "Ingrid Dahl",
         kFull, "said"}}},
      {"pronoun gender picks the fitting person",
       "Michael Grant met Susan Lowe in Boston. Grant left early.\n\n\"It went well,\" she said.",
       {{"It went well,", "she", "Susan Lowe", kFull, "said"}}},
      {"unbalanced quote ends with its paragraph",
       "Tim Rowe said \"the vote is rigged and nothing will change\n\nThe count resumed on Monday.",
       {{"the vote is rigged and nothing will change", "Tim Rowe", "Tim Rowe", kPartial, "said"}}},
      {"scare quote with no speaker",
       "The so-called \"SCG\" group met again on Thursday.",
       {{"SCG", "", "", kScare, ""}}},
      {"appositive before the verb",
       "\"Prices will fall,\" Ahmed Khan, an economist at the central bank, said on Monday.",
       {{"Prices will fall,", "Ahmed Khan, an economist at the central bank", "Ahmed Khan", kFull, "said"}}},
      {"person before a place, full name kept apart from a namesake",
       "Donald Baker met voters in Ohio. Melania Baker of Columbus, Ohio says the rally was \"a big success.\"\n\n"
       "\"We will be back,\" she said.",
       {{"a big success.", "Melania Baker of Columbus, Ohio", "Melania Baker", kPartial, "says"},
        {"We will be back,", "she", "Melania Baker", kFull, "said"}}},
      {"appositive with a place before the verb",
       "\"Turnout was high,\" Dean Ross, a farmer from Sumter, South Carolina, said.",
       {{"Turnout was high,", "Dean Ross, a farmer from Sumter, South Carolina", "Dean Ross", kFull, "said"}}},
      {"straight quotes, speaker after with adverb",
       "\"We have the votes,\" Rep. Diane Cole also said.",
       {{"We have the votes,", "Rep. Diane Cole", "Diane Cole", kFull, "said"}}},
      {"given names before a particle",
       "Mayor Bill de Blasio said: \"We will finish the bridge.\"",
       {{"We will finish the bridge.", "Mayor Bill de Blasio", "Bill de Blasio", kFull, "said"}}},
      {"nouns that qualify a title",
       "Tulsa police Chief Chuck Jordan said: \"The road is closed.\"",
       {{"The road is closed.", "Tulsa police Chief Chuck Jordan", "Chuck Jordan", kFull, "said"}}},
      {"a who clause belongs to the mention",
       "\"The plant will close,\" said Joe Baker, who has worked there for 30 years.",
       {{"The plant will close,", "Joe Baker, who has worked there for 30 years", "Joe Baker", kFull, "said"}}},
      {"appositive closed by a comma before a past-tense verb",
       "Christie, the state's governor, repeated his charge, calling the deal \"a disaster.\"",
       {{"a disaster.", "Christie, the state's governor", "Christie", kScare, "calling"}}},
      {"a name alone after a dash signs the quote",
       "\xE2\x80\x9CWe were never asked.\xE2\x80\x9D\xE2\x80\x95 Pamela Reyes\n\nOthers agreed.",
       {{"We were never asked.", "Pamela Reyes", "Pamela Reyes", kFull, "\xE2\x80\x95"}}},
  };
  return *cases;
}

TEST(QuoteFinderTest, Table) {
  for (const Case& c : Cases()) {
    SCOPED_TRACE(c.name);
    std::vector<Quote> got = FindQuotes(c.text);
    ASSERT_EQ(got.size(), c.want.size());
    for (size_t i = 0; i < got.size(); ++i) {
      const Quote& q = got[i];
      const Want& w = c.want[i];
      EXPECT_EQ(q.quote.In(c.text), w.quote);
      EXPECT_EQ(q.speaker_mention.In(c.text), w.mention);
      EXPECT_EQ(q.speaker, w.speaker);
      EXPECT_EQ(QuoteKindName(q.kind), QuoteKindName(w.kind));
      EXPECT_EQ(q.cue.In(c.text), w.cue);
    }
  }
}

TEST(QuoteFinderTest, NamedSpansOverrideHeuristics) {
  // "Acme Widget" would not be known as an organisation without the tagger.
  const std::string text = "Acme Widget posted results.\n\n\"Sales doubled,\" it said.";
  const NamedSpan names[] = {{{0, 11}, 'O'}};
  std::vector<Quote> got = FindQuotes(text, names);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_EQ(got[0].speaker_mention.In(text), "it");
  EXPECT_EQ(got[0].speaker, "Acme Widget");
  // Out-of-range spans are ignored.
  const NamedSpan bad[] = {{{5, 1000}, 'P'}, {{9, 3}, 'P'}};
  EXPECT_EQ(FindQuotes(text, bad).size(), 1u);
}

TEST(QuoteFinderTest, RegionsPairCurlyAndStraightMarks) {
  const std::string text = "He said \xE2\x80\x9C" "one\xE2\x80\x9D and \"two\" and \xE2\x80\x9D stray \"three";
  std::vector<QuotedRegion> r = FindQuotedRegions(text);
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].inner.In(text), "one");
  EXPECT_EQ(r[1].inner.In(text), "two");
  EXPECT_EQ(r[2].inner.In(text), "three");
  EXPECT_FALSE(r[2].closed);
  EXPECT_TRUE(r[0].closed);
}

TEST(QuoteFinderTest, NoQuotesNoOutput) {
  EXPECT_TRUE(FindQuotes("").empty());
  EXPECT_TRUE(FindQuotes("The council met on Monday. It adjourned.").empty());
  EXPECT_TRUE(FindQuotes("\"").empty());
  EXPECT_TRUE(FindQuotes("\xE2\x80\x9D\xE2\x80\x9C").empty());
}

TEST(QuoteFinderTest, RandomBytesKeepSpansInRange) {
  std::mt19937 rng(7);
  const std::string alphabet[] = {"\"", "\xE2\x80\x9C", "\xE2\x80\x9D", " ", "\n", "said", "He", "Smith",
                                  ",", ".", ":", "\xE2", "\x80", "\xFF", std::string(1, '\0'), "a", "(", ")"};
  for (int iter = 0; iter < 2000; ++iter) {
    std::string text;
    int len = static_cast<int>(rng() % 60);
    for (int i = 0; i < len; ++i) text += alphabet[rng() % std::size(alphabet)];
    for (const Quote& q : FindQuotes(text)) {
      ASSERT_LE(q.quote.begin, q.quote.end);
      ASSERT_LE(q.quote.end, text.size());
      ASSERT_LE(q.speaker_mention.begin, q.speaker_mention.end);
      ASSERT_LE(q.speaker_mention.end, text.size());
      ASSERT_LE(q.cue.end, text.size());
    }
  }
}

}  // namespace
}  // namespace newsfuse::extract
