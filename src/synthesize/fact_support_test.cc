#include "synthesize/fact_support.h"

#include <gtest/gtest.h>

namespace newsfuse::synthesize {
namespace {

TEST(FactSupportTest, ClaimValuesAreNamesAndFigures) {
  const auto values = ClaimValues("Lohan began a 90-day stay at the Betty Ford Center on May 3.");
  EXPECT_EQ(values, (std::vector<std::string_view>{"90-day", "Betty", "Ford", "Center", "May", "3"}));
}

TEST(FactSupportTest, AddsTheOutletThatSharesAValueAndItsWording) {
  // Three outlets; the first two state the stay at Betty Ford in other
  // words, the third speaks of something else that names no shared value.
  const std::vector<std::string> texts = {
      "Lohan checked into the Betty Ford Center in Rancho Mirage on Friday.",
      "Reports said the actress was at the Betty Ford Center.",
      "The actress checked into a clinic in the morning.",
      "A judge ordered a stay in rehab."};
  const std::vector<uint32_t> article_of = {0, 1, 2, 3};
  TermSpace space;
  for (const auto& t : texts) space.Add(t);
  const std::vector<SparseVector> vectors = space.Vectors();
  std::vector<std::string_view> views(texts.begin(), texts.end());
  std::vector<FactGroup> groups(4);
  for (uint32_t i = 0; i < 4; ++i) groups[i] = FactGroup{{i}, i, {i}};
  SupportOptions options;
  options.threshold = 0.05f;
  const auto added = ExtendSupport(groups, views, article_of, vectors, options);
  ASSERT_EQ(added.size(), 4u);
  EXPECT_EQ(added[0], (std::vector<uint32_t>{1}));  // shares "Betty Ford"; 2 shares no value
  EXPECT_EQ(added[1], (std::vector<uint32_t>{0}));
  EXPECT_TRUE(added[3].empty());
  options.threshold = 0.99f;
  EXPECT_TRUE(ExtendSupport(groups, views, article_of, vectors, options)[0].empty());
}

TEST(FactSupportTest, ACompoundIsOneTermAndAbbreviationsAreNone) {
  ClaimTerms terms;
  const auto claim = terms.Of("Hiller walked to the third-floor mixing area at 8:30 p.m.");
  const auto floor = terms.Of("She hid in a floor office on the third day.");
  const auto compound = terms.Of("She walked to the third-floor room.");
  // hiller, walk, third-floor, mix, area, 8, 30 ("p.m." is no term).
  EXPECT_EQ(claim.size(), 7u);
  const Evidence c = EvidenceOf("", claim);
  // "floor" and "third" alone are not the compound: nothing shared.
  EXPECT_FALSE(StatesClaim(c, EvidenceOf("", floor), 0.1f));
  // walk and third-floor: 2 of 7.
  EXPECT_TRUE(StatesClaim(c, EvidenceOf("", compound), 0.28f));
  EXPECT_FALSE(StatesClaim(c, EvidenceOf("", compound), 0.3f));
}

TEST(FactSupportTest, QuotedPartsFollowTheMarks) {
  EXPECT_EQ(QuotedParts("\"This is a sad day,\" the company said."), (std::vector<std::string_view>{"This is a sad day,"}));
  EXPECT_EQ(QuotedParts("Then she yelled, \"Come on, leave now!"), (std::vector<std::string_view>{"Come on, leave now!"}));
  EXPECT_EQ(QuotedParts("like many of us.\" he said."), (std::vector<std::string_view>{"like many of us."}));
  EXPECT_EQ(QuotedParts("It will come \xE2\x80\x9C" "as early as next week.\xE2\x80\x9D"),
            (std::vector<std::string_view>{"as early as next week."}));
  EXPECT_TRUE(QuotedParts("No quotation here.").empty());
}

TEST(FactSupportTest, AQuotationIsStatedOnlyWithItsOwnWords) {
  ClaimTerms terms;
  auto evidence = [&](std::string_view s) {
    std::vector<uint32_t> quoted;
    for (std::string_view part : QuotedParts(s)) {
      for (uint32_t t : terms.Of(part, /*names=*/false)) quoted.push_back(t);
    }
    return EvidenceOf(s, terms.Of(s), quoted);
  };
  const Evidence claim = evidence("\"This is a sad day for the Kraft Foods family,\" the company said in a statement.");
  // Shares the names and "company" (3 of 7 terms), none of the quotation's own words.
  EXPECT_FALSE(StatesClaim(claim, evidence("A suspended Kraft Foods employee at the company's plant returned."), 0.34f));
  EXPECT_TRUE(StatesClaim(claim, evidence("\"This is a sad time for the Kraft Foods family,\" a statement reads."), 0.34f));
  // A paraphrase that holds the quotation's words states it.
  const Evidence week = evidence("The group could meet in person \xE2\x80\x9C" "as early as next week.\xE2\x80\x9D");
  EXPECT_TRUE(StatesClaim(week, evidence("An official said the group could meet in person as soon as next week."), 0.34f));
}

TEST(FactSupportTest, AFigureCountingSomethingElseIsAnotherClaim) {
  EXPECT_EQ(CountedWords("A 911 supervisor spoke at 8:30 p.m.; she is 43."),
            (std::vector<std::pair<std::string, std::string>>{{"911", "supe"}}));
  ClaimTerms terms;
  auto evidence = [&](std::string_view s) { return EvidenceOf(s, terms.Of(s)); };
  const Evidence claim = evidence("A 911 supervisor persuaded her to surrender to SWAT officers.");
  EXPECT_FALSE(StatesClaim(claim, evidence("Officers answered 911 calls, with SWAT teams."), 0.34f));
  EXPECT_TRUE(StatesClaim(claim, evidence("Officers and a 911 supervisor talked to her; SWAT waited."), 0.34f));
}

}  // namespace
}  // namespace newsfuse::synthesize
