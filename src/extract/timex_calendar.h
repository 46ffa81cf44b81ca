// File: extract/timex_calendar.h
//
// Calendar arithmetic and TIMEX3 value formatting for the time-expression
// recognizer: "2024-04-01", "2024-W14", "P3M", month shifts, quarters and
// the dates of the holidays news names. Internal to extract.
#ifndef NEWSFUSE_EXTRACT_TIMEX_CALENDAR_H_
#define NEWSFUSE_EXTRACT_TIMEX_CALENDAR_H_

#include <optional>
#include <string>

#include "base/civil_date.h"
#include "extract/timex_lexicon.h"

namespace newsfuse::extract::timex {

using base::CivilDate;

// snprintf into a std::string, for the fixed-width TIMEX3 fields.
std::string Fmt(const char* format, int a, int b = 0, int c = 0, int d = 0, int e = 0);

inline std::string DayValue(const CivilDate& d) { return Fmt("%04d-%02d-%02d", d.year, d.month, d.day); }

std::string WeekValue(const CivilDate& d);

CivilDate AddMonths(const CivilDate& d, int months);

// TIMEX3 duration: n < 0 means an unspecified number ("several years" -> PXY).
std::string DurationValue(Unit unit, int n);

// The day of a holiday in `year`: fixed dates, nth weekdays, and Easter
// (the anonymous Gregorian computus).
std::optional<CivilDate> HolidayDate(int kind, int year);

inline int QuarterOf(int month) { return (month - 1) / 3 + 1; }

}  // namespace newsfuse::extract::timex

#endif  // NEWSFUSE_EXTRACT_TIMEX_CALENDAR_H_
