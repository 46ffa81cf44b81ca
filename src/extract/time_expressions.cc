// Time-expression recognition and normalization.
//
// The text is cut into word / number / punctuation tokens (byte spans, one
// lowercase copy of the text for the comparisons). At each token a set of
// small recognizers ("core" patterns: a weekday, "Month Day, Year", "N units
// ago", "last week", a clock time...) is tried and the longest match wins;
// modifiers in front of a core ("the", "early", "late", "mid-", "the end
// of", "about", "nearly") extend the extent without changing the value, as
// TIMEX3 puts them in the extent and in the `mod` attribute, not the value.
//
// Normalization follows the TimeML conventions used by TempEval-3 (and by
// HeidelTime, Strötgen & Gertz 2013): a relative expression is resolved
// against the anchor (the document creation time), bare weekdays and months
// take the direction of the nearest tense cue in the sentence, and a
// document remembers the last quarter it named so that "the quarter" and "a
// year earlier" in an earnings story refer to that reporting period.
#include "extract/time_expressions.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>
#include <cstdlib>

#include "base/strings.h"

namespace newsfuse::extract {

std::string_view TimexTypeName(TimexType type) {
  switch (type) {
    case TimexType::kDate:
      return "DATE";
    case TimexType::kTime:
      return "TIME";
    case TimexType::kDuration:
      return "DURATION";
    case TimexType::kSet:
      return "SET";
  }
  return "DATE";
}

namespace {

using base::CivilDate;

enum class TokKind : uint8_t { kWord, kNumber, kOther };

struct Token {
  uint32_t begin = 0;
  uint32_t end = 0;
  TokKind kind = TokKind::kOther;
  bool space_before = true;
  bool paragraph_before = false;  // a blank line (or more) before the token
};

enum class Tense : uint8_t { kNone, kPast, kFuture };

enum class Unit : uint8_t { kNone, kSecond, kMinute, kHour, kDay, kWeek, kMonth, kQuarter,
                            kYear, kDecade, kCentury };

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

std::string Fmt(const char* format, int a, int b = 0, int c = 0, int d = 0, int e = 0) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, a, b, c, d, e);
  return buf;
}

std::string DayValue(const CivilDate& d) { return Fmt("%04d-%02d-%02d", d.year, d.month, d.day); }

std::string WeekValue(const CivilDate& d) {
  auto [y, w] = base::IsoWeekOf(d);
  return Fmt("%04d-W%02d", y, w);
}

int QuarterOf(int month) { return (month - 1) / 3 + 1; }

CivilDate AddMonths(const CivilDate& d, int months) {
  int total = d.year * 12 + (d.month - 1) + months;
  CivilDate r{total / 12, total % 12 + 1, 1};
  r.day = std::min(d.day, base::DaysInMonth(r.year, r.month));
  return r;
}

// Small cardinals spelled out in news text.
int WordNumber(std::string_view w) {
  static constexpr std::array<std::string_view, 20> kOnes = {
      "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
      "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
      "nineteen"};
  for (size_t i = 0; i < kOnes.size(); ++i) {
    if (w == kOnes[i]) return static_cast<int>(i);
  }
  static constexpr std::array<std::string_view, 8> kTens = {
      "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
  for (size_t i = 0; i < kTens.size(); ++i) {
    if (w == kTens[i]) return static_cast<int>(20 + 10 * i);
  }
  if (w == "a" || w == "an" || w == "single") return 1;
  if (w == "dozen") return 12;
  return -1;
}

int Ordinal(std::string_view w) {
  static constexpr std::array<std::string_view, 12> kWords = {
      "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
      "tenth", "eleventh", "twelfth"};
  for (size_t i = 0; i < kWords.size(); ++i) {
    if (w == kWords[i]) return static_cast<int>(i + 1);
  }
  return -1;
}

Unit ParseUnit(std::string_view w, bool* plural) {
  *plural = false;
  auto is = [&](std::string_view singular, std::string_view plural_form) {
    if (w == singular) return true;
    if (w == plural_form) {
      *plural = true;
      return true;
    }
    return false;
  };
  if (is("year", "years")) return Unit::kYear;
  if (is("month", "months")) return Unit::kMonth;
  if (is("week", "weeks")) return Unit::kWeek;
  if (is("day", "days")) return Unit::kDay;
  if (is("hour", "hours")) return Unit::kHour;
  if (is("minute", "minutes")) return Unit::kMinute;
  if (is("second", "seconds")) return Unit::kSecond;
  if (is("quarter", "quarters")) return Unit::kQuarter;
  if (is("decade", "decades")) return Unit::kDecade;
  if (is("century", "centuries")) return Unit::kCentury;
  return Unit::kNone;
}

// TIMEX3 duration: n < 0 means an unspecified number ("several years" -> PXY).
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

bool IsPastVerb(std::string_view w) {
  static constexpr std::array<std::string_view, 62> kIrregular = {
      "said", "was", "were", "had", "did", "told", "met", "held", "made", "took", "gave", "came",
      "went", "saw", "won", "lost", "sold", "bought", "paid", "rose", "fell", "began", "left",
      "found", "spoke", "wrote", "ran", "brought", "thought", "felt", "kept", "sent", "struck",
      "stood", "led", "fought", "caught", "taught", "got", "became", "knew", "grew", "drew",
      "flew", "threw", "broke", "chose", "drove", "froze", "stole", "woke", "wore", "tore",
      "shot", "slid", "swore", "sank", "spent", "built", "meant", "ago", "earlier"};
  for (std::string_view v : kIrregular) {
    if (w == v) return true;
  }
  if (w.size() >= 5 && w.substr(w.size() - 2) == "ed") {
    static constexpr std::array<std::string_view, 10> kNotVerbs = {
        "need", "indeed", "speed", "hundred", "united", "limited", "proceed", "succeed",
        "exceed", "embed"};
    for (std::string_view v : kNotVerbs) {
      if (w == v) return false;
    }
    return true;
  }
  return false;
}

bool IsFutureCue(std::string_view w) {
  static constexpr std::array<std::string_view, 27> kFuture = {
      "will", "shall", "ll", "expected", "expects", "expect", "scheduled", "schedule",
      "plans", "plan", "planned", "planning", "intends", "intend", "due", "upcoming", "next",
      "would", "aims", "hopes", "tomorrow", "coming", "anticipated", "slated", "soon", "until",
      "set"};
  for (std::string_view v : kFuture) {
    if (w == v) return true;
  }
  return false;
}

bool IsAbbreviation(std::string_view w) {
  static constexpr std::array<std::string_view, 40> kAbbrev = {
      "mr", "mrs", "ms", "dr", "st", "jr", "sr", "co", "corp", "inc", "ltd", "gen", "gov",
      "sen", "rep", "lt", "col", "capt", "sgt", "vs", "no", "jan", "feb", "mar", "apr", "jun",
      "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "prof", "rev", "u", "m",
      "fig"};
  if (w.size() == 1) return true;
  for (std::string_view v : kAbbrev) {
    if (w == v) return true;
  }
  return false;
}

// Parts of the day: "morning" -> "MO".
const char* PartOfDay(std::string_view w) {
  if (w == "morning") return "MO";
  if (w == "afternoon") return "AF";
  if (w == "evening") return "EV";
  if (w == "night" || w == "overnight") return "NI";
  return nullptr;
}

// Words that can open a core pattern (besides numbers, month and weekday
// names): a sorted table, so that most words are rejected by one binary search.
bool CanStartCore(std::string_view w) {
  static constexpr std::array<std::string_view, 110> kStarts = {
      "a", "an", "annually", "autumn", "centuries", "century", "coming", "current", "currently",
      "daily", "day", "days", "decade", "decades", "dozen", "each", "eight", "eighteen",
      "eighty", "eleven", "every", "fall", "few", "fifteen", "fifty", "final", "first",
      "fiscal", "five", "following", "forty", "four", "fourteen", "fourth", "full", "future", "half",
      "hour", "hourly", "hours", "last", "lately", "latest", "many", "midday", "midnight",
      "minute", "minutes", "month", "monthly", "months", "near", "next", "nightly", "nine",
      "nineteen", "ninety", "noon", "now", "nowadays", "numerous", "one", "past", "per",
      "present", "previous", "quarter", "quarters", "recent", "recently", "same", "second", "seconds",
      "seven", "seventeen", "seventy", "several", "short", "single", "six", "sixteen", "sixty",
      "some", "soon", "spring", "summer", "ten", "that", "these", "third", "thirteen",
      "thirty", "this", "three", "today", "tomorrow", "tonight", "twelve", "twenty", "two",
      "week", "weekend", "weekly", "weeks", "winter", "year", "yearly", "years", "yesterday",
      "zero"};
  if (std::binary_search(kStarts.begin(), kStarts.end(), w)) return true;
  // Decade words ("the nineties") and remaining ordinals.
  return w.size() > 5 && (w.substr(w.size() - 3) == "ies" || w.substr(w.size() - 2) == "th");
}

const char* Season(std::string_view w) {
  if (w == "spring") return "SP";
  if (w == "summer") return "SU";
  if (w == "fall" || w == "autumn") return "FA";
  if (w == "winter") return "WI";
  return nullptr;
}

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

  std::optional<Cand> Core(int i);
  std::optional<Cand> Deictic(int i);
  std::optional<Cand> WeekdayExpr(int i);
  std::optional<Cand> MonthExpr(int i);
  std::optional<Cand> DayMonthExpr(int i);
  std::optional<Cand> NumericDate(int i);
  std::optional<Cand> YearExpr(int i);
  std::optional<Cand> QuarterExpr(int i);
  std::optional<Cand> RelativePeriod(int i);
  std::optional<Cand> CountExpr(int i);
  // CountExpr's two readings of a parsed "N units" phrase.
  Cand RelativeCount(int i, int end, int n, Unit unit);
  Cand CountDuration(int i, int end, const CountPhrase& p);
  std::optional<Cand> ClockTime(int i);
  std::optional<Cand> SetExpr(int i);
  std::optional<Cand> SeasonExpr(int i, int year, int end);
  std::optional<Cand> AnaphoricExpr(int i);
  std::optional<Cand> HolidayExpr(int i);
  std::optional<Cand> TheYearExpr(int i);
  std::optional<Cand> MidPartOfDay(int i);
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

void Recognizer::Tokenize() {
  toks_.reserve(text_.size() / 4 + 1);
  size_t i = 0;
  bool space = true;
  int newlines = 0;
  while (i < text_.size()) {
    const unsigned char c = static_cast<unsigned char>(text_[i]);
    if (base::IsAsciiSpace(static_cast<char>(c))) {
      space = true;
      if (c == '\n') ++newlines;
      ++i;
      continue;
    }
    Token t;
    t.begin = static_cast<uint32_t>(i);
    t.space_before = space;
    t.paragraph_before = newlines >= 2;
    if (base::IsAsciiAlpha(static_cast<char>(c))) {
      t.kind = TokKind::kWord;
      while (i < text_.size() && base::IsAsciiAlpha(text_[i])) ++i;
    } else if (base::IsAsciiDigit(static_cast<char>(c))) {
      t.kind = TokKind::kNumber;
      while (i < text_.size() && base::IsAsciiDigit(text_[i])) ++i;
    } else if (c >= 0x80) {
      // A whole UTF-8 sequence is one token ("–", "’", "\u00a0").
      ++i;
      while (i < text_.size() && (static_cast<unsigned char>(text_[i]) & 0xC0) == 0x80) ++i;
      // U+00A0 and U+2009 are spaces in news text.
      std::string_view seq = text_.substr(t.begin, i - t.begin);
      if (seq == "\xC2\xA0" || seq == "\xE2\x80\x89") {
        space = true;
        continue;
      }
    } else {
      ++i;
    }
    t.end = static_cast<uint32_t>(i);
    toks_.push_back(t);
    space = false;
    newlines = 0;
  }
}

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

std::optional<Cand> Recognizer::Deictic(int i) {
  std::string_view w = L(i);
  auto ref = [&](int end, const char* value) {
    Cand c = ValueCand(end, value);
    c.future = std::string_view(value) == "FUTURE_REF";
    return c;
  };
  if (w == "now" || w == "currently" || w == "nowadays") {
    if (w == "now" && (Is(i - 1, "right") || Is(i - 1, "just"))) return std::nullopt;
    return ref(i + 1, "PRESENT_REF");
  }
  if (w == "current" && (Is(i + 1, "year") || Is(i + 1, "quarter") || Is(i + 1, "month") ||
                         Is(i + 1, "week"))) {
    return std::nullopt;  // "the current quarter": a period, below
  }
  // "current market conditions", "its current share": the adjective places
  // the noun's state at the present (TimeML: PRESENT_REF). Not the noun
  // ("the current"), "current account" (a balance), or "then-current".
  auto function_word = [&](int k) {  // after a noun "current": "the current was strong"
    std::string_view f = L(k);
    return f == "is" || f == "was" || f == "are" || f == "were" || f == "has" || f == "had" ||
           f == "will" || f == "would" || f == "can" || f == "could" || f == "may" ||
           f == "of" || f == "in" || f == "and" || f == "or" || f == "to" || f == "that";
  };
  if (w == "current" && IsWord(i + 1) && !function_word(i + 1) && !Capitalized(i) &&
      !Is(i + 1, "account") &&
      !Is(i + 1, "accounts") && !Is(i - 1, "then") && !(Hyphen(i - 1) && Is(i - 2, "then"))) {
    return ref(i + 1, "PRESENT_REF");
  }
  if (w == "present" && Is(i - 1, "the") && !IsWord(i + 1)) return ref(i + 1, "PRESENT_REF");
  if (w == "recently" || w == "lately") {
    return ref(i + 1, "PAST_REF");
  }
  if (w == "recent" && !Is(i + 1, "years") && !Is(i + 1, "months") && !Is(i + 1, "weeks") &&
      !Is(i + 1, "days") && !Is(i + 1, "decades")) {
    return ref(i + 1, "PAST_REF");
  }
  if (w == "recent") {
    // "in recent years": a stretch of unspecified length reaching the
    // present, a duration (TimeML: PXY), like "the past few years".
    bool plural = false;
    Cand c = ValueCand(i + 2, DurationValue(ParseUnit(L(i + 1), &plural), -1),
                       TimexType::kDuration);
    return c;
  }
  if (w == "soon") {
    if (Is(i - 1, "as")) return std::nullopt;  // "as soon as next week": the week is the timex
    // "soon after the vote": the adverb only moves the event named next.
    if (Is(i + 1, "after") || Is(i + 1, "before") || Is(i + 1, "thereafter")) return std::nullopt;
    // "was soon released", "soon became": soon after a past event in a
    // narrative, not a future seen from the publication date.
    if (TenseAround(i, i + 1) == Tense::kPast) return std::nullopt;
    return ref(i + 1, "FUTURE_REF");
  }
  if (w == "weekend" && Is(i - 1, "the") && anchor_) {
    // The weekend just past, or the coming one when the sentence looks ahead.
    const int weekday = anchor_->Weekday();
    CivilDate base = *anchor_;
    if (weekday < 5) {
      base = TenseAround(i, i + 1) == Tense::kFuture ? *anchor_ : anchor_->AddDays(-7);
    }
    Cand c = ValueCand(i + 1, WeekValue(base) + "-WE");
    c.allows_the = true;
    return c;
  }
  if ((w == "near" && (Is(i + 1, "future") || Is(i + 1, "term"))) ||
      (w == "short" && Is(i + 1, "term"))) {
    if (Is(i - 1, "the")) {
      Cand c = ref(i + 2, "FUTURE_REF");
      c.allows_the = true;
      return c;
    }
  }
  if (w == "these" && Is(i + 1, "days")) return ref(i + 2, "PRESENT_REF");
  if (w == "future" && Is(i - 1, "the")) {
    Cand c = ref(i + 1, "FUTURE_REF");
    c.allows_the = true;
    return c;
  }
  int count_after = 0;
  if (w == "past" && Is(i - 1, "the") && Number(i + 1, &count_after) < 0) {
    bool plural = false;
    if (ParseUnit(L(i + 1), &plural) == Unit::kNone && !Is(i + 1, "decade")) {
      Cand c = ref(i + 1, "PAST_REF");
      c.allows_the = true;
      return c;
    }
  }
  if (!anchor_) {
    if (w == "today") return ref(i + 1, "PRESENT_REF");
    if (w == "yesterday" || w == "tomorrow" || w == "tonight") return ref(i + 1, "XXXX-XX-XX");
    return std::nullopt;
  }
  std::optional<CivilDate> day;
  if (w == "today") day = *anchor_;
  if (w == "yesterday") day = anchor_->AddDays(-1);
  if (w == "tomorrow") day = anchor_->AddDays(1);
  if (w == "tonight") {
    Cand c = ValueCand(i + 1, DayValue(*anchor_) + "TNI", TimexType::kTime);
    c.date = *anchor_;
    c.allows_mod = true;
    return c;
  }
  if ((w == "this" || w == "last") && PartOfDay(L(i + 1))) {
    const char* part = PartOfDay(L(i + 1));
    CivilDate d = *anchor_;
    if (w == "last") {
      if (std::string_view(part) != "NI") return std::nullopt;  // "last morning"
      d = d.AddDays(-1);
    }
    Cand c = ValueCand(i + 2, DayValue(d) + "T" + part, TimexType::kTime);
    c.date = d;
    c.allows_mod = true;
    return c;
  }
  if (day) {
    if (const char* part = PartOfDay(L(i + 1))) {
      Cand c = ValueCand(i + 2, DayValue(*day) + "T" + part, TimexType::kTime);
      c.date = day;
      c.allows_mod = true;
      return c;
    }
    return DayCand(i + 1, *day);
  }
  return std::nullopt;
}

// The day of a holiday in `year`: fixed dates, nth weekdays, and Easter
// (the anonymous Gregorian computus).
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

std::optional<Cand> Recognizer::HolidayExpr(int i) {
  if (!Capitalized(i)) return std::nullopt;
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

std::optional<Cand> Recognizer::TheYearExpr(int i) {
  // "year-end", "year end", "year's end": the end of the current year, or
  // of the last one after "since" (a point already reached).
  if (Is(i, "year") || (Is(i, "fiscal") && Is(i + 1, "year"))) {
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
  }
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

std::optional<Cand> Recognizer::AnaphoricExpr(int i) {
  // "that day", "the same day", "the next day", "the following day", "the
  // day before", "the previous day", "that year", "the same year": relative
  // to the last date the text named, not to the anchor.
  int k = i;
  int shift = 0;
  bool ok = false;
  if (Is(k, "that") || (Is(k, "same") && Is(k - 1, "the"))) {
    ok = true;
    ++k;
    if (Is(k, "same")) ++k;
  } else if ((Is(k, "next") || Is(k, "following")) && Is(k - 1, "the")) {
    ok = true;
    shift = 1;
    ++k;
  } else if (Is(k, "previous") && Is(k - 1, "the")) {
    ok = true;
    shift = -1;
    ++k;
  }
  if (!ok) return std::nullopt;
  if (Is(k, "day") || (Is(k, "night") && shift == 0) || Is(k, "morning")) {
    if (!last_day_) return std::nullopt;
    const CivilDate d = last_day_->AddDays(shift);
    Cand c = DayCand(k + 1, d);
    if (Is(k, "night") || Is(k, "morning")) {
      c.type = TimexType::kTime;
      c.value += Is(k, "night") ? "TNI" : "TMO";
    }
    c.allows_the = true;
    return c;
  }
  // "the following month", "that month": not "the next month", which news
  // uses for the coming one ("over the next month").
  if (Is(k, "month") && last_month_ >= 0 && !Is(k - 1, "next")) {
    const int m = last_month_ + shift;
    Cand c = ValueCand(k + 1, Fmt("%04d-%02d", m / 12, m % 12 + 1));
    c.allows_the = true;
    return c;
  }
  if (Is(k, "year") && last_year_ > 0) {
    Cand c = ValueCand(k + 1, Fmt("%04d", last_year_ + shift));
    c.allows_the = true;
    return c;
  }
  return std::nullopt;
}

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

std::optional<Cand> Recognizer::QuarterExpr(int i) {
  // "the third quarter [of 1989]", "third-quarter", "1989 third quarter",
  // "the fourth quarter of fiscal 1989", "first half", "the quarter",
  // "this year's third quarter", "the year-earlier quarter", "the 1988 period".
  int k = i;
  int year = -1;
  // The reporting quarter of the story: the last one named, or the one
  // before the anchor's.
  auto reported = [&](int* y, int* q) {
    if (last_quarter_ > 0) {
      *y = last_quarter_year_;
      *q = last_quarter_;
      return true;
    }
    if (!anchor_) return false;
    CivilDate m = AddMonths(*anchor_, -3);
    *y = m.year;
    *q = QuarterOf(m.month);
    return true;
  };
  auto period_word = [&](int t) { return Is(t, "quarter") || Is(t, "period"); };
  // "year-earlier", "year-ago" [quarter|period|third quarter]
  if (Is(i, "year") && Hyphen(i + 1) && (Is(i + 2, "earlier") || Is(i + 2, "ago"))) {
    int end = i + 3;
    int y = 0;
    int q = 0;
    const bool has_reported = reported(&y, &q);
    if (int ord = Ordinal(L(end)); ord >= 1 && ord <= 4 && period_word(end + 1)) {
      q = ord;
      end += 2;
    } else if (period_word(end)) {
      ++end;
    }
    Cand c;
    c.end = end;
    c.allows_the = true;
    if (end == i + 3 && !YearBefore(i).empty()) {
      c.value = YearBefore(i);
    } else if (has_reported && last_quarter_ > 0) {
      c.value = Fmt("%04d-Q%d", y - 1, q);
    } else if (anchor_) {
      c.value = Fmt("%04d", anchor_->year - 1);
    } else {
      c.value = "PAST_REF";
    }
    return c;
  }
  // "this year's", "last year's", "next year's" + quarter
  if ((Is(k, "this") || Is(k, "last") || Is(k, "next")) && Is(k + 1, "year") &&
      (Is(k + 2, "'") || Is(k + 2, "\xE2\x80\x99")) && Is(k + 3, "s") && anchor_) {
    const int y = anchor_->year + (Is(k, "last") ? -1 : Is(k, "next") ? 1 : 0);
    if (period_word(k + 4)) {
      int ry = 0;
      int q = 0;
      if (!reported(&ry, &q)) return std::nullopt;
      Cand c = ValueCand(k + 5, Fmt("%04d-Q%d", y, q));
      return c;
    }
    if (Ordinal(L(k + 4)) > 0) {
      year = y;
      k += 4;
    }
  }
  // "the quarter", "the latest period", "the 1988 quarter"
  if (Is(i - 1, "the") || Is(i, "latest")) {
    int t = i;
    int y = -1;
    if (Is(t, "latest")) ++t;
    if (Year4(t) > 0) {
      y = Year4(t);
      ++t;
    }
    if (Is(t, "quarter") || (Is(t, "period") && t > i)) {
      int ry = 0;
      int q = 0;
      if (!reported(&ry, &q)) return std::nullopt;
      Cand c = ValueCand(t + 1, Fmt("%04d-Q%d", y > 0 ? y : ry, q));
      c.allows_the = true;
      return c;
    }
  }
  if (Year4(k) > 0 && (Ordinal(L(k + 1)) > 0 || Is(k + 1, "fiscal"))) {
    year = Year4(k);
    ++k;
  }
  if (Is(k, "fiscal")) ++k;
  int q = Ordinal(L(k));
  if (q < 0 && IsNum(k) && Glued(k + 1) &&
      (Is(k + 1, "st") || Is(k + 1, "nd") || Is(k + 1, "rd") || Is(k + 1, "th"))) {
    q = NumValue(k);
    ++k;
  }
  bool half = false;
  if (q >= 1 && q <= 4) {
    int u = Hyphen(k + 1) ? k + 2 : k + 1;
    if (Is(u, "quarter")) {
      k = u + 1;
    } else if (Is(u, "half") && q <= 2) {
      half = true;
      k = u + 1;
    } else {
      return std::nullopt;
    }
  } else {
    return std::nullopt;
  }
  if (year < 0) {
    int y = Is(k, "of") ? k + 1 : k;
    if (Is(y, "fiscal")) ++y;
    if (Year4(y) > 0) {
      year = Year4(y);
      k = y + 1;
    } else if (Is(k, "of") && (Is(k + 1, "this") || Is(k + 1, "last") || Is(k + 1, "next")) &&
               Is(k + 2, "year") && anchor_) {
      year = anchor_->year + (Is(k + 1, "last") ? -1 : Is(k + 1, "next") ? 1 : 0);
      k += 3;
    }
  }
  if (year < 0 && anchor_) {
    const int now = half ? (anchor_->month <= 6 ? 1 : 2) : QuarterOf(anchor_->month);
    // Quarters in news are mostly reported ones: the current year's when the
    // quarter has begun, the year before otherwise unless the sentence looks ahead.
    year = q <= now || TenseAround(i, k) == Tense::kFuture ? anchor_->year : anchor_->year - 1;
  }
  Cand c;
  c.end = k;
  c.allows_the = true;
  c.allows_mod = true;
  if (year < 0) {
    c.value = Fmt(half ? "XXXX-H%d" : "XXXX-Q%d", q);
    return c;
  }
  c.value = Fmt(half ? "%04d-H%d" : "%04d-Q%d", year, q);
  // Only a quarter that has ended can be the story's reporting period.
  if (!half && (!anchor_ || year * 4 + q < anchor_->year * 4 + QuarterOf(anchor_->month))) {
    last_quarter_year_ = year;
    last_quarter_ = q;
  }
  return c;
}

std::optional<Cand> Recognizer::RelativePeriod(int i) {
  // this|last|next|past|previous|coming|current + week|month|year|quarter|weekend|season|month name
  std::string_view w = L(i);
  int dir = 0;
  if (w == "last" || w == "past" || w == "previous") dir = -1;
  else if (w == "next" || w == "coming" || w == "following") dir = 1;
  else if (w == "this" || w == "current" || w == "latest" || w == "same") dir = 0;
  else return std::nullopt;
  const bool the = Is(i - 1, "the");
  std::string_view u = L(i + 1);
  // ABC's "This Week": a capitalized unit right after a quotation mark is a title.
  if (Capitalized(i) && Capitalized(i + 1) &&
      (Is(i - 1, "\"") || Is(i - 1, "\xE2\x80\x9C") || Is(i - 1, "`"))) {
    return std::nullopt;
  }
  const int end = i + 2;
  const bool stretch = the && (w == "past" || w == "last" || w == "coming" || w == "next");
  if (const char* season = Season(u)) {
    if (!anchor_) return ValueCand(end, std::string("XXXX-") + season);
    int y = anchor_->year;
    if (dir < 0) y -= 1;
    if (dir > 0) y += 1;
    Cand c = ValueCand(end, Fmt("%04d-", y) + season);
    c.allows_the = true;
    return c;
  }
  if (int month = Month(i + 1, false); month > 0 && !stretch && !IsNum(SkipPeriod(i + 2))) {
    if (!anchor_) return ValueCand(SkipPeriod(end), Fmt("XXXX-%02d", month));
    int y = anchor_->year;
    if (dir < 0) y = month < anchor_->month ? y : y - 1;
    if (dir > 0) y = month > anchor_->month ? y : y + 1;
    Cand c = ValueCand(SkipPeriod(end), Fmt("%04d-%02d", y, month));
    return c;
  }
  bool plural = false;
  Unit unit = ParseUnit(u, &plural);
  const bool weekend = u == "weekend";
  if (plural || (unit == Unit::kNone && !weekend)) return std::nullopt;
  if (unit == Unit::kSecond || unit == Unit::kMinute || unit == Unit::kHour) return std::nullopt;
  if (w == "same" || (w == "latest" && unit != Unit::kQuarter)) return std::nullopt;
  if (unit == Unit::kDay && (w == "this" || w == "current" || w == "past")) return std::nullopt;
  Cand c;
  c.end = end;
  c.allows_the = true;
  c.allows_mod = true;
  c.future = dir > 0;
  if (!anchor_) {
    c.value = dir < 0 ? "PAST_REF" : dir > 0 ? "FUTURE_REF" : "PRESENT_REF";
    return c;
  }
  const CivilDate& a = *anchor_;
  switch (unit) {
    case Unit::kDay:
      c.value = DayValue(a.AddDays(dir));
      c.date = a.AddDays(dir);
      break;
    case Unit::kWeek:
      c.value = WeekValue(a.AddDays(7 * dir));
      break;
    case Unit::kMonth: {
      CivilDate m = AddMonths(a, dir);
      c.value = Fmt("%04d-%02d", m.year, m.month);
      break;
    }
    case Unit::kQuarter: {
      if (w == "latest") {
        if (last_quarter_ > 0) {
          c.value = Fmt("%04d-Q%d", last_quarter_year_, last_quarter_);
        } else {
          CivilDate m = AddMonths(a, -3);
          c.value = Fmt("%04d-Q%d", m.year, QuarterOf(m.month));
        }
        break;
      }
      CivilDate m = AddMonths(a, 3 * dir);
      c.value = Fmt("%04d-Q%d", m.year, QuarterOf(m.month));
      break;
    }
    case Unit::kYear:
      c.value = Fmt("%04d", a.year + dir);
      break;
    case Unit::kDecade:
      c.value = Fmt("%03d", a.year / 10 + dir);
      break;
    case Unit::kCentury:
      c.value = Fmt("%02d", a.year / 100 + dir);
      break;
    default:
      if (weekend) {
        // The weekend of the anchor's week, or of the previous / next one.
        CivilDate base = a.AddDays(7 * dir);
        if (dir == 0 && a.Weekday() < 5) {
          Tense tense = TenseAround(i, end);
          if (tense == Tense::kPast) base = a.AddDays(-7);
        }
        c.value = WeekValue(base) + "-WE";
        break;
      }
      return std::nullopt;
  }
  return c;
}

std::optional<Cand> Recognizer::CountExpr(int i) {
  // N units [ago|earlier|later|from now|long|old]; N-unit; the past N units.
  int n = 0;
  std::string_view lead = L(i);
  if ((lead == "past" || lead == "last" || lead == "next" || lead == "coming" ||
       lead == "first" || lead == "previous" || lead == "following" || lead == "final") &&
      Number(i + 1, &n) > 0) {
    // "the past two years", "the first nine months": a stretch of that length.
    std::optional<Cand> rest = CountExpr(i + 1);
    if (rest && rest->type == TimexType::kDuration) {
      rest->allows_the = true;
      return rest;
    }
    return std::nullopt;
  }
  int k = Number(i, &n);
  bool numbered = k > 0;
  if (!numbered) {
    k = i;
    n = 1;
  }
  int u_tok = k;
  bool hyphenated = false;
  if (numbered && Hyphen(k)) {
    u_tok = k + 1;
    hyphenated = true;
  } else if (numbered) {
    // "20 more years", "an additional year", "eight trading days".
    std::string_view filler = L(k);
    if (filler == "more" || filler == "additional" || filler == "extra" || filler == "full" ||
        filler == "straight" || filler == "consecutive" || filler == "trading" ||
        filler == "business" || filler == "further") {
      u_tok = k + 1;
    }
  }
  bool half = false;
  if (numbered && IsNum(i) && Is(u_tok, "1") && Is(u_tok + 1, "/") && Is(u_tok + 2, "2") &&
      Glued(u_tok + 1) && Glued(u_tok + 2)) {
    half = true;  // "2 1/2 years"
    u_tok += 3;
  }
  bool plural = false;
  Unit unit = ParseUnit(L(u_tok), &plural);
  if (unit == Unit::kNone) return std::nullopt;
  if (!numbered) {
    // Bare plural units: "for years", "days", "decades". Singular bare units
    // are left to the period rules ("the year", "the week").
    if (!plural) return std::nullopt;
    std::string_view prev = L(i - 1);
    if (!(prev == "for" || prev == "the" || prev == "in" || prev == "within" || prev == "over" ||
          prev == "recent" || prev == "past" || prev == "coming" || prev == "next" ||
          prev == "few" || prev == "many" || prev == "several" || prev == "of" ||
          prev == "or" || prev == "and" || prev == "after")) {
      return std::nullopt;
    }
    if (unit == Unit::kSecond || unit == Unit::kQuarter) return std::nullopt;
    n = -2;
  }
  if (numbered && n == 1 && plural && L(i) != "1") return std::nullopt;  // "a days"
  if (unit == Unit::kSecond && !numbered) return std::nullopt;
  if (numbered && IsNum(i) && n > 1000) return std::nullopt;
  // "three-quarters of", "two-thirds": fractions, not durations.
  if (unit == Unit::kQuarter && (hyphenated || Is(u_tok + 1, "of"))) return std::nullopt;
  // "second quarter", "second half": an ordinal, not a count of seconds.
  if (Is(i, "second") || (numbered && n == 1 && Is(i, "a") && unit == Unit::kQuarter)) {
    return std::nullopt;
  }
  int end = u_tok + 1;
  // "a year-earlier profit": the adjective is a date of its own, below.
  if (Hyphen(end) && (Is(end + 1, "earlier") || Is(end + 1, "ago"))) return std::nullopt;
  // "a second time", "a second round": an ordinal.
  if (unit == Unit::kSecond && !IsNum(i) && n == 1) return std::nullopt;
  // "2 1/2 years", "a minute and a half": add half a unit in the next smaller one.
  if (numbered && Is(end, "and") && Is(end + 1, "a") && Is(end + 2, "half")) {
    half = true;
    end += 3;
  }
  // "a 6-year-old boy", "the 44-year-old": ages are not time expressions here.
  if (Hyphen(end) && Is(end + 1, "old")) return std::nullopt;
  if (plural && Hyphen(end) && Is(end + 1, "old")) return std::nullopt;
  // "Mr. Smith, 52 years old,", "55 years of age": an age, a property of a
  // person or thing, not a stretch of time in the story.
  if (Is(end, "old") || (Is(end, "of") && Is(end + 1, "age"))) return std::nullopt;
  // "two years ago", "a year earlier", "three days later", "two weeks from now"
  std::string_view after = L(end);
  const bool sub_day = unit == Unit::kSecond || unit == Unit::kMinute || unit == Unit::kHour;
  if ((after == "ago" || after == "earlier" || after == "before" || after == "later" ||
       after == "after" || (after == "from" && Is(end + 1, "now"))) &&
      !hyphenated && !sub_day) {
    return RelativeCount(i, end, n, unit);
  }
  return CountDuration(i, end, CountPhrase{.n = n, .unit = unit, .numbered = numbered, .plural = plural,
                                           .hyphenated = hyphenated, .half = half});
}

// "two years ago", "a year earlier", "three days later", "two weeks from
// now": N units from the anchor (or from the event just told); end is the
// token after the unit, holding the direction word.
Cand Recognizer::RelativeCount(int i, int end, int n, Unit unit) {
  std::string_view after = L(end);
  const int count = n < 0 ? 1 : n;
  const int dir = (after == "ago" || after == "earlier" || after == "before") ? -1 : 1;
  const int last = after == "from" ? end + 2 : end + 1;
  // "Three days later, the border reopened": later than the event just
  // told, not than the publication date; TimeML marks the duration and
  // leaves "later" out as the signal that links it to that event.
  if (after == "later" || (after == "after" && !IsWord(last))) {
    Cand c = ValueCand(end, DurationValue(unit, n < 0 ? -1 : n), TimexType::kDuration);
    c.allows_approx = true;
    return c;
  }
  // "before"/"after" followed by a noun phrase are prepositions: "two days
  // after the vote" is a duration, not a date.
  if ((after == "before" || after == "after") && IsWord(last) &&
      !(Is(last, ".") || Is(last, ","))) {
    Cand c = ValueCand(end, DurationValue(unit, n < 0 ? -1 : n), TimexType::kDuration);
    c.allows_approx = true;
    return c;
  }
  Cand c;
  c.end = last;
  c.allows_approx = true;
  c.allows_mod = true;
  c.future = dir > 0;
  if (!anchor_) {
    c.value = dir < 0 ? "PAST_REF" : "FUTURE_REF";
    return c;
  }
  const CivilDate& a = *anchor_;
  if (n < 0) {
    c.value = dir < 0 ? "PAST_REF" : "FUTURE_REF";
    return c;
  }
  switch (unit) {
    case Unit::kDay: {
      Cand day = DayCand(last, a.AddDays(dir * count));
      day.allows_approx = true;
      return day;
    }
    case Unit::kWeek:
      c.value = WeekValue(a.AddDays(7 * dir * count));
      break;
    case Unit::kMonth: {
      CivilDate m = AddMonths(a, dir * count);
      c.value = Fmt("%04d-%02d", m.year, m.month);
      break;
    }
    case Unit::kQuarter: {
      CivilDate m = AddMonths(a, 3 * dir * count);
      c.value = Fmt("%04d-Q%d", m.year, QuarterOf(m.month));
      break;
    }
    case Unit::kYear:
      if (count == 1 && dir < 0 && !YearBefore(i).empty()) {
        // "a year earlier" compares with the period just named.
        c.value = YearBefore(i);
      } else if (count == 1 && last_quarter_ > 0 && dir < 0) {
        // ... or, in a report on a quarter, the same quarter a year before.
        c.value = Fmt("%04d-Q%d", last_quarter_year_ - 1, last_quarter_);
      } else {
        c.value = Fmt("%04d", a.year + dir * count);
      }
      break;
    case Unit::kDecade:
      c.value = Fmt("%03d", (a.year + 10 * dir * count) / 10);
      break;
    case Unit::kCentury:
      c.value = Fmt("%02d", (a.year + 100 * dir * count) / 100);
      break;
    default:
      c.type = TimexType::kTime;
      c.value = "PRESENT_REF";
      break;
  }
  return c;
}

// "24-hour", "five years", "a minute and a half", "for years": a duration,
// or a set when "a year" follows a rate ("5% a year").
Cand Recognizer::CountDuration(int i, int end, const CountPhrase& p) {
  const int n = p.n;
  const Unit unit = p.unit;
  const bool numbered = p.numbered;
  const bool plural = p.plural;
  const bool hyphenated = p.hyphenated;
  const bool half = p.half;
  // "24-hour", "five-year-old": the hyphenated adjective keeps "old" out.
  std::string value = DurationValue(unit, n < 0 ? -1 : n);
  if (half && n >= 0) {
    static constexpr const char* kHalf[] = {"", "PT%dS", "PT%dM30S", "PT%dH30M", "P%dDT12H",
                                            "P%dW3DT12H", "P%dM15D", "P%dM45D", "P%dY6M",
                                            "P%dY", "P%dY"};
    const int k_unit = static_cast<int>(unit);
    if (unit == Unit::kDecade) value = Fmt("P%dY", 10 * n + 5);
    else if (unit == Unit::kCentury) value = Fmt("P%dY", 100 * n + 50);
    else if (unit != Unit::kSecond && unit != Unit::kQuarter) value = Fmt(kHalf[k_unit], n);
  }
  Cand c = ValueCand(end, value, TimexType::kDuration);
  c.allows_the = true;
  c.allows_approx = true;
  if (!numbered && n == -2) c.allows_the = Is(i - 1, "the");
  if (Is(end, "long") && !hyphenated) c.end = end + 1;
  if (numbered && n == 1 && (Is(i, "a") || Is(i, "an")) && !plural) {
    // "5% a year", "$2 million a year", "twice a day": a rate, so a set.
    std::string_view prev = L(i - 1);
    if (IsNum(i - 1) || prev == "%" || prev == "percent" || prev == "times" ||
        prev == "twice" || prev == "once" || prev == "million" || prev == "billion" ||
        prev == "thousand" || prev == "hundred" || prev == "dollars" || prev == "cents") {
      c.type = TimexType::kSet;
      c.allows_approx = false;
    }
  }
  return c;
}

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
    hour = NumValue(i);
    k = i + 1;
    if (Is(k, ":") && Glued(k) && IsNum(k + 1) && Glued(k + 1) && L(k + 1).size() == 2) {
      minute = NumValue(k + 1);
      k += 2;
      if (Is(k, ":") && Glued(k) && IsNum(k + 1) && Glued(k + 1)) k += 2;  // seconds
    } else if (Is(k, ".") && Glued(k) && IsNum(k + 1) && Glued(k + 1) && L(k + 1).size() == 2) {
      // "5.30pm" only with am/pm after it.
      bool pm = false;
      if (AmPm(k + 2, &pm) < 0) return std::nullopt;
      minute = NumValue(k + 1);
      k += 2;
    } else {
      bool pm = false;
      if (AmPm(k, &pm) < 0 && !Is(k, "o")) return std::nullopt;
      if (Is(k, "o") && !(Is(k + 1, "'") && Is(k + 2, "clock"))) return std::nullopt;
    }
    bool pm = false;
    int after = AmPm(k, &pm);
    if (after > 0) {
      if (hour < 1 || hour > 12) return std::nullopt;
      if (pm && hour != 12) hour += 12;
      if (!pm && hour == 12) hour = 0;
      k = after;
    } else if (Is(k, "o") && Is(k + 1, "'") && Is(k + 2, "clock")) {
      k += 3;
    } else if (k == i + 1) {
      return std::nullopt;
    }
    if (hour > 23 || minute > 59) return std::nullopt;
    // Time zones.
    std::string_view z = L(k);
    if (z == "est" || z == "edt" || z == "et" || z == "gmt" || z == "utc" || z == "pst" ||
        z == "pdt" || z == "cst" || z == "cdt" || z == "mst" || z == "bst" || z == "cet") {
      ++k;
    } else if (z == "local" && Is(k + 1, "time")) {
      k += 2;
    }
  } else {
    return std::nullopt;
  }
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

std::optional<Cand> Recognizer::Core(int i) {
  std::optional<Cand> best;
  auto offer = [&](std::optional<Cand> c) {
    if (c && c->end > i && (!best || c->end > best->end)) best = std::move(c);
  };
  const Token& t = toks_[i];
  if (t.kind == TokKind::kNumber) {
    offer(NumericDate(i));
    offer(DayMonthExpr(i));
    offer(ClockTime(i));
    offer(QuarterExpr(i));
    offer(YearExpr(i));
    offer(CountExpr(i));
    return best;
  }
  if (t.kind == TokKind::kOther) {
    if (Is(i, "'") || Is(i, "\xE2\x80\x99")) offer(YearExpr(i));
    return best;
  }
  if (Capitalized(i)) offer(HolidayExpr(i));
  if (PartOfDay(L(i)) && (Is(i - 1, "mid") || (Hyphen(i - 1) && Is(i - 2, "mid")))) {
    offer(MidPartOfDay(i));
  }
  if (!CanStartCore(L(i)) && !(Capitalized(i) && (base::ParseMonthName(L(i)) > 0 ||
                                                  base::ParseWeekdayName(L(i)) >= 0))) {
    return best;
  }
  offer(Deictic(i));
  offer(AnaphoricExpr(i));
  offer(TheYearExpr(i));
  offer(WeekdayExpr(i));
  offer(MonthExpr(i));
  offer(QuarterExpr(i));
  offer(RelativePeriod(i));
  offer(CountExpr(i));
  offer(ClockTime(i));
  offer(SetExpr(i));
  offer(YearExpr(i));
  // A bare season ("in the summer") takes the anchor's year.
  std::string_view prev = L(i - 1);
  if (Season(L(i)) && (prev == "the" || prev == "in" || prev == "early" || prev == "late" ||
                       prev == "during" || prev == "mid")) {
    offer(SeasonExpr(i, anchor_ ? anchor_->year : -1, i + 1));
  }
  return best;
}

std::vector<TimeExpression> Recognizer::Run() {
  std::vector<TimeExpression> out;
  const int n = size();
  int i = 0;
  while (i < n) {
    if (toks_[i].kind == TokKind::kOther && !Is(i, "'") && !Is(i, "\xE2\x80\x99")) {
      ++i;
      continue;
    }
    // Modifiers in front of a core, remembered so the extent can start at them.
    int k = i;
    bool saw_the = false;
    bool saw_mod = false;
    bool saw_approx = false;
    std::optional<Cand> core;
    for (int guard = 0; guard < 5 && k < n; ++guard) {
      core = Core(k);
      if (core) break;
      std::string_view w = L(k);
      if (w == "the" && (!saw_the || (saw_mod && Is(k - 1, "of")))) {
        saw_the = true;
        ++k;
      } else if (w == "early" || w == "late" || w == "earlier" || w == "later" ||
                 w == "mid" || w == "middle") {
        saw_mod = true;
        k = Hyphen(k + 1) ? k + 2 : k + 1;
      } else if ((w == "end" || w == "beginning" || w == "start" || w == "middle") &&
                 Is(k + 1, "of")) {
        saw_mod = true;
        k += 2;
      } else if (w == "about" || w == "nearly" || w == "almost" || w == "roughly" ||
                 w == "approximately" || w == "around" || w == "some") {
        saw_approx = true;
        ++k;
      } else if ((w == "at" && Is(k + 1, "least")) || (w == "more" && Is(k + 1, "than")) ||
                 (w == "less" && Is(k + 1, "than"))) {
        saw_approx = true;
        k += 2;
      } else {
        break;
      }
    }
    if (!core) {
      ++i;
      continue;
    }
    // Keep the modifiers only when the core accepts them.
    int start = i;
    bool ok = true;
    if (saw_the && !core->allows_the) ok = false;
    if (saw_mod && !core->allows_mod) ok = false;
    if (saw_approx && !core->allows_approx && core->type != TimexType::kDuration) ok = false;
    if (!ok) start = k;
    // "the" right in front of a core that allows it.
    if (start == k && core->allows_the && Is(k - 1, "the") && k - 1 >= i) start = k - 1;
    if (core->allows_the && start == k && Is(k - 1, "the") && !out.empty() &&
        out.back().span.end <= toks_[k - 1].begin) {
      start = k - 1;
    }
    TimeExpression e;
    e.span.begin = toks_[start].begin;
    e.span.end = toks_[core->end - 1].end;
    e.type = core->type;
    e.value = std::move(core->value);
    e.date = core->date;
    e.future = core->future || e.value == "FUTURE_REF";
    // Remember the last day named, for "that day" and "the next day".
    if (e.date) {
      last_day_ = e.date;
      last_day_->hour = -1;
      last_day_->minute = -1;
    }
    if (e.value.size() >= 4 && base::IsAsciiDigit(e.value[0]) && base::IsAsciiDigit(e.value[3]) &&
        e.type == TimexType::kDate) {
      last_year_ = std::atoi(e.value.substr(0, 4).c_str());
      if (e.value.size() >= 7 && e.value[4] == '-' && base::IsAsciiDigit(e.value[5]) &&
          base::IsAsciiDigit(e.value[6])) {
        last_month_ = last_year_ * 12 + std::atoi(e.value.substr(5, 2).c_str()) - 1;
      }
    }
    {
      const std::string& v = e.value;
      const bool period = e.type == TimexType::kDate && v.size() >= 4 && v.size() <= 10 &&
                          base::IsAsciiDigit(v[0]) && base::IsAsciiDigit(v[3]) &&
                          (v.size() == 4 || v[4] == '-') && v.find('W') == std::string::npos &&
                          v.find('X') == std::string::npos;
      const std::string_view said = e.span.In(text_);
      if (period && said.find("ago") == std::string_view::npos &&
          said.find("earlier") == std::string_view::npos) {
        last_period_ = v;
        last_period_end_ = core->end;
      }
    }
    out.push_back(std::move(e));
    i = core->end;
  }
  return out;
}

}  // namespace

std::vector<TimeExpression> FindTimeExpressions(std::string_view text,
                                                const std::optional<base::CivilDate>& anchor) {
  if (text.size() > UINT32_MAX) return {};
  Recognizer recognizer(text, anchor);
  return recognizer.Run();
}

}  // namespace newsfuse::extract
