#include "synthesize/count_claims.h"

#include <map>
#include <set>
#include <utility>

#include "base/strings.h"
#include "extract/timex_lexicon.h"
#include "synthesize/discrepancies.h"
#include "synthesize/section_text.h"
#include "text/chars.h"

namespace newsfuse::synthesize {
namespace {

struct Word {
  std::string_view surface;
  std::string lower;
  bool capital = false;
  bool punctuation = false;
};

std::vector<Word> Words(std::string_view s) {
  std::vector<Word> out;
  size_t i = 0;
  while (i < s.size()) {
    if (base::IsAsciiSpace(s[i])) {
      ++i;
      continue;
    }
    const size_t start = i;
    if (text::IsAsciiAlnum(s[i])) {
      // "co-worker" is one word.
      while (i < s.size() && (text::IsAsciiAlnum(s[i]) || (s[i] == '-' && i + 1 < s.size() && text::IsAsciiAlnum(s[i + 1])))) ++i;
    } else {
      ++i;
    }
    Word w;
    w.surface = s.substr(start, i - start);
    w.lower = base::AsciiLower(w.surface);
    w.capital = base::IsAsciiUpper(s[start]);
    w.punctuation = !text::IsAsciiAlnum(s[start]);
    out.push_back(std::move(w));
  }
  return out;
}

// The count a word gives: digits and number words under ten (the time
// expressions' own, extract/timex_lexicon.h), "a" / "an" / "another" one,
// "no" / "none" / "nobody" none; -1 for any other word.
int CountOf(const Word& w) {
  if (w.lower.size() == 1 && base::IsAsciiDigit(w.lower[0])) return w.lower[0] - '0';
  if (w.lower == "no" || w.lower == "none" || w.lower == "nobody") return 0;
  if (w.lower == "another") return 1;
  const int n = extract::timex::WordNumber(w.lower);
  return n >= 1 && n <= 9 && w.lower != "single" ? n : -1;
}

// "killed" / "wounded" for a word that tells of that harm, when it may
// follow its count ("two dead", "a man wounded") or, as a verb, precede it
// ("killing two", "wounding a third").
struct Harm {
  std::string_view kind;
  bool takes_object = false;  // a verb form that may have the count after it
};

Harm HarmOf(const std::string& w) {
  static const std::map<std::string, Harm, std::less<>> kHarm = {
      {"killed", {"killed", true}},   {"killing", {"killed", true}},   {"dead", {"killed", false}},
      {"died", {"killed", false}},    {"slain", {"killed", false}},    {"wounded", {"wounded", true}},
      {"wounding", {"wounded", true}}, {"injured", {"wounded", true}}, {"injuring", {"wounded", true}}};
  auto it = kHarm.find(w);
  return it == kHarm.end() ? Harm{} : it->second;
}

bool IsOrdinal(const std::string& w) {
  return w == "second" || w == "third" || w == "fourth" || w == "fifth" || w == "sixth";
}

std::string Join(const std::vector<Word>& words, size_t from, size_t to) {
  std::string out;
  for (size_t k = from; k <= to; ++k) out += (k > from ? " " : "") + std::string(words[k].surface);
  return out;
}

}  // namespace

std::vector<CountClaim> CountClaims(std::string_view sentence) {
  const std::vector<Word> words = Words(sentence);
  std::vector<CountClaim> out;
  std::vector<bool> used(words.size(), false);  // a count word already read
  // The harm first: "killing two workers", "critically injuring a third".
  for (size_t i = 0; i < words.size(); ++i) {
    const Harm harm = HarmOf(words[i].lower);
    if (!harm.takes_object) continue;
    size_t j = i + 1;
    while (j < words.size() && j <= i + 2 && words[j].lower.ends_with("ly")) ++j;
    if (j >= words.size()) continue;
    const int count = CountOf(words[j]);
    if (count <= 0) continue;
    // "one of the wounded" counts a part; "a" needs what it counts after it.
    const bool part = j + 2 < words.size() && words[j + 1].lower == "of" && words[j + 2].lower == "the";
    if (part || (words[j].lower.size() <= 2 && words[j].lower[0] == 'a' &&
                 (j + 1 >= words.size() || words[j + 1].punctuation))) {
      continue;
    }
    used[j] = true;
    const size_t end = j + 1 < words.size() && IsOrdinal(words[j + 1].lower) ? j + 1 : j;
    out.push_back({std::string(harm.kind), count, Join(words, i, end)});
  }
  // The count first: "two people have been killed", "a third employee
  // wounded", "Another man was also injured", "no one was hurt".
  for (size_t i = 0; i < words.size(); ++i) {
    if (used[i] || words[i].punctuation) continue;
    const int count = CountOf(words[i]);
    // "a mother of two died" counts her children, not the dead.
    if (count < 0 || (i > 0 && words[i - 1].lower == "of")) continue;
    size_t k = i + 1;
    if (count == 0 && k < words.size() && words[k].lower == "one") used[k++] = true;  // "no one"
    // Up to four lower-case words between ("people have been", "man was
    // also"); a name, a comma, "of" or "and" ends the phrase.
    for (size_t steps = 0; k < words.size() && steps <= 4; ++k, ++steps) {
      const Word& w = words[k];
      const Harm harm = HarmOf(w.lower);
      if (!harm.kind.empty()) {
        out.push_back({std::string(harm.kind), count, Join(words, i, k)});
        used[i] = true;
        break;
      }
      if (w.punctuation || (w.capital && !IsOrdinal(w.lower)) || w.lower == "of" || w.lower == "and" ||
          w.lower == "or" || w.lower == "by" || CountOf(w) >= 0) {
        break;
      }
    }
  }
  return out;
}

namespace {

// The names a sentence holds: its capitalised words after the first,
// lower-cased.
std::set<std::string> NamesIn(std::string_view sentence) {
  std::set<std::string> out;
  const std::vector<Word> words = Words(sentence);
  for (size_t k = 1; k < words.size(); ++k) {
    if (words[k].capital && !IsStopword(words[k].lower)) out.insert(words[k].lower);
  }
  return out;
}

bool Meet(const std::set<std::string>& a, const std::set<std::string>& b) {
  for (const auto& x : a) {
    if (b.count(x)) return true;
  }
  return false;
}

}  // namespace

std::vector<Discrepancy> FindCountDiscrepancies(const std::vector<const extract::ArticleAnalysis*>& articles) {
  struct Said {
    size_t article = 0;
    CountClaim claim;
    std::string text;  // the sentence
    std::set<std::string> names;
  };
  std::map<std::string, std::vector<Said>> by_harm;
  for (size_t ai = 0; ai < articles.size(); ++ai) {
    const auto& doc = articles[ai]->doc;
    for (const auto& sent : doc.sentences) {
      const std::string_view text = doc.Text(sent.span);
      for (CountClaim& c : CountClaims(text)) {
        // Counts are compared pair by pair: past this many of one harm (far
        // above a real story's) the rest are left out.
        auto& said = by_harm[c.harm];
        if (said.size() >= kMaxPairwiseCandidates) continue;
        said.push_back(Said{ai, std::move(c), base::CollapseWhitespace(text), NamesIn(text)});
      }
    }
  }
  std::vector<Discrepancy> out;
  for (const auto& [harm, said] : by_harm) {
    // Counts disagree only about one named thing: a count told with names
    // that no other outlet's different count uses ("Amy Bishop ... left
    // three biology professors dead" beside "Hiller ... killing two") is
    // another event's. A count without names is taken as the story's.
    // article -> count -> the first claim that gives it.
    std::map<size_t, std::map<int, const Said*>> counts;
    for (const Said& s : said) {
      bool ours = s.names.empty();
      for (const Said& other : said) {
        if (!ours && other.article != s.article && other.claim.count != s.claim.count) {
          ours = Meet(s.names, other.names);
        }
      }
      if (ours) counts[s.article].try_emplace(s.claim.count, &s);
    }
    // count -> the outlets that give only it.
    std::map<int, std::vector<size_t>> versions;
    for (const auto& [ai, given] : counts) {
      if (given.size() == 1) versions[given.begin()->first].push_back(ai);
    }
    if (versions.size() < 2) continue;
    Discrepancy d;
    d.kind = "count";
    d.subject = "number " + harm;
    std::vector<NumberVersion> labelled;
    for (const auto& [count, arts] : versions) {
      NumberVersion nv;
      nv.value = count;
      DiscrepancyVariant v;
      const Said& first = *counts.at(arts.front()).at(count);
      v.value = first.claim.words;
      v.text = first.text;
      for (size_t ai : arts) {
        AddSource(&v.sources, articles[ai]->article->id);
        const auto& pub = articles[ai]->article->published;
        if (!pub) {
          nv.undated = true;
          continue;
        }
        const std::string day = pub->ToString();
        nv.first_published = nv.first_published.empty() ? day : std::min(nv.first_published, day);
        nv.last_published = std::max(nv.last_published, day);
      }
      labelled.push_back(std::move(nv));
      d.variants.push_back(std::move(v));
    }
    d.label = NumberLabel(labelled);
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace newsfuse::synthesize
