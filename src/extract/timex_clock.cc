// Times of day and recurrences: "5:29 PM", "mid-afternoon", "every month".
#include "extract/timex_recognizer.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdlib>

#include "base/strings.h"

namespace newsfuse::extract::timex {

std::optional<Cand> Recognizer::MidPartOfDay(int i) {
  // "mid-afternoon", "mid morning [yesterday]": a part of a day that the
  // prefix pins down; the day is the one named after it, else the anchor's.
  const char* part = PartOfDay(L(i));
  int end = i + 1;
  std::optional<CivilDate> day;
  if (int after = end; (day = DateAfter(end, &after))) {
    end = after;
  } else if (anchor_) {
    day = *anchor_;
  }
  Cand c = ValueCand(end, (day ? DayValue(*day) : std::string("XXXX-XX-XX")) + "T" + part,
                     TimexType::kTime);
  c.date = day;
  c.allows_mod = true;
  return c;
}

// A clock time written in digits at i ("5:29 PM", "10 p.m. EST", "5.30pm",
// "9 o'clock"): sets *hour (0..23) and *minute and returns the token after it
// (time zone included), or -1.
int Recognizer::DigitClock(int i, int* hour_out, int* minute_out) const {
  int hour = NumValue(i);
  int minute = 0;
  int k = i + 1;
  if (Is(k, ":") && Glued(k) && IsNum(k + 1) && Glued(k + 1) && L(k + 1).size() == 2) {
    minute = NumValue(k + 1);
    k += 2;
    if (Is(k, ":") && Glued(k) && IsNum(k + 1) && Glued(k + 1)) k += 2;  // seconds
  } else if (Is(k, ".") && Glued(k) && IsNum(k + 1) && Glued(k + 1) && L(k + 1).size() == 2) {
    // "5.30pm" only with am/pm after it.
    bool pm = false;
    if (AmPm(k + 2, &pm) < 0) return -1;
    minute = NumValue(k + 1);
    k += 2;
  } else {
    bool pm = false;
    if (AmPm(k, &pm) < 0 && !Is(k, "o")) return -1;
    if (Is(k, "o") && !(Is(k + 1, "'") && Is(k + 2, "clock"))) return -1;
  }
  bool pm = false;
  int after = AmPm(k, &pm);
  if (after > 0) {
    if (hour < 1 || hour > 12) return -1;
    if (pm && hour != 12) hour += 12;
    if (!pm && hour == 12) hour = 0;
    k = after;
  } else if (Is(k, "o") && Is(k + 1, "'") && Is(k + 2, "clock")) {
    k += 3;
  } else if (k == i + 1) {
    return -1;
  }
  if (hour > 23 || minute > 59) return -1;
  // Time zones.
  std::string_view z = L(k);
  if (z == "est" || z == "edt" || z == "et" || z == "gmt" || z == "utc" || z == "pst" ||
      z == "pdt" || z == "cst" || z == "cdt" || z == "mst" || z == "bst" || z == "cet") {
    ++k;
  } else if (z == "local" && Is(k + 1, "time")) {
    k += 2;
  }
  *hour_out = hour;
  *minute_out = minute;
  return k;
}

// The TIME of a clock reading at i..k, on the day that follows it ("10
// p.m. Wednesday") or else the anchor's.
Cand Recognizer::ClockCand(int i, int k, int hour, int minute) {
  int end = k;
  std::optional<CivilDate> day = DateAfter(k, &end);
  if (!day) {
    end = k;
    if (anchor_) day = *anchor_;
  }
  Cand c;
  c.end = end;
  c.type = TimexType::kTime;
  c.allows_approx = true;
  c.allows_mod = true;
  std::string clock = hour == 24 ? "T24" : minute == 0 && (Is(i, "noon") || Is(i, "midday"))
                                               ? "T12:00"
                                               : Fmt("T%02d:%02d", hour, minute);
  if (day) {
    CivilDate d = *day;
    c.value = DayValue(d) + clock;
    if (hour < 24) {
      d.hour = hour;
      d.minute = minute;
    }
    c.date = d;
    c.future = anchor_ && d.DaysSinceEpoch() > anchor_->DaysSinceEpoch();
  } else {
    c.value = "XXXX-XX-XX" + clock;
  }
  return c;
}

// "noon", "midnight", or a clock time in digits.
std::optional<Cand> Recognizer::ClockTime(int i) {
  int hour = -1;
  int minute = 0;
  int k = i;
  if (Is(i, "noon") || Is(i, "midday")) {
    hour = 12;
    k = i + 1;
  } else if (Is(i, "midnight")) {
    hour = 24;
    k = i + 1;
  } else if (IsNum(i) && L(i).size() <= 2) {
    k = DigitClock(i, &hour, &minute);
    if (k < 0) return std::nullopt;
  } else {
    return std::nullopt;
  }
  return ClockCand(i, k, hour, minute);
}

std::optional<Cand> Recognizer::SetExpr(int i) {
  std::string_view w = L(i);
  auto set = [&](int end, std::string value) {
    return ValueCand(end, std::move(value), TimexType::kSet);
  };
  if (w == "daily" || w == "nightly") return set(i + 1, "P1D");
  if (w == "weekly") return set(i + 1, "P1W");
  if (w == "monthly") return set(i + 1, "P1M");
  if (w == "annually" || w == "yearly") return set(i + 1, "P1Y");
  if (w == "hourly") return set(i + 1, "PT1H");
  if (w == "each" || w == "every" || w == "per") {
    if (w == "per" && !(Is(i + 1, "year") || Is(i + 1, "day") || Is(i + 1, "month") ||
                        Is(i + 1, "week") || Is(i + 1, "hour"))) {
      return std::nullopt;
    }
    int wd = Weekday(i + 1);
    if (wd >= 0) return set(i + 2, Fmt("XXXX-WXX-%d", wd + 1));
    if (int m = Month(i + 1, false); m > 0) return set(SkipPeriod(i + 2), Fmt("XXXX-%02d", m));
    bool plural = false;
    Unit unit = ParseUnit(L(i + 1), &plural);
    if (unit != Unit::kNone && !plural) {
      return set(i + 2, unit == Unit::kQuarter ? "P1Q" : DurationValue(unit, 1));
    }
    int n = 0;
    int k = Number(i + 1, &n);
    if (k > 0 && n > 0) {
      unit = ParseUnit(L(k), &plural);
      if (unit != Unit::kNone) return set(k + 1, DurationValue(unit, n));
    }
  }
  return std::nullopt;
}

}  // namespace newsfuse::extract::timex
