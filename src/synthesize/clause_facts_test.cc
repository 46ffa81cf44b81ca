#include "synthesize/clause_facts.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace newsfuse::synthesize {
namespace {

// One sentence per article; no fact cites any of them yet.
std::vector<ClauseFact> Facts(const std::vector<std::string_view>& texts, const ClauseOptions& options = {}) {
  std::vector<uint32_t> article_of;
  for (uint32_t i = 0; i < texts.size(); ++i) article_of.push_back(i);
  return FindClauseFacts(texts, article_of, std::vector<uint32_t>(texts.size(), 0), options);
}

TEST(ClauseFactsTest, SplitsAtCommasJoiningWordsAndDashesNotInsideFigures) {
  EXPECT_EQ(SplitClauses("Mason, who has been in rehab five times, was last at Pine Lodge in 2010."),
            (std::vector<std::string_view>{"Mason", "has been in rehab five times", "was last at Pine Lodge in 2010"}));
  EXPECT_EQ(SplitClauses("She served 2,500 people \xE2\x80\x94 most spoke no English."),
            (std::vector<std::string_view>{"She served 2,500 people", "most spoke no English"}));
  EXPECT_EQ(SplitClauses("Andersen opened the mill and hired forty workers."),
            (std::vector<std::string_view>{"Andersen opened the mill", "hired forty workers"}));
}

TEST(ClauseFactsTest, OneClauseOfATwoClaimSentenceWithEveryOutletThatStatesIt) {
  const std::vector<std::string_view> texts = {
      "Mason, who has been in rehab five times, stayed at Pine Lodge in 2010.",
      "Mason stayed at Pine Lodge in 2010 after a probation violation.",
      "In 2010 Mason stayed at Pine Lodge, where she fought with a nurse.",
      "Mason has been in rehab five times.",
      "The judge ordered Mason to Pine Lodge."};  // no 2010: does not state the stay
  const std::vector<ClauseFact> facts = Facts(texts);
  const ClauseFact* stay = nullptr;
  for (const ClauseFact& f : facts) {
    if (f.text == "stayed at Pine Lodge in 2010") stay = &f;
  }
  ASSERT_NE(stay, nullptr);
  EXPECT_EQ(stay->articles, (std::vector<uint32_t>{0, 1, 2}));
  EXPECT_EQ(stay->units, (std::vector<uint32_t>{0, 1, 2}));
}

TEST(ClauseFactsTest, ACitationMustStateThePredicateNotOnlyTheNames) {
  // "rebuilt ... clinic": an outlet that says she runs the clinic states the
  // place, not the rebuilding.
  const std::vector<ClauseFact> facts = Facts({"After the storm she rebuilt her clinic in Bayou Verde.",
                                               "She runs a small clinic in Bayou Verde.",
                                               "Her clinic in Bayou Verde was rebuilt after the storm."});
  size_t rebuilt = 0;
  for (const ClauseFact& f : facts) {
    if (f.text.find("rebuilt") == std::string::npos) continue;
    ++rebuilt;
    EXPECT_EQ(f.articles, (std::vector<uint32_t>{0, 2})) << f.text;
  }
  EXPECT_EQ(rebuilt, 1u);
}

TEST(ClauseFactsTest, NamesAloneReportsAndClaimsAlreadyCitedAreNoFacts) {
  // Clauses of names alone, or that open with a verb of saying.
  EXPECT_TRUE(Facts({"Mark Keller, her lawyer, spoke.", "Mark Keller, the lawyer, left."}).empty());
  EXPECT_TRUE(Facts({"A worker said he was on the third floor.", "Ryan said he was on the third floor."}).empty());
  // A fact that already cites the sentence with as many outlets.
  const std::vector<std::string_view> texts = {"Mason stayed at Pine Lodge in 2010.",
                                               "In 2010 Mason stayed at Pine Lodge."};
  EXPECT_EQ(Facts(texts).size(), 1u);
  EXPECT_TRUE(FindClauseFacts(texts, {0, 1}, {2, 2}).empty());
}

TEST(ClauseFactsTest, NounPhrasesBareReportsConditionsAndCutClausesAreNoClaims) {
  // Each clause below is given by three outlets, yet states nothing: a noun
  // phrase (no word that can be a verb), a report with only its verb of
  // saying, a condition, a clause cut after its copula.
  for (std::string_view clause : {"A Harlow County judge", "The Vale Courier reported", "If approved by the Harlow council",
                                  "the two Harlow victims were"}) {
    const std::string a = std::string(clause) + ", the paper said on Monday.";
    const std::string b = "On Monday, " + std::string(clause) + ".";
    const std::string c = std::string(clause) + ", and more was to come.";
    for (const ClauseFact& f : Facts({a, b, c})) EXPECT_NE(f.text, clause);
  }
  // The same shape with a verb is a claim.
  const std::string with_verb = "A Harlow County judge ordered the audit";
  bool found = false;
  for (const ClauseFact& f : Facts({with_verb + ", the paper said on Monday.", "On Monday, " + with_verb + ".",
                                    with_verb + ", and more was to come."})) {
    found |= f.text == with_verb;
  }
  EXPECT_TRUE(found);
}

TEST(ClauseFactsTest, OneArticleMakesNoFact) {
  EXPECT_TRUE(FindClauseFacts({"Mason stayed at Pine Lodge in 2010.", "In 2010 Mason stayed at Pine Lodge."}, {0, 0},
                              {0, 0})
                  .empty());
}

}  // namespace
}  // namespace newsfuse::synthesize
