#include "synthesize/clause_facts.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <functional>
#include <unordered_map>

#include "base/strings.h"
#include "extract/timex_lexicon.h"
#include "synthesize/fact_support.h"
#include "synthesize/section_text.h"
#include "synthesize/term_vectors.h"
#include "text/chars.h"
#include "text/verb_lexicon.h"

namespace newsfuse::synthesize {
namespace {

// Words that open a new clause or a coordinated predicate, as written in
// lower case (a capitalised "And" opens the sentence, not a clause of it).
bool JoinsClauses(std::string_view word) {
  static constexpr std::array<std::string_view, 13> kJoins = {
      "and", "but", "while", "whereas", "although", "though", "because", "who", "which", "where", "when", "after",
      "before"};
  return std::find(kJoins.begin(), kJoins.end(), word) != kJoins.end();
}

struct Claim {
  std::vector<uint32_t> terms;      // sorted, unique
  std::vector<uint32_t> predicate;  // the terms of its predicate words, sorted, unique
  std::vector<std::string> figures;
};

void SortUnique(std::vector<uint32_t>* v) {
  std::sort(v->begin(), v->end());
  v->erase(std::unique(v->begin(), v->end()), v->end());
}

// The shared terms a sentence needs to state a claim of `terms` terms.
size_t Needed(size_t terms, float min_overlap) {
  const auto need = static_cast<size_t>(std::ceil(min_overlap * static_cast<float>(terms) - 1e-4f));
  return std::max<size_t>(1, need);
}

// The terms of which a sentence holding `need` of `terms` holds one: the
// terms.size() - need + 1 with the shortest postings, into `rare`.
void RarestNeeded(const std::vector<uint32_t>& terms, size_t need,
                  const std::vector<std::vector<uint32_t>>& units_of_term, std::vector<uint32_t>* rare) {
  rare->assign(terms.begin(), terms.end());
  const size_t keep = terms.size() + 1 - std::min(need, terms.size());
  if (keep < rare->size()) {
    std::nth_element(rare->begin(), rare->begin() + static_cast<std::ptrdiff_t>(keep - 1), rare->end(),
                     [&](uint32_t a, uint32_t b) { return units_of_term[a].size() < units_of_term[b].size(); });
    rare->resize(keep);
  }
}

bool States(const Claim& claim, const std::vector<uint32_t>& terms, const std::vector<std::string>& figures,
            const ClauseOptions& options) {
  return SharedCount(claim.predicate, terms) >= Needed(claim.predicate.size(), options.min_predicate_overlap) &&
         SharedCount(claim.terms, terms) >= Needed(claim.terms.size(), options.min_overlap) &&
         std::includes(figures.begin(), figures.end(), claim.figures.begin(), claim.figures.end());
}

// Term ids of texts: their content words' stems, as term_vectors.h reads
// them. Every sentence is read again clause by clause, so each distinct word
// is stemmed once and looked up after that.
class TermIds {
 public:
  void Append(std::string_view text, std::vector<uint32_t>* out) {
    ForEachWord(text, [&](std::string_view w) {
      auto it = word_ids_.find(w);
      if (it == word_ids_.end()) {
        uint32_t id = kStopword;
        if (!IsStopword(w)) {
          id = stem_ids_.try_emplace(std::string(stemmer_.Stem(w)), static_cast<uint32_t>(stem_ids_.size()))
                   .first->second;
        }
        it = word_ids_.emplace(std::string(w), id).first;
      }
      if (it->second != kStopword) out->push_back(it->second);
    });
  }

 private:
  static constexpr uint32_t kStopword = UINT32_MAX;
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  Stemmer stemmer_;
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> word_ids_;
  std::unordered_map<std::string, uint32_t> stem_ids_;
};

// A clause that opens with the verb of saying ("said he was on the third
// floor") gives what its speaker, named outside it, said: who "he" is is not
// in it, so outlets that put someone else on the third floor would agree.
bool OpensReport(std::string_view word) {
  static constexpr std::array<std::string_view, 8> kSaying = {"said",  "says",    "say",     "told",
                                                              "tells", "reported", "reports", "according"};
  if (word.size() < 3 || word.size() > 9) return false;
  return std::any_of(kSaying.begin(), kSaying.end(), [&](std::string_view s) { return base::EqualsIgnoreCase(s, word); });
}

// A number or ordinal word ("third" of "third-floor", "forty"), lower case.
bool IsNumberWord(std::string_view word) {
  const std::string_view head = word.substr(0, word.find('-'));
  return extract::timex::Ordinal(head) > 0 || (extract::timex::WordNumber(head) > 1 && head != "dozen");
}

// An auxiliary or a form of "be": a clause that ends on one ("the three
// victims were") was cut from what it says.
bool EndsCut(std::string_view w) {
  char lower[8];
  if (w.size() > sizeof lower) return false;
  for (size_t k = 0; k < w.size(); ++k) lower[k] = text::AsciiLower(w[k]);
  const std::string_view l(lower, w.size());
  return text::IsAuxiliary(l) || l == "be" || l == "been" || l == "being" || l == "am";
}

// A claim names what it is about and says something of it: the clause holds
// a value (a capitalised word that does not open the sentence, a token with
// a digit, a number or ordinal word: "third floor") and predicate words
// (lower-case content words), among them a word that can be a verb
// (text/verb_lexicon.h) other than one of saying: a noun phrase ("A Superior
// Court judge", "Dr. Benjamin's nomination") or a bare report ("TMZ
// reported") states nothing. Nor does a clause of names alone ("Mark
// Heller"), one that reports (OpensReport), a condition ("If confirmed by
// the Senate") or one cut after its auxiliary (EndsCut). Appends the terms of its
// predicate words to `predicate`; false (and nothing) when no claim.
bool ReadPredicate(std::string_view clause, bool opens_sentence, TermIds* term_ids, std::vector<uint32_t>* predicate) {
  bool value = false, verb = false;
  std::string_view last;
  const size_t start = predicate->size();
  bool first = opens_sentence;
  for (size_t i = 0; i < clause.size();) {
    if (!text::IsAsciiAlnum(clause[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    bool digit = false;
    while (j < clause.size() && (text::IsAsciiAlnum(clause[j]) || clause[j] == '-' || clause[j] == '\'')) {
      digit |= base::IsAsciiDigit(clause[j]);
      ++j;
    }
    const std::string_view word = clause.substr(i, j - i);
    if (i == 0 && (OpensReport(word) || base::EqualsIgnoreCase(word, "if") || base::EqualsIgnoreCase(word, "unless"))) {
      break;
    }
    last = word;
    const bool lower = base::IsAsciiLower(word[0]);
    if (!verb && (lower || first) && !OpensReport(word) && word.size() <= 24) {
      char buf[24];
      for (size_t k = 0; k < word.size(); ++k) buf[k] = text::AsciiLower(word[k]);
      verb = text::CanBeVerb(std::string_view(buf, word.size()));
    }
    if (digit || (lower && IsNumberWord(word)) || (!lower && !first)) {
      value = true;
    } else if (lower && word.size() > 2) {
      term_ids->Append(word, predicate);  // nothing for a stop word
    }
    first = false;
    i = j;
  }
  if (!value || !verb || EndsCut(last) || predicate->size() == start) {
    predicate->resize(start);
    return false;
  }
  return true;
}

}  // namespace

std::vector<std::string_view> SplitClauses(std::string_view s) {
  std::vector<std::string_view> out;
  size_t start = 0;
  auto close = [&](size_t end) {
    std::string_view c = s.substr(start, end - start);
    while (!c.empty() && !text::IsAsciiAlnum(c.front())) c.remove_prefix(1);
    while (!c.empty() && !text::IsAsciiAlnum(c.back())) c.remove_suffix(1);
    if (!c.empty()) out.push_back(c);
  };
  size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    // A comma inside a figure ("2,500") joins; one before a space separates.
    if (c == ';' || c == ':' || c == '(' || c == ')' || (c == ',' && i + 1 < s.size() && s[i + 1] == ' ')) {
      close(i);
      start = ++i;
      continue;
    }
    // Em and en dashes.
    if (s.compare(i, 3, "\xE2\x80\x94") == 0 || s.compare(i, 3, "\xE2\x80\x93") == 0) {
      close(i);
      start = i += 3;
      continue;
    }
    if (base::IsAsciiAlpha(c) && (i == 0 || !text::IsAsciiAlnum(s[i - 1]))) {
      size_t j = i;
      while (j < s.size() && base::IsAsciiAlpha(s[j])) ++j;
      if (JoinsClauses(s.substr(i, j - i)) && (j == s.size() || !text::IsAsciiAlnum(s[j]))) {
        close(i);
        start = j;
      }
      i = j;
      continue;
    }
    ++i;
  }
  close(s.size());
  return out;
}

std::vector<ClauseFact> FindClauseFacts(const std::vector<std::string_view>& texts,
                                        const std::vector<uint32_t>& article_of,
                                        const std::vector<uint32_t>& cited_articles,
                                        const ClauseOptions& options) {
  std::vector<ClauseFact> out;
  uint32_t articles = 0;
  for (uint32_t a : article_of) articles = std::max(articles, a + 1);
  if (articles < 2) return out;

  // The clauses that are claims and, per sentence, the terms of all its
  // clauses in one id space.
  struct Clause {
    uint32_t unit;
    std::string_view text;
    Claim claim;
  };
  TermIds term_ids;
  std::vector<Clause> clauses;
  std::vector<std::vector<uint32_t>> unit_terms(texts.size());
  std::vector<std::vector<std::string>> unit_figures(texts.size());
  for (uint32_t u = 0; u < texts.size(); ++u) {
    unit_figures[u] = Figures(texts[u]);
    for (std::string_view c : SplitClauses(texts[u])) {
      // Every clause's terms are its sentence's; only claims are searched for.
      const size_t start = unit_terms[u].size();
      term_ids.Append(c, &unit_terms[u]);
      if (unit_terms[u].size() - start < options.min_terms) continue;
      Claim claim;
      const std::string_view before = texts[u].substr(0, static_cast<size_t>(c.data() - texts[u].data()));
      if (!ReadPredicate(c, std::none_of(before.begin(), before.end(), text::IsAsciiAlnum), &term_ids, &claim.predicate)) {
        continue;
      }
      SortUnique(&claim.predicate);
      claim.terms.assign(unit_terms[u].begin() + static_cast<std::ptrdiff_t>(start), unit_terms[u].end());
      SortUnique(&claim.terms);
      if (claim.terms.size() < options.min_terms) continue;
      claim.figures = Figures(c);
      clauses.push_back(Clause{u, c, std::move(claim)});
    }
    auto& t = unit_terms[u];
    std::sort(t.begin(), t.end());
    t.erase(std::unique(t.begin(), t.end()), t.end());
  }
  std::vector<std::vector<uint32_t>> units_of_term;  // postings, ascending
  std::vector<uint32_t> articles_of_term;  // how many articles give each term
  std::vector<uint32_t> last_article;
  for (uint32_t u = 0; u < texts.size(); ++u) {
    for (uint32_t t : unit_terms[u]) {
      if (t >= units_of_term.size()) {
        units_of_term.resize(t + 1);
        articles_of_term.resize(t + 1, 0);
        last_article.resize(t + 1, UINT32_MAX);
      }
      units_of_term[t].push_back(u);
      if (last_article[t] != article_of[u]) ++articles_of_term[t];
      last_article[t] = article_of[u];
    }
  }

  // Per clause, the articles that state it (each with its first sentence that does).
  struct Candidate {
    size_t clause;
    std::vector<uint32_t> articles, units;
  };
  std::vector<Candidate> candidates;
  std::vector<uint32_t> first_unit(articles, UINT32_MAX);
  std::vector<uint32_t> touched;  // the articles whose first_unit is set
  std::vector<uint32_t> rare, rare_predicate;
  std::vector<size_t> seen_at(texts.size(), SIZE_MAX);
  uint64_t checks = 0;
  for (size_t ci = 0; ci < clauses.size() && checks < options.max_checks; ++ci) {
    const Clause& c = clauses[ci];
    const size_t n = c.claim.terms.size();
    const size_t need = Needed(n, options.min_overlap);
    // A sentence with `need` of the n terms holds one of the n - need + 1
    // rarest; so for the predicate's terms: search the shorter postings.
    RarestNeeded(c.claim.terms, need, units_of_term, &rare);
    RarestNeeded(c.claim.predicate, Needed(c.claim.predicate.size(), options.min_predicate_overlap), units_of_term,
                 &rare_predicate);
    auto postings = [&](const std::vector<uint32_t>& ts) {
      size_t sum = 0;
      for (uint32_t t : ts) sum += units_of_term[t].size();
      return sum;
    };
    const std::vector<uint32_t>& search = postings(rare_predicate) < postings(rare) ? rare_predicate : rare;
    // Every stating article gives one of the searched terms: when they are
    // given by too few articles to make a fact, none is searched.
    size_t reach = 0;
    for (uint32_t t : search) reach += articles_of_term[t];
    if (reach < options.min_articles || reach <= cited_articles[c.unit]) continue;
    for (uint32_t art : touched) first_unit[art] = UINT32_MAX;
    touched.assign(1, article_of[c.unit]);
    first_unit[article_of[c.unit]] = c.unit;
    for (uint32_t t : search) {
      for (uint32_t v : units_of_term[t]) {
        if (seen_at[v] == ci) continue;
        seen_at[v] = ci;
        const uint32_t art = article_of[v];
        if (first_unit[art] <= v) continue;
        ++checks;
        if (!States(c.claim, unit_terms[v], unit_figures[v], options)) continue;
        if (first_unit[art] == UINT32_MAX) touched.push_back(art);
        first_unit[art] = v;
      }
    }
    if (touched.size() < options.min_articles || touched.size() <= cited_articles[c.unit]) continue;
    Candidate cand{ci, touched, {}};
    std::sort(cand.articles.begin(), cand.articles.end());
    for (uint32_t art : cand.articles) cand.units.push_back(first_unit[art]);
    candidates.push_back(std::move(cand));
  }

  // Most outlets first; a clause already said for its outlet by a kept one is left out.
  std::stable_sort(candidates.begin(), candidates.end(),
                   [](const Candidate& a, const Candidate& b) { return a.articles.size() > b.articles.size(); });
  std::vector<std::vector<size_t>> kept_citing(articles);  // per article, the kept candidates citing it
  for (size_t k = 0; k < candidates.size(); ++k) {
    const Clause& c = clauses[candidates[k].clause];
    bool said = false;
    for (size_t e : kept_citing[article_of[c.unit]]) {
      const Clause& ec = clauses[candidates[e].clause];
      said = States(c.claim, ec.claim.terms, ec.claim.figures, options) ||
             States(ec.claim, c.claim.terms, c.claim.figures, options);
      if (said) break;
    }
    if (said) continue;
    for (uint32_t art : candidates[k].articles) kept_citing[art].push_back(k);
    ClauseFact f;
    f.text = std::string(c.text);
    f.articles = candidates[k].articles;
    f.units = candidates[k].units;
    out.push_back(std::move(f));
  }
  return out;
}

}  // namespace newsfuse::synthesize
