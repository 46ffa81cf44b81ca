#include "base/civil_date.h"

#include <gtest/gtest.h>

namespace newsfuse::base {
namespace {

TEST(CivilDateTest, WeekdayOfKnownDates) {
  EXPECT_EQ((CivilDate{2024, 4, 1}).Weekday(), 0);   // Monday
  EXPECT_EQ((CivilDate{2024, 3, 31}).Weekday(), 6);  // Sunday
  EXPECT_EQ((CivilDate{2023, 10, 7}).Weekday(), 5);  // Saturday
}

// Weeks across New Year: 2020-12-31 is in 2020-W53, 2021-01-03 (a Sunday)
// still in it, 2021-01-04 opens 2021-W01; each week's Monday maps back.
TEST(CivilDateTest, IsoWeeksAndTheirMondays) {
  EXPECT_EQ(IsoWeekOf(CivilDate{2020, 12, 31}), std::make_pair(2020, 53));
  EXPECT_EQ(IsoWeekOf(CivilDate{2021, 1, 3}), std::make_pair(2020, 53));
  EXPECT_EQ(IsoWeekOf(CivilDate{2021, 1, 4}), std::make_pair(2021, 1));
  EXPECT_EQ(IsoWeekOf(CivilDate{2024, 3, 31}), std::make_pair(2024, 13));
  EXPECT_EQ(IsoWeekMonday(2020, 53).DateString(), "2020-12-28");
  EXPECT_EQ(IsoWeekMonday(2021, 1).DateString(), "2021-01-04");
  EXPECT_EQ(IsoWeekMonday(2024, 13).DateString(), "2024-03-25");
  for (long day = 18000; day < 18000 + 800; ++day) {
    const CivilDate d = CivilDate::FromDaysSinceEpoch(day);
    const auto [y, w] = IsoWeekOf(d);
    EXPECT_EQ(IsoWeekMonday(y, w).DaysSinceEpoch(), day - d.Weekday()) << d.DateString();
  }
}

TEST(CivilDateTest, AddDaysCrossesMonthsAndLeapDays) {
  EXPECT_EQ((CivilDate{2024, 3, 31}).AddDays(1).DateString(), "2024-04-01");
  EXPECT_EQ((CivilDate{2024, 2, 28}).AddDays(1).DateString(), "2024-02-29");
  EXPECT_EQ((CivilDate{2023, 2, 28}).AddDays(1).DateString(), "2023-03-01");
  EXPECT_EQ((CivilDate{2024, 1, 1}).AddDays(-1).DateString(), "2023-12-31");
}

TEST(CivilDateTest, ToStringWithAndWithoutTime) {
  CivilDate d{2024, 4, 1, 17, 29};
  EXPECT_EQ(d.ToString(), "2024-04-01T17:29");
  EXPECT_EQ(d.DateString(), "2024-04-01");
  EXPECT_FALSE((CivilDate{2023, 2, 29}).valid());
}

TEST(CivilDateTest, ParsesMonthAndWeekdayNames) {
  EXPECT_EQ(ParseMonthName("April"), 4);
  EXPECT_EQ(ParseMonthName("Mar"), 3);
  EXPECT_EQ(ParseMonthName("Sept."), 9);
  EXPECT_EQ(ParseMonthName("Ma"), 0);
  EXPECT_EQ(ParseMonthName("Marching"), 0);
  EXPECT_EQ(ParseWeekdayName("monday"), 0);
  EXPECT_EQ(ParseWeekdayName("Tues."), 1);
  EXPECT_EQ(ParseWeekdayName("Sun"), 6);
  EXPECT_EQ(ParseWeekdayName("Sunny"), -1);
}

TEST(CivilDateTest, ParsesIsoForms) {
  EXPECT_EQ(ParseIsoDate("2024-04-01")->ToString(), "2024-04-01");
  EXPECT_EQ(ParseIsoDate("2024-04-01T09:05:00Z")->ToString(), "2024-04-01T09:05");
  EXPECT_FALSE(ParseIsoDate("2024-13-01").has_value());
  EXPECT_FALSE(ParseIsoDate("April 1").has_value());
}

TEST(CivilDateTest, OrderIsTheOrderOfTheIsoStrings) {
  // Publication dates were compared as strings; the date type keeps that order.
  const char* in_order[] = {"2024-12-31T23:59", "2025-01-01", "2025-01-01T00:00", "2025-01-01T09:30",
                            "2025-01-02", "2025-10-01"};
  for (size_t i = 0; i + 1 < std::size(in_order); ++i) {
    const std::optional<CivilDate> a = ParseIsoDate(in_order[i]), b = ParseIsoDate(in_order[i + 1]);
    ASSERT_TRUE(a && b) << in_order[i];
    EXPECT_LT(*a, *b) << in_order[i] << " < " << in_order[i + 1];
    EXPECT_EQ(a->ToString(), in_order[i]);
  }
  EXPECT_EQ(OptionalDateString(std::nullopt), std::nullopt);
  EXPECT_EQ(OptionalDateString(ParseIsoDate("2025-03-11T06:00:59Z")), "2025-03-11T06:00");
}

}  // namespace
}  // namespace newsfuse::base
