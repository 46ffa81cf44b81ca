#include "synthesize/attribute_facts.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

#include "base/strings.h"
#include "extract/timex_lexicon.h"
#include "synthesize/value_discrepancies.h"

namespace newsfuse::synthesize {
namespace {

std::string LastWord(const std::string& name) {
  const auto words = base::SplitWords(name);
  return words.empty() ? std::string() : base::AsciiLower(words.back());
}

size_t WordCount(const std::string& s) { return base::SplitWords(s).size(); }

// 15 for "15" and "fifteen" (and "twenty-five"), 0 for anything else (a
// tenure under a hundred). Number words are the time expressions' own
// (extract/timex_lexicon.h).
int YearsOf(std::string_view w) {
  if (!w.empty() && w.size() <= 2 && std::all_of(w.begin(), w.end(), base::IsAsciiDigit)) return std::stoi(std::string(w));
  const std::string lower = base::AsciiLower(w);
  const std::string_view word = lower;
  const size_t dash = word.find('-');
  if (dash != std::string_view::npos) {  // "twenty-five"
    const int tens = extract::timex::WordNumber(word.substr(0, dash));
    const int ones = extract::timex::WordNumber(word.substr(dash + 1));
    const bool spelled_ones = word.size() - dash - 1 >= 3;  // "five", not the "a" WordNumber also reads as one
    return tens >= 20 && tens % 10 == 0 && ones >= 1 && ones <= 9 && spelled_ones ? tens + ones : 0;
  }
  const int n = extract::timex::WordNumber(word);
  return n >= 2 && word != "dozen" ? n : 0;
}

// The years of service a sentence gives at byte `*at` of it: "a 15-year
// employee", "the fifteen-year employee", "has worked for Kraft for about 15
// years", "where she'd worked for 15 years"; 0 when none.
int TenureIn(std::string_view sentence, size_t* at) {
  if (base::FindIgnoreCase(sentence, "year") == std::string_view::npos) return 0;
  const auto words = base::SplitWords(sentence);
  for (size_t i = 0; i < words.size(); ++i) {
    std::string w = base::AsciiLower(words[i]);
    while (!w.empty() && !base::IsAsciiAlpha(w.back()) && !base::IsAsciiDigit(w.back())) w.pop_back();
    // "15-year employee" / "15-year veteran".
    if (w.ends_with("-year") && i + 1 < words.size()) {
      const std::string next = base::AsciiLower(words[i + 1]);
      if (next.starts_with("employee") || next.starts_with("veteran")) {
        const int years = YearsOf(std::string_view(w).substr(0, w.size() - 5));
        if (years > 0) {
          *at = static_cast<size_t>(words[i].data() - sentence.data());
          return years;
        }
      }
    }
    // "worked ... for (about|nearly|almost) 15 years", within six words.
    if (w == "worked" || w == "working") {
      for (size_t k = i + 1; k + 2 < words.size() && k <= i + 6; ++k) {
        if (base::AsciiLower(words[k]) != "for") continue;
        size_t n = k + 1;
        const std::string hedge = base::AsciiLower(words[n]);
        if (hedge == "about" || hedge == "nearly" || hedge == "almost") ++n;
        if (n + 1 >= words.size() || !base::AsciiLower(words[n + 1]).starts_with("year")) continue;
        const int years = YearsOf(words[n]);
        if (years > 0) {
          *at = static_cast<size_t>(words[i].data() - sentence.data());
          return years;
        }
      }
    }
  }
  return 0;
}

// The person named nearest byte `at` of sentence `s` of `a` (before it when
// any, else after it), as written; empty when the sentence names none.
std::string PersonNear(const extract::ArticleAnalysis& a, size_t s, uint32_t at) {
  const text::Span span = a.doc.sentences[s].span;
  std::string before, after;
  for (const auto& m : a.mentions) {
    if (m.type != extract::EntityType::kPerson || m.span.begin < span.begin || m.span.end > span.end) continue;
    if (m.span.end <= at) {
      before = std::string(m.span.In(a.doc.text));
    } else if (after.empty()) {
      after = std::string(m.span.In(a.doc.text));
    }
  }
  return before.empty() ? after : before;
}

// The age an unnamed person is given at the start of a report ("A
// 59-year-old woman was killed"), as written ("59"); empty when the
// sentence gives none or names a person (then ValueClaims reads it).
std::string UnnamedAge(const extract::ArticleAnalysis& a, size_t s) {
  const text::Span span = a.doc.sentences[s].span;
  for (const auto& m : a.mentions) {
    if (m.type == extract::EntityType::kPerson && m.span.begin >= span.begin && m.span.end <= span.end) return {};
  }
  const auto words = base::SplitWords(a.doc.Text(span));
  for (size_t i = 1; i < words.size(); ++i) {
    const std::string w = base::AsciiLower(words[i]);
    size_t digits = 0;
    while (digits < w.size() && base::IsAsciiDigit(w[digits])) ++digits;
    if (digits == 0 || digits > 3) continue;
    const std::string_view rest = std::string_view(w).substr(digits);
    const bool aged = rest.starts_with("-year-old") ||
                      (rest == "-year" && i + 1 < words.size() && base::AsciiLower(words[i + 1]).starts_with("old"));
    // "a 59-year-old woman": one person the report names later.
    if (aged && (base::EqualsIgnoreCase(words[i - 1], "a") || base::EqualsIgnoreCase(words[i - 1], "an"))) {
      return w.substr(0, digits);
    }
  }
  return {};
}

// True when `a` first names a person whose name ends in `surname` after
// byte `after` (and not before it).
bool NamedFirstAfter(const extract::ArticleAnalysis& a, const std::string& surname, uint32_t after) {
  for (const auto& m : a.mentions) {
    if (m.type != extract::EntityType::kPerson || LastWord(std::string(m.span.In(a.doc.text))) != surname) continue;
    return m.span.begin >= after;  // mentions run in text order: this is the first
  }
  return false;
}

}  // namespace

std::vector<AttributeFact> FindAttributeFacts(const std::vector<const extract::ArticleAnalysis*>& articles,
                                              size_t min_articles) {
  return FindAttributeFacts(articles, ReadValueClaims(articles), min_articles);
}

std::vector<AttributeFact> FindAttributeFacts(const std::vector<const extract::ArticleAnalysis*>& articles,
                                              const SentenceClaims& read, size_t min_articles) {
  struct Group {
    std::string name;   // the fullest writing of the person's name
    std::string value;  // as first written
    std::string predicate;
    std::map<uint32_t, std::string> stated;  // article -> its first stating sentence
  };
  // (predicate, surname, folded value) -> group.
  std::map<std::tuple<std::string, std::string, std::string>, Group> groups;
  for (uint32_t ai = 0; ai < articles.size(); ++ai) {
    const auto& doc = articles[ai]->doc;
    for (const auto& sent : doc.sentences) {
      if (doc.paragraphs[sent.paragraph].is_heading) continue;
      const std::string_view text = doc.Text(sent.span);
      std::vector<ValueClaim> claims = read[ai][&sent - doc.sentences.data()];
      size_t at = 0;
      if (const int years = TenureIn(text, &at); years > 0) {
        const std::string who = PersonNear(*articles[ai], &sent - doc.sentences.data(),
                                           sent.span.begin + static_cast<uint32_t>(at));
        if (!who.empty()) claims.push_back({"tenure", who, std::to_string(years)});
      }
      for (const ValueClaim& c : claims) {
        if (c.predicate != "age" && c.predicate != "home" && c.predicate != "tenure") continue;
        auto [it, fresh] = groups.try_emplace({c.predicate, LastWord(c.subject), base::AsciiLower(c.value)});
        Group& g = it->second;
        if (fresh) {
          g.value = c.value;
          g.predicate = c.predicate;
        }
        if (WordCount(c.subject) > WordCount(g.name)) g.name = c.subject;
        g.stated.try_emplace(ai, base::CollapseWhitespace(text));
      }
    }
  }
  // A report that opens on "a 59-year-old woman" and names her after: the age
  // is hers when only one named person of the story is given that age (by
  // any outlet). News style describes before it names, so the unnamed
  // description must come before the article's first mention of the name.
  std::map<std::string, std::vector<Group*>> age_holders;  // value -> groups
  for (auto& [key, g] : groups) {
    if (g.predicate == "age") age_holders[std::get<2>(key)].push_back(&g);
  }
  for (uint32_t ai = 0; ai < articles.size(); ++ai) {
    const auto& doc = articles[ai]->doc;
    for (size_t si = 0; si < doc.sentences.size(); ++si) {
      if (doc.paragraphs[doc.sentences[si].paragraph].is_heading) continue;
      const std::string age = UnnamedAge(*articles[ai], si);
      if (age.empty()) continue;
      const auto holders = age_holders.find(age);
      if (holders == age_holders.end() || holders->second.size() != 1) continue;
      Group& g = *holders->second.front();
      if (!NamedFirstAfter(*articles[ai], LastWord(g.name), doc.sentences[si].span.end)) continue;
      g.stated.try_emplace(ai, base::CollapseWhitespace(doc.Text(doc.sentences[si].span)));
    }
  }
  std::vector<AttributeFact> out;
  for (auto& [key, g] : groups) {
    if (g.stated.size() < min_articles) continue;
    AttributeFact f;
    f.text = g.predicate == "age"      ? g.name + " is " + g.value + "."
             : g.predicate == "tenure" ? g.name + " worked there for " + g.value + " years."
                                       : g.name + " is from " + g.value + ".";
    for (auto& [ai, sentence] : g.stated) {
      f.articles.push_back(ai);
      f.sentences.push_back(std::move(sentence));
    }
    out.push_back(std::move(f));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const AttributeFact& a, const AttributeFact& b) { return a.articles.size() > b.articles.size(); });
  return out;
}

}  // namespace newsfuse::synthesize
