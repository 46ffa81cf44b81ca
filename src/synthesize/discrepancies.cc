#include "synthesize/discrepancies.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <utility>

#include "base/strings.h"
#include "extract/entity_linker.h"
#include "synthesize/term_vectors.h"
#include "synthesize/dated_sentences.h"
#include "synthesize/figure_subject.h"
#include "synthesize/section_text.h"

namespace newsfuse::synthesize {

namespace {

using Articles = std::vector<const extract::ArticleAnalysis*>;

// An act and what it is done to: "checked into | Betty Ford Center". Two
// outlets that date the same act on the same named thing tell of one event
// however differently the rest of their sentences run ("Early Friday
// morning, around 1:30 a.m., the actress checked into Betty Ford Center" /
// "Lohan checked into California's Betty Ford Center rehab facility late
// Thursday").
struct EventAct {
  std::string verb;                           // stem and particle: "check in"
  std::vector<std::set<std::string>> objects;  // the names after it, as word sets
};

// Words of a date or a clock time, capitalised but no name ("Updated 9:28
// AM EDT" acts on no named thing).
bool IsTimeWord(std::string_view w) {
  static const std::set<std::string, std::less<>> kTime = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
      "march",  "april",   "may",       "june",     "july",   "august",   "september", "october", "november",
      "december", "am",    "pm",        "et",       "edt",    "est",      "ct",        "cdt",     "cst",
      "pt",     "pdt",     "pst",       "gmt",      "bst",    "utc",      "cet",       "cest"};
  return kTime.count(w) > 0;
}

std::vector<EventAct> EventActs(std::string_view sentence, Stemmer& stemmer) {
  struct W {
    std::string lower;
    bool name = false;  // a capitalised word that may be part of a name
    bool ends = false;  // punctuation after it ends a name
  };
  std::vector<W> words;
  for (SentenceWord& sw : SentenceWords(sentence)) {
    const bool name = sw.capital && !IsStopword(sw.lower) && !IsTimeWord(sw.lower);
    words.push_back(W{std::move(sw.lower), name, sw.ends});
  }
  std::vector<EventAct> out;
  for (size_t i = 0; i < words.size(); ++i) {
    const std::string& w = words[i].lower;
    if (w.size() < 5 || !(w.ends_with("ed") || w.ends_with("ing"))) continue;
    EventAct act;
    act.verb = std::string(stemmer.Stem(w));
    size_t k = i + 1;
    if (k < words.size()) {
      const std::string& p = words[k].lower;
      if (p == "into" || p == "in" || p == "out" || p == "up" || p == "off" || p == "down") {
        act.verb += p == "into" ? " in" : " " + p;
        ++k;
      }
    }
    // The names after it: runs of two or more capitalised words.
    for (size_t n = k; n < words.size();) {
      if (!words[n].name) {
        ++n;
        continue;
      }
      std::set<std::string> name;
      size_t e = n;
      while (e < words.size() && words[e].name) {
        name.insert(words[e].lower);
        if (words[e++].ends) break;
      }
      if (name.size() >= 2) act.objects.push_back(std::move(name));
      n = e;
    }
    if (!act.objects.empty()) out.push_back(std::move(act));
  }
  return out;
}

// One act on one named thing in both: the same verb, and names that share
// two words ("Betty Ford Center" / "California's Betty Ford Center").
bool SameAct(const std::vector<EventAct>& a, const std::vector<EventAct>& b) {
  for (const EventAct& x : a) {
    for (const EventAct& y : b) {
      if (x.verb != y.verb) continue;
      for (const auto& nx : x.objects) {
        for (const auto& ny : y.objects) {
          size_t shared = 0;
          for (const auto& word : nx) shared += ny.count(word);
          if (shared >= 2) return true;
        }
      }
    }
  }
  return false;
}

// The words of the people a sentence names ("vincent", "jackson").
std::set<std::string> PeopleNamed(const extract::ArticleAnalysis& a, size_t sentence) {
  const text::Span span = a.doc.sentences[sentence].span;
  std::set<std::string> words;
  for (const auto& m : a.mentions) {
    if (m.type != extract::EntityType::kPerson || m.span.begin < span.begin || m.span.end > span.end) continue;
    ForEachWord(extract::CleanName(m.span.In(a.doc.text)), [&](std::string_view w) {
      if (w.size() > 1) words.insert(std::string(w));
    });
  }
  return words;
}

bool Meet(const std::set<std::string>& x, const std::set<std::string>& y) {
  return std::any_of(x.begin(), x.end(), [&](const std::string& s) { return y.count(s) > 0; });
}

}  // namespace

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
  Stemmer stemmer;
  std::vector<std::vector<EventAct>> acts(n);
  for (size_t i = 0; i < n; ++i) acts[i] = EventActs(c[i].text, stemmer);
  std::vector<std::set<std::string>> people(n);
  for (size_t i = 0; i < n; ++i) people[i] = PeopleNamed(*articles[c[i].article], c[i].sentence);
  DisjointSets sets(n);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      if (c[i].article == c[j].article) continue;
      // Sentences about different people tell of different acts ("Jackson
      // was arrested Jan. 6" / "Williams was arrested Feb. 1").
      if (!people[i].empty() && !people[j].empty() && !Meet(people[i], people[j])) continue;
      size_t shared = 0;
      for (const auto& x : event[i]) shared += event[j].count(x);
      const bool similar = shared >= 4 && Containment(event[i], event[j]) >= 0.6;
      if (!similar && !SameAct(acts[i], acts[j])) continue;
      sets.Join(i, j);
    }
  }
  std::map<size_t, std::vector<size_t>> groups;
  for (size_t i = 0; i < n; ++i) groups[sets.Find(i)].push_back(i);
  std::vector<Discrepancy> out;
  for (const auto& [root, members] : groups) {
    std::map<std::string, std::vector<size_t>> by_date;
    std::map<size_t, std::set<std::string>> dates_of_article;
    for (size_t m : members) {
      by_date[c[m].date].push_back(m);
      dates_of_article[c[m].article].insert(c[m].date);
    }
    if (by_date.size() < 2) continue;
    // An outlet that gives both days tells of two events.
    if (OneOutletGivesTwo(dates_of_article)) continue;
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
    FigureSubject subject;           // what the figure is about
  };
  std::map<std::string, std::string> surface;  // stem -> first word seen with it
  std::vector<Item> items;
  size_t candidates = 0;
  Stemmer stemmer;
  for (size_t ai = 0; ai < articles.size(); ++ai) {
    const auto& a = *articles[ai];
    for (const auto& q : a.quantities) {
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
      items.push_back(Item{ai, &q, cls, &ctx->second, &ctx->second.text, DescribeFigure(a, q, s, stemmer)});
    }
  }
  if (candidates > max_candidates && notes) {
    notes->push_back("numbers: " + extract::GroupThousands(candidates) + " figures, compared the first " +
                     extract::GroupThousands(max_candidates));
  }
  // Pairs from different articles about the same kind of thing, in the same
  // order of magnitude, in sentences that share their context words, about
  // the same subject (figure_subject.h).
  const size_t n = items.size();
  DisjointSets sets(n);
  std::vector<bool> linked(n, false);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      const Item& a = items[i];
      const Item& b = items[j];
      if (a.cls != b.cls) continue;
      const double hi = std::max(a.q->value, b.q->value), lo = std::min(a.q->value, b.q->value);
      if (lo <= 0 || hi / lo > 3.0) continue;
      // Small counts ("two hours", "three co-workers") rarely conflict among
      // themselves; one beside a figure of ten or more may ("nine minutes" /
      // "10 minutes").
      if (hi < 10 && a.q->unit.empty()) continue;
      // One sentence's figures share all their context (when it has any).
      if (a.context == b.context ? a.context->ids.empty() : Containment(a.context->ids, b.context->ids) < 0.3) {
        continue;
      }
      if (!SameFigureSubject(a.subject, b.subject)) continue;
      sets.Join(i, j);
      linked[i] = linked[j] = true;
    }
  }
  std::map<size_t, std::vector<size_t>> groups;
  for (size_t i = 0; i < n; ++i) {
    if (linked[i]) groups[sets.Find(i)].push_back(i);
  }
  std::vector<Discrepancy> out;
  for (const auto& [root, members] : groups) {
    std::map<double, std::vector<size_t>> by_value;
    for (size_t m : members) by_value[items[m].q->value].push_back(m);
    if (by_value.size() < 2) continue;
    std::map<size_t, std::set<double>> values_of_article;
    for (size_t m : members) values_of_article[items[m].article].insert(items[m].q->value);
    if (values_of_article.size() < 2) continue;
    // An outlet that gives two of the figures counts two things ("six AK-47
    // rifles" in this raid, "14 AK-47 rifles" in all five), not a figure
    // other outlets give differently.
    if (OneOutletGivesTwo(values_of_article)) continue;
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

namespace {

// "lt." shortens "lieutenant", "gov." "governor": a word ending in a period
// whose letters the other word holds in order, from its first letter.
bool Shortens(std::string_view abbreviation, std::string_view word) {
  if (abbreviation.size() < 3 || !abbreviation.ends_with('.') || word.empty() ||
      abbreviation.front() != word.front()) {
    return false;
  }
  abbreviation.remove_suffix(1);
  size_t at = 0;
  for (char c : abbreviation) {
    at = word.find(c, at);
    if (at == std::string_view::npos) return false;
    ++at;
  }
  return word.size() > abbreviation.size();
}

// Folded titles that are one title written in full and shortened ("police
// lieutenant" / "police lt."), word for word.
bool SameTitleShortened(std::string_view a, std::string_view b) {
  const auto wa = base::SplitWords(a), wb = base::SplitWords(b);
  if (wa.size() != wb.size()) return false;
  for (size_t k = 0; k < wa.size(); ++k) {
    if (wa[k] != wb[k] && !Shortens(wa[k], wb[k]) && !Shortens(wb[k], wa[k])) return false;
  }
  return true;
}

}  // namespace

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
        // The shortened form gives way to the full one.
        if (other != folded && SameTitleShortened(folded, other) && folded.size() < other.size()) inside = true;
      }
      if (!inside) distinct.push_back(slot);
    }
    if (distinct.size() < 2) continue;
    // Titles that only one outlet gives ("director" and "head" of one
    // person in one profile) are its own wording, not outlets differing.
    std::set<std::string> outlets;
    for (const auto& [title, sources] : distinct) outlets.insert(sources.begin(), sources.end());
    if (outlets.size() < 2) continue;
    // An outlet that gives two of the titles says the person holds both
    // ("Captain" and "Chief Public Relations Officer"), not that outlets differ.
    std::map<std::string, std::set<std::string>> titles_of_outlet;
    for (const auto& [title, sources] : distinct) {
      for (const auto& source : sources) titles_of_outlet[source].insert(title);
    }
    if (OneOutletGivesTwo(titles_of_outlet)) continue;
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
