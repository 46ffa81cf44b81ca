// Patterns relative to the anchor or to the last date named: deictic words,
// anaphora, quarters, "last week", "two weeks ago", durations.
#include "extract/timex_recognizer.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdlib>

#include "base/strings.h"

namespace newsfuse::extract::timex {

// "now", "currently", "current conditions", "the present", "recently", "in
// recent years", "these days": references to the present or the recent past.
std::optional<Cand> Recognizer::PresentRef(int i) {
  std::string_view w = L(i);
  if (w == "now" || w == "currently" || w == "nowadays") {
    if (w == "now" && (Is(i - 1, "right") || Is(i - 1, "just"))) return std::nullopt;
    return RefCand(i + 1, "PRESENT_REF");
  }
  if (w == "current") return CurrentAdjective(i);
  if (w == "present" && Is(i - 1, "the") && !IsWord(i + 1)) return RefCand(i + 1, "PRESENT_REF");
  if (w == "recently" || w == "lately") {
    return RefCand(i + 1, "PAST_REF");
  }
  if (w == "recent" && !Is(i + 1, "years") && !Is(i + 1, "months") && !Is(i + 1, "weeks") &&
      !Is(i + 1, "days") && !Is(i + 1, "decades")) {
    return RefCand(i + 1, "PAST_REF");
  }
  if (w == "recent") {
    // "in recent years": a stretch of unspecified length reaching the
    // present, a duration (TimeML: PXY), like "the past few years".
    bool plural = false;
    Cand c = ValueCand(i + 2, DurationValue(ParseUnit(L(i + 1), &plural), -1),
                       TimexType::kDuration);
    return c;
  }
  if (w == "these" && Is(i + 1, "days")) return RefCand(i + 2, "PRESENT_REF");
  return std::nullopt;
}

// "current market conditions", "its current share": the adjective places
// the noun's state at the present (TimeML: PRESENT_REF). Not the noun
// ("the current"), "current account" (a balance), or "then-current"; "the
// current quarter" is a period (RelativePeriod).
std::optional<Cand> Recognizer::CurrentAdjective(int i) {
  if (Is(i + 1, "year") || Is(i + 1, "quarter") || Is(i + 1, "month") || Is(i + 1, "week")) {
    return std::nullopt;
  }
  auto function_word = [&](int k) {  // after a noun "current": "the current was strong"
    std::string_view f = L(k);
    return f == "is" || f == "was" || f == "are" || f == "were" || f == "has" || f == "had" ||
           f == "will" || f == "would" || f == "can" || f == "could" || f == "may" ||
           f == "of" || f == "in" || f == "and" || f == "or" || f == "to" || f == "that";
  };
  if (IsWord(i + 1) && !function_word(i + 1) && !Capitalized(i) && !Is(i + 1, "account") &&
      !Is(i + 1, "accounts") && !Is(i - 1, "then") && !(Hyphen(i - 1) && Is(i - 2, "then"))) {
    return RefCand(i + 1, "PRESENT_REF");
  }
  return std::nullopt;
}

// "soon", "the weekend", "the near future", "the future", "the past": vague
// stretches before or after the anchor.
std::optional<Cand> Recognizer::VagueRef(int i) {
  std::string_view w = L(i);
  if (w == "soon") return Soon(i);
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
  const bool near_future = (w == "near" && (Is(i + 1, "future") || Is(i + 1, "term"))) ||
                           (w == "short" && Is(i + 1, "term"));
  std::optional<Cand> c;
  int count_after = 0;
  bool plural = false;
  if (near_future && Is(i - 1, "the")) {
    c = RefCand(i + 2, "FUTURE_REF");
  } else if (w == "future" && Is(i - 1, "the")) {
    c = RefCand(i + 1, "FUTURE_REF");
  } else if (w == "past" && Is(i - 1, "the") && Number(i + 1, &count_after) < 0 &&
             ParseUnit(L(i + 1), &plural) == Unit::kNone && !Is(i + 1, "decade")) {
    c = RefCand(i + 1, "PAST_REF");
  }
  if (c) c->allows_the = true;
  return c;
}

// "soon", unless it only moves the event named next.
std::optional<Cand> Recognizer::Soon(int i) {
  if (Is(i - 1, "as")) return std::nullopt;  // "as soon as next week": the week is the timex
  // "soon after the vote": the adverb only moves the event named next.
  if (Is(i + 1, "after") || Is(i + 1, "before") || Is(i + 1, "thereafter")) return std::nullopt;
  // "was soon released", "soon became": soon after a past event in a
  // narrative, not a future seen from the publication date.
  if (TenseAround(i, i + 1) == Tense::kPast) return std::nullopt;
  return RefCand(i + 1, "FUTURE_REF");
}

// "today", "yesterday", "tomorrow", "tonight", "this morning", "last night",
// "yesterday afternoon": days and parts of days next to the anchor.
std::optional<Cand> Recognizer::DeicticDay(int i) {
  std::string_view w = L(i);
  if (!anchor_) {
    if (w == "today") return RefCand(i + 1, "PRESENT_REF");
    if (w == "yesterday" || w == "tomorrow" || w == "tonight") return RefCand(i + 1, "XXXX-XX-XX");
    return std::nullopt;
  }
  std::optional<CivilDate> day;
  if (w == "today") day = *anchor_;
  if (w == "yesterday") day = anchor_->AddDays(-1);
  if (w == "tomorrow") day = anchor_->AddDays(1);
  if (w == "tonight") return PartOfDayCand(i + 1, *anchor_, "NI");
  if ((w == "this" || w == "last") && PartOfDay(L(i + 1))) {
    const char* part = PartOfDay(L(i + 1));
    CivilDate d = *anchor_;
    if (w == "last") {
      if (std::string_view(part) != "NI") return std::nullopt;  // "last morning"
      d = d.AddDays(-1);
    }
    return PartOfDayCand(i + 2, d, part);
  }
  if (day) {
    if (const char* part = PartOfDay(L(i + 1))) return PartOfDayCand(i + 2, *day, part);
    return DayCand(i + 1, *day);
  }
  return std::nullopt;
}

// Deictic words and phrases, resolved against the anchor. The three groups
// take disjoint words, so the first that reads one decides.
std::optional<Cand> Recognizer::Deictic(int i) {
  if (auto c = PresentRef(i)) return c;
  if (auto c = VagueRef(i)) return c;
  return DeicticDay(i);
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

// The reporting quarter of the story: the last one named, or the one before
// the anchor's. False when neither is known.
bool Recognizer::ReportedQuarter(int* year, int* quarter) const {
  if (last_quarter_ > 0) {
    *year = last_quarter_year_;
    *quarter = last_quarter_;
    return true;
  }
  if (!anchor_) return false;
  CivilDate m = AddMonths(*anchor_, -3);
  *year = m.year;
  *quarter = QuarterOf(m.month);
  return true;
}

// "year-earlier", "year-ago" [quarter|period|third quarter]: the period just
// named, or the reporting quarter, a year before.
std::optional<Cand> Recognizer::YearAgoQuarter(int i) {
  int end = i + 3;
  int y = 0;
  int q = 0;
  const bool has_reported = ReportedQuarter(&y, &q);
  if (int ord = Ordinal(L(end)); ord >= 1 && ord <= 4 && IsPeriodWord(end + 1)) {
    q = ord;
    end += 2;
  } else if (IsPeriodWord(end)) {
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

// The reporting quarter, in `year` when one is given: "this year's quarter"
// (end after "quarter"), "the quarter", "the 1988 period". Nothing when the
// reporting quarter is unknown.
std::optional<Cand> Recognizer::ReportedQuarterCand(int end, std::optional<int> year) const {
  int ry = 0;
  int q = 0;
  if (!ReportedQuarter(&ry, &q)) return std::nullopt;
  return ValueCand(end, Fmt("%04d-Q%d", year ? *year : ry, q));
}

// The ordinal quarter or half at k ("third quarter", "3rd-quarter", "first
// half"): sets *q, *half and returns the token after it, or -1.
int Recognizer::OrdinalQuarter(int k, int* q, bool* half) const {
  *q = Ordinal(L(k));
  if (*q < 0 && IsNum(k) && Glued(k + 1) &&
      (Is(k + 1, "st") || Is(k + 1, "nd") || Is(k + 1, "rd") || Is(k + 1, "th"))) {
    *q = NumValue(k);
    ++k;
  }
  *half = false;
  if (*q < 1 || *q > 4) return -1;
  const int u = Hyphen(k + 1) ? k + 2 : k + 1;
  if (Is(u, "quarter")) return u + 1;
  if (Is(u, "half") && *q <= 2) {
    *half = true;
    return u + 1;
  }
  return -1;
}

// The year after a quarter ("of 1989", "of fiscal 1989", "of last year"):
// sets *year and returns the token after it, or returns k with *year as is.
int Recognizer::QuarterYearAfter(int k, int* year) const {
  int y = Is(k, "of") ? k + 1 : k;
  if (Is(y, "fiscal")) ++y;
  if (Year4(y) > 0) {
    *year = Year4(y);
    return y + 1;
  }
  if (Is(k, "of") && (Is(k + 1, "this") || Is(k + 1, "last") || Is(k + 1, "next")) &&
      Is(k + 2, "year") && anchor_) {
    *year = anchor_->year + (Is(k + 1, "last") ? -1 : Is(k + 1, "next") ? 1 : 0);
    return k + 3;
  }
  return k;
}

// "the third quarter [of 1989]", "third-quarter", "1989 third quarter",
// "the fourth quarter of fiscal 1989", "first half", "the quarter",
// "this year's third quarter", "the year-earlier quarter", "the 1988 period".
std::optional<Cand> Recognizer::QuarterExpr(int i) {
  if (Is(i, "year") && Hyphen(i + 1) && (Is(i + 2, "earlier") || Is(i + 2, "ago"))) {
    return YearAgoQuarter(i);
  }
  int k = i;
  int year = -1;
  // "this year's", "last year's", "next year's" + quarter
  if ((Is(k, "this") || Is(k, "last") || Is(k, "next")) && Is(k + 1, "year") &&
      (Is(k + 2, "'") || Is(k + 2, "\xE2\x80\x99")) && Is(k + 3, "s") && anchor_) {
    const int y = anchor_->year + (Is(k, "last") ? -1 : Is(k, "next") ? 1 : 0);
    if (IsPeriodWord(k + 4)) return ReportedQuarterCand(k + 5, y);
    if (Ordinal(L(k + 4)) > 0) {
      year = y;
      k += 4;
    }
  }
  // "the quarter", "the latest period", "the 1988 quarter"
  if (Is(i - 1, "the") || Is(i, "latest")) {
    int t = Is(i, "latest") ? i + 1 : i;
    const int y = Year4(t);
    if (y > 0) ++t;
    if (Is(t, "quarter") || (Is(t, "period") && t > i)) {
      std::optional<Cand> c = ReportedQuarterCand(t + 1, y > 0 ? std::optional<int>(y) : std::nullopt);
      if (c) c->allows_the = true;
      return c;
    }
  }
  if (Year4(k) > 0 && (Ordinal(L(k + 1)) > 0 || Is(k + 1, "fiscal"))) {
    year = Year4(k);
    ++k;
  }
  if (Is(k, "fiscal")) ++k;
  int q = 0;
  bool half = false;
  k = OrdinalQuarter(k, &q, &half);
  if (k < 0) return std::nullopt;
  if (year < 0) k = QuarterYearAfter(k, &year);
  return QuarterCand(i, k, year, q, half);
}

// The value of quarter (or half) q of `year`, which when unknown is the
// anchor's year or the one before: quarters in news are mostly reported ones.
// Remembers a quarter that has ended as the story's reporting period.
Cand Recognizer::QuarterCand(int i, int k, int year, int q, bool half) {
  if (year < 0 && anchor_) {
    const int now = half ? (anchor_->month <= 6 ? 1 : 2) : QuarterOf(anchor_->month);
    // The current year's when the quarter has begun, the year before
    // otherwise unless the sentence looks ahead.
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

// A relative expression's candidate ending at `end`, pointing `dir` (-1
// back, 0 the anchor's own, 1 ahead): the value is left to the caller when
// there is an anchor, else it is PAST_REF / PRESENT_REF / FUTURE_REF.
Cand Recognizer::DirectedCand(int end, int dir) const {
  Cand c;
  c.end = end;
  c.allows_mod = true;
  c.future = dir > 0;
  if (!anchor_) c.value = dir < 0 ? "PAST_REF" : dir > 0 ? "FUTURE_REF" : "PRESENT_REF";
  return c;
}

// The period of `unit` that lies `shift` units from the anchor's ("2024-W14",
// "2024-03", "2024-Q1", "2024", "202", "20"); empty for days and smaller
// units, which each caller reads its own way.
std::string Recognizer::ShiftedPeriodValue(Unit unit, int shift) const {
  const CivilDate& a = *anchor_;
  switch (unit) {
    case Unit::kWeek:
      return WeekValue(a.AddDays(7 * shift));
    case Unit::kMonth: {
      CivilDate m = AddMonths(a, shift);
      return Fmt("%04d-%02d", m.year, m.month);
    }
    case Unit::kQuarter: {
      CivilDate m = AddMonths(a, 3 * shift);
      return Fmt("%04d-Q%d", m.year, QuarterOf(m.month));
    }
    case Unit::kYear:
      return Fmt("%04d", a.year + shift);
    case Unit::kDecade:
      return Fmt("%03d", (a.year + 10 * shift) / 10);
    case Unit::kCentury:
      return Fmt("%02d", (a.year + 100 * shift) / 100);
    default:
      return {};
  }
}

// this|last|next|past|previous|coming|current + week|month|year|quarter|weekend|season|month name
std::optional<Cand> Recognizer::RelativePeriod(int i) {
  const std::optional<int> dir = PeriodDirection(L(i));
  if (!dir) return std::nullopt;
  // ABC's "This Week": a capitalized unit right after a quotation mark is a title.
  if (Capitalized(i) && Capitalized(i + 1) &&
      (Is(i - 1, "\"") || Is(i - 1, "\xE2\x80\x9C") || Is(i - 1, "`"))) {
    return std::nullopt;
  }
  const int end = i + 2;
  if (const char* season = Season(L(i + 1))) {
    if (!anchor_) return ValueCand(end, std::string("XXXX-") + season);
    Cand c = ValueCand(end, Fmt("%04d-", anchor_->year + *dir) + season);
    c.allows_the = true;
    return c;
  }
  std::string_view w = L(i);
  const bool stretch = Is(i - 1, "the") && (w == "past" || w == "last" || w == "coming" || w == "next");
  if (int month = Month(i + 1, false); month > 0 && !stretch && !IsNum(SkipPeriod(i + 2))) {
    if (!anchor_) return ValueCand(SkipPeriod(end), Fmt("XXXX-%02d", month));
    int y = anchor_->year;
    if (*dir < 0) y = month < anchor_->month ? y : y - 1;
    if (*dir > 0) y = month > anchor_->month ? y : y + 1;
    return ValueCand(SkipPeriod(end), Fmt("%04d-%02d", y, month));
  }
  return RelativeUnit(i, *dir);
}

// "last week", "this month", "the next quarter", "the latest quarter", "this
// weekend", "next year": the unit after the direction word at i.
std::optional<Cand> Recognizer::RelativeUnit(int i, int dir) {
  std::string_view w = L(i);
  std::string_view u = L(i + 1);
  bool plural = false;
  Unit unit = ParseUnit(u, &plural);
  const bool weekend = u == "weekend";
  if (plural || (unit == Unit::kNone && !weekend)) return std::nullopt;
  if (unit == Unit::kSecond || unit == Unit::kMinute || unit == Unit::kHour) return std::nullopt;
  if (w == "same" || (w == "latest" && unit != Unit::kQuarter)) return std::nullopt;
  if (unit == Unit::kDay && (w == "this" || w == "current" || w == "past")) return std::nullopt;
  const int end = i + 2;
  Cand c = DirectedCand(end, dir);
  c.allows_the = true;
  if (!anchor_) return c;
  const CivilDate& a = *anchor_;
  if (unit == Unit::kDay) {
    c.value = DayValue(a.AddDays(dir));
    c.date = a.AddDays(dir);
  } else if (unit == Unit::kQuarter && w == "latest") {
    int y = 0;
    int q = 0;
    ReportedQuarter(&y, &q);
    c.value = Fmt("%04d-Q%d", y, q);
  } else if (weekend) {
    // The weekend of the anchor's week, or of the previous / next one.
    CivilDate base = a.AddDays(7 * dir);
    if (dir == 0 && a.Weekday() < 5 && TenseAround(i, end) == Tense::kPast) base = a.AddDays(-7);
    c.value = WeekValue(base) + "-WE";
  } else {
    c.value = ShiftedPeriodValue(unit, dir);
  }
  return c;
}

// "the past two years", "the first nine months": a stretch of that length,
// read from the count after the lead word at i; nothing when it is no duration.
std::optional<Cand> Recognizer::StretchCount(int i) {
  std::optional<Cand> rest = CountExpr(i + 1);
  if (rest && rest->type == TimexType::kDuration) {
    rest->allows_the = true;
    return rest;
  }
  return std::nullopt;
}

// The token of the unit after the count at i whose number ends before k:
// past "-" ("24-hour"), a filler ("20 more years", "eight trading days") and
// "1/2" ("2 1/2 years"), noting the hyphen and the half in *p.
int Recognizer::CountUnitToken(int i, int k, CountPhrase* p) const {
  int u_tok = k;
  if (p->numbered && Hyphen(k)) {
    u_tok = k + 1;
    p->hyphenated = true;
  } else if (p->numbered) {
    std::string_view filler = L(k);
    if (filler == "more" || filler == "additional" || filler == "extra" || filler == "full" ||
        filler == "straight" || filler == "consecutive" || filler == "trading" ||
        filler == "business" || filler == "further") {
      u_tok = k + 1;
    }
  }
  if (p->numbered && IsNum(i) && Is(u_tok, "1") && Is(u_tok + 1, "/") && Is(u_tok + 2, "2") &&
      Glued(u_tok + 1) && Glued(u_tok + 2)) {
    p->half = true;  // "2 1/2 years"
    u_tok += 3;
  }
  return u_tok;
}

// Bare plural units: "for years", "days", "decades" after a word that makes
// them a stretch. Singular bare units are left to the period rules ("the
// year", "the week").
bool Recognizer::IsBarePluralCount(int i, const CountPhrase& p) const {
  if (!p.plural) return false;
  std::string_view prev = L(i - 1);
  if (!(prev == "for" || prev == "the" || prev == "in" || prev == "within" || prev == "over" ||
        prev == "recent" || prev == "past" || prev == "coming" || prev == "next" ||
        prev == "few" || prev == "many" || prev == "several" || prev == "of" ||
        prev == "or" || prev == "and" || prev == "after")) {
    return false;
  }
  return !(p.unit == Unit::kSecond || p.unit == Unit::kQuarter);
}

// "N units" at i, up to the token *end after it ("and a half" included), or
// nothing when the words are not a count of time units: "a days", "1,000",
// "three-quarters of", "second quarter", "a second time", ages.
std::optional<CountPhrase> Recognizer::ReadCountPhrase(int i, int* end) const {
  CountPhrase p;
  int k = Number(i, &p.n);
  p.numbered = k > 0;
  if (!p.numbered) {
    k = i;
    p.n = 1;
  }
  const int u_tok = CountUnitToken(i, k, &p);
  p.unit = ParseUnit(L(u_tok), &p.plural);
  if (p.unit == Unit::kNone) return std::nullopt;
  if (!p.numbered) {
    if (!IsBarePluralCount(i, p)) return std::nullopt;
    p.n = -2;
  }
  const Unit unit = p.unit;
  const int n = p.n;
  if (p.numbered && n == 1 && p.plural && L(i) != "1") return std::nullopt;  // "a days"
  if (unit == Unit::kSecond && !p.numbered) return std::nullopt;
  if (p.numbered && IsNum(i) && n > 1000) return std::nullopt;
  // "three-quarters of", "two-thirds": fractions, not durations.
  if (unit == Unit::kQuarter && (p.hyphenated || Is(u_tok + 1, "of"))) return std::nullopt;
  // "second quarter", "second half": an ordinal, not a count of seconds.
  if (Is(i, "second") || (p.numbered && n == 1 && Is(i, "a") && unit == Unit::kQuarter)) {
    return std::nullopt;
  }
  int e = u_tok + 1;
  // "a year-earlier profit": the adjective is a date of its own (QuarterExpr).
  if (Hyphen(e) && (Is(e + 1, "earlier") || Is(e + 1, "ago"))) return std::nullopt;
  // "a second time", "a second round": an ordinal.
  if (unit == Unit::kSecond && !IsNum(i) && n == 1) return std::nullopt;
  // "2 1/2 years", "a minute and a half": add half a unit in the next smaller one.
  if (p.numbered && Is(e, "and") && Is(e + 1, "a") && Is(e + 2, "half")) {
    p.half = true;
    e += 3;
  }
  // "a 6-year-old boy", "the 44-year-old": ages are not time expressions here.
  if (Hyphen(e) && Is(e + 1, "old")) return std::nullopt;
  // "Mr. Smith, 52 years old,", "55 years of age": an age, a property of a
  // person or thing, not a stretch of time in the story.
  if (Is(e, "old") || (Is(e, "of") && Is(e + 1, "age"))) return std::nullopt;
  *end = e;
  return p;
}

// N units [ago|earlier|later|from now|long|old]; N-unit; the past N units.
std::optional<Cand> Recognizer::CountExpr(int i) {
  int n = 0;
  std::string_view lead = L(i);
  if ((lead == "past" || lead == "last" || lead == "next" || lead == "coming" ||
       lead == "first" || lead == "previous" || lead == "following" || lead == "final") &&
      Number(i + 1, &n) > 0) {
    return StretchCount(i);
  }
  int end = 0;
  const std::optional<CountPhrase> p = ReadCountPhrase(i, &end);
  if (!p) return std::nullopt;
  // "two years ago", "a year earlier", "three days later", "two weeks from now"
  std::string_view after = L(end);
  const bool sub_day = p->unit == Unit::kSecond || p->unit == Unit::kMinute || p->unit == Unit::kHour;
  if ((after == "ago" || after == "earlier" || after == "before" || after == "later" ||
       after == "after" || (after == "from" && Is(end + 1, "now"))) &&
      !p->hyphenated && !sub_day) {
    return RelativeCount(i, end, p->n, p->unit);
  }
  return CountDuration(i, end, *p);
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
  const bool later = after == "later" || (after == "after" && !IsWord(last));
  // "before"/"after" followed by a noun phrase are prepositions: "two days
  // after the vote" is a duration, not a date.
  const bool preposition = (after == "before" || after == "after") && IsWord(last) &&
                           !(Is(last, ".") || Is(last, ","));
  if (later || preposition) {
    Cand c = ValueCand(end, DurationValue(unit, n < 0 ? -1 : n), TimexType::kDuration);
    c.allows_approx = true;
    return c;
  }
  Cand c = DirectedCand(last, dir);
  c.allows_approx = true;
  if (!anchor_) return c;
  const CivilDate& a = *anchor_;
  if (n < 0) {
    c.value = dir < 0 ? "PAST_REF" : "FUTURE_REF";
  } else if (unit == Unit::kDay) {
    Cand day = DayCand(last, a.AddDays(dir * count));
    day.allows_approx = true;
    return day;
  } else if (unit == Unit::kYear && count == 1 && dir < 0 && !YearBefore(i).empty()) {
    // "a year earlier" compares with the period just named.
    c.value = YearBefore(i);
  } else if (unit == Unit::kYear && count == 1 && last_quarter_ > 0 && dir < 0) {
    // ... or, in a report on a quarter, the same quarter a year before.
    c.value = Fmt("%04d-Q%d", last_quarter_year_ - 1, last_quarter_);
  } else if (std::string v = ShiftedPeriodValue(unit, dir * count); !v.empty()) {
    c.value = std::move(v);
  } else {
    c.type = TimexType::kTime;
    c.value = "PRESENT_REF";
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

}  // namespace newsfuse::extract::timex
