// Calendar arithmetic behind timex_calendar.h.
#include "extract/timex_calendar.h"

#include <algorithm>
#include <cstdio>

namespace newsfuse::extract::timex {

std::string Fmt(const char* format, int a, int b, int c, int d, int e) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, a, b, c, d, e);
  return buf;
}

std::string WeekValue(const CivilDate& d) {
  auto [y, w] = base::IsoWeekOf(d);
  return Fmt("%04d-W%02d", y, w);
}

CivilDate AddMonths(const CivilDate& d, int months) {
  int total = d.year * 12 + (d.month - 1) + months;
  CivilDate r{total / 12, total % 12 + 1, 1};
  r.day = std::min(d.day, base::DaysInMonth(r.year, r.month));
  return r;
}

std::string DurationValue(Unit unit, int n) {
  const std::string count = n < 0 ? "X" : std::to_string(n);
  switch (unit) {
    case Unit::kSecond:
      return "PT" + count + "S";
    case Unit::kMinute:
      return "PT" + count + "M";
    case Unit::kHour:
      return "PT" + count + "H";
    case Unit::kDay:
      return "P" + count + "D";
    case Unit::kWeek:
      return "P" + count + "W";
    case Unit::kMonth:
      return "P" + count + "M";
    case Unit::kQuarter:  // "the next three quarters" = P9M, as TimeBank writes it
      return n < 0 ? "PXQ" : "P" + std::to_string(3 * n) + "M";
    case Unit::kYear:
      return "P" + count + "Y";
    // TimeBank writes decades and centuries in years ("two decades" = P20Y).
    case Unit::kDecade:
      return n < 0 ? "PXY" : "P" + std::to_string(10 * n) + "Y";
    case Unit::kCentury:
      return n < 0 ? "PXC" : "P" + std::to_string(100 * n) + "Y";
    case Unit::kNone:
      break;
  }
  return "P" + count + "X";
}

std::optional<CivilDate> HolidayDate(int kind, int year) {
  auto nth_weekday = [&](int month, int weekday, int nth) {
    CivilDate d{year, month, 1};
    d = d.AddDays((weekday - d.Weekday() + 7) % 7);
    if (nth > 0) return d.AddDays(7 * (nth - 1));
    CivilDate last = d;  // nth < 0: the last one in the month
    while (last.AddDays(7).month == month) last = last.AddDays(7);
    return last;
  };
  switch (kind) {
    case 0: return CivilDate{year, 12, 25};             // Christmas
    case 1: return CivilDate{year, 12, 24};             // Christmas Eve
    case 2: return CivilDate{year, 1, 1};               // New Year's Day
    case 3: return CivilDate{year, 12, 31};             // New Year's Eve
    case 4: return nth_weekday(11, 3, 4);               // Thanksgiving
    case 5: return CivilDate{year, 7, 4};               // Independence Day
    case 6: return CivilDate{year, 10, 31};             // Halloween
    case 7: return CivilDate{year, 2, 14};              // Valentine's Day
    case 8: return nth_weekday(9, 0, 1);                // Labor Day
    case 9: return nth_weekday(5, 0, -1);               // Memorial Day
    case 10: return nth_weekday(11, 0, 1).AddDays(1);   // Election Day
    case 11: {                                          // Easter Sunday
      const int a = year % 19, b = year / 100, c = year % 100, d = b / 4, e = b % 4;
      const int f = (b + 8) / 25, g = (b - f + 1) / 3, h = (19 * a + b - d - g + 15) % 30;
      const int i = c / 4, k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7;
      const int m = (a + 11 * h + 22 * l) / 451;
      const int month = (h + l - 7 * m + 114) / 31;
      const int day = (h + l - 7 * m + 114) % 31 + 1;
      return CivilDate{year, month, day};
    }
  }
  return std::nullopt;
}

}  // namespace newsfuse::extract::timex
