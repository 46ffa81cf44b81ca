// Word lists behind timex_lexicon.h.
#include "extract/timex_lexicon.h"

#include <algorithm>
#include <array>

namespace newsfuse::extract::timex {

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

const char* PartOfDay(std::string_view w) {
  if (w == "morning") return "MO";
  if (w == "afternoon") return "AF";
  if (w == "evening") return "EV";
  if (w == "night" || w == "overnight") return "NI";
  return nullptr;
}

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
std::optional<int> PeriodDirection(std::string_view w) {
  if (w == "last" || w == "past" || w == "previous") return -1;
  if (w == "next" || w == "coming" || w == "following") return 1;
  if (w == "this" || w == "current" || w == "latest" || w == "same") return 0;
  return std::nullopt;
}

}  // namespace newsfuse::extract::timex
