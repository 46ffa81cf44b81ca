#include "synthesize/attribute_facts.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/entity_tagger.h"
#include "synthesize/article_testutil.h"

namespace newsfuse::synthesize {
namespace {

std::vector<AttributeFact> Facts(const std::vector<std::string>& texts, const extract::EntityTagger* tagger = nullptr) {
  return FindAttributeFacts(AnalyseTexts(texts, tagger)->pointers);
}

// The entity tagger (people named), loaded once; null without its model.
const extract::EntityTagger* Tagger() {
  static const auto tagger = extract::EntityTagger::Load(extract::EntityTagger::DefaultModelPath());
  return tagger.ok() ? tagger->get() : nullptr;
}

TEST(AttributeFactsTest, OneAgeWithEveryOutletHoweverWorded) {
  const auto facts = Facts({"Yvonne Hiller, 43, got into an altercation with two co-workers.",
                            "A prosecutor described 43-year-old Yvonne Hiller as a methodical killer.",
                            "Hiller, 43, was ordered held without bail.",
                            "The plant reopened on Monday."});
  ASSERT_EQ(facts.size(), 1u);
  EXPECT_EQ(facts[0].text, "Yvonne Hiller is 43.");
  EXPECT_EQ(facts[0].articles, (std::vector<uint32_t>{0, 1, 2}));
  EXPECT_EQ(facts[0].sentences[2], "Hiller, 43, was ordered held without bail.");
}

TEST(AttributeFactsTest, OneOutletAloneAndDifferentValuesMakeNoSharedFact) {
  // One outlet's age is no fact of several; two ages are two facts of one
  // outlet each (the discrepancy section compares them).
  EXPECT_TRUE(Facts({"Raj Chohan, 59, of Queens, had just parked her car.", "Chohan, 60, was hit by a car."}).empty());
}

TEST(AttributeFactsTest, HomeIsAFactToo) {
  const auto facts = Facts({"Police arrested Vishwanand Subryan, 23, of Schenectady, nearby.",
                            "Vishwanand Subryan, 23, of Schenectady, was charged."});
  ASSERT_EQ(facts.size(), 2u);
  EXPECT_EQ(facts[0].text, "Vishwanand Subryan is 23.");
  EXPECT_EQ(facts[1].text, "Vishwanand Subryan is from Schenectady.");
}

TEST(AttributeFactsTest, YearsOfServiceOfTheNearestPerson) {
  const extract::EntityTagger* tagger = Tagger();
  if (tagger == nullptr) GTEST_SKIP() << "no entity model at " << extract::EntityTagger::DefaultModelPath();
  const auto facts = Facts({"Investigators did not say why Yvonne Hiller, a 15-year employee, was suspended.",
                            "Yvonne Hiller had worked at the plant for about 15 years, her neighbours said.",
                            "Andy Ryan, who has worked at the plant for nearly 30 years, heard the shots."},
                           tagger);
  ASSERT_EQ(facts.size(), 1u);
  EXPECT_EQ(facts[0].text, "Yvonne Hiller worked there for 15 years.");
  EXPECT_EQ(facts[0].articles, (std::vector<uint32_t>{0, 1}));
}

TEST(AttributeFactsTest, AReportThatDescribesBeforeItNamesStatesTheAge) {
  const extract::EntityTagger* tagger = Tagger();
  if (tagger == nullptr) GTEST_SKIP() << "no entity model at " << extract::EntityTagger::DefaultModelPath();
  const auto facts = Facts({"Raj Chohan, 59, was hit by a car in Queens.", "Police said Raj Chohan, 59, died.",
                            "A 59-year-old woman was killed on Friday. Raj Chohan was walking to a temple.",
                            "Raj Chohan was walking to a temple. A 59-year-old witness saw the car."},
                           tagger);
  ASSERT_EQ(facts.size(), 1u);
  EXPECT_EQ(facts[0].text, "Raj Chohan is 59.");
  // The last report names her before it describes someone of her age: another person.
  EXPECT_EQ(facts[0].articles, (std::vector<uint32_t>{0, 1, 2}));
  EXPECT_EQ(facts[0].sentences[2], "A 59-year-old woman was killed on Friday.");
}

TEST(AttributeFactsTest, AnUnnamedAgeTwoNamedPeopleShareIsNobodys) {
  const extract::EntityTagger* tagger = Tagger();
  if (tagger == nullptr) GTEST_SKIP() << "no entity model at " << extract::EntityTagger::DefaultModelPath();
  const auto facts = Facts({"Raj Chohan, 59, and Piara Singh, 59, were neighbours.",
                            "Raj Chohan, 59, and Piara Singh, 59, met on Friday.",
                            "A 59-year-old woman was killed on Friday. Raj Chohan was visiting Piara Singh."},
                           tagger);
  ASSERT_EQ(facts.size(), 2u);
  EXPECT_EQ(facts[0].articles, (std::vector<uint32_t>{0, 1}));
  EXPECT_EQ(facts[1].articles, (std::vector<uint32_t>{0, 1}));
}

}  // namespace
}  // namespace newsfuse::synthesize
