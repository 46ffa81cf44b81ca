// Reading tokens (numbers, names, years, tense) and anchoring weekdays and
// months to the publication date.
#include "extract/timex_recognizer.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdlib>

#include "base/strings.h"

namespace newsfuse::extract::timex {

void Recognizer::Tokenize() { text::CutCharRuns(text_, &toks_); }

int Recognizer::Number(int i, int* n) const {
  if (IsNum(i)) {
    // "1,000" is not a count of time units we need; keep plain digits.
    if (Is(i + 1, ",") && IsNum(i + 2) && Glued(i + 1) && Glued(i + 2)) return -1;
    if (Is(i + 1, ".") && IsNum(i + 2) && Glued(i + 1) && Glued(i + 2)) return -1;
    *n = NumValue(i);
    return *n < 0 ? -1 : i + 1;
  }
  std::string_view w = L(i);
  if (w == "several" || w == "few" || w == "many" || w == "some" || w == "numerous") {
    *n = -2;
    return i + 1;
  }
  if (w == "a" && Is(i + 1, "few")) {
    *n = -2;
    return i + 2;
  }
  if ((w == "a" || w == "two") && Is(i + 1, "couple")) {
    *n = 2;
    return Is(i + 2, "of") ? i + 3 : i + 2;
  }
  if (w == "half" && Is(i + 1, "a")) return -1;
  int v = WordNumber(w);
  if (v < 0) return -1;
  int next = i + 1;
  if (v >= 20 && v % 10 == 0) {
    int k = Hyphen(next) ? next + 1 : next;
    int ones = WordNumber(L(k));
    if (ones >= 1 && ones <= 9 && !Is(k, "a")) {
      v += ones;
      next = k + 1;
    }
  }
  if (Is(next, "dozen")) {
    v *= 12;
    ++next;
  }
  *n = v;
  return next;
}

int Recognizer::Month(int i, bool strict) const {
  if (!IsWord(i) || !Capitalized(i)) return 0;
  std::string_view w = L(i);
  int m = base::ParseMonthName(w);
  if (m == 0) return 0;
  const bool abbreviated = w.size() <= 4 && w != "june" && w != "july" && w != "may";
  if (abbreviated && w != "sept" && !Is(i + 1, ".")) {
    // "Jan 5" is fine; a lone "Mar" or "Dec" is a name more often than a month.
    if (!IsNum(i + 1)) return 0;
  }
  if (strict && (w == "may" || w == "march")) {
    // Modal "May" / verb "March" at a sentence start: only with a date or a cue.
    std::string_view prev = L(i - 1);
    const bool cue = prev == "in" || prev == "last" || prev == "next" || prev == "this" ||
                     prev == "since" || prev == "until" || prev == "early" || prev == "late" ||
                     prev == "mid" || prev == "of" || prev == "through" || prev == "by" ||
                     prev == "during" || prev == "before" || prev == "after" || prev == "-" ||
                     prev == "from" || prev == "to" || prev == "between" || prev == "and";
    if (!cue && !IsNum(i + 1)) return 0;
  }
  return m;
}

int Recognizer::Weekday(int i) const {
  if (!Capitalized(i)) return -1;
  std::string_view w = L(i);
  if (w.size() < 6 && !(Is(i + 1, ".") && w.size() >= 3 && w != "sun" && w != "sat")) {
    return -1;  // "Mon", "Sun", "Wed" alone are names and words, not days
  }
  return base::ParseWeekdayName(w);
}

int Recognizer::Year4(int i) const {
  if (!IsNum(i) || L(i).size() != 4) return -1;
  const int y = NumValue(i);
  if (y < 1000 || y > 2099) return -1;
  // Parts of bigger numbers and amounts: "1,988", "$1990", "1990.5", "2000%".
  if (Glued(i) && (Is(i - 1, ",") || Is(i - 1, "$") || Is(i - 1, ".") || Is(i - 1, ":"))) {
    return -1;
  }
  if (Glued(i + 1) && (Is(i + 1, "%") || Is(i + 1, ":") || IsNum(i + 2))) {
    if (!(Is(i + 1, "-") || Is(i + 1, "/")) || Is(i + 1, ":")) return -1;
  }
  if (y < 1900 || y > 2040) {
    std::string_view prev = L(i - 1);
    if (!(prev == "in" || prev == "since" || prev == "of" || prev == "until" || prev == "year" ||
          prev == "by" || prev == "from")) {
      return -1;
    }
  }
  return y;
}

int Recognizer::AmPm(int i, bool* pm) const {
  std::string_view w = L(i);
  if (w == "am" || w == "pm") {
    *pm = w == "pm";
    return i + 1;
  }
  if ((w == "a" || w == "p") && Is(i + 1, ".") && Is(i + 2, "m") && Glued(i + 1) &&
      Glued(i + 2)) {
    *pm = w == "p";
    return Is(i + 3, ".") && Glued(i + 3) ? i + 4 : i + 3;
  }
  return -1;
}

int Recognizer::SpelledYear(int i, int* year) const {
  if (Is(i, "nineteen")) {
    int n = 0;
    const int end = Number(i + 1, &n);
    if (end > 0 && n >= 10 && n <= 99 && !IsNum(i + 1)) {
      *year = 1900 + n;
      return end;
    }
    return -1;
  }
  if (Is(i, "two") && Is(i + 1, "thousand")) {
    int k = Is(i + 2, "and") ? i + 3 : i + 2;
    int n = 0;
    const int end = IsNum(k) ? -1 : Number(k, &n);
    if (end > 0 && n >= 1 && n <= 99 && !Is(k, "a") && !Is(k, "an")) {
      *year = 2000 + n;
      return end;
    }
    *year = 2000;
    return i + 2;
  }
  return -1;
}

Tense Recognizer::TenseAround(int begin, int end) const {
  // The sentence: back to a terminator (a period not after an abbreviation)
  // or a paragraph break, at most 40 tokens either way.
  auto is_boundary = [&](int k) {
    std::string_view w = L(k);
    if (w == "!" || w == "?" || w == ";") return true;
    if (w == ".") return !IsAbbreviation(L(k - 1)) && !IsNum(k - 1);
    return false;
  };
  int lo = begin;
  while (lo > 0 && begin - lo < 40 && !is_boundary(lo - 1) && !toks_[lo].paragraph_before) --lo;
  int hi = end;
  while (hi < size() && hi - end < 40 && !is_boundary(hi) && !toks_[hi].paragraph_before) ++hi;
  Tense best = Tense::kNone;
  int best_distance = 1 << 30;
  auto consider = [&](int k, int distance) {
    std::string_view w = L(k);
    Tense t = Tense::kNone;
    // "set" looks ahead only in "set to" / "set for"; "the record set on
    // Aug. 6" is a participle.
    if (w == "set" && !(Is(k + 1, "to") || Is(k + 1, "for"))) return;
    if (IsFutureCue(w) || (w == "going" && Is(k + 1, "to")) || (w == "is" && Is(k + 1, "to")) ||
        (w == "are" && Is(k + 1, "to"))) {
      t = Tense::kFuture;
      // "had been due to", "was expected to": a future seen from the past,
      // which news uses for plans that have since happened or lapsed.
      std::string_view p1 = L(k - 1);
      std::string_view p2 = L(k - 2);
      if (p1 == "had" || p1 == "was" || p1 == "were" || p2 == "had" ||
          (p1 == "been" && (p2 == "had" || p2 == "has"))) {
        t = Tense::kPast;
      }
    } else if (IsPastVerb(w)) {
      // "is expected", "will be held": a participle after a present or
      // future auxiliary is not the past.
      std::string_view prev = L(k - 1);
      if (prev == "be" || prev == "been" || prev == "is" || prev == "are") {
        t = Tense::kNone;
      } else if (w.size() > 4 && w.substr(0, 2) == "un" && w.substr(w.size() - 2) == "ed") {
        t = Tense::kNone;  // "unspecified", "unexpected": adjectives
      } else if (prev == "a" || prev == "an" || prev == "the" || prev == "its" ||
                 prev == "their" || prev == "his" || prev == "her" || prev == "our") {
        t = Tense::kNone;  // "a planned merger", "the reported loss": participles as adjectives
      } else if ((w == "said" || w == "told" || w == "added") && distance > 2) {
        // A reporting verb farther off belongs to the attribution ("..., officials
        // said"), not to the clause that holds the expression.
        t = Tense::kNone;
      } else {
        t = Tense::kPast;
      }
    }
    if (t != Tense::kNone && distance < best_distance) {
      best = t;
      best_distance = distance;
    }
  };
  for (int k = begin - 1; k >= lo; --k) consider(k, begin - k);
  for (int k = end; k < hi; ++k) consider(k, k - end + 1);
  return best;
}

std::optional<CivilDate> Recognizer::ResolveWeekday(int weekday, Tense tense,
                                                    int shift_weeks) const {
  if (!anchor_) return std::nullopt;
  const int today = anchor_->Weekday();
  if (shift_weeks == 0) {
    if (weekday == today) return *anchor_;
    int back = (today - weekday + 7) % 7;  // 1..6
    if (tense == Tense::kFuture) return anchor_->AddDays(7 - back);
    return anchor_->AddDays(-back);
  }
  if (shift_weeks < 0) {  // "last Friday": the most recent one before today
    int back = (today - weekday + 7) % 7;
    if (back == 0) back = 7;
    return anchor_->AddDays(-back);
  }
  int ahead = (weekday - today + 7) % 7;  // "next Friday": the coming one
  if (ahead == 0) ahead = 7;
  return anchor_->AddDays(ahead);
}

int Recognizer::YearForMonth(int month, int day, Tense tense) const {
  const CivilDate& a = *anchor_;
  if (day <= 0) {
    if (month == a.month) return a.year;
    // The nearest such month; the tense moves the choice only when the
    // other direction is not much farther (tense cues are noisy).
    int best_year = a.year;
    int best = 1 << 30;
    for (int y = a.year - 1; y <= a.year + 1; ++y) {
      int diff = (y * 12 + month) - (a.year * 12 + a.month);
      int cost = diff < 0 ? -diff : diff;
      // News mostly reports the past: a month ahead must be clearly nearer.
      if (tense == Tense::kNone && diff > 0) cost += 2;
      if ((tense == Tense::kPast && diff > 0) || (tense == Tense::kFuture && diff < 0)) cost += 7;
      if (cost < best) {
        best = cost;
        best_year = y;
      }
    }
    return best_year;
  }
  const long now = a.DaysSinceEpoch();
  int best_year = a.year;
  long best = 1L << 40;
  for (int y = a.year - 1; y <= a.year + 1; ++y) {
    CivilDate d{y, month, std::min(day, base::DaysInMonth(y, month))};
    long diff = d.DaysSinceEpoch() - now;
    long cost = diff < 0 ? -diff : diff;
    // A dated day in the other direction than the tense needs to be much nearer.
    if ((tense == Tense::kPast && diff > 0) || (tense == Tense::kFuture && diff < 0)) cost += 200;
    if (cost < best) {
      best = cost;
      best_year = y;
    }
  }
  return best_year;
}

std::optional<CivilDate> Recognizer::DateAfter(int i, int* end) {
  int k = i;
  if (Is(k, ",") || Is(k, "on")) ++k;
  if (auto c = WeekdayExpr(k); c && c->date) {
    *end = c->end;
    return c->date;
  }
  if (auto c = MonthExpr(k); c && c->date) {
    *end = c->end;
    return c->date;
  }
  if (anchor_) {
    if (Is(k, "today")) {
      *end = k + 1;
      return *anchor_;
    }
    if (Is(k, "yesterday")) {
      *end = k + 1;
      return anchor_->AddDays(-1);
    }
    if (Is(k, "tomorrow")) {
      *end = k + 1;
      return anchor_->AddDays(1);
    }
  }
  return std::nullopt;
}

}  // namespace newsfuse::extract::timex
