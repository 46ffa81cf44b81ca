#include "synthesize/record_claims.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "synthesize/article_testutil.h"

namespace newsfuse::synthesize {
namespace {

std::string Join(const std::set<std::string>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : " ") + w;
  return out;
}

// "holder|body|value" per claim.
std::vector<std::string> Claims(std::string_view sentence) {
  std::vector<std::string> out;
  for (const RecordClaim& c : RecordClaims(sentence)) out.push_back(Join(c.holder) + "|" + Join(c.body) + "|" + c.value);
  return out;
}

TEST(RecordClaimsTest, ReadsWhoSetARecordAndInWhichNamedBody) {
  EXPECT_EQ(Claims("Benjamin, the first black woman to be admitted to the American Medical Association, founded a clinic."),
            (std::vector<std::string>{"black woman|american association medical|admitted to the American Medical Association"}));
  // A possessive does not end the body's name; one claim for a run of "first"s.
  EXPECT_EQ(Claims("In 1995 she became the first physician under 40 and the first African-American woman to be named "
                   "to the American Medical Association's board of trustees."),
            (std::vector<std::string>{"african-american physician woman|american association board medical trustees|"
                                      "named to the American Medical Association's board of trustees"}));
  // A place adjunct ends the body.
  EXPECT_EQ(Claims("She was the first woman to be president of a State Medical Society in the United States."),
            (std::vector<std::string>{"woman|medical society state|president of a State Medical Society"}));
}

TEST(RecordClaimsTest, LeavesRecordsInNoNamedBodyAlone) {
  EXPECT_TRUE(Claims("She was the first physician under 40 to serve on the board in a non-resident role.").empty());
  EXPECT_TRUE(Claims("He was the first AMA trustee to be elected before the age of 40.").empty());
  EXPECT_TRUE(Claims("She was the first African-American woman to be elected.").empty());
  EXPECT_TRUE(Claims("It was the first time. To the Senate we go.").empty());
  EXPECT_TRUE(Claims("Officers arrived first to the scene.").empty());
}

std::vector<Discrepancy> RecordDiscrepancies(const std::vector<std::string>& texts) {
  return FindRecordDiscrepancies(AnalyseTexts(texts)->pointers);
}

TEST(RecordDiscrepanciesTest, OutletsThatNameTheWholeOrAPartDisagree) {
  const auto found = RecordDiscrepancies(
      {"Benjamin was the first black woman to be admitted to the American Medical Association.",
       "Benjamin was the first African-American woman to be elected to the American Medical Association Board of "
       "Trustees.",
       "Benjamin was the first woman to sit on the board of trustees of the American Medical Association, serving "
       "three years."});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].kind, "record");
  EXPECT_EQ(found[0].label, "conflict");
  ASSERT_EQ(found[0].variants.size(), 2u);
  EXPECT_EQ(found[0].variants[0].value, "admitted to the American Medical Association");
  EXPECT_EQ(found[0].variants[0].sources, (std::vector<std::string>{"a0"}));
  EXPECT_EQ(found[0].variants[1].sources, (std::vector<std::string>{"a1", "a2"}));
  // The words both outlets of that version write, and that tell it apart.
  EXPECT_EQ(found[0].variants[1].value, "Board of Trustees");
}

TEST(RecordDiscrepanciesTest, OtherRecordsAndOneOutletsTwoRecordsAreNoDisagreement) {
  // Another holder (no word in common), another body (neither holds the
  // other's words), and one outlet that names both the whole and a part.
  EXPECT_TRUE(RecordDiscrepancies({"She was the first woman to be elected to the American Medical Association.",
                                   "He was the first surgeon to be elected to the American Medical Association "
                                   "Board of Trustees.",
                                   "She was the first woman to be president of the Medical Association of Alabama."})
                  .empty());
  EXPECT_TRUE(RecordDiscrepancies({"She was the first woman to be admitted to the American Medical Association. "
                                   "She was also the first woman to be elected to the American Medical Association "
                                   "Board of Trustees.",
                                   "She was the first woman to be admitted to the American Medical Association."})
                  .empty());
}

}  // namespace
}  // namespace newsfuse::synthesize
