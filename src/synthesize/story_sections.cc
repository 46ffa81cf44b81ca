#include "synthesize/story_sections.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "base/strings.h"
#include "synthesize/term_vectors.h"

namespace newsfuse::synthesize {

namespace {

using Articles = std::vector<const extract::ArticleAnalysis*>;

std::set<std::string> ContentStems(std::string_view text, Stemmer& stemmer) {
  std::set<std::string> out;
  ForEachWord(text, [&](std::string_view w) {
    if (!IsStopword(w)) out.insert(std::string(stemmer.Stem(w)));
  });
  return out;
}

// Shared share of the smaller set: 1 when one wording contains the other.
double Containment(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t shared = 0;
  for (const auto& x : a) shared += b.count(x);
  return static_cast<double>(shared) / static_cast<double>(std::min(a.size(), b.size()));
}

// The same, for sorted ids (a merge rather than a lookup per stem).
double Containment(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t shared = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) {
      ++shared, ++i, ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return static_cast<double>(shared) / static_cast<double>(std::min(a.size(), b.size()));
}

void AddSource(std::vector<std::string>* sources, const std::string& id) {
  if (std::find(sources->begin(), sources->end(), id) == sources->end()) sources->push_back(id);
}

// The merged entity a quote's resolved speaker names in article `ai`.
std::string CanonicalSpeaker(const extract::ArticleAnalysis& a, size_t ai, const std::string& speaker,
                             const MergedEntities& merged) {
  if (speaker.empty()) return speaker;
  const auto& linked = a.entities.entities;
  const std::string cleaned = extract::CleanName(speaker);
  for (size_t e = 0; e < linked.size(); ++e) {
    bool match = linked[e].name == cleaned;
    for (const auto& f : linked[e].surface_forms) match |= f == cleaned;
    if (!match) {
      // "Sen. Ted Cruz" / "Netanyahu" against "Benjamin Netanyahu".
      const auto words = base::SplitWords(cleaned);
      const auto name_words = base::SplitWords(linked[e].name);
      match = !words.empty() && !name_words.empty() && words.back() == name_words.back() &&
              linked[e].type == extract::EntityType::kPerson;
    }
    if (match) {
      const int idx = merged.entity_index[ai][e];
      if (idx >= 0) return merged.entities[idx].name;
      return linked[e].name;
    }
  }
  return cleaned;
}

// Speakers compared loosely: "the joint statement" = "the statement" =
// "statement"; case folded.
std::string SpeakerKey(const std::string& speaker) {
  std::string k = base::AsciiLower(speaker);
  for (std::string_view prefix : {"the ", "a ", "joint "}) {
    if (k.rfind(prefix, 0) == 0) k.erase(0, prefix.size());
  }
  return k;
}

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

}  // namespace

std::vector<BriefQuote> MergeQuotes(const Articles& articles, const MergedEntities& merged,
                                    std::vector<std::string>* notes, size_t max_candidates) {
  size_t candidates = 0;
  struct Entry {
    BriefQuote quote;
    std::set<std::string> stems;
    std::map<std::string, std::vector<std::string>> speaker_votes;  // key -> names as given
  };
  std::vector<Entry> entries;
  Stemmer stemmer;
  for (size_t ai = 0; ai < articles.size(); ++ai) {
    const auto& a = *articles[ai];
    const std::string& id = a.article->id;
    for (const auto& q : a.quotes) {
      if (q.kind == extract::QuoteKind::kScare) continue;
      const std::string text = base::CollapseWhitespace(q.quote.In(a.doc.text));
      if (base::SplitWords(text).size() < 3) continue;
      if (++candidates > max_candidates) continue;
      const std::string speaker = CanonicalSpeaker(a, ai, q.speaker, merged);
      std::set<std::string> stems = ContentStems(text, stemmer);
      // One statement quoted by several outlets: the same words (allowing
      // for translation and trimming), whoever each outlet names as speaker;
      // a looser match when the speakers agree.
      Entry* match = nullptr;
      for (auto& e : entries) {
        const bool same_speaker = SpeakerKey(e.quote.speaker) == SpeakerKey(speaker) ||
                                  e.quote.speaker.empty() || speaker.empty();
        if (Containment(e.stems, stems) >= (same_speaker ? 0.5 : 0.75)) {
          match = &e;
          break;
        }
      }
      if (!match) {
        Entry e;
        e.quote.text = text;
        e.quote.speaker = speaker;
        e.quote.sources.push_back(id);
        e.stems = std::move(stems);
        e.speaker_votes[SpeakerKey(speaker)].push_back(speaker);
        entries.push_back(std::move(e));
        continue;
      }
      match->speaker_votes[SpeakerKey(speaker)].push_back(speaker);
      AddSource(&match->quote.sources, id);
      if (text == match->quote.text) continue;
      bool placed = false;
      for (auto& v : match->quote.variants) {
        if (v.text == text) {
          AddSource(&v.sources, id);
          placed = true;
        }
      }
      if (!placed) match->quote.variants.push_back(QuoteVariant{text, {id}});
    }
  }
  if (candidates > max_candidates && notes) {
    notes->push_back("quotes: " + extract::GroupThousands(candidates) + " quotations, merged the first " +
                     extract::GroupThousands(max_candidates));
  }
  std::vector<BriefQuote> out;
  for (auto& e : entries) {
    // The speaker most outlets name (a named speaker over none).
    size_t best = 0;
    for (const auto& [key, names] : e.speaker_votes) {
      if (!key.empty() && names.size() > best) {
        best = names.size();
        e.quote.speaker = names.front();
      }
    }
    out.push_back(std::move(e.quote));
  }
  std::stable_sort(out.begin(), out.end(), [](const BriefQuote& a, const BriefQuote& b) {
    return a.sources.size() > b.sources.size();
  });
  return out;
}

namespace {

// A dated event: a sentence with a time expression naming one day.
struct DatedSentence {
  std::string date;
  std::string precision = "day";  // or "week", "month" (see TimelineEntry)
  std::string text;
  std::string source;
  size_t article = 0;
  size_t sentence = 0;
  bool future = false;      // planned rather than done, seen from its article
  bool only_date = true;    // the sentence names no other day
  bool anchored = true;     // the day does not hang on a guessed publication date
  std::set<std::string> stems;
  std::set<std::string> date_stems;  // stems of the time expression's words
  // Content stems of the clause holding the time expression, its own words
  // and numbers left out: "federal investigators arrived" in "The mayor said
  // the bridge would stay closed, and federal investigators arrived on
  // Wednesday".
  std::set<std::string> clause_stems;
};

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

// One event told in two clauses: the same date (the caller checks) and at
// least two shared content words making up most of the shorter clause.
bool SameEventClause(const std::set<std::string>& a, const std::set<std::string>& b) {
  size_t shared = 0;
  for (const auto& x : a) shared += b.count(x);
  return shared >= 2 && Containment(a, b) >= 0.6;
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

// At most `max_candidates` (the first ones); `*seen`, when not null, counts
// them all.
std::vector<DatedSentence> CollectDatedSentences(const Articles& articles, size_t max_candidates,
                                                 size_t* seen = nullptr) {
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
      c.only_date = day && days_in_sentence[s].size() == 1;  // periods never make date discrepancies
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

}  // namespace

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

std::vector<TimelineEntry> BuildTimeline(const Articles& articles, const std::vector<std::vector<int>>* fact_of) {
  std::vector<DatedSentence> candidates = CollectDatedSentences(articles, kMaxPairwiseCandidates);
  auto fact = [&](const DatedSentence& c) {
    if (!fact_of || c.article >= fact_of->size() || c.sentence >= (*fact_of)[c.article].size()) return -1;
    return (*fact_of)[c.article][c.sentence];
  };
  std::vector<TimelineEntry> out;
  std::vector<std::set<std::string>> out_stems, out_clauses;
  std::vector<std::set<int>> out_facts;
  for (auto& c : candidates) {
    // A day counted from another article's date ("on Tuesday" in an article
    // that gives none, resolved against the story's median date) is no
    // anchor of this article's own: only its explicit dates are.
    if (!c.anchored) continue;
    int match = -1;
    const int c_fact = fact(c);
    for (size_t i = 0; i < out.size(); ++i) {
      if (out[i].date != c.date || out[i].precision != c.precision) continue;
      if (c_fact >= 0 && out_facts[i].count(c_fact)) {
        match = static_cast<int>(i);
        break;
      }
      // Whole sentences alike, or the clauses that hold the day: a compound
      // sentence ("investigators are expected to arrive on Wednesday, and
      // the council will meet on Thursday") shares little with another
      // outlet's sentence as a whole.
      if (Containment(out_stems[i], c.stems) >= 0.35 || SameEventClause(out_clauses[i], c.clause_stems)) {
        match = static_cast<int>(i);
        break;
      }
    }
    if (match < 0) {
      out.push_back(TimelineEntry{c.date, c.text, {c.source}, c.future, c.precision});
      out_stems.push_back(c.stems);
      out_clauses.push_back(c.clause_stems);
      out_facts.emplace_back();
      if (c_fact >= 0) out_facts.back().insert(c_fact);
    } else {
      if (c_fact >= 0) out_facts[match].insert(c_fact);
      AddSource(&out[match].sources, c.source);
      // A planned event that another outlet reports as done has happened,
      // and reads in the words of the report that it did.
      if (out[match].planned && !c.future) {
        out[match].planned = false;
        out[match].text = c.text;
      }
    }
  }
  // By first day; on one day a month, then a week, comes before the day's
  // own events (the wider period opens there).
  auto rank = [](const std::string& precision) { return precision == "month" ? 0 : precision == "week" ? 1 : 2; };
  std::stable_sort(out.begin(), out.end(), [&](const TimelineEntry& a, const TimelineEntry& b) {
    if (a.date != b.date) return a.date < b.date;
    if (a.precision != b.precision) return rank(a.precision) < rank(b.precision);
    return a.sources.size() > b.sources.size();
  });
  return out;
}

std::vector<Discrepancy> FindDateDiscrepancies(const Articles& articles, std::vector<std::string>* notes,
                                               size_t max_candidates) {
  // The same event, told by different outlets with different days: the
  // sentences share most of their words once the time expressions are set
  // aside. Only sentences that name one day, on a day an outlet fixed (an
  // explicit date, or a weekday counted from a known publication date).
  size_t seen = 0;
  std::vector<DatedSentence> c = CollectDatedSentences(articles, max_candidates, &seen);
  if (seen > max_candidates && notes) {
    notes->push_back("dates: " + extract::GroupThousands(seen) + " dated sentences, compared the first " +
                     extract::GroupThousands(max_candidates));
  }
  c.erase(std::remove_if(c.begin(), c.end(),
                         [](const DatedSentence& d) { return !d.only_date || !d.anchored; }),
          c.end());
  std::vector<std::set<std::string>> event(c.size());
  for (size_t i = 0; i < c.size(); ++i) {
    for (const auto& stem : c[i].stems) {
      if (!c[i].date_stems.count(stem) && !base::IsAsciiDigit(stem[0])) event[i].insert(stem);
    }
  }
  const size_t n = c.size();
  std::vector<size_t> parent(n);
  for (size_t i = 0; i < n; ++i) parent[i] = i;
  auto find = [&](size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      if (c[i].article == c[j].article) continue;
      size_t shared = 0;
      for (const auto& x : event[i]) shared += event[j].count(x);
      if (shared < 4 || Containment(event[i], event[j]) < 0.6) continue;
      parent[find(i)] = find(j);
    }
  }
  std::map<size_t, std::vector<size_t>> groups;
  for (size_t i = 0; i < n; ++i) groups[find(i)].push_back(i);
  std::vector<Discrepancy> out;
  for (const auto& [root, members] : groups) {
    std::map<std::string, std::vector<size_t>> by_date;
    std::map<size_t, std::set<std::string>> dates_of_article;
    for (size_t m : members) {
      by_date[c[m].date].push_back(m);
      dates_of_article[c[m].article].insert(c[m].date);
    }
    if (by_date.size() < 2) continue;
    // An outlet that gives both days tells of two events (or of a move it
    // explains itself), not of a disagreement.
    bool one_outlet_both = false;
    for (const auto& [art, dates] : dates_of_article) one_outlet_both |= dates.size() > 1;
    if (one_outlet_both) continue;
    Discrepancy d;
    d.kind = "date";
    std::string subject;
    size_t best_words = 0;
    for (size_t m : members) {
      if (event[m].size() > best_words) {
        best_words = event[m].size();
        subject = c[m].text;
      }
    }
    d.subject = "date of: " + subject;
    // Planned for one day by earlier reports, another by later ones: the
    // plan moved. Otherwise the outlets disagree.
    std::vector<std::pair<std::string, std::string>> spans;  // per version: first, last publication
    bool planned_before = true;
    for (const auto& [date, ms] : by_date) {
      std::string first = "~", last;
      for (size_t m : ms) {
        const auto& pub = articles[c[m].article]->article->published;
        if (!pub) {
          first.clear();
          break;
        }
        first = std::min(first, pub->ToString());
        last = std::max(last, pub->ToString());
      }
      spans.emplace_back(first, last);
    }
    std::vector<size_t> order(spans.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t x, size_t y) { return spans[x].first < spans[y].first; });
    bool ordered = !spans[order[0]].first.empty();
    for (size_t k = 1; k < order.size() && ordered; ++k) {
      ordered = !spans[order[k]].first.empty() && spans[order[k - 1]].second < spans[order[k]].first;
    }
    size_t version = 0;
    for (const auto& [date, ms] : by_date) {
      if (ordered && version != order.back()) {
        for (size_t m : ms) planned_before &= c[m].future;
      }
      ++version;
    }
    d.label = ordered && planned_before ? "update" : "conflict";
    for (const auto& [date, ms] : by_date) {
      DiscrepancyVariant v;
      v.value = date;
      v.text = c[ms.front()].text;
      for (size_t m : ms) AddSource(&v.sources, c[m].source);
      d.variants.push_back(std::move(v));
    }
    out.push_back(std::move(d));
  }
  return out;
}

namespace {

// Counted nouns that measure the same thing: people under any name.
std::string NounClass(const std::string& noun) {
  static const std::set<std::string> kPeople = {
      "people",    "persons",   "civilians", "palestinians", "israelis", "residents", "refugees",
      "migrants",  "children",  "women",     "men",          "displaced", "inhabitants", "gazans",
      "ukrainians", "citizens", "individuals", "survivors",  "victims"};
  if (kPeople.count(noun)) return "people";
  return noun;
}

std::string FormatValue(const extract::Quantity& q, std::string_view text) {
  return base::CollapseWhitespace(q.span.In(text));
}

std::string Singular(const std::string& noun) {
  if (noun.size() > 3 && noun.ends_with("ies")) return noun.substr(0, noun.size() - 3) + "y";
  if (noun.size() > 3 && noun.ends_with("s") && !noun.ends_with("ss")) return noun.substr(0, noun.size() - 1);
  return noun;
}

}  // namespace

std::string NumberLabel(const std::vector<NumberVersion>& versions) {
  if (versions.size() < 2) return "";
  double lo = versions.front().value, hi = lo;
  bool hedged = false;
  // Nouns every version counts: none in common means different measures.
  std::set<std::string> common = versions.front().nouns;
  for (const auto& v : versions) {
    lo = std::min(lo, v.value);
    hi = std::max(hi, v.value);
    hedged |= v.hedged;
    std::set<std::string> keep;
    for (const auto& noun : v.nouns) {
      if (common.count(noun)) keep.insert(noun);
    }
    common = std::move(keep);
  }
  bool any_noun = false;
  for (const auto& v : versions) any_noun |= !v.nouns.empty();
  // Within rounding: the figures agree to two significant digits, or a
  // hedged figure ("more than a million", "about 1.4 million") sits within
  // half of the other.
  auto round2 = [](double x) {
    if (x <= 0) return x;
    const double scale = std::pow(10.0, std::floor(std::log10(x)) - 1);
    return std::round(x / scale) * scale;
  };
  bool rounding = true;
  for (const auto& v : versions) rounding &= round2(v.value) == round2(versions.front().value);
  if (rounding || (hedged && lo > 0 && hi / lo <= 1.5)) return "rounding/hedge";
  // Different things counted ("children" / "people").
  if (any_noun && common.empty()) return "different measure";
  // Each later report gives a new figure: an update (a toll that rises).
  std::vector<const NumberVersion*> order;
  for (const auto& v : versions) {
    if (v.undated) return "conflict";
    order.push_back(&v);
  }
  std::sort(order.begin(), order.end(), [](const NumberVersion* a, const NumberVersion* b) {
    return a->first_published < b->first_published;
  });
  for (size_t k = 1; k < order.size(); ++k) {
    if (!(order[k - 1]->last_published < order[k]->first_published)) return "conflict";
  }
  return "update";
}

std::vector<Discrepancy> FindNumberDiscrepancies(const Articles& articles, std::vector<std::string>* notes,
                                                 size_t max_candidates) {
  // A sentence's stems, read once however many figures it holds (a sentence
  // of thousands of figures once made this quadratic).
  struct SentenceContext {
    std::set<std::string> stems;
    std::vector<uint32_t> ids;  // the stems as sorted ids: pairs compare these
    std::string text;
  };
  std::map<std::string, uint32_t> stem_ids;
  std::map<std::pair<size_t, size_t>, SentenceContext> contexts;  // (article, sentence) ->
  struct Item {
    size_t article;
    const extract::Quantity* q;
    std::string cls;
    const SentenceContext* context;  // the sentence and its stems
    const std::string* sentence;
  };
  std::map<std::string, std::string> surface;  // stem -> first word seen with it
  std::vector<Item> items;
  size_t candidates = 0;
  Stemmer stemmer;
  for (size_t ai = 0; ai < articles.size(); ++ai) {
    const auto& a = *articles[ai];
    for (const auto& q : a.quantities) {
      if (q.value < 10 && q.unit.empty()) continue;  // "two hours" rarely conflicts
      const std::string cls = q.unit == "$" || q.unit == "%" ? q.unit : NounClass(q.noun);
      if (cls.empty()) continue;
      if (++candidates > max_candidates) continue;
      const size_t s = a.SentenceAt(q.span.begin);
      auto [ctx, fresh] = contexts.try_emplace({ai, s});
      if (fresh) {
        ctx->second.text = std::string(a.doc.Text(a.doc.sentences[s].span));
        ctx->second.stems = ContentStems(ctx->second.text, stemmer);
        for (const auto& stem : ctx->second.stems) {
          ctx->second.ids.push_back(stem_ids.try_emplace(stem, static_cast<uint32_t>(stem_ids.size())).first->second);
        }
        std::sort(ctx->second.ids.begin(), ctx->second.ids.end());
        ForEachWord(ctx->second.text, [&](std::string_view w) {
          if (!IsStopword(w)) surface.try_emplace(std::string(stemmer.Stem(w)), std::string(w));
        });
      }
      items.push_back(Item{ai, &q, cls, &ctx->second, &ctx->second.text});
    }
  }
  if (candidates > max_candidates && notes) {
    notes->push_back("numbers: " + extract::GroupThousands(candidates) + " figures, compared the first " +
                     extract::GroupThousands(max_candidates));
  }
  // Pairs from different articles about the same kind of thing, in the same
  // order of magnitude, in sentences that share their context words.
  const size_t n = items.size();
  std::vector<size_t> parent(n);
  for (size_t i = 0; i < n; ++i) parent[i] = i;
  auto find = [&](size_t x) {
    while (parent[x] != x) x = parent[x] = parent[parent[x]];
    return x;
  };
  std::vector<bool> linked(n, false);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      const Item& a = items[i];
      const Item& b = items[j];
      if (a.cls != b.cls) continue;
      const double hi = std::max(a.q->value, b.q->value), lo = std::min(a.q->value, b.q->value);
      if (lo <= 0 || hi / lo > 3.0) continue;
      // One sentence's figures share all their context (when it has any).
      if (a.context == b.context ? a.context->ids.empty() : Containment(a.context->ids, b.context->ids) < 0.3) {
        continue;
      }
      parent[find(i)] = find(j);
      linked[i] = linked[j] = true;
    }
  }
  std::map<size_t, std::vector<size_t>> groups;
  for (size_t i = 0; i < n; ++i) {
    if (linked[i]) groups[find(i)].push_back(i);
  }
  std::vector<Discrepancy> out;
  for (const auto& [root, members] : groups) {
    std::map<double, std::vector<size_t>> by_value;
    for (size_t m : members) by_value[items[m].q->value].push_back(m);
    if (by_value.size() < 2) continue;
    std::set<size_t> article_set;
    for (size_t m : members) article_set.insert(items[m].article);
    if (article_set.size() < 2) continue;
    Discrepancy d;
    d.kind = "number";
    std::vector<NumberVersion> versions;
    for (const auto& [value, ms] : by_value) {
      NumberVersion v;
      v.value = value;
      for (size_t m : ms) {
        const Item& it = items[m];
        v.hedged |= !it.q->hedge.empty();
        // What a share or an amount is of is not its measure ("percent of the vote").
        if (it.q->unit.empty()) v.nouns.insert(Singular(it.q->noun));
        const auto& pub = articles[it.article]->article->published;
        if (pub) {
          const std::string day = pub->ToString();
          v.first_published = v.first_published.empty() ? day : std::min(v.first_published, day);
          v.last_published = std::max(v.last_published, day);
        } else {
          v.undated = true;
        }
      }
      versions.push_back(std::move(v));
    }
    d.label = NumberLabel(versions);
    // The subject: what is counted, and the context word the sentences share most.
    std::map<std::string, int> shared;
    for (size_t m : members) {
      for (const auto& s : items[m].context->stems) shared[s]++;
    }
    std::string context;
    int best = 1;
    for (const auto& [stem, count] : shared) {
      if (count > best && stem.size() > 3 && !base::IsAsciiDigit(stem[0]) && stem != "million" &&
          stem != "thousand" && stem != "billion") {
        best = count;
        context = stem;
      }
    }
    const auto& first = *items[members.front()].q;
    d.subject = (first.unit == "$" ? std::string("amount") : first.unit == "%" ? std::string("share") : first.noun);
    if (!context.empty()) d.subject += " (" + surface[context] + ")";
    for (const auto& [value, ms] : by_value) {
      DiscrepancyVariant v;
      const Item& it = items[ms.front()];
      v.value = FormatValue(*it.q, articles[it.article]->doc.text);
      v.text = *it.sentence;
      for (size_t m : ms) AddSource(&v.sources, articles[items[m].article]->article->id);
      d.variants.push_back(std::move(v));
    }
    out.push_back(std::move(d));
  }
  return out;
}

std::vector<Discrepancy> FindTitleDiscrepancies(const Articles& articles, const MergedEntities& merged) {
  // Per merged person: title (folded) -> sources.
  std::map<int, std::map<std::string, std::pair<std::string, std::vector<std::string>>>> titles;
  for (size_t ai = 0; ai < articles.size(); ++ai) {
    const auto& linked = articles[ai]->entities.entities;
    for (size_t e = 0; e < linked.size(); ++e) {
      const int idx = merged.entity_index[ai][e];
      if (idx < 0 || linked[e].type != extract::EntityType::kPerson) continue;
      for (const auto& t : linked[e].titles) {
        auto& slot = titles[idx][base::AsciiLower(t)];
        slot.first = t;
        AddSource(&slot.second, articles[ai]->article->id);
      }
    }
  }
  std::vector<Discrepancy> out;
  for (const auto& [idx, by_title] : titles) {
    if (by_title.size() < 2) continue;
    // Titles that are not one inside the other ("Prime Minister" in
    // "Israeli Prime Minister" is the same title).
    std::vector<std::pair<std::string, std::vector<std::string>>> distinct;
    for (const auto& [folded, slot] : by_title) {
      bool inside = false;
      for (const auto& [other, other_slot] : by_title) {
        if (other != folded && other.find(folded) != std::string::npos) inside = true;
        if (other != folded && folded.find(other) != std::string::npos) inside = true;
      }
      if (!inside) distinct.push_back(slot);
    }
    if (distinct.size() < 2) continue;
    Discrepancy d;
    d.subject = "title of " + merged.entities[idx].name;
    d.kind = "title";
    d.label = "different wording";
    for (const auto& [title, sources] : distinct) {
      d.variants.push_back(DiscrepancyVariant{title, title + " " + merged.entities[idx].name, sources});
    }
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace newsfuse::synthesize
