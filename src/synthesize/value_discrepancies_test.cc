#include "synthesize/value_discrepancies.h"

#include <gtest/gtest.h>

#include "synthesize/article_testutil.h"

namespace newsfuse::synthesize {
namespace {

std::vector<std::string> Claims(std::string_view sentence) {
  std::vector<std::string> out;
  for (const ValueClaim& c : ValueClaims(sentence)) out.push_back(c.predicate + "|" + c.subject + "|" + c.value);
  return out;
}

TEST(ValueClaimsTest, ReadsHomeLocationColourAndYear) {
  EXPECT_EQ(Claims("Raj Chohan, 59, of College Point, was hit."),
            (std::vector<std::string>{"age|Raj Chohan|59", "home|Raj Chohan|College Point"}));
  EXPECT_EQ(Claims("A judge described 43-year-old Yvonne Hiller as a methodical killer."),
            (std::vector<std::string>{"age|Yvonne Hiller|43"}));
  EXPECT_EQ(Claims("Police identified him as 23-year old Vishwanand Subryan."),
            (std::vector<std::string>{"age|Vishwanand Subryan|23"}));
  EXPECT_EQ(Claims("He struck Raj Chohan, a 59-year-old grandmother, as she crossed."),
            (std::vector<std::string>{"age|Raj Chohan|59"}));
  EXPECT_EQ(Claims("Chohan, who lived half a mile away in South Ozone Park, died."),
            (std::vector<std::string>{"home|Chohan|South Ozone Park"}));
  EXPECT_EQ(Claims("She checked into the Betty Ford Center in Rancho Mirage on Friday."),
            (std::vector<std::string>{"location|Betty Ford Center|Rancho Mirage"}));
  EXPECT_EQ(Claims("She was struck by a gray 2013 Toyota Camry."),
            (std::vector<std::string>{"colour|Toyota Camry|gray", "year|Toyota Camry|2013"}));
  EXPECT_EQ(Claims("Benjamin founded the Bayou La Batre Rural Health Clinic in Alabama in 1990."),
            (std::vector<std::string>{"location|Bayou La Batre Rural Health Clinic|Alabama",
                                      "year|Bayou La Batre Rural Health Clinic|1990"}));
}

TEST(ValueClaimsTest, AnAgeNeedsAName) {
  // A woman without a name; a day of a month; a fifteen-year employee.
  EXPECT_TRUE(Claims("A 59-year-old woman was killed.").empty());
  EXPECT_TRUE(Claims("It happened on June 8, 2013, at night.").empty());
  EXPECT_TRUE(Claims("She was a 15-year employee of the plant.").empty());
}

TEST(ValueClaimsTest, LeavesDaysAndBareNamesAlone) {
  // A day's year; a place of a pronoun.
  EXPECT_TRUE(Claims("It happened on May 2, 2013 near the house.").empty());
  EXPECT_TRUE(Claims("She lives in Queens now.").empty());
}

TEST(ValueClaimsTest, AYearBelongsToTheNameOfItsClause) {
  EXPECT_EQ(Claims("She was a 2008 MacArthur Foundation Fellow, and in 1995 she joined the American Medical "
                   "Association board."),
            (std::vector<std::string>{"year|MacArthur Foundation Fellow|2008",
                                      "year|American Medical Association|1995"}));
}

// A version shows the writing most of its outlets use, so that each cited
// outlet's own words hold it more often than not.
TEST(ValueDiscrepanciesTest, AVersionShowsItsMostWrittenSpelling) {
  const auto texts = AnalyseTexts({"She was struck by a grey Toyota Camry.", "She was struck by a gray Toyota Camry.",
                                   "She was struck by a gray Toyota Camry.", "She was struck by a silver Toyota Camry."});
  const std::vector<Discrepancy> found = FindValueDiscrepancies(texts->pointers);
  ASSERT_EQ(found.size(), 1u);
  ASSERT_EQ(found[0].variants.size(), 2u);
  EXPECT_EQ(found[0].variants[0].value, "gray");
  EXPECT_EQ(found[0].variants[0].sources.size(), 3u);
  EXPECT_NE(found[0].variants[0].text.find("gray"), std::string::npos);
  EXPECT_EQ(found[0].variants[1].value, "silver");
}

}  // namespace
}  // namespace newsfuse::synthesize
