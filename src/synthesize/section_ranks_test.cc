#include "synthesize/section_ranks.h"

#include <gtest/gtest.h>

namespace newsfuse::synthesize {
namespace {

TEST(SectionRanksTest, MoreOutletsFirstThenCentralityThenRecency) {
  Story st;
  st.facts = {Fact{"one outlet", {"a"}, {}, false}, Fact{"three outlets", {"a", "b", "c"}, {}, false},
              Fact{"two, consensus", {"a", "b"}, {}, true}, Fact{"two", {"a", "b"}, {}, false}};
  st.entities = {BriefEntity{"Few", "PERSON", {}, {}, {"a", "b"}, 2},
                 BriefEntity{"Many", "PERSON", {}, {}, {"a", "b"}, 9}};
  TimelineEntry older{"2024-03-01", "older", {"a"}};
  TimelineEntry newer{"2024-04-01", "newer", {"a"}};
  TimelineEntry wide{"2024-01-01", "wide", {"a", "b"}};
  st.timeline = {older, newer, wide};
  st.quotes = {BriefQuote{"q1", "X", {"a"}, {}}, BriefQuote{"q2", "Y", {"a"}, {{"q2'", {"b"}}}}};
  st.discrepancies = {Discrepancy{"s1", "number", "conflict", {{"1", "t", {"a"}}, {"2", "t", {"b"}}}},
                      Discrepancy{"s2", "number", "conflict", {{"1", "t", {"a", "c"}}, {"2", "t", {"b"}}}}};
  AssignRanks(&st);
  EXPECT_EQ(st.facts[1].rank, 1);
  EXPECT_EQ(st.facts[2].rank, 2);  // consensus breaks the tie
  EXPECT_EQ(st.facts[3].rank, 3);
  EXPECT_EQ(st.facts[0].rank, 4);
  EXPECT_EQ(st.entities[1].rank, 1);  // mentioned more
  EXPECT_EQ(st.timeline[2].rank, 1);
  EXPECT_EQ(st.timeline[1].rank, 2);  // the latest day before an older one
  EXPECT_EQ(st.timeline[0].rank, 3);
  EXPECT_EQ(st.quotes[1].rank, 1);  // its variants' outlets count
  EXPECT_EQ(st.discrepancies[1].rank, 1);
}

}  // namespace
}  // namespace newsfuse::synthesize
