#include "synthesize/name_variants.h"

#include <algorithm>
#include <map>
#include <set>
#include <utility>

#include "base/strings.h"
#include "synthesize/section_text.h"
#include "synthesize/term_vectors.h"

namespace newsfuse::synthesize {
namespace {

bool Connector(std::string_view lower) { return lower == "of" || lower == "the"; }

// The lower-cased capitalised words of a name, in order.
std::vector<std::string> ContentWords(std::string_view name) {
  std::vector<std::string> out;
  for (std::string_view w : base::SplitWords(name)) {
    std::string lower = base::AsciiLower(w);
    if (!Connector(lower)) out.push_back(std::move(lower));
  }
  return out;
}

// A word that makes a name an organisation's or a place's ("Association",
// "Center"): names of people with their titles ("Strategic Affairs Minister
// Ron Dermer") are the title comparison's.
bool InstitutionWord(const std::string& lower) {
  static const std::set<std::string> kWords = {
      "association", "center",     "centre",   "clinic",     "council",      "department", "ministry",
      "agency",      "institute",  "university", "college",  "hospital",     "society",    "committee",
      "commission",  "board",      "foundation", "corporation", "company",   "party",      "court",
      "office",      "administration", "authority", "bank",    "union",        "organization", "organisation",
      "school",      "academy",    "church",   "museum",     "service",      "services",   "bureau",
      "federation",  "league",     "network",  "group",      "army",         "forces",     "police"};
  return kWords.count(lower) > 0;
}

// A title that opens a name phrase ("President of the Medical Association"):
// the name is what follows its "of".
bool TitleWord(std::string_view lower) {
  return lower == "president" || lower == "chairman" || lower == "chairwoman" || lower == "director" ||
         lower == "secretary" || lower == "minister" || lower == "head" || lower == "chief" || lower == "dean" ||
         lower == "member" || lower == "members" || lower == "governor" || lower == "mayor";
}

// `part` appears in `whole` as one run of words.
bool IsRunOf(const std::vector<std::string>& part, const std::vector<std::string>& whole) {
  return std::search(whole.begin(), whole.end(), part.begin(), part.end()) != whole.end();
}

}  // namespace

std::vector<std::string> LongNames(std::string_view sentence) {
  std::vector<SentenceWord> words = SentenceWords(sentence);
  // A capital that may begin or continue a name: not a function word ("The").
  for (SentenceWord& w : words) w.capital = w.capital && !IsStopword(w.lower);
  std::vector<std::string> out;
  for (size_t i = 0; i < words.size();) {
    if (!words[i].capital) {
      ++i;
      continue;
    }
    size_t last = i;  // the last capitalised word of the run
    size_t k = i;
    while (!words[k].ends && k + 1 < words.size()) {
      const SentenceWord& next = words[k + 1];
      if (next.capital) {
        last = ++k;
      } else if (Connector(next.lower) && k + 2 < words.size() && !next.ends) {
        ++k;  // "of", "the" only between capitalised words
      } else {
        break;
      }
    }
    // "President of the Medical Association ...": the name after the title.
    size_t first = i;
    if (TitleWord(words[i].lower) && i + 1 < last && words[i + 1].lower == "of") {
      first = i + 2;
      if (words[first].lower == "the") ++first;
    }
    std::string name;
    for (size_t j = first; j <= last; ++j) name += (j > first ? " " : "") + std::string(words[j].core);
    out.push_back(std::move(name));
    i = last + 1;
  }
  return out;
}

namespace {

// A name's content words in order and as a set, read once.
struct NameForm {
  std::vector<std::string> words;
  std::set<std::string> set;
  bool institution = false;
};

NameForm FormOf(std::string_view name) {
  NameForm f;
  f.words = ContentWords(name);
  f.set.insert(f.words.begin(), f.words.end());
  f.institution = std::any_of(f.words.begin(), f.words.end(), InstitutionWord);
  return f;
}

bool Variants(const NameForm& a, const NameForm& b) {
  if (a.words.size() < 3 || b.words.size() < 3 || a.words == b.words) return false;
  if (!a.institution || !b.institution) return false;
  if (a.set == b.set) return true;  // another order
  const auto within = [](const std::set<std::string>& x, const std::set<std::string>& y) {
    return std::includes(y.begin(), y.end(), x.begin(), x.end());
  };
  if (within(a.set, b.set)) return !IsRunOf(a.words, b.words);
  if (within(b.set, a.set)) return !IsRunOf(b.words, a.words);
  return false;
}

}  // namespace

bool NameVariants(std::string_view a, std::string_view b) { return Variants(FormOf(a), FormOf(b)); }

std::vector<Discrepancy> FindNameVariants(const std::vector<const extract::ArticleAnalysis*>& articles) {
  // Names are compared pair by pair: past this many distinct ones (far
  // above a real story's) the rest are left out.
  constexpr size_t kMaxNames = 3000;
  struct Name {
    std::string written;
    std::string text;         // the first sentence that writes it
    std::set<size_t> articles;
    NameForm form;
  };
  std::vector<Name> names;
  std::map<std::string, size_t> index;  // folded -> names
  for (size_t ai = 0; ai < articles.size(); ++ai) {
    const auto& doc = articles[ai]->doc;
    for (const auto& sent : doc.sentences) {
      const std::string_view text = doc.Text(sent.span);
      for (std::string& n : LongNames(text)) {
        NameForm form = FormOf(n);
        if (form.words.size() < 3 || !form.institution) continue;
        auto [it, fresh] = index.try_emplace(base::AsciiLower(n), names.size());
        if (fresh) {
          if (names.size() >= kMaxNames) continue;
          names.push_back(Name{std::move(n), base::CollapseWhitespace(text), {}, std::move(form)});
        }
        if (it->second < names.size()) names[it->second].articles.insert(ai);
      }
    }
  }
  DisjointSets sets(names.size());
  std::vector<bool> linked(names.size(), false);
  for (size_t i = 0; i < names.size(); ++i) {
    for (size_t j = i + 1; j < names.size(); ++j) {
      if (Variants(names[i].form, names[j].form)) {
        sets.Join(i, j);
        linked[i] = linked[j] = true;
      }
    }
  }
  std::map<size_t, std::vector<size_t>> groups;
  for (size_t i = 0; i < names.size(); ++i) {
    if (linked[i]) groups[sets.Find(i)].push_back(i);
  }
  std::vector<Discrepancy> out;
  for (const auto& [root, members] : groups) {
    // An outlet that writes two of the versions is not one of the outlets
    // that differ.
    std::map<size_t, int> versions_of;
    for (size_t m : members) {
      for (size_t ai : names[m].articles) versions_of[ai]++;
    }
    Discrepancy d;
    d.kind = "name";
    d.label = "different wording";
    std::string longest;
    std::set<size_t> outlets;
    for (size_t m : members) {
      DiscrepancyVariant v;
      for (size_t ai : names[m].articles) {
        if (versions_of[ai] > 1) continue;
        AddSource(&v.sources, articles[ai]->article->id);
        outlets.insert(ai);
      }
      if (v.sources.empty()) continue;
      v.value = names[m].written;
      v.text = names[m].text;
      if (v.value.size() > longest.size()) longest = v.value;
      d.variants.push_back(std::move(v));
    }
    if (d.variants.size() < 2 || outlets.size() < 2) continue;
    d.subject = "name of " + longest;
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace newsfuse::synthesize
