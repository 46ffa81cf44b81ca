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
//
// The recognizer is split by job; timex_recognizer.h lists the files.
#include "extract/time_expressions.h"

#include <cstdint>

#include "base/strings.h"
#include "extract/timex_recognizer.h"

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

namespace timex {

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

// The core pattern at or after i with the modifiers read in front of it
// ("the", "early", "the end of", "about", "at least"): at most five.
ModifiedCore Recognizer::CoreWithModifiers(int i) {
  ModifiedCore m;
  int& k = m.core_begin;
  k = i;
  for (int guard = 0; guard < 5 && k < size(); ++guard) {
    m.core = Core(k);
    if (m.core) break;
    std::string_view w = L(k);
    if (w == "the" && (!m.saw_the || (m.saw_mod && Is(k - 1, "of")))) {
      m.saw_the = true;
      ++k;
    } else if (w == "early" || w == "late" || w == "earlier" || w == "later" ||
               w == "mid" || w == "middle") {
      m.saw_mod = true;
      k = Hyphen(k + 1) ? k + 2 : k + 1;
    } else if ((w == "end" || w == "beginning" || w == "start" || w == "middle") &&
               Is(k + 1, "of")) {
      m.saw_mod = true;
      k += 2;
    } else if (w == "about" || w == "nearly" || w == "almost" || w == "roughly" ||
               w == "approximately" || w == "around" || w == "some") {
      m.saw_approx = true;
      ++k;
    } else if ((w == "at" && Is(k + 1, "least")) || (w == "more" && Is(k + 1, "than")) ||
               (w == "less" && Is(k + 1, "than"))) {
      m.saw_approx = true;
      k += 2;
    } else {
      break;
    }
  }
  return m;
}

// The first token of the extent: the modifiers' start when the core accepts
// them, else the core's (with a "the" right in front when it allows one).
int Recognizer::ExtentStart(int i, const ModifiedCore& m, const std::vector<TimeExpression>& out) const {
  const Cand& core = *m.core;
  const int k = m.core_begin;
  int start = i;
  bool ok = true;
  if (m.saw_the && !core.allows_the) ok = false;
  if (m.saw_mod && !core.allows_mod) ok = false;
  if (m.saw_approx && !core.allows_approx && core.type != TimexType::kDuration) ok = false;
  if (!ok) start = k;
  // "the" right in front of a core that allows it.
  if (start == k && core.allows_the && Is(k - 1, "the") && k - 1 >= i) start = k - 1;
  if (core.allows_the && start == k && Is(k - 1, "the") && !out.empty() &&
      out.back().span.end <= toks_[k - 1].begin) {
    start = k - 1;
  }
  return start;
}

// Document state from an expression just found: the last day, year, month
// and period named, for "that day", "that year", "the following month" and
// "a year earlier" further on.
void Recognizer::RememberNamed(const TimeExpression& e, int core_end) {
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
  const std::string& v = e.value;
  const bool period = e.type == TimexType::kDate && v.size() >= 4 && v.size() <= 10 &&
                      base::IsAsciiDigit(v[0]) && base::IsAsciiDigit(v[3]) &&
                      (v.size() == 4 || v[4] == '-') && v.find('W') == std::string::npos &&
                      v.find('X') == std::string::npos;
  const std::string_view said = e.span.In(text_);
  if (period && said.find("ago") == std::string_view::npos &&
      said.find("earlier") == std::string_view::npos) {
    last_period_ = v;
    last_period_end_ = core_end;
  }
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
    ModifiedCore m = CoreWithModifiers(i);
    if (!m.core) {
      ++i;
      continue;
    }
    const int start = ExtentStart(i, m, out);
    Cand& core = *m.core;
    TimeExpression e;
    e.span.begin = toks_[start].begin;
    e.span.end = toks_[core.end - 1].end;
    e.type = core.type;
    e.value = std::move(core.value);
    e.date = core.date;
    e.future = core.future || e.value == "FUTURE_REF";
    RememberNamed(e, core.end);
    out.push_back(std::move(e));
    i = core.end;
  }
  return out;
}

}  // namespace timex

std::vector<TimeExpression> FindTimeExpressions(std::string_view text,
                                                const std::optional<base::CivilDate>& anchor) {
  if (text.size() > UINT32_MAX) return {};
  timex::Recognizer recognizer(text, anchor);
  return recognizer.Run();
}

}  // namespace newsfuse::extract
