#include "extract/time_expressions.h"

#include <gtest/gtest.h>

#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace newsfuse::extract {
namespace {

using base::CivilDate;

struct Case {
  const char* name;
  CivilDate anchor;      // publication date of the invented article
  const char* text;
  const char* expected;  // the expression's text
  TimexType type;
  const char* value;
};

// Invented sentences; dates chosen so that each weekday rule is exercised.
// 2025-06-15 is a Sunday, 2025-06-16 a Monday (ISO week 2025-W25).
const Case kCases[] = {
    // Weekdays: tense decides the direction; the anchor's own weekday is the anchor.
    {"FutureCueMovesForward", {2025, 6, 15},
     "The finance ministers are expected to hold a virtual meeting on Monday.", "Monday",
     TimexType::kDate, "2025-06-16"},
    {"SameWeekdayIsAnchorDay", {2025, 6, 16}, "The two leaders held virtual talks Monday.",
     "Monday", TimexType::kDate, "2025-06-16"},
    {"PastVerbAfterWeekday", {2025, 6, 17},
     "The minister on Monday said the plan had been shelved.", "Monday", TimexType::kDate,
     "2025-06-16"},
    {"PastVerbMovesBack", {2025, 6, 16},
     "A spokesman on Friday described the offer as unacceptable.", "Friday", TimexType::kDate,
     "2025-06-13"},
    {"BareWeekdayDefaultsToPast", {2025, 6, 18}, "Shares of the company rose Monday.",
     "Monday", TimexType::kDate, "2025-06-16"},
    {"WillMovesForward", {2025, 6, 16}, "The council will vote on Thursday.", "Thursday",
     TimexType::kDate, "2025-06-19"},
    {"ScheduledMovesForward", {2025, 6, 16}, "The hearing is scheduled for Wednesday.",
     "Wednesday", TimexType::kDate, "2025-06-18"},
    {"GoingToMovesForward", {2025, 6, 16}, "They are going to announce it Saturday.",
     "Saturday", TimexType::kDate, "2025-06-21"},
    {"LastWeekday", {2025, 6, 16}, "The deal was signed last Tuesday.", "last Tuesday",
     TimexType::kDate, "2025-06-10"},
    {"NextWeekday", {2025, 6, 16}, "Talks resume next Friday.", "next Friday",
     TimexType::kDate, "2025-06-20"},
    {"WeekdayNight", {2025, 6, 16}, "Crowds gathered in the square Sunday night.",
     "Sunday night", TimexType::kTime, "2025-06-15TNI"},
    {"WeekdayWithDate", {2025, 6, 16}, "The vote took place on Friday, June 13, 2025.",
     "Friday, June 13, 2025", TimexType::kDate, "2025-06-13"},
    {"WeekdayWithDateNoYear", {2025, 6, 16},
     "The paper wrote in an editorial on Saturday, June 14: the court erred.",
     "Saturday, June 14", TimexType::kDate, "2025-06-14"},
    {"FutureSeenFromPast", {2025, 6, 16}, "The offer had been due to expire Friday evening.",
     "Friday evening", TimexType::kTime, "2025-06-13TEV"},
    // Weeks, months, years relative to the anchor.
    {"LastWeek", {2025, 6, 16}, "Prices fell last week.", "last week", TimexType::kDate,
     "2025-W24"},
    {"NextWeek", {2025, 6, 16}, "A decision is due next week.", "next week", TimexType::kDate,
     "2025-W26"},
    {"ThisWeek", {2025, 6, 16}, "The envoy arrives this week.", "this week", TimexType::kDate,
     "2025-W25"},
    {"AsEarlyAsNextWeek", {2025, 6, 16}, "Troops could leave as early as next week.",
     "next week", TimexType::kDate, "2025-W26"},
    {"AsSoonAsNextWeek", {2025, 6, 16}, "A ruling could come as soon as next week.",
     "next week", TimexType::kDate, "2025-W26"},
    {"OneWeekAgo", {2025, 6, 16}, "The storm hit one week ago.", "one week ago",
     TimexType::kDate, "2025-W24"},
    // "later" relates to the event just told, not to the anchor: a duration.
    {"TwoDaysLater", {2025, 6, 16}, "Two days later the border reopened.", "Two days",
     TimexType::kDuration, "P2D"},
    {"LastMonth", {2025, 6, 16}, "Exports dropped last month.", "last month", TimexType::kDate,
     "2025-05"},
    {"InMarchPast", {2025, 6, 16}, "The mayor resigned in March.", "March", TimexType::kDate,
     "2025-03"},
    {"InMarchFuture", {2025, 6, 16}, "The plant will open in March.", "March",
     TimexType::kDate, "2026-03"},
    {"EarlierThisMonth", {2025, 6, 16}, "The law was passed earlier this month.",
     "earlier this month", TimexType::kDate, "2025-06"},
    {"LastYear", {2025, 6, 16}, "Sales grew last year.", "last year", TimexType::kDate, "2024"},
    {"YearAgo", {2025, 6, 16}, "Rents were lower a year ago.", "a year ago", TimexType::kDate,
     "2024"},
    // Explicit dates in the common news forms.
    {"MonthDayYear", {2025, 6, 16}, "It was founded on April 1, 2024, in Lyon.",
     "April 1, 2024", TimexType::kDate, "2024-04-01"},
    {"AbbreviatedMonthDay", {2024, 3, 31}, "Since the Oct. 7 attack, talks stalled.",
     "Oct. 7", TimexType::kDate, "2023-10-07"},
    {"AbbreviatedMonthDayYear", {2025, 6, 16}, "The filing is dated Mar. 30, 2024.",
     "Mar. 30, 2024", TimexType::kDate, "2024-03-30"},
    {"DayMonthYear", {2025, 6, 16}, "The treaty was signed on 1 April 2024.", "1 April 2024",
     TimexType::kDate, "2024-04-01"},
    {"IsoDate", {2025, 6, 16}, "Published 2024-04-01 by the agency.", "2024-04-01",
     TimexType::kDate, "2024-04-01"},
    {"MonthDayNearest", {2025, 6, 16}, "The rally on March 17 drew thousands.", "March 17",
     TimexType::kDate, "2025-03-17"},
    {"MonthYear", {2025, 6, 16}, "Inflation peaked in July 2022.", "July 2022",
     TimexType::kDate, "2022-07"},
    {"Holiday", {2025, 6, 16}, "Families gathered on Thanksgiving Day.", "Thanksgiving Day",
     TimexType::kDate, "2024-11-28"},
    {"Easter", {2025, 6, 16}, "The shop closed for Easter 2024.", "Easter 2024",
     TimexType::kDate, "2024-03-31"},
    // Deictic words.
    {"Today", {2025, 6, 16}, "The court rules today.", "today", TimexType::kDate, "2025-06-16"},
    {"Yesterday", {2025, 6, 16}, "He arrived yesterday.", "yesterday", TimexType::kDate,
     "2025-06-15"},
    {"Tomorrow", {2025, 6, 16}, "Polls open tomorrow.", "tomorrow", TimexType::kDate,
     "2025-06-17"},
    {"Tonight", {2025, 6, 16}, "She speaks tonight.", "tonight", TimexType::kTime,
     "2025-06-16TNI"},
    {"Now", {2025, 6, 16}, "The town is now quiet.", "now", TimexType::kDate, "PRESENT_REF"},
    {"Recently", {2025, 6, 16}, "The rules were recently changed.", "recently",
     TimexType::kDate, "PAST_REF"},
    {"Future", {2025, 6, 16}, "It may reopen in the future.", "the future", TimexType::kDate,
     "FUTURE_REF"},
    // Years, quarters, seasons, decades.
    {"Year", {2025, 6, 16}, "The bridge was built in 1998.", "1998", TimexType::kDate, "1998"},
    {"Quarter", {2025, 6, 16}, "Profit rose in the first quarter.", "the first quarter",
     TimexType::kDate, "2025-Q1"},
    {"Season", {2025, 6, 16}, "Flooding was worse last summer.", "last summer",
     TimexType::kDate, "2024-SU"},
    {"Decade", {2025, 6, 16}, "The program began in the 1990s.", "the 1990s", TimexType::kDate,
     "199"},
    // Durations.
    {"Hours", {2025, 6, 16}, "The meeting lasted two hours.", "two hours",
     TimexType::kDuration, "PT2H"},
    {"ForWeeks", {2025, 6, 16}, "The strike went on for three weeks.", "three weeks",
     TimexType::kDuration, "P3W"},
    {"HyphenatedDuration", {2025, 6, 16}, "They signed a five-year contract.", "five-year",
     TimexType::kDuration, "P5Y"},
    {"PastNYears", {2025, 6, 16}, "Costs doubled over the past two years.",
     "the past two years", TimexType::kDuration, "P2Y"},
    {"HalfUnits", {2025, 6, 16}, "The siege lasted 2 1/2 years.", "2 1/2 years",
     TimexType::kDuration, "P2Y6M"},
    {"AndAHalf", {2025, 6, 16}, "He spoke for an hour and a half.", "an hour and a half",
     TimexType::kDuration, "PT1H30M"},
    {"DecadesInYears", {2025, 6, 16}, "The feud lasted two decades.", "two decades",
     TimexType::kDuration, "P20Y"},
    // Clock times.
    {"ClockPm", {2025, 6, 16}, "The quake struck at 5:29 PM local time.", "5:29 PM local time",
     TimexType::kTime, "2025-06-16T17:29"},
    {"HourPm", {2025, 6, 16}, "Voting ends at 4 p.m. on the island.", "4 p.m.",
     TimexType::kTime, "2025-06-16T16:00"},
    // Recurrences.
    {"Daily", {2025, 6, 16}, "The ferry runs daily.", "daily", TimexType::kSet, "P1D"},
    {"EveryMonth", {2025, 6, 16}, "Rates are reviewed every month.", "every month",
     TimexType::kSet, "P1M"},
    // The list, in articles of Sunday 2024-03-31, Monday 2024-04-01
    // and Tuesday 2024-04-02.
    {"IssueMondayFromSunday", {2024, 3, 31},
     "Ministers are expected to hold a virtual meeting on Monday.", "Monday", TimexType::kDate,
     "2024-04-01"},
    {"IssueMondayFromTuesday", {2024, 4, 2}, "Ministers held a virtual meeting on Monday.",
     "Monday", TimexType::kDate, "2024-04-01"},
    {"IssueLastWeek", {2024, 3, 31}, "The convoy was stopped last week.", "last week",
     TimexType::kDate, "2024-W12"},
    {"IssueOneWeekAgo", {2024, 3, 31}, "The strike began one week ago.", "one week ago",
     TimexType::kDate, "2024-W12"},
    {"IssueSundayNight", {2024, 4, 1}, "Protesters marched through the city Sunday night.",
     "Sunday night", TimexType::kTime, "2024-03-31TNI"},
    {"IssueOct7", {2024, 4, 1}, "Hostages taken on Oct. 7 are still held.", "Oct. 7",
     TimexType::kDate, "2023-10-07"},
    {"IssueMarch", {2024, 4, 1}, "The envoy visited the region in March.", "March",
     TimexType::kDate, "2024-03"},
    {"IssueAsEarlyAsNextWeek", {2024, 4, 1},
     "The offensive could begin as early as next week.", "next week", TimexType::kDate,
     "2024-W15"},
    {"IssueExplicitDate", {2024, 4, 1}, "The talks opened on March 29, 2024, in Cairo.",
     "March 29, 2024", TimexType::kDate, "2024-03-29"},
    // The definite year of a report, and its end.
    {"TheFullYear", {2025, 6, 16}, "Sales for the full year rose 5%.", "the full year",
     TimexType::kDate, "2025"},
    {"TheYear", {2025, 6, 16}, "Its shares are up 8% for the year.", "the year",
     TimexType::kDate, "2025"},
    {"TheCurrentFiscalYear", {2025, 6, 16}, "It expects a loss in the current fiscal year.",
     "the current fiscal year", TimexType::kDate, "2025"},
    {"TheLatestFiscalYear", {2025, 6, 16}, "Revenue reached $2 billion in the latest fiscal year.",
     "the latest fiscal year", TimexType::kDate, "2024"},
    {"TheYearEnded", {2025, 6, 16}, "Net income for the year ended March 31 fell.", "the year",
     TimexType::kDuration, "P1Y"},
    {"TheYearTwoThousand", {1998, 2, 5}, "He promised to halve it by the year two thousand.",
     "the year two thousand", TimexType::kDate, "2000"},
    {"TheEndOfTheYear", {2025, 6, 16}, "Debt should fall by the end of the year.",
     "the end of the year", TimexType::kDate, "2025"},
    {"ByYearEnd", {2025, 6, 16}, "The sale should close by year-end.", "year-end",
     TimexType::kDate, "2025"},
    {"SinceYearEnd", {2025, 6, 16}, "The index has gained 4% since year-end.", "year-end",
     TimexType::kDate, "2024"},
    {"ByYearsEnd", {2025, 6, 16}, "New rules should be in place by year's end.", "year's end",
     TimexType::kDate, "2025"},
    // Spoken years in broadcast transcripts.
    {"MonthSpelledYear", {1998, 2, 27}, "January nineteen ninety-seven. A second blast.",
     "January nineteen ninety-seven", TimexType::kDate, "1997-01"},
    {"SeasonSpelledYear", {1998, 2, 23}, "Since the winter of nineteen ninety-four, prices fell.",
     "the winter of nineteen ninety-four", TimexType::kDate, "1994-WI"},
    // Vague stretches reaching the present.
    {"RecentYears", {2025, 6, 16}, "Kidnappings have grown in recent years.", "recent years",
     TimexType::kDuration, "PXY"},
    {"RecentWeeks", {2025, 6, 16}, "In recent weeks, lenders have pulled back.", "recent weeks",
     TimexType::kDuration, "PXW"},
    // Anaphora: relative to the last date named.
    {"FollowingMonth", {2025, 6, 16},
     "The plant closed in March 2023. The following month, workers protested.",
     "The following month", TimexType::kDate, "2023-04"},
    {"ThatMonth", {2025, 6, 16}, "The vote was held on Oct. 3, 2021. Prices fell that month.",
     "that month", TimexType::kDate, "2021-10"},
    // Parts of days pinned by "mid".
    {"MidAfternoonYesterday", {2025, 6, 16}, "Shares fell at mid-afternoon yesterday.",
     "mid-afternoon yesterday", TimexType::kTime, "2025-06-15TAF"},
    {"MidMorning", {2025, 6, 16}, "By mid morning the square was empty.", "mid morning",
     TimexType::kTime, "2025-06-16TMO"},
    // "current" before a noun: the present (TimeBank and AQUAINT mark it PRESENT_REF).
    {"CurrentAdjective", {2025, 6, 16}, "Prices reflect current market conditions.", "current",
     TimexType::kDate, "PRESENT_REF"},
    // "set on" is a participle, not a plan.
    {"SetIsNoFutureCue", {2025, 2, 6}, "The index closed near the record set on Aug. 6.",
     "Aug. 6", TimexType::kDate, "2024-08-06"},
    {"SetToIsFuture", {2025, 2, 6}, "The board is set to meet on Aug. 6.", "Aug. 6",
     TimexType::kDate, "2025-08-06"},
};

void PrintTo(const Case& c, std::ostream* os) { *os << c.name << ": " << c.text; }

class TimeExpressionCaseTest : public testing::TestWithParam<Case> {};

TEST_P(TimeExpressionCaseTest, FindsAndNormalizes) {
  const Case& c = GetParam();
  const std::string text = c.text;
  std::vector<TimeExpression> found = FindTimeExpressions(text, c.anchor);
  const TimeExpression* match = nullptr;
  for (const TimeExpression& e : found) {
    if (e.span.In(text) == c.expected) match = &e;
  }
  ASSERT_NE(match, nullptr) << "no expression \"" << c.expected << "\" in: " << c.text
                            << " (found " << found.size() << ")";
  EXPECT_EQ(match->type, c.type) << c.text;
  EXPECT_EQ(match->value, c.value) << c.text;
}

INSTANTIATE_TEST_SUITE_P(Table, TimeExpressionCaseTest, testing::ValuesIn(kCases),
                         [](const testing::TestParamInfo<Case>& info) {
                           return std::string(info.param.name);
                         });

TEST(TimeExpressionsTest, ResolvedDayAndDirection) {
  const std::string text = "The talks are expected to resume on Monday.";
  auto found = FindTimeExpressions(text, CivilDate{2025, 6, 15});
  ASSERT_EQ(found.size(), 1u);
  ASSERT_TRUE(found[0].date.has_value());
  EXPECT_EQ(found[0].date->DateString(), "2025-06-16");
  EXPECT_TRUE(found[0].future);
}

TEST(TimeExpressionsTest, PastWeekdayIsNotFuture) {
  auto found = FindTimeExpressions("He resigned Friday.", CivilDate{2025, 6, 16});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_FALSE(found[0].future);
}

TEST(TimeExpressionsTest, WithoutAnchorRelativeStaysUnresolved) {
  const std::string text = "The vote is on Monday and the results come next week.";
  auto found = FindTimeExpressions(text, std::nullopt);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].value, "XXXX-WXX-1");
  EXPECT_FALSE(found[0].date.has_value());
  EXPECT_EQ(found[1].span.In(text), "next week");
  EXPECT_EQ(found[1].value, "FUTURE_REF");
}

TEST(TimeExpressionsTest, IgnoresNonTemporalLookalikes) {
  const std::string text =
      "The monthslong siege ended. A 6-year-old boy may march with 1,500 people. "
      "They paid $2000 for 3.5 percent.";
  auto found = FindTimeExpressions(text, CivilDate{2025, 6, 16});
  for (const auto& e : found) ADD_FAILURE() << "unexpected: " << e.span.In(text);
}

TEST(TimeExpressionsTest, IgnoresAgesNarrativeSoonAndTitles) {
  const std::string text =
      "Mr. Lee, 52 years old, retired. Workers 55 years of age or older may apply. "
      "He was released soon after the trial. The guard was soon freed. "
      "He said on \"This Week\" that talks failed. The current was strong. "
      "The current account deficit widened. It sold at the then-current price.";
  auto found = FindTimeExpressions(text, CivilDate{2025, 6, 16});
  for (const auto& e : found) ADD_FAILURE() << "unexpected: " << e.span.In(text);
}

TEST(TimeExpressionsTest, SoonLooksAheadInTheFuture) {
  const std::string text = "The company will soon begin selling the boxes.";
  auto found = FindTimeExpressions(text, CivilDate{2025, 6, 16});
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].span.In(text), "soon");
  EXPECT_EQ(found[0].value, "FUTURE_REF");
}

TEST(TimeExpressionsTest, SpansAreInsideTextAndOrdered) {
  const std::string text =
      "On Tuesday, officials said that since 2019 the budget has doubled. Next year it will "
      "rise again, perhaps by March 3 or during the second half.";
  auto found = FindTimeExpressions(text, CivilDate{2025, 6, 18});
  ASSERT_GE(found.size(), 4u);
  uint32_t last_end = 0;
  for (const auto& e : found) {
    EXPECT_LE(last_end, e.span.begin);
    EXPECT_LT(e.span.begin, e.span.end);
    EXPECT_LE(e.span.end, text.size());
    last_end = e.span.end;
  }
}

TEST(TimeExpressionsTest, EmptyAndOddInput) {
  EXPECT_TRUE(FindTimeExpressions("", CivilDate{2025, 6, 16}).empty());
  const std::string odd = "\xff\xfe 12:: p.m. - . '' Jan. , 2024-13-45 99/99/9999";
  auto found = FindTimeExpressions(odd, CivilDate{2025, 6, 16});
  for (const auto& e : found) EXPECT_LE(e.span.end, odd.size());
}

}  // namespace
}  // namespace newsfuse::extract
