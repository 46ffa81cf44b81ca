// File: base/civil_date.h
//
// A calendar date with an optional time of day, as news text gives it: no
// time zone is invented when the text names none. Used for publication dates
// and for resolved time expressions.
#ifndef NEWSFUSE_BASE_CIVIL_DATE_H_
#define NEWSFUSE_BASE_CIVIL_DATE_H_

#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace newsfuse::base {

struct CivilDate {
  int year = 0;
  int month = 0;   // 1..12
  int day = 0;     // 1..31
  int hour = -1;   // 0..23, or -1 when the text gives no time
  int minute = -1; // 0..59, or -1

  bool valid() const;
  bool has_time() const { return hour >= 0; }
  // Days since 1970-01-01 (proleptic Gregorian); REQUIRES: valid().
  long DaysSinceEpoch() const;
  static CivilDate FromDaysSinceEpoch(long days);
  // 0 = Monday ... 6 = Sunday.
  int Weekday() const;
  CivilDate AddDays(long days) const;
  // "YYYY-MM-DD", or "YYYY-MM-DDTHH:MM" when a time is known.
  std::string ToString() const;
  std::string DateString() const;  // always "YYYY-MM-DD"

  friend bool operator==(const CivilDate& a, const CivilDate& b) {
    return a.year == b.year && a.month == b.month && a.day == b.day && a.hour == b.hour &&
           a.minute == b.minute;
  }
};

int DaysInMonth(int year, int month);

// ISO 8601 weeks (Monday to Sunday; week 1 holds the year's first
// Thursday). The (year, week) of `d`'s week, which near New Year may be
// the neighbouring year's; and the Monday of a week. REQUIRES: d.valid().
std::pair<int, int> IsoWeekOf(const CivilDate& d);
CivilDate IsoWeekMonday(int year, int week);

// Month names and their common news abbreviations ("Jan", "Jan.", "Sept").
// Returns 1..12, or 0 when `word` is not a month. Case-insensitive.
int ParseMonthName(std::string_view word);

// Weekday names ("Monday", "Mon", "Tues."): 0 = Monday ... 6 = Sunday, or -1.
int ParseWeekdayName(std::string_view word);

// Parses "YYYY-MM-DD" and "YYYY-MM-DDTHH:MM[:SS][zone]" (the forms JSONL
// metadata carries). Returns nullopt when `text` is not one of them.
std::optional<CivilDate> ParseIsoDate(std::string_view text);

}  // namespace newsfuse::base

#endif  // NEWSFUSE_BASE_CIVIL_DATE_H_
