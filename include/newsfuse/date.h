// File: newsfuse/date.h
//
// A calendar date with an optional time of day, as news text gives it: no
// time zone is invented when the text names none. An Article's publication
// date is one, from the reader that finds it to the timeline that uses it.
//
//   std::optional<CivilDate> d = ParseIsoDate("2024-04-01T09:30");
//   d->ToString();   // "2024-04-01T09:30"
#ifndef NEWSFUSE_DATE_H_
#define NEWSFUSE_DATE_H_

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace newsfuse {

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

  // Chronological, a date without a time before the same date with one:
  // the order of the strings ToString() writes.
  friend bool operator==(const CivilDate& a, const CivilDate& b) = default;
  friend auto operator<=>(const CivilDate& a, const CivilDate& b) = default;
};

// Parses "YYYY-MM-DD" and "YYYY-MM-DDTHH:MM[:SS][zone]" (the forms JSONL
// metadata carries; seconds and zone are dropped). Returns nullopt when
// `text` is not one of them or names no real day.
std::optional<CivilDate> ParseIsoDate(std::string_view text);

// ToString() of a date that may be absent.
std::optional<std::string> OptionalDateString(const std::optional<CivilDate>& date);

}  // namespace newsfuse

#endif  // NEWSFUSE_DATE_H_
