#include "synthesize/claims.h"

#include <gtest/gtest.h>

namespace newsfuse::synthesize {
namespace {

struct ClaimCase {
  const char* a;
  const char* b;
  bool contradicts;
  const char* value_a;  // checked when contradicts
  const char* value_b;
};

TEST(ClaimsTest, NegationAndAntonymsContradictTable) {
  // Invented sentences: two outlets' wordings of one fact.
  const ClaimCase cases[] = {
      {"Foreign minister Ana Duarte met the rebel commander in Vardo on Tuesday.",
       "Foreign minister Ana Duarte did not meet the rebel commander in Vardo on Tuesday.", true, "met",
       "did not meet"},
      {"The harbour authority has not approved the new ferry timetable.",
       "The harbour authority approved the new ferry timetable on Friday.", true, "has not approved",
       "approved"},
      {"The mayor didn't sign the budget before the deadline.",
       "The mayor signed the budget just before the deadline.", true, "didn't sign", "signed"},
      {"The mayor didn\u2019t sign the budget before the deadline.",
       "The mayor signed the budget just before the deadline.", true, "didn\u2019t sign", "signed"},
      {"Bread prices rose sharply in the capital last month.",
       "Bread prices fell sharply in the capital last month.", true, "rose", "fell"},
      {"The council approved the plan to widen the bridge.",
       "The council rejected the plan to widen the bridge.", true, "approved", "rejected"},
      {"The ministry confirmed that the two ships collided.",
       "The ministry denied that the two ships collided.", true, "confirmed", "denied"},
      {"The court found the driver guilty of dangerous driving.",
       "The court found the driver innocent of dangerous driving.", true, "guilty", "innocent"},
      // Agreement: same polarity, a double flip, or nothing opposed.
      {"Analysts said the markets were not necessarily expecting reforms from the new cabinet.",
       "Analysts said that markets were not expecting reforms from the new cabinet.", false, "", ""},
      {"The spokesman said the country is not involved in the border dispute.",
       "The spokesman denied his country was involved in the border dispute.", false, "", ""},
      {"The spokesman said the country is involved in the border dispute.",
       "The spokesman denied his country was involved in the border dispute.", true, "involved",
       "denied his country was involved"},
      {"Officials said they had not received a ransom demand.",
       "Officials said the receipt of a ransom demand came on Friday.", false, "", ""},
      {"British officials said they had not received any ransom demand for the two men.",
       "No ransom demand for the two men was received.", false, "", ""},
      {"Syria accuses Turkey of diverting water from the rivers.",
       "Syria denies this and accuses Turkey of diverting water from the rivers.", false, "", ""},
      {"The results were expected since most moderates had been dropped from the ballot.",
       "The results came as no surprise since most moderates had been dropped from the ballot.", false, "",
       ""},
      {"No hearing date has been set.", "No date for this hearing has been set.", false, "", ""},
      {"The causes of the crash have not been determined.",
       "A final determination of the cause of the crash is far off.", false, "", ""},
      {"The causes of the crash have not been determined.",
       "The cause of the crash has yet to be determined.", false, "", ""},
      {"Bread prices did not rise in the capital last month.",
       "Bread prices fell in the capital last month.", false, "", ""},
      {"Ana Duarte met the rebel commander in Vardo on Tuesday.",
       "Duarte met the commander of the rebels on Tuesday in Vardo.", false, "", ""},
      {"The council did not approve the plan.", "The council did not approve the plan on Monday.", false, "",
       ""},
      {"The ferry not only carried cars but also trucks.", "The ferry carried cars and trucks.", false, "", ""},
      // One outlet says both: no clear contradiction.
      {"The union accepted the offer.", "The union accepted the offer but did not accept the schedule.", false,
       "", ""},
  };
  Stemmer stemmer;
  for (const auto& c : cases) {
    SCOPED_TRACE(std::string(c.a) + " | " + c.b);
    const ClaimContrast r = CompareClaims(c.a, c.b, stemmer);
    EXPECT_EQ(r.contradicts, c.contradicts);
    if (c.contradicts) {
      EXPECT_EQ(r.value_a, c.value_a);
      EXPECT_EQ(r.value_b, c.value_b);
    }
  }
}

}  // namespace
}  // namespace newsfuse::synthesize
