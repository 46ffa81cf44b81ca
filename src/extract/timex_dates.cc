// Calendar-date patterns: weekdays, month names with days and years, numeric
// dates, years, seasons, holidays and the report's year.
#include "extract/timex_recognizer.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdlib>

#include "base/strings.h"

namespace newsfuse::extract::timex {

std::optional<Cand> Recognizer::WeekdayExpr(int i) {
  int k = i;
  int shift = 0;
  bool explicit_this = false;
  if (Is(k, "last") || Is(k, "past")) {
    shift = -1;
    ++k;
  } else if (Is(k, "next") || (Is(k, "this") && Is(k + 1, "coming"))) {
    shift = 1;
    k += Is(k, "this") ? 2 : 1;
  } else if (Is(k, "this")) {
    explicit_this = true;
    ++k;
  }
  const int weekday = Weekday(k);
  if (weekday < 0) return std::nullopt;
  int end = SkipPeriod(k + 1);
  // "Friday, March 29, 2024": the explicit date decides.
  const int date_at = Is(end, ",") ? end + 1 : end;
  if (Month(date_at, false) > 0 || (IsNum(date_at) && Is(end, ","))) {
    if (auto date = MonthExpr(date_at); date && date->date) {
      date->allows_mod = true;
      return date;
    }
    if (auto date = DayMonthExpr(date_at); date && date->date) return date;
  }
  Tense tense = explicit_this ? Tense::kNone : TenseAround(i, end);
  std::optional<CivilDate> d = ResolveWeekday(weekday, tense, shift);
  if (explicit_this && d && anchor_) {
    // "this Friday": the Friday of the current week.
    d = anchor_->AddDays(weekday - anchor_->Weekday());
  }
  const char* part = PartOfDay(L(end));
  if (part) ++end;
  Cand c;
  c.end = end;
  c.allows_mod = true;
  if (!d) {
    c.value = Fmt("XXXX-WXX-%d", weekday + 1);
  } else {
    c.value = DayValue(*d);
    c.date = d;
    c.future = d->DaysSinceEpoch() > anchor_->DaysSinceEpoch();
  }
  if (part) {
    c.type = TimexType::kTime;
    c.value += std::string("T") + part;
  }
  return c;
}

std::optional<Cand> Recognizer::MonthExpr(int i) {
  const int month = Month(i, true);
  if (month == 0) return std::nullopt;
  int k = SkipPeriod(i + 1);
  int day = -1;
  int year = -1;
  int end = k;
  if (IsNum(k) && L(k).size() <= 2 && NumValue(k) >= 1 && NumValue(k) <= 31 &&
      !((Is(k + 1, ":") && Glued(k + 1) && IsNum(k + 2) && Glued(k + 2)) || Is(k + 1, "%"))) {
    day = NumValue(k);
    end = k + 1;
    // "March 17th"
    if (Glued(end) && (Is(end, "st") || Is(end, "nd") || Is(end, "rd") || Is(end, "th"))) ++end;
    int y = Is(end, ",") ? end + 1 : end;
    if (Year4(y) > 0) {
      year = Year4(y);
      end = y + 1;
    }
  } else if (Is(k, ",") && Year4(k + 1) > 0) {
    year = Year4(k + 1);
    end = k + 2;
  } else if (Year4(k) > 0) {
    year = Year4(k);
    end = k + 1;
  } else if (Is(k, "of") && Year4(k + 1) > 0) {
    year = Year4(k + 1);
    end = k + 2;
  } else if (int spelled = 0, after = SpelledYear(Is(k, "of") ? k + 1 : k, &spelled); after > 0) {
    year = spelled;  // "January nineteen ninety-seven" in broadcast transcripts
    end = after;
  } else if (Is(k, "last") && Is(k + 1, "year")) {
    if (anchor_) year = anchor_->year - 1;
    end = k + 2;
  } else if (Is(k, "next") && Is(k + 1, "year")) {
    if (anchor_) year = anchor_->year + 1;
    end = k + 2;
  } else if (Is(k, "this") && Is(k + 1, "year")) {
    if (anchor_) year = anchor_->year;
    end = k + 2;
  }
  if (day > base::DaysInMonth(year > 0 ? year : 2000, month)) return std::nullopt;
  Cand c;
  c.end = end;
  c.allows_mod = true;
  if (year < 0 && anchor_) {
    std::string_view prev = L(i - 1);
    Tense tense = prev == "last" ? Tense::kPast
                  : prev == "next" ? Tense::kFuture
                                   : TenseAround(i, end);
    year = YearForMonth(month, day, tense);
  }
  if (year < 0) {
    c.value = day > 0 ? Fmt("XXXX-%02d-%02d", month, day) : Fmt("XXXX-%02d", month);
    return c;
  }
  if (day > 0) {
    CivilDate d{year, month, day};
    c.value = DayValue(d);
    c.date = d;
    c.future = anchor_ && d.DaysSinceEpoch() > anchor_->DaysSinceEpoch();
  } else {
    c.value = Fmt("%04d-%02d", year, month);
    c.future = anchor_ && (year > anchor_->year || (year == anchor_->year && month > anchor_->month));
  }
  return c;
}

std::optional<Cand> Recognizer::DayMonthExpr(int i) {
  // "1 April 2024", "17th March".
  if (!IsNum(i) || L(i).size() > 2) return std::nullopt;
  const int day = NumValue(i);
  if (day < 1 || day > 31) return std::nullopt;
  int k = i + 1;
  if (Glued(k) && (Is(k, "st") || Is(k, "nd") || Is(k, "rd") || Is(k, "th"))) ++k;
  if (Is(k, "of")) ++k;
  const int month = Month(k, false);
  if (month == 0) return std::nullopt;
  int end = SkipPeriod(k + 1);
  int year = -1;
  int y = Is(end, ",") ? end + 1 : end;
  if (Year4(y) > 0) {
    year = Year4(y);
    end = y + 1;
  }
  if (year < 0 && anchor_) year = YearForMonth(month, day, TenseAround(i, end));
  if (year < 0) return ValueCand(end, Fmt("XXXX-%02d-%02d", month, day));
  if (day > base::DaysInMonth(year, month)) return std::nullopt;
  return DayCand(end, CivilDate{year, month, day});
}

std::optional<Cand> Recognizer::NumericDate(int i) {
  // 2024-04-01, 2024/04/01, 04/01/2024 (US order), 4/1/24.
  if (!IsNum(i)) return std::nullopt;
  auto glued_num = [&](int k) { return Glued(k) && IsNum(k + 1) && Glued(k + 1); };
  if (L(i).size() == 4 && (Is(i + 1, "-") || Is(i + 1, "/")) && glued_num(i + 1) &&
      L(i + 3) == L(i + 1) && glued_num(i + 3)) {
    CivilDate d{NumValue(i), NumValue(i + 2), NumValue(i + 4)};
    if (!d.valid() || d.year < 1000) return std::nullopt;
    return DayCand(i + 5, d);
  }
  if (L(i).size() <= 2 && Is(i + 1, "/") && glued_num(i + 1) && L(i + 2).size() <= 2 &&
      Is(i + 3, "/") && glued_num(i + 3)) {
    int y = NumValue(i + 4);
    if (L(i + 4).size() == 2) y += y < 50 ? 2000 : 1900;
    else if (L(i + 4).size() != 4) return std::nullopt;
    CivilDate d{y, NumValue(i), NumValue(i + 2)};
    if (!d.valid()) return std::nullopt;
    return DayCand(i + 5, d);
  }
  return std::nullopt;
}

std::optional<Cand> Recognizer::YearExpr(int i) {
  // "the 1990s", "'80s", "mid-1990s"
  if (Is(i, "'") || Is(i, "\xE2\x80\x99")) {
    if (IsNum(i + 1) && L(i + 1).size() == 2 && Glued(i + 1) && Is(i + 2, "s") && Glued(i + 2)) {
      int decade = NumValue(i + 1);
      if (decade % 10 != 0) return std::nullopt;
      Cand c = ValueCand(i + 3, Fmt("%d", decade >= 30 ? 190 + decade / 10 : 200 + decade / 10));
      c.allows_the = true;
      return c;
    }
    return std::nullopt;
  }
  if (Is(i, "fiscal") && Is(i + 1, "year") && Year4(i + 2) > 0) {
    return ValueCand(i + 3, Fmt("%04d", Year4(i + 2)));
  }
  if (Is(i, "fiscal") && Year4(i + 1) > 0) {
    Cand c = ValueCand(i + 2, Fmt("%04d", Year4(i + 1)));
    c.allows_the = true;
    return c;
  }
  // Spelled years in transcripts: "nineteen ninety-six", "two thousand".
  if (int spelled = 0, end = SpelledYear(i, &spelled);
      end > 0 && (Is(i, "nineteen") || Is(i - 1, "year") || Is(i - 1, "in"))) {
    Cand c = ValueCand(end, Fmt("%04d", spelled));
    if (Season(L(end))) return SeasonExpr(end, spelled, end + 1);
    return c;
  }
  if (Is(i - 1, "the") || Is(i - 1, "nineteen")) {
    static constexpr std::array<std::string_view, 8> kDecades = {
        "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties",
        "nineties"};
    for (size_t d = 0; d < kDecades.size(); ++d) {
      if (Is(i, kDecades[d])) {
        Cand c = ValueCand(i + 1, Fmt("19%d", static_cast<int>(d) + 2));
        c.allows_the = true;
        return c;
      }
    }
  }
  {
    int ord = Ordinal(L(i));
    int k = i + 1;
    if (ord < 0 && IsNum(i) && L(i).size() <= 2 && Glued(i + 1) &&
        (Is(i + 1, "st") || Is(i + 1, "nd") || Is(i + 1, "rd") || Is(i + 1, "th"))) {
      ord = NumValue(i);
      k = i + 2;
    }
    if (ord >= 1 && ord <= 21 && Is(k, "century")) {
      Cand c = ValueCand(k + 1, Fmt("%02d", ord - 1));
      c.allows_the = true;
      return c;
    }
  }
  const int year = Year4(i);
  if (year < 0) return std::nullopt;
  if (Is(i + 1, "s") && Glued(i + 1)) {
    if (year % 10 != 0) return std::nullopt;
    Cand c = ValueCand(i + 2, Fmt("%03d", year / 10));
    c.allows_the = true;
    return c;
  }
  // "1990-91": a span of years; keep the first.
  Cand c = ValueCand(i + 1, Fmt("%04d", year));
  if (Season(L(i + 1))) return SeasonExpr(i + 1, year, i + 2);
  return c;
}

std::optional<Cand> Recognizer::SeasonExpr(int i, int year, int end) {
  const char* season = Season(L(i));
  if (!season) return std::nullopt;
  int k = i + 1;
  if (Is(k, "of") && Year4(k + 1) > 0) {
    year = Year4(k + 1);
    k += 2;
  } else if (Year4(k) > 0) {
    year = Year4(k);
    k += 1;
  } else if (int spelled = 0, after = SpelledYear(Is(k, "of") ? k + 1 : k, &spelled); after > 0) {
    year = spelled;  // "the winter of nineteen ninety-four"
    k = after;
  }
  if (end < k) end = k;
  Cand c;
  c.end = end;
  c.allows_the = true;
  c.allows_mod = true;
  c.value = year > 0 ? Fmt("%04d-", year) + season : std::string("XXXX-") + season;
  return c;
}

// The holiday named at i ("Christmas Eve", "New Year's Day", "Labor Day"):
// its kind for HolidayDate, with *end after the name; -1 when none is.
int Recognizer::HolidayKind(int i, int* end_out) const {
  if (!Capitalized(i)) return -1;
  int kind = -1;
  int end = i + 1;
  auto possessive_day = [&](int k) {  // "Valentine's Day", "New Year's Eve"
    if ((Is(k, "'") || Is(k, "\xE2\x80\x99")) && Is(k + 1, "s")) return k + 2;
    return k;
  };
  std::string_view w = L(i);
  if (w == "christmas") {
    kind = Is(i + 1, "eve") ? 1 : 0;
    end = Is(i + 1, "eve") || Is(i + 1, "day") ? i + 2 : i + 1;
  } else if (w == "new" && Is(i + 1, "year")) {
    int k = possessive_day(i + 2);
    if (Is(k, "day")) kind = 2;
    else if (Is(k, "eve")) kind = 3;
    end = k + 1;
  } else if (w == "thanksgiving") {
    kind = 4;
    end = Is(i + 1, "day") ? i + 2 : i + 1;
  } else if (w == "independence" && Is(i + 1, "day") && Capitalized(i + 1)) {
    kind = 5;
    end = i + 2;
  } else if (w == "halloween") {
    kind = 6;
  } else if (w == "valentine") {
    int k = possessive_day(i + 1);
    if (Is(k, "day")) {
      kind = 7;
      end = k + 1;
    }
  } else if ((w == "labor" || w == "memorial" || w == "election") && Is(i + 1, "day") &&
             Capitalized(i + 1)) {
    kind = w == "labor" ? 8 : w == "memorial" ? 9 : 10;
    end = i + 2;
  } else if (w == "easter") {
    kind = 11;
    end = Is(i + 1, "sunday") ? i + 2 : i + 1;
  }
  *end_out = end;
  return kind;
}

std::optional<Cand> Recognizer::HolidayExpr(int i) {
  int end = i + 1;
  const int kind = HolidayKind(i, &end);
  if (kind < 0) return std::nullopt;
  int year = -1;
  int y_tok = Is(end, ",") ? end + 1 : end;
  if (Year4(y_tok) > 0) {
    year = Year4(y_tok);
    end = y_tok + 1;
  }
  if (year < 0 && anchor_) {
    std::string_view prev = L(i - 1);
    Tense tense = prev == "last" ? Tense::kPast : prev == "next" ? Tense::kFuture
                                                                   : TenseAround(i, end);
    // The nearest occurrence, the tense moving it as for dates.
    const long now = anchor_->DaysSinceEpoch();
    long best = 1L << 40;
    for (int y = anchor_->year - 1; y <= anchor_->year + 1; ++y) {
      const long diff = HolidayDate(kind, y)->DaysSinceEpoch() - now;
      long cost = diff < 0 ? -diff : diff;
      if ((tense == Tense::kPast && diff > 0) || (tense == Tense::kFuture && diff < 0)) {
        cost += 200;
      }
      if (cost < best) {
        best = cost;
        year = y;
      }
    }
  }
  if (year < 0) return ValueCand(end, "XXXX-XX-XX");
  Cand c = DayCand(end, *HolidayDate(kind, year));
  return c;
}

// "year-end", "year end", "year's end": the end of the current year, or
// of the last one after "since" (a point already reached).
std::optional<Cand> Recognizer::YearEnd(int i) {
  if (!(Is(i, "year") || (Is(i, "fiscal") && Is(i + 1, "year")))) return std::nullopt;
  int k = Is(i, "fiscal") ? i + 1 : i;
  int end = -1;
  if (Hyphen(k + 1) && Is(k + 2, "end")) end = k + 3;
  else if (Is(k + 1, "end")) end = k + 2;
  else if ((Is(k + 1, "'") || Is(k + 1, "\xE2\x80\x99")) && Is(k + 2, "s") && Is(k + 3, "end")) end = k + 4;
  if (end > 0) {
    Cand c = ValueCand(end, "XXXX");
    if (anchor_) c.value = Fmt("%04d", anchor_->year - (Is(i - 1, "since") ? 1 : 0));
    c.allows_the = true;
    c.allows_approx = true;
    return c;
  }
  return std::nullopt;
}

std::optional<Cand> Recognizer::TheYearExpr(int i) {
  if (std::optional<Cand> c = YearEnd(i)) return c;
  // "the year", "the full year", "the fiscal year", "the current fiscal
  // year": in news the definite year without a date is the year of the
  // report (TimeML values it as the anchor's year); "the latest fiscal
  // year" is the last one completed. "the year ended Sept. 30" is the
  // twelve months before that date, a duration.
  if (!Is(i - 1, "the")) return std::nullopt;
  int k = i;
  int shift = 0;
  while (k < i + 3) {
    if (Is(k, "full") || Is(k, "fiscal") || Is(k, "current")) {
      ++k;
    } else if (Is(k, "latest") || Is(k, "last") || Is(k, "previous")) {
      // "the last fiscal year": only with "fiscal", else the period rules apply.
      if (!Is(k + 1, "fiscal")) return std::nullopt;
      shift = -1;
      ++k;
    } else {
      break;
    }
  }
  if (!Is(k, "year")) return std::nullopt;
  int end = k + 1;
  Cand c;
  c.allows_the = true;
  c.allows_mod = true;
  if (k == i) {
    // "the year 2000", "the year two thousand".
    if (Year4(end) > 0) {
      c = ValueCand(end + 1, Fmt("%04d", Year4(end)));
      c.allows_the = true;
      return c;
    }
    if (int spelled = 0, after = SpelledYear(end, &spelled); after > 0) {
      c = ValueCand(after, Fmt("%04d", spelled));
      c.allows_the = true;
      return c;
    }
  }
  std::string_view next = L(end);
  // "the year before", "the year-ago quarter", "the year's first half":
  // relative to another date, or a modifier of another expression.
  if (next == "before" || next == "after" || next == "earlier" || next == "later" ||
      next == "ago" || next == "-" || next == "'" || next == "\xE2\x80\x99") {
    return std::nullopt;
  }
  c.end = end;
  if (next == "ended" || next == "ending" || (next == "to" && Month(end + 1, false) > 0)) {
    c.type = TimexType::kDuration;
    c.value = "P1Y";
    return c;
  }
  c.value = anchor_ ? Fmt("%04d", anchor_->year + shift) : "XXXX";
  return c;
}

}  // namespace newsfuse::extract::timex
