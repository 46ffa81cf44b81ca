// File: extract/timex_recognizer.h
//
// The time-expression recognizer's state and steps, shared by the files that
// implement them (internal to extract; the API is time_expressions.h):
//   time_expressions.cc  the driver: Core tries every pattern family at a
//                        token, Run adds modifiers and keeps document state
//   timex_reading.cc     reading tokens: numbers, month and weekday names,
//                        years, am/pm, tense cues; anchoring a weekday or a
//                        month to the publication date
//   timex_dates.cc       calendar dates: weekdays, "Month Day, Year", numeric
//                        dates, years, seasons, holidays, "the fiscal year"
//   timex_relative.cc    expressions relative to the anchor or to the last
//                        date named: today, last week, the third quarter,
//                        two weeks ago, that day
//   timex_clock.cc       clock times, parts of days and recurrences
//   timex_lexicon.*      word lists; timex_calendar.* date arithmetic
#ifndef NEWSFUSE_EXTRACT_TIMEX_RECOGNIZER_H_
#define NEWSFUSE_EXTRACT_TIMEX_RECOGNIZER_H_

#include <charconv>
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/strings.h"
#include "extract/time_expressions.h"
#include "extract/timex_calendar.h"
#include "extract/timex_lexicon.h"
#include "text/char_runs.h"

namespace newsfuse::extract::timex {

// The recognizer's tokens are the text stage's character runs: letter runs
// (kWord), digit runs (kNumber) and single marks, with their spacing.
using TokKind = text::CharRunKind;
using Token = text::CharRun;

// A parsed "N units" phrase ("two years", "a year", "for years", "2 1/2
// years"): what CountExpr hands to its duration reading.
struct CountPhrase {
  int n = 0;                // the count; negative for a bare plural ("for years")
  Unit unit = Unit::kNone;
  bool numbered = false;    // a number or "a"/"an" precedes the unit
  bool plural = false;
  bool hyphenated = false;  // "24-hour"
  bool half = false;        // "2 1/2 years", "a minute and a half"
};

// A recognized expression in token coordinates.
struct Cand {
  int end = 0;  // one past the last token
  TimexType type = TimexType::kDate;
  std::string value;
  std::optional<CivilDate> date;
  bool future = false;
  bool allows_the = false;    // "the" may precede it in the extent
  bool allows_mod = false;    // early / late / mid / the end of
  bool allows_approx = false; // about / nearly / some / at least
};

// A core pattern found by Run with the modifiers read in front of it.
struct ModifiedCore {
  std::optional<Cand> core;
  int core_begin = 0;  // the core's first token
  bool saw_the = false;
  bool saw_mod = false;     // early / late / mid / the end of
  bool saw_approx = false;  // about / nearly / at least
};

class Recognizer {
 public:
  Recognizer(std::string_view text, const std::optional<CivilDate>& anchor)
      : text_(text), anchor_(anchor) {
    if (anchor_) {
      anchor_->hour = -1;
      anchor_->minute = -1;
    }
    lower_ = base::AsciiLower(text);
    Tokenize();
  }

  std::vector<TimeExpression> Run();

 private:
  // Run's steps.
  ModifiedCore CoreWithModifiers(int i);
  int ExtentStart(int i, const ModifiedCore& m, const std::vector<TimeExpression>& out) const;
  void RememberNamed(const TimeExpression& e, int core_end);

  void Tokenize();

  int size() const { return static_cast<int>(toks_.size()); }
  std::string_view L(int i) const {
    if (i < 0 || i >= size()) return {};
    return std::string_view(lower_).substr(toks_[i].begin, toks_[i].end - toks_[i].begin);
  }
  std::string_view Raw(int i) const {
    if (i < 0 || i >= size()) return {};
    return text_.substr(toks_[i].begin, toks_[i].end - toks_[i].begin);
  }
  bool Is(int i, std::string_view w) const { return L(i) == w; }
  bool IsNum(int i) const { return i >= 0 && i < size() && toks_[i].kind == TokKind::kNumber; }
  bool IsWord(int i) const { return i >= 0 && i < size() && toks_[i].kind == TokKind::kWord; }
  bool Capitalized(int i) const { return IsWord(i) && base::IsAsciiUpper(text_[toks_[i].begin]); }
  bool Glued(int i) const { return i >= 0 && i < size() && !toks_[i].space_before; }
  // Token i is a hyphen joining i-1 and i+1 without spaces ("third-quarter").
  bool Hyphen(int i) const { return Is(i, "-") && Glued(i) && Glued(i + 1); }
  // The token's leading digits, read within the token (atoi on its bytes
  // once read past the end of a text that ends in a digit: the fuzzer's).
  int NumValue(int i) const {
    if (!IsNum(i) || L(i).size() > 9) return -1;
    const std::string_view raw = Raw(i);
    int value = 0;
    std::from_chars(raw.data(), raw.data() + raw.size(), value);
    return value;
  }

  // Number at i: digits or words ("twenty-four", "a couple of"). Returns the
  // token after it, or -1; *n = -2 for "several", "few", "many", "some".
  int Number(int i, int* n) const;
  int Month(int i, bool strict) const;  // 1..12 when token i (plus '.') is a month name
  // Steps over the period of an abbreviation ("Oct.", "Tues.") at i.
  int SkipPeriod(int i) const {
    return Is(i, ".") && Glued(i) && L(i - 1).size() <= 5 && L(i - 1) != "march" &&
                   L(i - 1) != "april" && L(i - 1) != "june" && L(i - 1) != "july" &&
                   L(i - 1) != "may"
               ? i + 1
               : i;
  }
  int Weekday(int i) const;
  int Year4(int i) const;  // a plausible four-digit year at i, or -1
  int AmPm(int i, bool* pm) const;

  Tense TenseAround(int begin, int end) const;

  // Resolution helpers.
  std::optional<CivilDate> ResolveWeekday(int weekday, Tense tense, int shift_weeks) const;
  int YearForMonth(int month, int day, Tense tense) const;

  // Every pattern family at token i; the longest match (time_expressions.cc).
  std::optional<Cand> Core(int i);

  // Calendar dates (timex_dates.cc).
  std::optional<Cand> WeekdayExpr(int i);
  std::optional<Cand> MonthExpr(int i);
  std::optional<Cand> DayMonthExpr(int i);
  std::optional<Cand> NumericDate(int i);
  std::optional<Cand> YearExpr(int i);
  std::optional<Cand> SeasonExpr(int i, int year, int end);
  std::optional<Cand> HolidayExpr(int i);
  int HolidayKind(int i, int* end) const;
  std::optional<Cand> TheYearExpr(int i);
  std::optional<Cand> YearEnd(int i);

  // Relative to the anchor or the last date named (timex_relative.cc).
  std::optional<Cand> Deictic(int i);
  std::optional<Cand> PresentRef(int i);  // Deictic's word groups
  std::optional<Cand> CurrentAdjective(int i);
  std::optional<Cand> VagueRef(int i);
  std::optional<Cand> Soon(int i);
  std::optional<Cand> DeicticDay(int i);
  std::optional<Cand> AnaphoricExpr(int i);
  std::optional<Cand> QuarterExpr(int i);
  bool ReportedQuarter(int* year, int* quarter) const;  // QuarterExpr's steps
  std::optional<Cand> YearAgoQuarter(int i);
  std::optional<Cand> ReportedQuarterCand(int end, std::optional<int> year) const;
  int OrdinalQuarter(int k, int* q, bool* half) const;
  int QuarterYearAfter(int k, int* year) const;
  Cand QuarterCand(int i, int k, int year, int q, bool half);
  bool IsPeriodWord(int i) const { return Is(i, "quarter") || Is(i, "period"); }
  std::optional<Cand> RelativePeriod(int i);
  std::optional<Cand> RelativeUnit(int i, int dir);
  // What RelativePeriod and RelativeCount share: the candidate pointing one
  // way, and the value of a period shifted from the anchor's.
  Cand DirectedCand(int end, int dir) const;
  std::string ShiftedPeriodValue(Unit unit, int shift) const;
  std::optional<Cand> CountExpr(int i);
  // CountExpr's steps: the stretch after "the past", the parse of "N units",
  // and its two readings.
  std::optional<Cand> StretchCount(int i);
  int CountUnitToken(int i, int k, CountPhrase* p) const;
  bool IsBarePluralCount(int i, const CountPhrase& p) const;
  std::optional<CountPhrase> ReadCountPhrase(int i, int* end) const;
  Cand RelativeCount(int i, int end, int n, Unit unit);
  Cand CountDuration(int i, int end, const CountPhrase& p);

  // Times of day and recurrences (timex_clock.cc).
  std::optional<Cand> ClockTime(int i);
  int DigitClock(int i, int* hour, int* minute) const;
  Cand ClockCand(int i, int k, int hour, int minute);
  std::optional<Cand> MidPartOfDay(int i);
  std::optional<Cand> SetExpr(int i);

  // A year spelled out as spoken ("nineteen ninety-four", "two thousand"):
  // the token after it, or -1; *year receives it.
  int SpelledYear(int i, int* year) const;

  // Continues a time of day or a day with a following date ("10 p.m.
  // Wednesday", "Friday, March 29"), when one follows.
  std::optional<CivilDate> DateAfter(int i, int* end);

  Cand DayCand(int end, const CivilDate& d) const {
    Cand c;
    c.end = end;
    c.value = DayValue(d);
    c.date = d;
    c.future = anchor_ && d.DaysSinceEpoch() > anchor_->DaysSinceEpoch();
    c.allows_mod = true;
    return c;
  }
  // A PRESENT_REF / PAST_REF / FUTURE_REF (or other fixed) value.
  Cand RefCand(int end, const char* value) const {
    Cand c = ValueCand(end, value);
    c.future = std::string_view(value) == "FUTURE_REF";
    return c;
  }
  // A part of a day ("2024-03-31TNI"): a TIME that takes modifiers.
  Cand PartOfDayCand(int end, const CivilDate& d, const char* part) const {
    Cand c = ValueCand(end, DayValue(d) + "T" + part, TimexType::kTime);
    c.date = d;
    c.allows_mod = true;
    return c;
  }
  Cand ValueCand(int end, std::string value, TimexType type = TimexType::kDate) const {
    Cand c;
    c.end = end;
    c.type = type;
    c.value = std::move(value);
    c.allows_mod = type == TimexType::kDate;
    return c;
  }

  std::string_view text_;
  std::optional<CivilDate> anchor_;
  std::string lower_;
  std::vector<Token> toks_;
  // Document state: the last quarter named ("third-quarter profit"), which
  // "the quarter" and "a year earlier" in an earnings story refer to.
  int last_quarter_year_ = 0;
  int last_quarter_ = 0;
  // The last day and year the text named explicitly ("on March 3, 2019"),
  // which "that day", "the next day" and "that year" refer back to.
  std::optional<CivilDate> last_day_;
  int last_year_ = 0;
  // The last month named (year * 12 + month - 1), for "that month" and "the
  // following month"; -1 when none.
  int last_month_ = -1;
  // The last period value written ("1989-Q3", "1989-09-30", "1989") and the
  // token where its expression ended, for "a year earlier" right after it.
  std::string last_period_;
  int last_period_end_ = -1000;

  // The period just named, a year before; empty when none is near.
  std::string YearBefore(int i) const {
    if (last_period_.empty() || i - last_period_end_ > 12) return {};
    std::string v = last_period_;
    const int year = std::atoi(v.substr(0, 4).c_str()) - 1;
    std::string y = Fmt("%04d", year);
    v.replace(0, 4, y);
    if (v.size() >= 10 && v.compare(5, 5, "02-29") == 0) v.replace(8, 2, "28");
    return v;
  }
};

}  // namespace newsfuse::extract::timex

#endif  // NEWSFUSE_EXTRACT_TIMEX_RECOGNIZER_H_
