#include "base/civil_date.h"

#include <array>
#include <cctype>
#include <cstdio>

#include "base/strings.h"

namespace newsfuse::base {

namespace {
bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
}  // namespace

std::pair<int, int> IsoWeekOf(const CivilDate& d) {
  const CivilDate thursday = d.AddDays(3 - d.Weekday());
  const CivilDate jan1{thursday.year, 1, 1};
  const long yday = thursday.DaysSinceEpoch() - jan1.DaysSinceEpoch();
  return {thursday.year, static_cast<int>(yday / 7 + 1)};
}

CivilDate IsoWeekMonday(int year, int week) {
  // 4 January is always in week 1.
  const CivilDate jan4{year, 1, 4};
  return jan4.AddDays(-jan4.Weekday() + 7L * (week - 1));
}

int DaysInMonth(int year, int month) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

int ParseMonthName(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kNames = {
      "january", "february", "march",     "april",   "may",      "june",
      "july",    "august",   "september", "october", "november", "december"};
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  if (word.size() < 3) return 0;
  const std::string lower = AsciiLower(word);
  for (int i = 0; i < 12; ++i) {
    if (lower == kNames[i]) return i + 1;
    if (lower.size() == 3 && kNames[i].substr(0, 3) == lower) return i + 1;
  }
  if (lower == "sept") return 9;
  return 0;
}

int ParseWeekdayName(std::string_view word) {
  static constexpr std::array<std::string_view, 7> kNames = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  if (!word.empty() && word.back() == '.') word.remove_suffix(1);
  if (word.size() < 3) return -1;
  const std::string lower = AsciiLower(word);
  for (int i = 0; i < 7; ++i) {
    if (lower == kNames[i]) return i;
    if (lower.size() == 3 && kNames[i].substr(0, 3) == lower) return i;
  }
  if (lower == "tues" || lower == "weds" || lower == "thur" || lower == "thurs") {
    return lower[0] == 't' && lower[1] == 'u' ? 1 : (lower[0] == 'w' ? 2 : 3);
  }
  return -1;
}

}  // namespace newsfuse::base

// The date type is the library's (newsfuse/date.h); its calendar helpers
// are base's.
namespace newsfuse {

bool CivilDate::valid() const {
  return year >= 1 && year <= 9999 && month >= 1 && month <= 12 && day >= 1 &&
         day <= base::DaysInMonth(year, month) && hour >= -1 && hour <= 23 && minute >= -1 &&
         minute <= 59;
}

// Howard Hinnant's days_from_civil / civil_from_days algorithms (public domain
// description, written out here): exact for the proleptic Gregorian calendar.
long CivilDate::DaysSinceEpoch() const {
  const int y = year - (month <= 2);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<long>(doe) - 719468;
}

CivilDate CivilDate::FromDaysSinceEpoch(long z) {
  z += 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long y = static_cast<long>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  CivilDate out;
  out.year = static_cast<int>(y + (m <= 2));
  out.month = static_cast<int>(m);
  out.day = static_cast<int>(d);
  return out;
}

int CivilDate::Weekday() const {
  // 1970-01-01 was a Thursday (index 3 with Monday = 0).
  const long days = DaysSinceEpoch();
  return static_cast<int>(((days % 7) + 7 + 3) % 7);
}

CivilDate CivilDate::AddDays(long days) const {
  CivilDate out = FromDaysSinceEpoch(DaysSinceEpoch() + days);
  out.hour = -1;
  out.minute = -1;
  return out;
}

std::string CivilDate::DateString() const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::string CivilDate::ToString() const {
  std::string out = DateString();
  if (has_time()) {
    char buf[24];
    std::snprintf(buf, sizeof buf, "T%02d:%02d", hour, minute < 0 ? 0 : minute);
    out += buf;
  }
  return out;
}

std::optional<std::string> OptionalDateString(const std::optional<CivilDate>& date) {
  if (!date) return std::nullopt;
  return date->ToString();
}

std::optional<CivilDate> ParseIsoDate(std::string_view text) {
  text = base::Trim(text);
  auto digits = [&](size_t pos, size_t n, int* out) {
    if (pos + n > text.size()) return false;
    int v = 0;
    for (size_t i = pos; i < pos + n; ++i) {
      if (!std::isdigit(static_cast<unsigned char>(text[i]))) return false;
      v = v * 10 + (text[i] - '0');
    }
    *out = v;
    return true;
  };
  CivilDate d;
  if (!digits(0, 4, &d.year) || text.size() < 10 || text[4] != '-' || !digits(5, 2, &d.month) ||
      text[7] != '-' || !digits(8, 2, &d.day)) {
    return std::nullopt;
  }
  if (text.size() > 10) {
    if (text[10] != 'T' && text[10] != ' ') return std::nullopt;
    if (!digits(11, 2, &d.hour) || text.size() < 16 || text[13] != ':' ||
        !digits(14, 2, &d.minute)) {
      return std::nullopt;
    }
  }
  if (!d.valid()) return std::nullopt;
  return d;
}

}  // namespace newsfuse
