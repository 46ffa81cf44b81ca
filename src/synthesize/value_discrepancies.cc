#include "synthesize/value_discrepancies.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "base/strings.h"
#include "synthesize/section_text.h"
#include "synthesize/term_vectors.h"
#include "text/chars.h"

namespace newsfuse::synthesize {
namespace {

struct Tok {
  std::string_view text;
  std::string lower;
  bool word = false;     // letters or digits (else punctuation)
  bool capital = false;  // starts with a capital letter
  bool digits = false;   // all digits
};

std::vector<Tok> Tokenize(std::string_view s) {
  std::vector<Tok> out;
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (base::IsAsciiSpace(c)) {
      ++i;
      continue;
    }
    const size_t start = i;
    if (text::IsAsciiAlnum(c)) {
      // Words run through inner hyphens, apostrophes and the points of
      // abbreviations ("N.Y.", "half-mile").
      while (i < s.size() && (text::IsAsciiAlnum(s[i]) || ((s[i] == '-' || s[i] == '\'' || s[i] == '.') && i + 1 < s.size() &&
                                              text::IsAsciiAlnum(s[i + 1])))) {
        ++i;
      }
    } else {
      const unsigned char u = static_cast<unsigned char>(c);
      i += u >= 0xF0 ? 4 : u >= 0xE0 ? 3 : u >= 0xC0 ? 2 : 1;
      i = std::min(i, s.size());
    }
    Tok t;
    t.text = s.substr(start, i - start);
    t.lower = base::AsciiLower(t.text);
    t.word = text::IsAsciiAlnum(c);
    t.capital = base::IsAsciiUpper(c);
    t.digits = std::all_of(t.text.begin(), t.text.end(), [](char d) { return base::IsAsciiDigit(d); });
    out.push_back(std::move(t));
  }
  return out;
}

bool IsDateWord(const std::string& w) {
  static const std::set<std::string> kDate = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
      "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
      "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"};
  return kDate.count(w) > 0;
}

// A word that can be part of a name: capitalised, not a function word ("The",
// "She" at a sentence start) and not a day or month.
bool NameWord(const Tok& t) {
  return t.word && t.capital && !t.digits && !IsStopword(t.lower) && !IsDateWord(t.lower);
}

struct Phrase {
  size_t begin = 0, end = 0;  // tokens [begin, end)
};

// The name phrase that holds token i, or an empty phrase.
Phrase NameAt(const std::vector<Tok>& toks, size_t i) {
  if (i >= toks.size() || !NameWord(toks[i])) return {};
  size_t b = i, e = i + 1;
  while (b > 0 && NameWord(toks[b - 1])) --b;
  while (e < toks.size() && NameWord(toks[e])) ++e;
  return {b, e};
}

std::string Join(const std::vector<Tok>& toks, Phrase p) {
  std::string out;
  for (size_t k = p.begin; k < p.end; ++k) out += (k > p.begin ? " " : "") + std::string(toks[k].text);
  return out;
}

std::string Colour(const std::string& w) {
  static const std::map<std::string, std::string> kColours = {
      {"silver", "silver"}, {"gray", "gray"},     {"grey", "gray"},   {"black", "black"}, {"white", "white"},
      {"red", "red"},       {"blue", "blue"},     {"green", "green"}, {"yellow", "yellow"}, {"brown", "brown"},
      {"gold", "gold"},     {"beige", "beige"},   {"tan", "tan"},     {"maroon", "maroon"}, {"orange", "orange"},
      {"purple", "purple"}, {"burgundy", "burgundy"}};
  auto it = kColours.find(w);
  return it == kColours.end() ? std::string() : it->second;
}

bool IsYear(const Tok& t) {
  if (!t.digits || t.text.size() != 4) return false;
  return (t.text[0] == '1' && t.text[1] == '9') || (t.text[0] == '2' && t.text[1] == '0');
}

// The clause around token i: bounded by the sentence, a semicolon, or a
// comma before "and", "but", "while" ("was a 2008 MacArthur Fellow, and in
// 1995 she was elected to the AMA board" holds two claims).
Phrase ClauseAround(const std::vector<Tok>& toks, size_t i) {
  auto bound = [&](size_t k) {
    if (toks[k].text == ";") return true;
    if (toks[k].text != "," || k + 1 >= toks.size()) return false;
    const std::string& next = toks[k + 1].lower;
    return next == "and" || next == "but" || next == "while";
  };
  size_t b = i, e = i + 1;
  while (b > 0 && !bound(b - 1)) --b;
  while (e < toks.size() && !bound(e)) ++e;
  return {b, e};
}

// The multi-word name nearest token i in its clause (by token distance; the
// earlier on a tie), or an empty phrase.
Phrase NearestMultiWordName(const std::vector<Tok>& toks, size_t i) {
  Phrase best;
  size_t best_distance = SIZE_MAX;
  const Phrase clause = ClauseAround(toks, i);
  for (size_t k = clause.begin; k < clause.end;) {
    Phrase p = NameAt(toks, k);
    if (p.end == p.begin) {
      ++k;
      continue;
    }
    p.begin = std::max(p.begin, clause.begin);
    p.end = std::min(p.end, clause.end);
    if (p.end - p.begin >= 2) {
      const size_t d = i < p.begin ? p.begin - i : i - (p.end - 1);
      if (d < best_distance) {
        best_distance = d;
        best = p;
      }
    }
    k = p.end;
  }
  return best;
}

// The name that ends just before token `at`, skipping ", 59," (an age).
Phrase NameBeforeComma(const std::vector<Tok>& toks, size_t at) {
  // NAME , of   |   NAME , 59 , of
  if (at < 2 || toks[at - 1].text != ",") return {};
  size_t k = at - 2;
  if (toks[k].digits && k >= 2 && toks[k - 1].text == ",") k -= 2;
  return NameAt(toks, k).end == k + 1 ? NameAt(toks, k) : Phrase{};
}

// The age of "43-year-old" (then a name follows) or of "23-year" before
// "old"; 0 when token i is neither.
int AgeBefore(const std::vector<Tok>& toks, size_t i) {
  const std::string& w = toks[i].lower;
  const size_t dash = w.find("-year");
  if (dash == std::string::npos || dash == 0 || dash > 3) return 0;
  for (size_t k = 0; k < dash; ++k) {
    if (!base::IsAsciiDigit(w[k])) return 0;
  }
  const std::string rest = w.substr(dash);
  const bool joined = rest == "-year-old";
  if (!joined && !(rest == "-year" && i + 1 < toks.size() && toks[i + 1].lower == "old")) return 0;
  const int age = std::stoi(w.substr(0, dash));
  return age <= 110 ? age : 0;
}

}  // namespace

std::vector<ValueClaim> ValueClaims(std::string_view sentence) {
  const std::vector<Tok> toks = Tokenize(sentence);
  std::vector<ValueClaim> out;
  for (size_t i = 0; i < toks.size(); ++i) {
    const Tok& t = toks[i];
    // colour: "a silver Toyota Camry", "a gray 2013 Toyota Camry".
    if (const std::string colour = Colour(t.lower); !colour.empty()) {
      size_t j = i + 1;
      while (j < toks.size() && j <= i + 2 && toks[j].digits) ++j;
      const Phrase head = NameAt(toks, j);
      if (head.end > head.begin && head.begin == j) out.push_back({"colour", Join(toks, head), std::string(t.text)});
      continue;
    }
    // year: "founded the ... Clinic in 1990", "a 2008 MacArthur Fellow"
    // (the name that follows it); not a day's year ("May 2, 2013").
    if (IsYear(t)) {
      const bool day_year = i >= 1 && (IsDateWord(toks[i - 1].lower) ||
                                       (toks[i - 1].text == "," && i >= 2 && toks[i - 2].digits));
      const Phrase next = NameAt(toks, i + 1);
      const Phrase head = next.end > next.begin && next.begin == i + 1 ? next : NearestMultiWordName(toks, i);
      if (!day_year && head.end > head.begin) {
        out.push_back({"year", Join(toks, head), std::string(t.text)});
      }
      continue;
    }
    // age: "Yvonne Hiller, 43, got into", "43-year-old Yvonne Hiller",
    // "23-year old Vishwanand Subryan".
    // "Raj Chohan, a 59-year-old grandmother": the name before ", a".
    if (const int age = AgeBefore(toks, i); age > 0) {
      const size_t next = i + 1 + (toks[i].lower.ends_with("-old") ? 0 : 1);
      Phrase who = NameAt(toks, next);
      if (who.end == who.begin || who.begin != next) {
        const bool apposed = i >= 3 && (toks[i - 1].lower == "a" || toks[i - 1].lower == "an") && toks[i - 2].text == ",";
        who = apposed && NameAt(toks, i - 3).end == i - 2 ? NameAt(toks, i - 3) : Phrase{};
      }
      if (who.end > who.begin) out.push_back({"age", Join(toks, who), std::to_string(age)});
      continue;
    }
    if (t.digits && t.text.size() <= 3 && i >= 2 && i + 1 < toks.size() && toks[i - 1].text == "," &&
        toks[i + 1].text == ",") {
      const int age = std::stoi(std::string(t.text));
      const Phrase who = NameAt(toks, i - 2);
      if (age > 0 && age <= 110 && who.end == i - 1) out.push_back({"age", Join(toks, who), std::string(t.text)});
      continue;
    }
    if (t.lower != "in" && t.lower != "of" && t.lower != "from") continue;
    const Phrase place = NameAt(toks, i + 1);
    if (place.end == place.begin || place.begin != i + 1) continue;
    // home: "Chohan, 59, of College Point", "Subryan, 23, from Schenectady".
    if (t.lower != "in") {
      const Phrase who = NameBeforeComma(toks, i);
      if (who.end > who.begin) out.push_back({"home", Join(toks, who), Join(toks, place)});
      continue;
    }
    // home: "Chohan, who lived half a mile away in South Ozone Park".
    bool lived = false;
    size_t k = i;
    while (k > 0 && i - k < 6) {
      --k;
      const std::string& w = toks[k].lower;
      if (w == "lived" || w == "lives" || w == "living" || w == "resides" || w == "resided") {
        lived = true;
        break;
      }
    }
    if (lived) {
      // The name before "who lived" / ", who lives".
      size_t n = k;
      while (n > 0 && (toks[n - 1].lower == "who" || toks[n - 1].text == ",")) --n;
      const Phrase who = n > 0 ? NameAt(toks, n - 1) : Phrase{};
      if (who.end > who.begin && who.end == n) out.push_back({"home", Join(toks, who), Join(toks, place)});
      continue;
    }
    // location: "the Betty Ford Center in Rancho Mirage".
    const Phrase what = i > 0 ? NameAt(toks, i - 1) : Phrase{};
    if (what.end > what.begin && what.end == i && what.end - what.begin >= 2) {
      out.push_back({"location", Join(toks, what), Join(toks, place)});
    }
  }
  return out;
}

namespace {

std::set<std::string> Words(const std::string& s) {
  std::set<std::string> out;
  for (std::string_view w : base::SplitWords(s)) out.insert(base::AsciiLower(w));
  return out;
}

bool Within(const std::set<std::string>& a, const std::set<std::string>& b) {
  return std::includes(b.begin(), b.end(), a.begin(), a.end());
}

// One subject's words hold the other's ("Betty Ford Center" in "Betty Ford
// Treatment Center"); a one-word subject is a surname, the last word of the
// other ("Chohan" / "Raj Chohan").
bool SameSubject(const ValueClaim& a, const std::set<std::string>& wa, const ValueClaim& b,
                 const std::set<std::string>& wb) {
  if (wa.size() == 1 || wb.size() == 1) {
    const auto last = [](const std::string& s) {
      const auto words = base::SplitWords(s);
      return words.empty() ? std::string() : base::AsciiLower(words.back());
    };
    return last(a.subject) == last(b.subject);
  }
  return Within(wa, wb) || Within(wb, wa);
}

// Two writings of one value: the same words folded ("gray" / "grey" are
// folded before), or one inside the other ("Ozone Park" / "South Ozone Park").
bool SameValue(const std::string& a, const std::string& b) {
  const std::set<std::string> wa = Words(a), wb = Words(b);
  return Within(wa, wb) || Within(wb, wa);
}

// The mention of a version whose writing of the value most outlets use
// ("gray" from four outlets over one outlet's "grey"; the first on a tie):
// the version shows the words its sources wrote.
template <typename MentionT>
size_t MostWritten(const std::vector<MentionT>& mentions, const std::vector<size_t>& version) {
  size_t best = version.front();
  size_t best_outlets = 0;
  for (size_t m : version) {
    const std::string writing = base::AsciiLower(mentions[m].claim.value);
    std::set<size_t> outlets;
    for (size_t o : version) {
      if (base::AsciiLower(mentions[o].claim.value) == writing) outlets.insert(mentions[o].article);
    }
    if (outlets.size() > best_outlets) {
      best_outlets = outlets.size();
      best = m;
    }
  }
  return best;
}

}  // namespace

SentenceClaims ReadValueClaims(const std::vector<const extract::ArticleAnalysis*>& articles) {
  SentenceClaims out(articles.size());
  for (size_t ai = 0; ai < articles.size(); ++ai) {
    const auto& doc = articles[ai]->doc;
    out[ai].resize(doc.sentences.size());
    for (size_t si = 0; si < doc.sentences.size(); ++si) {
      if (doc.paragraphs[doc.sentences[si].paragraph].is_heading) continue;
      out[ai][si] = ValueClaims(doc.Text(doc.sentences[si].span));
    }
  }
  return out;
}

std::vector<Discrepancy> FindValueDiscrepancies(const std::vector<const extract::ArticleAnalysis*>& articles) {
  return FindValueDiscrepancies(articles, ReadValueClaims(articles));
}

std::vector<Discrepancy> FindValueDiscrepancies(const std::vector<const extract::ArticleAnalysis*>& articles,
                                                const SentenceClaims& claims) {
  // Claims are compared pair by pair: past this many (far above a real
  // story's) the rest are left out.
  constexpr size_t kMaxValueClaims = 3000;
  struct Mention {
    ValueClaim claim;
    std::set<std::string> subject_words;
    std::string folded;  // the value folded (colours to one spelling)
    std::string text;    // the sentence
    size_t article;
  };
  std::vector<Mention> mentions;
  for (size_t ai = 0; ai < articles.size(); ++ai) {
    const auto& doc = articles[ai]->doc;
    for (size_t si = 0; si < doc.sentences.size(); ++si) {
      const std::string_view text = doc.Text(doc.sentences[si].span);
      for (ValueClaim c : claims[ai][si]) {
        if (mentions.size() >= kMaxValueClaims) break;
        Mention m;
        m.subject_words = Words(c.subject);
        // "the Bayou La Batre clinic in Bayou La Batre" repeats its name.
        if (Within(Words(c.value), m.subject_words)) continue;
        m.folded = c.predicate == "colour" ? Colour(base::AsciiLower(c.value)) : base::AsciiLower(c.value);
        m.claim = std::move(c);
        m.text = base::CollapseWhitespace(text);
        m.article = ai;
        mentions.push_back(std::move(m));
      }
    }
  }
  // Claims about one thing: the same predicate, subjects that hold each other.
  const size_t n = mentions.size();
  DisjointSets sets(n);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      if (mentions[i].claim.predicate != mentions[j].claim.predicate) continue;
      if (SameSubject(mentions[i].claim, mentions[i].subject_words, mentions[j].claim, mentions[j].subject_words)) {
        sets.Join(i, j);
      }
    }
  }
  std::map<size_t, std::vector<size_t>> groups;
  for (size_t i = 0; i < n; ++i) groups[sets.Find(i)].push_back(i);
  std::vector<Discrepancy> out;
  for (const auto& [root, members] : groups) {
    // Versions: values that are writings of one another count as one.
    std::vector<std::vector<size_t>> versions;
    for (size_t m : members) {
      bool placed = false;
      for (auto& v : versions) {
        if (SameValue(mentions[v.front()].folded, mentions[m].folded)) {
          v.push_back(m);
          placed = true;
          break;
        }
      }
      if (!placed) versions.push_back({m});
    }
    if (versions.size() < 2) continue;
    // An outlet that gives two versions tells of two things (or of a change
    // it explains itself).
    std::map<size_t, std::set<size_t>> versions_of_article;
    for (size_t v = 0; v < versions.size(); ++v) {
      for (size_t m : versions[v]) versions_of_article[mentions[m].article].insert(v);
    }
    if (OneOutletGivesTwo(versions_of_article)) continue;
    const ValueClaim& first = mentions[members.front()].claim;
    Discrepancy d;
    d.kind = first.predicate == "colour" || first.predicate == "age" ? "attribute"
             : first.predicate == "year"                              ? "year"
                                                                      : "place";
    d.label = "conflict";
    // The longest subject names the thing best ("Toyota Camry" over "Camry").
    std::string subject;
    for (size_t m : members) {
      if (mentions[m].claim.subject.size() > subject.size()) subject = mentions[m].claim.subject;
    }
    d.subject = first.predicate + " of " + subject;
    for (const auto& v : versions) {
      DiscrepancyVariant dv;
      const size_t shown = MostWritten(mentions, v);
      dv.value = mentions[shown].claim.value;
      dv.text = mentions[shown].text;
      for (size_t m : v) {
        const std::string& id = articles[mentions[m].article]->article->id;
        AddSource(&dv.sources, id);
      }
      d.variants.push_back(std::move(dv));
    }
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace newsfuse::synthesize
