// File: extract/time_expressions.h
//
// Finds time expressions in English news text and normalizes them to TIMEX3
// values against the article's publication date (the anchor):
//
//   // Article of Sunday 2024-03-31.
//   auto found = FindTimeExpressions(
//       "Ministers are expected to hold a virtual meeting on Monday.",
//       base::CivilDate{2024, 3, 31});
//   // found[0]: span of "Monday", type kDate, value "2024-04-01", future.
//
// Covered: explicit dates in the common news forms ("April 1, 2024",
// "Oct. 7", "1 April 2024", "2024-04-01", "July 1988"), weekdays with the
// sentence's tense deciding the direction, parts of days ("Sunday night",
// "this morning", "tonight"), deictic words (today, yesterday, now,
// recently, the future), relative periods ("last week", "earlier this
// month", "next year", "the third quarter", "two weeks ago", "a year
// earlier"), years, seasons, decades, durations ("for three weeks", "the
// past two years", "five-year", "in recent years"), the report's year ("the
// full year", "the fiscal year", "year-end"; "the year ended Sept. 30" is a
// duration), anaphora to the last date named ("that day", "the following
// month"), clock times ("5:29 PM", "4 p.m. EST", "mid-afternoon yesterday")
// and recurrences ("daily", "every month"). Ages ("52 years old") are not
// time expressions; "three days later" is a duration, "later" being relative
// to the event just told, not to the anchor.
//
// Rules, not a model: a bare weekday or month takes its direction from the
// nearest tense cue in its sentence (will / is expected to / plans /
// scheduled / going to -> forward; past-tense verbs -> back). Without a cue a
// weekday is the most recent one (news reports the past), a month or a
// month-day the nearest one; a weekday equal to the anchor's is the anchor
// day itself. Relative expressions without an anchor are still found, with
// values that keep the unknown parts as X ("XXXX-WXX-1", "XXXX-03").
//
// Thread-safe: FindTimeExpressions keeps no state between calls.
#ifndef NEWSFUSE_EXTRACT_TIME_EXPRESSIONS_H_
#define NEWSFUSE_EXTRACT_TIME_EXPRESSIONS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/civil_date.h"
#include "text/span.h"

namespace newsfuse::extract {

// The four TIMEX3 types.
enum class TimexType : uint8_t { kDate, kTime, kDuration, kSet };

// "DATE", "TIME", "DURATION", "SET".
std::string_view TimexTypeName(TimexType type);

struct TimeExpression {
  text::Span span;  // bytes of the expression in the text given
  TimexType type = TimexType::kDate;
  // TIMEX3 value: "2024-04-01", "2024-W14", "2024-03", "2024-Q1", "2023",
  // "199" (the 1990s), "P1W", "PT2H", "PRESENT_REF", "PAST_REF",
  // "FUTURE_REF", "2024-03-31TNI", "2024-04-01T17:29", "XXXX-WXX-1" (every
  // Monday, or a Monday without an anchor).
  std::string value;
  // The calendar day the expression names, when it names one (and the time
  // of day when the value carries one).
  std::optional<base::CivilDate> date;
  // True when the expression points after the anchor ("next week",
  // "tomorrow", a weekday resolved forward, FUTURE_REF).
  bool future = false;
};

// Returns the time expressions of `text` in text order, without overlaps.
// `anchor` is the publication date; when absent, relative expressions are
// still returned with unresolved values. Spans point into `text`, which must
// outlive them. Linear in the text size.
std::vector<TimeExpression> FindTimeExpressions(std::string_view text,
                                                const std::optional<base::CivilDate>& anchor);

}  // namespace newsfuse::extract

#endif  // NEWSFUSE_EXTRACT_TIME_EXPRESSIONS_H_
