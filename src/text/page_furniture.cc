#include "text/page_furniture.h"

#include <algorithm>
#include <vector>

#include "base/strings.h"
#include "text/chars.h"

namespace newsfuse::text {

namespace {

// A word without the punctuation around it ("(see" -> "see", "2013." -> "2013").
std::string_view Bare(std::string_view w) {
  size_t b = 0, e = w.size();
  while (b < e && !IsAsciiAlnum(w[b])) ++b;
  while (e > b && !IsAsciiAlnum(w[e - 1])) --e;
  return w.substr(b, e - b);
}

bool AllDigits(std::string_view w) {
  if (w.empty()) return false;
  for (char c : w) {
    if (!IsAsciiDigit(c)) return false;
  }
  return true;
}

// "11:41", "11:41am", "1:19PM".
bool IsClockTime(std::string_view w) {
  const size_t colon = w.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon > 2) return false;
  if (!AllDigits(w.substr(0, colon))) return false;
  std::string_view rest = w.substr(colon + 1);
  if (rest.size() < 2 || !AllDigits(rest.substr(0, 2))) return false;
  rest.remove_prefix(2);
  return rest.empty() || base::EqualsIgnoreCase(rest, "am") || base::EqualsIgnoreCase(rest, "pm");
}

bool IsYear(std::string_view w) { return w.size() == 4 && AllDigits(w) && (w[0] == '1' || w[0] == '2'); }

// "AM", "p.m", "EDT": what may follow a clock time.
bool IsClockSuffix(std::string_view w) {
  for (std::string_view s : {"am", "pm", "a.m", "p.m", "et", "edt", "est", "ct", "cdt", "cst", "pt", "pdt", "pst",
                             "gmt", "utc", "bst"}) {
    if (base::EqualsIgnoreCase(w, s)) return true;
  }
  return false;
}

// The sentence's last words are a date or a clock time: "… 2013.",
// "… 11:41am", "… at 12:16 PM", "… 8:52 PM EDT".
bool EndsOnDateOrTime(const std::vector<std::string_view>& words) {
  size_t i = words.size();
  while (i > 0 && i + 2 >= words.size() && IsClockSuffix(Bare(words[i - 1]))) --i;
  if (i == 0) return false;
  const std::string_view last = Bare(words[i - 1]);
  return IsClockTime(last) || (i == words.size() && IsYear(last));
}

bool HasQuotation(std::string_view s) {
  return s.find('"') != std::string_view::npos || s.find("\xE2\x80\x9C") != std::string_view::npos ||
         s.find("\xE2\x80\x9D") != std::string_view::npos || s.find("``") != std::string_view::npos ||
         s.find("''") != std::string_view::npos;
}

// A verb of publishing, that a page stamps its date with.
bool IsPublishingVerb(std::string_view w) {
  if (w.size() < 6 || (AsciiLower(w[0]) != 'u' && AsciiLower(w[0]) != 'p' && AsciiLower(w[0]) != 'm')) return false;
  for (std::string_view v : {"updated", "posted", "published", "modified"}) {
    if (base::EqualsIgnoreCase(w, v)) return true;
  }
  return false;
}

// A page stamp: a publishing verb followed by nothing but names, figures and
// the words that join a date ("posted in Pedestrian Accidents on Wednesday,
// September 18, 2013", "Updated on September 14, 2013 11:41am"), the
// sentence ending on the date or time. "Cybersmart posted on its website
// that …" is a report.
bool IsPageStamp(std::string_view s, const std::vector<std::string_view>& words) {
  size_t verb = words.size();
  for (size_t i = words.size(); i-- > 0;) {
    if (IsPublishingVerb(Bare(words[i]))) {
      verb = i;
      break;
    }
  }
  if (verb == words.size() || HasQuotation(s) || !EndsOnDateOrTime(words)) return false;
  for (size_t i = verb + 1; i < words.size(); ++i) {
    const std::string_view b = Bare(words[i]);
    if (b.empty() || !IsAsciiLower(b[0]) || IsClockSuffix(b)) continue;
    bool joins = false;
    for (std::string_view j : {"in", "on", "at", "of", "and", "the", "by", "a", "an"}) joins |= b == j;
    if (!joins) return false;
  }
  return true;
}

// A month or a weekday, named or cut short ("Nov", "MON", "Sept").
bool IsCalendarName(std::string_view w) {
  if (w.size() < 3 || w.size() > 9) return false;
  static constexpr std::string_view kNames[] = {
      "january", "february", "march",  "april",   "may",       "june",     "july",   "august",
      "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday",
      "friday",  "saturday", "sunday", "sept",    "tues",      "thurs"};
  for (std::string_view name : kNames) {
    if (base::EqualsIgnoreCase(w, name) || (w.size() == 3 && base::EqualsIgnoreCase(w, name.substr(0, 3)))) {
      return true;
    }
  }
  return false;
}

// A word that dates: a clock time ("01:19", "2007-7:07AM"), a year, a day
// written with slashes ("4/9/2007"), or a month or weekday.
bool Dates(std::string_view b) {
  if (b.find(':') != std::string_view::npos || IsYear(b) || IsCalendarName(b)) return true;
  const size_t slash = b.find('/');
  return slash != std::string_view::npos && slash > 0 && IsAsciiDigit(b[slash - 1]);
}

// A date line: the sentence holds a date or a time and no lower-case word
// but a clock's ("pm", "hrs"), a publishing verb and the words that join a
// date ("Sat Nov 12 2011, 01:19 hrs", "9:53 AM, MON 22 JUL 2013", "21 July
// 2013 Last updated at 11:11 GMT", "Mumbai, Nov 11 -", a headline with its
// stamp): it says when a page was made, never what happened, as a reported
// sentence has a lower-case verb.
bool IsDateLine(const std::vector<std::string_view>& words) {
  bool dated = false;
  for (std::string_view w : words) {
    const std::string_view b = Bare(w);
    if (b.empty()) continue;
    dated |= Dates(b);
    if (!IsAsciiLower(b[0]) || IsClockSuffix(b) || b == "hrs" || IsPublishingVerb(b)) {
      continue;
    }
    bool joins = false;
    for (std::string_view j : {"in", "on", "at", "of", "and", "the", "by"}) joins |= b == j;
    if (!joins) return false;
  }
  return dated;
}

bool IsSecondPerson(std::string_view w) {
  if (w.size() < 3 || AsciiLower(w[0]) != 'y') return false;
  for (std::string_view v : {"you", "your", "yours", "yourself", "you're", "you'll", "you've", "you'd"}) {
    if (base::EqualsIgnoreCase(w, v)) return true;
  }
  return false;
}

// A web address that the sentence points to ("Her biography appears at:
// http://…") or that is the whole line; one inside a statement ("gave her
// blessing to an official Web site, www.bettiepage.com.") is story text.
bool IsLink(std::string_view s) {
  const std::string lower = base::AsciiLower(s);
  size_t first = std::string::npos;
  for (std::string_view mark : {"http:", "https:", "www.", ".html", ".htm ", ".php", ".aspx"}) {
    first = std::min(first, lower.find(mark));
  }
  if (first == std::string::npos) return false;
  std::string_view before = s.substr(0, first);
  while (!before.empty() && IsAsciiSpace(before.back())) before.remove_suffix(1);
  return before.empty() || before.back() == ':';
}

// Title case: at least four words of five or more letters, all of them
// capitalised (short words, "with", "for", "into", may be either), and no
// stop at the end (a headline has none, or an exclamation mark: "Agency
// Restores Wildlife Protections!").
bool IsTitleCaseHeadline(std::string_view s, const std::vector<std::string_view>& words) {
  const char last = s.back();
  if (last == '.' || last == '?' || last == '"' || last == '\'' || last == ')' ||
      s.ends_with("\xE2\x80\x9D")) {
    return false;
  }
  size_t long_words = 0;
  for (std::string_view w : words) {
    const std::string_view b = Bare(w);
    if (b.size() < 5 || !IsAsciiAlpha(b[0])) continue;
    if (!IsAsciiUpper(b[0])) return false;
    ++long_words;
  }
  return long_words >= 4;
}

// "Here is the transcript …", "Below are …", "Following is …".
bool IsPointer(const std::vector<std::string_view>& words) {
  if (words.size() < 2) return false;
  const std::string_view first = Bare(words[0]);
  const std::string_view verb = Bare(words[1]);
  const bool points = base::EqualsIgnoreCase(first, "here") || base::EqualsIgnoreCase(first, "below") ||
                      base::EqualsIgnoreCase(first, "following");
  const bool is = base::EqualsIgnoreCase(verb, "is") || base::EqualsIgnoreCase(verb, "are");
  const bool contracted = base::StartsWithIgnoreCase(words[0], "here's") ||
                          base::StartsWithIgnoreCase(words[0], "here\xE2\x80\x99s");
  return (points && is) || contracted;
}

// Advice, not a report: an indefinite subject ("A personal injury attorney",
// "An accident"), a modal of possibility or advice among the first eight
// words ("might review", "may be considered"), and no name, figure or
// date anywhere (nothing that ties it to one event).
bool IsGenericAdvice(const std::vector<std::string_view>& words) {
  if (words.size() < 5 || (words[0] != "A" && words[0] != "An")) return false;
  bool modal = false;
  for (size_t i = 1; i < words.size(); ++i) {
    const std::string_view w = words[i];
    for (char c : w) {
      if (IsAsciiDigit(c)) return false;
    }
    if (IsAsciiUpper(w[0])) return false;
    if (i < 8) {
      for (std::string_view m : {"might", "may", "can", "could", "should"}) modal |= Bare(w) == m;
    }
  }
  return modal;
}

}  // namespace

Furniture FurnitureOf(std::string_view s, std::string_view paragraph) {
  if (s.empty()) return Furniture::kNone;
  if (IsLink(s)) return Furniture::kLink;
  const std::vector<std::string_view> words = base::SplitWords(s);
  if (words.empty()) return Furniture::kNone;
  if (IsPageStamp(s, words) || IsDateLine(words)) return Furniture::kPageStamp;
  size_t second_person = 0;
  for (std::string_view w : words) second_person += IsSecondPerson(Bare(w));
  if (!HasQuotation(paragraph) && (second_person >= 2 || (second_person >= 1 && s.back() == '!'))) {
    return Furniture::kReaderAddress;
  }
  if (IsPointer(words)) return Furniture::kPointer;
  if (IsTitleCaseHeadline(s, words)) return Furniture::kHeadline;
  if (IsGenericAdvice(words)) return Furniture::kGenericAdvice;
  return Furniture::kNone;
}

size_t WithoutCrossReference(std::string_view s) {
  size_t end = s.size();
  while (end > 0 && (s[end - 1] == '.' || IsAsciiSpace(s[end - 1]))) --end;
  if (end == 0 || s[end - 1] != ')') return s.size();
  const size_t open = s.rfind('(', end - 1);
  if (open == std::string_view::npos) return s.size();
  const std::string_view inside = s.substr(open + 1, end - open - 2);
  if (!base::StartsWithIgnoreCase(inside, "see ")) return s.size();
  size_t cut = open;
  while (cut > 0 && IsAsciiSpace(s[cut - 1])) --cut;
  return cut;
}

}  // namespace newsfuse::text
