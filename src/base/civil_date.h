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

#include "newsfuse/date.h"

namespace newsfuse::base {

// The date type is the library's (newsfuse/date.h).
using newsfuse::CivilDate;
using newsfuse::OptionalDateString;
using newsfuse::ParseIsoDate;

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


}  // namespace newsfuse::base

#endif  // NEWSFUSE_BASE_CIVIL_DATE_H_
