#include "synthesize/story_sections.h"

#include <gtest/gtest.h>

namespace newsfuse::synthesize {
namespace {

NumberVersion Version(double value, bool hedged, const char* noun, const char* published) {
  NumberVersion v;
  v.value = value;
  v.hedged = hedged;
  v.nouns = {noun};
  if (published[0]) {
    v.first_published = v.last_published = published;
  } else {
    v.undated = true;
  }
  return v;
}

TEST(StorySectionsTest, NumberLabelTable) {
  struct Case {
    std::vector<NumberVersion> versions;
    const char* label;
  };
  const Case cases[] = {
      // "more than one million civilians" / "about 1.4 million people"
      {{Version(1e6, true, "civilian", "2024-04-01"), Version(1.4e6, true, "person", "2024-04-01")},
       "rounding/hedge"},
      // 1,412 / 1,400: equal to two significant digits.
      {{Version(1412, false, "person", "2024-04-01"), Version(1400, false, "person", "2024-04-02")},
       "rounding/hedge"},
      // 30 children / 45 people: different things counted.
      {{Version(30, false, "child", "2024-04-01"), Version(45, false, "person", "2024-04-01")},
       "different measure"},
      // One version counting both people and children still counts people.
      {{Version(17, false, "person", "2024-04-01"), [] {
          NumberVersion v = Version(60, false, "person", "2024-04-01");
          v.nouns.insert("child");
          return v;
        }()},
       "conflict"},
      // A toll that rises in later reports.
      {{Version(12, false, "person", "2024-03-01"), Version(31, false, "person", "2024-03-03T09:00")},
       "update"},
      {{Version(12, false, "person", "2024-03-01T08:00"), Version(19, false, "person", "2024-03-01T17:30"),
        Version(31, false, "person", "2024-03-02")},
       "update"},
      // Same day, or an undated source: the outlets disagree.
      {{Version(12, false, "person", "2024-03-01"), Version(31, false, "person", "2024-03-01")}, "conflict"},
      {{Version(12, false, "person", "2024-03-01"), Version(31, false, "person", "")}, "conflict"},
      // Hedged, but far apart: not rounding.
      {{Version(100, true, "person", "2024-03-01"), Version(250, false, "person", "2024-03-01")}, "conflict"},
  };
  for (size_t i = 0; i < std::size(cases); ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(NumberLabel(cases[i].versions), cases[i].label);
  }
}

TEST(StorySectionsTest, PlannedCuesTable) {
  const std::pair<const char*, bool> cases[] = {
      {"The ministers will meet in Vardo on Monday.", true},
      {"Will the talks resume on Monday?", true},
      {"The council plans to vote on the budget on Friday.", true},
      {"The hearing is scheduled for March 14.", true},
      {"Talks are expected to resume on Monday.", true},
      {"The envoy could travel as early as next week.", true},
      {"The ministers met in Vardo on Monday.", false},
      {"The council voted on the budget on Friday.", false},
      {"The hearing was held on March 14.", false},
  };
  for (const auto& [sentence, planned] : cases) {
    EXPECT_EQ(IsPlanned(sentence), planned) << sentence;
  }
}

}  // namespace
}  // namespace newsfuse::synthesize
