#include "synthesize/count_claims.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "synthesize/article_testutil.h"
#include "synthesize/discrepancies.h"

namespace newsfuse::synthesize {
namespace {

std::vector<std::string> Counts(std::string_view sentence) {
  std::vector<std::string> out;
  for (const CountClaim& c : CountClaims(sentence)) {
    out.push_back(c.harm + "|" + std::to_string(c.count) + "|" + c.words);
  }
  return out;
}

TEST(CountClaimsTest, ReadsCountsOfTheKilledAndWounded) {
  EXPECT_EQ(Counts("She opened fire, killing two workers and wounding two others."),
            (std::vector<std::string>{"killed|2|killing two", "wounded|2|wounding two"}));
  EXPECT_EQ(Counts("She killed two co-workers and critically injured a third."),
            (std::vector<std::string>{"killed|2|killed two", "wounded|1|injured a third"}));
  EXPECT_EQ(Counts("The rampage left two women dead and a third employee wounded."),
            (std::vector<std::string>{"killed|2|two women dead", "wounded|1|a third employee wounded"}));
  EXPECT_EQ(Counts("Police say two people have been killed and another wounded."),
            (std::vector<std::string>{"killed|2|two people have been killed", "wounded|1|another wounded"}));
  EXPECT_EQ(Counts("No one was injured in the blast."), (std::vector<std::string>{"wounded|0|No one was injured"}));
}

TEST(CountClaimsTest, LeavesOtherNumbersAlone) {
  // A mother's children, a part of the wounded, a passive with its agent,
  // a name before the harm, and counts of ten or more (the number
  // comparator's).
  EXPECT_TRUE(Counts("A mother of two died when a driver struck her.").empty());
  EXPECT_TRUE(Counts("One of the wounded employees is in the hospital.").empty());
  EXPECT_TRUE(Counts("The woman was killed by a drunk driver.").empty());
  EXPECT_TRUE(Counts("A Kraft Foods employee killed in the attack was named.").empty());
  EXPECT_TRUE(Counts("The storm killed 12 people and injured 40.").empty());
}

std::vector<Discrepancy> CountDiscrepancies(const std::vector<std::string>& texts) {
  return FindCountDiscrepancies(AnalyseTexts(texts)->pointers);
}

TEST(CountDiscrepanciesTest, OutletsThatCountDifferentlyDisagree) {
  const auto found = CountDiscrepancies({"Hiller opened fire at the Kraft plant, killing two and wounding two others.",
                                         "Hiller killed two at the Kraft plant and critically wounded a third.",
                                         "At the Kraft plant two women were killed and another wounded."});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].kind, "count");
  EXPECT_EQ(found[0].subject, "number wounded");
  ASSERT_EQ(found[0].variants.size(), 2u);
  EXPECT_EQ(found[0].variants[0].value, "wounded a third");
  EXPECT_EQ(found[0].variants[0].sources, (std::vector<std::string>{"a1", "a2"}));
  EXPECT_EQ(found[0].variants[1].value, "wounding two");
  EXPECT_EQ(found[0].label, "conflict");  // no publication dates: not an update
}

TEST(CountDiscrepanciesTest, AnotherEventsCountIsNotAVersion) {
  // The third outlet's three dead are another attack's (no name in common
  // with the others' count); the second outlet gives two counts of the dead
  // and is left out.
  EXPECT_TRUE(CountDiscrepancies({"Hiller opened fire at the Kraft plant, killing two workers.",
                                  "Earlier, Amy Bishop left three professors dead in Huntsville.",
                                  "Hiller killed two at the Kraft plant. In Alabama, Bishop left three dead."})
                  .empty());
}

}  // namespace
}  // namespace newsfuse::synthesize
