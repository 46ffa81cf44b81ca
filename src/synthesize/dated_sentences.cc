#include "synthesize/dated_sentences.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "base/strings.h"
#include "synthesize/term_vectors.h"
#include "synthesize/section_text.h"
#include "text/page_furniture.h"

namespace newsfuse::synthesize {

namespace {

using Articles = std::vector<const extract::ArticleAnalysis*>;

bool IsDayValue(const std::string& v) {
  return v.size() >= 10 && base::IsAsciiDigit(v[0]) && v[4] == '-' && v[7] == '-' &&
         base::IsAsciiDigit(v[8]) && base::IsAsciiDigit(v[9]);
}

// A resolved week ("2024-W13") or month ("2024-03") value: its first day
// (the ISO week's Monday) and "week" or "month"; nullopt for anything else.
std::optional<std::pair<base::CivilDate, std::string>> PeriodStart(const std::string& v) {
  auto digits = [&](size_t from, size_t n) {
    if (v.size() < from + n) return -1;
    int x = 0;
    for (size_t i = from; i < from + n; ++i) {
      if (!base::IsAsciiDigit(v[i])) return -1;
      x = x * 10 + (v[i] - '0');
    }
    return x;
  };
  const int year = digits(0, 4);
  if (year < 0 || v.size() < 7 || v[4] != '-') return std::nullopt;
  if (v.size() == 8 && v[5] == 'W') {
    const int week = digits(6, 2);
    if (week < 1 || week > 53) return std::nullopt;
    return std::make_pair(base::IsoWeekMonday(year, week), std::string("week"));
  }
  if (v.size() == 7) {
    const int month = digits(5, 2);
    if (month < 1 || month > 12) return std::nullopt;
    return std::make_pair(base::CivilDate{year, month, 1}, std::string("month"));
  }
  return std::nullopt;
}


// The clause of `sentence` around bytes [begin, end): bounded by the
// sentence ends, a semicolon, or a comma before "and", "but", "while".
std::string_view ClauseAround(std::string_view sentence, size_t begin, size_t end) {
  static constexpr std::string_view kBounds[] = {"; ", ", and ", ", but ", ", while "};
  size_t from = 0, to = sentence.size();
  for (std::string_view b : kBounds) {
    const size_t before = sentence.substr(0, begin).rfind(b);
    if (before != std::string_view::npos) from = std::max(from, before + b.size());
    const size_t after = sentence.find(b, end);
    if (after != std::string_view::npos) to = std::min(to, after);
  }
  return sentence.substr(from, to - from);
}

// True when the words just before a time expression tell of the telling
// ("said on Monday", "told reporters Monday", "said at a news conference
// on Tuesday afternoon").
bool TellingDay(std::string_view before) {
  std::vector<std::string> words;
  ForEachWord(before.substr(before.size() > 80 ? before.size() - 80 : 0),
              [&](std::string_view w) { words.emplace_back(w); });
  for (size_t i = words.size() > 6 ? words.size() - 6 : 0; i < words.size(); ++i) {
    for (std::string_view verb : {"said", "says", "told", "announced", "confirmed", "added", "stated",
                                  "reported", "wrote", "tweeted", "posted", "reporters", "statement",
                                  "conference", "briefing", "interview"}) {
      if (words[i] == verb) return true;
    }
  }
  return false;
}

}  // namespace

namespace {

// "7 p.m.", "about 1:30 a.m.", "noon": a time of day without a day.
bool ClockOnly(std::string_view expr) {
  std::string letters;
  for (char ch : expr) {
    if (base::IsAsciiAlpha(ch)) letters.push_back(static_cast<char>(ch | 0x20));
    if (ch == ' ') letters.push_back(' ');
  }
  for (std::string_view w : base::SplitWords(letters)) {
    if (w != "am" && w != "pm" && w != "a" && w != "p" && w != "m" && w != "noon" && w != "midnight" &&
        w != "about" && w != "around" && w != "at" && w != "approximately" && w != "just" && w != "after" &&
        w != "before" && w != "oclock" && w != "o" && w != "clock") {
      return false;
    }
  }
  return true;
}

}  // namespace

std::vector<DatedSentence> CollectDatedSentences(const Articles& articles, size_t max_candidates, size_t* seen) {
  std::vector<DatedSentence> out;
  size_t candidates = 0;
  Stemmer stemmer;
  for (size_t ai = 0; ai < articles.size(); ++ai) {
    const auto* a = articles[ai];
    std::map<size_t, std::set<std::string>> sentence_stems;  // stemmed once per sentence
    std::set<size_t> used_sentences;
    std::map<size_t, std::set<std::string>> days_in_sentence;
    for (const auto& t : a->times) {
      if (t.type != extract::TimexType::kDate && t.type != extract::TimexType::kTime) continue;
      if (!t.date || !IsDayValue(t.value)) continue;
      days_in_sentence[a->SentenceAt(t.span.begin)].insert(t.date->DateString());
    }
    for (const auto& t : a->times) {
      if (t.type != extract::TimexType::kDate && t.type != extract::TimexType::kTime) continue;
      const bool day = t.date && IsDayValue(t.value);
      const auto period = day ? std::nullopt : PeriodStart(t.value);
      if (!day && !period) continue;
      const size_t s = a->SentenceAt(t.span.begin);
      if (s >= a->doc.sentences.size()) continue;
      const auto& para = a->doc.paragraphs[a->doc.sentences[s].paragraph];
      if (para.is_heading) continue;
      // A page stamp ("21 July 2013 Last updated at 11:11 GMT") dates the
      // page, not an event of the story.
      if (text::FurnitureOf(a->doc.Text(a->doc.sentences[s].span), a->doc.Text(para.span)) != text::Furniture::kNone) {
        continue;
      }
      // A period is an entry only where its sentence names no day: "met
      // last week, and again on Monday" is Monday's.
      if (period && days_in_sentence.count(s)) continue;
      base::CivilDate first = day ? *t.date : period->first;
      const std::string_view expr = t.span.In(a->doc.text);
      const bool explicit_date = std::any_of(expr.begin(), expr.end(), [](char ch) { return base::IsAsciiDigit(ch); });
      if (period && period->second == "week" && !explicit_date && a->anchor && a->anchor->Weekday() == 6) {
        // TimeML counts weeks Monday to Sunday, but news weeks start on
        // Sunday: in a Sunday paper "last week" is the week just ended (the
        // ISO week of the Sunday itself), and "next week" starts tomorrow.
        first = first.AddDays(7);
      }
      DatedSentence c;
      c.date = first.DateString();
      if (period) c.precision = period->second;
      if (!used_sentences.insert(s * 100000 + static_cast<size_t>(first.DaysSinceEpoch() % 100000)).second) continue;
      if (++candidates > max_candidates) continue;
      c.text = std::string(a->doc.Text(a->doc.sentences[s].span));
      c.source = a->article->id;
      c.article = ai;
      c.sentence = s;
      // A day on the publication date is planned when a cue of a coming
      // event stands before it in its sentence, and the day is not that of
      // the telling ("will strike on Friday, the union said on Monday").
      const std::string_view before = std::string_view(a->doc.text).substr(
          a->doc.sentences[s].span.begin, t.span.begin - a->doc.sentences[s].span.begin);
      c.future = t.future || (day && a->anchor && t.date->DaysSinceEpoch() >= a->anchor->DaysSinceEpoch() &&
                              IsPlanned(before) && !TellingDay(before));
      // Periods never make date discrepancies, nor does a clock time alone
      // ("at about 7 p.m."): its day is only the publication's.
      c.only_date = day && days_in_sentence[s].size() == 1 && !ClockOnly(expr);
      c.anchored = explicit_date || a->published.has_value();
      auto [stems, fresh] = sentence_stems.try_emplace(s);
      if (fresh) stems->second = ContentStems(c.text, stemmer);
      c.stems = stems->second;
      c.date_stems = ContentStems(expr, stemmer);
      const size_t sentence_begin = a->doc.sentences[s].span.begin;
      for (const auto& stem : ContentStems(ClauseAround(c.text, t.span.begin - sentence_begin,
                                                        t.span.end - sentence_begin),
                                           stemmer)) {
        if (!c.date_stems.count(stem) && !base::IsAsciiDigit(stem[0])) c.clause_stems.insert(stem);
      }
      out.push_back(std::move(c));
    }
  }
  if (seen) *seen = candidates;
  return out;
}

bool IsPlanned(std::string_view sentence) {
  // Cues of a coming event; the caller pairs them with a day on or after the
  // publication date ("will meet on Monday" in Monday's paper).
  const std::string lower = base::AsciiLower(sentence);
  for (std::string_view cue : {" will ", " plans to ", " planned to ", " plan to ", " is scheduled",
                               " are scheduled", " is expected to ", " are expected to ", " is set to ",
                               " are set to ", " is due to ", " are due to ", " as early as next",
                               " is going to ", " are going to ", " to be held "}) {
    if (lower.find(cue) != std::string::npos) return true;
  }
  return lower.rfind("will ", 0) == 0 || (lower.size() >= 5 && lower.ends_with(" will"));
}

}  // namespace newsfuse::synthesize
