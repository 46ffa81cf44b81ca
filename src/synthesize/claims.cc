#include "synthesize/claims.h"

#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "text/chars.h"
#include "text/verb_lexicon.h"

namespace newsfuse::synthesize {

namespace {

struct Token {
  std::string_view surface;  // as written
  std::string lower;         // lower-cased, apostrophes dropped ("didnt")
};

std::vector<Token> Tokens(std::string_view text) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < text.size()) {
    if (!text::IsAsciiAlnum(text[i])) {
      ++i;
      continue;
    }
    const size_t start = i;
    Token t;
    while (i < text.size()) {
      const size_t apostrophe = text::ApostropheAt(text, i);  // "'" or U+2019
      if (text::IsAsciiAlnum(text[i])) {
        t.lower.push_back(text::AsciiLower(text[i]));
        ++i;
      } else if (apostrophe != 0 && i + apostrophe < text.size() && text::IsAsciiAlpha(text[i + apostrophe])) {
        i += apostrophe;
      } else {
        break;
      }
    }
    t.surface = text.substr(start, i - start);
    out.push_back(std::move(t));
  }
  return out;
}

bool IsNegator(const std::string& w) {
  static const std::unordered_set<std::string> kNeg = {
      "not",    "never",   "didnt",  "doesnt", "dont",   "isnt",    "arent",   "wasnt",  "werent",
      "hasnt",  "havent",  "hadnt",  "wont",   "wouldnt", "cant",   "cannot",  "couldnt", "shouldnt",
      "mustnt", "neednt"};
  return kNeg.count(w) > 0;
}

// Words between a negator and what it negates ("did not yet formally meet").
bool IsFiller(const std::string& w) {
  static const std::unordered_set<std::string> kFill = {
      "be", "been", "being", "have", "has", "had", "yet", "also", "ever", "even", "actually", "to",
      "formally", "officially", "immediately", "personally", "directly", "longer"};
  return kFill.count(w) > 0;
}

// Irregular verb forms the stemmer leaves apart ("met" / "meet").
std::string_view Irregular(const std::string& w) {
  static const std::unordered_map<std::string, std::string_view> kForms = {
      {"met", "meet"},     {"went", "go"},      {"gone", "go"},      {"gave", "give"},
      {"given", "give"},   {"took", "take"},    {"taken", "take"},   {"made", "make"},
      {"saw", "see"},      {"seen", "see"},     {"came", "come"},    {"left", "leave"},
      {"held", "hold"},    {"won", "win"},      {"lost", "lose"},    {"paid", "pay"},
      {"sent", "send"},    {"spoke", "speak"},  {"spoken", "speak"}, {"knew", "know"},
      {"known", "know"},   {"found", "find"},   {"began", "begin"},  {"begun", "begin"},
      {"fell", "fall"},    {"fallen", "fall"},  {"rose", "rise"},    {"risen", "rise"},
      {"broke", "break"},  {"broken", "break"}, {"bought", "buy"},   {"sold", "sell"},
      {"ran", "run"},      {"kept", "keep"},    {"brought", "bring"}, {"struck", "strike"},
      {"fought", "fight"}, {"fled", "flee"},    {"chose", "choose"}, {"chosen", "choose"},
      {"signed", "sign"},  {"wrote", "write"},  {"written", "write"}, {"arrived", "arrive"}};
  auto it = kForms.find(w);
  return it == kForms.end() ? std::string_view() : it->second;
}

// Antonym pairs: the second word of each is read as the first, negated.
// Only words whose other senses rarely meet in one fact ("end" and "close"
// are nouns and adjectives too often).
constexpr std::pair<std::string_view, std::string_view> kAntonyms[] = {
    {"rise", "fall"},      {"increase", "decrease"}, {"approve", "reject"}, {"accept", "refuse"},
    {"confirm", "deny"},   {"win", "lose"},          {"allow", "ban"},      {"support", "oppose"},
    {"alive", "dead"},     {"guilty", "innocent"},   {"succeed", "fail"},   {"legal", "illegal"},
    {"resume", "suspend"}, {"acquit", "convict"}};

struct Predicate {
  std::string lemma;       // canonical: the first word of an antonym pair
  bool negative = false;   // polarity after negation and antonym flips
  bool marked = false;     // negated, or a member of an antonym pair
  std::string value;       // the words as written ("did not meet")
  bool nominal = false;    // a noun formed from the lemma ("determination")
};

class Lemmatizer {
 public:
  explicit Lemmatizer(Stemmer& stemmer) : stemmer_(stemmer) {}

  std::string Lemma(const std::string& w) {
    const std::string_view irregular = Irregular(w);
    return std::string(stemmer_.Stem(irregular.empty() ? std::string_view(w) : irregular));
  }

  // The canonical lemma and whether it flips, for a member of an antonym pair.
  std::pair<std::string, bool> Canonical(const std::string& lemma) {
    if (antonyms_.empty()) {
      for (const auto& [first, second] : kAntonyms) {
        const std::string a(stemmer_.Stem(first));
        const std::string b(stemmer_.Stem(second));
        antonyms_.try_emplace(a, a, false);
        antonyms_.try_emplace(b, a, true);
      }
    }
    auto it = antonyms_.find(lemma);
    if (it == antonyms_.end()) return {lemma, false};
    return it->second;
  }

  bool IsAntonymWord(const std::string& lemma) {
    Canonical(lemma);
    return antonyms_.count(lemma) > 0;
  }

 private:
  Stemmer& stemmer_;
  std::unordered_map<std::string, std::pair<std::string, bool>> antonyms_;
};

std::string Join(const std::vector<Token>& tokens, size_t from, size_t to) {
  std::string out;
  for (size_t i = from; i <= to; ++i) {
    if (i > from) out.push_back(' ');
    out.append(tokens[i].surface);
  }
  return out;
}

std::vector<Predicate> Predicates(std::string_view text, Lemmatizer& lemmatizer) {
  const std::vector<Token> tokens = Tokens(text);
  std::vector<Predicate> out;
  std::vector<int> negated_by(tokens.size(), -1);  // the negator's index
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& w = tokens[i].lower;
    const bool no_longer = w == "no" && i + 1 < tokens.size() && tokens[i + 1].lower == "longer";
    // "has yet to be determined" says it has not been.
    const bool yet_to = w == "yet" && i + 1 < tokens.size() && tokens[i + 1].lower == "to";
    if (!IsNegator(w) && !no_longer && !yet_to) continue;
    // "not only ... but also" affirms.
    if (i + 1 < tokens.size() && (tokens[i + 1].lower == "only" || tokens[i + 1].lower == "just")) continue;
    for (size_t j = i + 1; j < tokens.size() && j <= i + 4; ++j) {
      // Adverbs sit between ("not necessarily expecting").
      if (IsFiller(tokens[j].lower) || IsNegator(tokens[j].lower) || tokens[j].lower.ends_with("ly")) continue;
      if (IsStopword(tokens[j].lower)) break;
      negated_by[j] = static_cast<int>(i);
      break;
    }
  }
  // "denied (that) his country was involved": the denial negates the verb
  // that follows it within a few words (after an auxiliary, or a word in
  // -ed / -ing), not its subject.
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& w = tokens[i].lower;
    // "No ransom demand was received" negates its verb the same way.
    const bool denial = w == "denied" || w == "denies" || w == "deny" || w == "denying";
    const bool nobody = w == "no" || w == "nobody" || w == "nothing" || w == "none";
    if (!denial && !nobody) continue;
    for (size_t j = i + 1; j < tokens.size() && j <= i + 8; ++j) {
      const std::string& v = tokens[j].lower;
      // The scope ends with its clause ("denies this and accuses ...",
      // "came as no surprise since ... had been dropped").
      static const std::unordered_set<std::string> kClauseEnd = {
          "and", "but", "or", "since", "because", "as", "while", "when", "after", "before",
          "although", "though", "if", "this", "it", "them", "so", "yet", "until", "unless"};
      if (kClauseEnd.count(v)) break;
      if (IsStopword(v) || IsNegator(v)) continue;
      // After "no" a word in -ing is mostly a noun ("no hearing date"): only
      // a verb after an auxiliary counts ("no demand was received").
      const bool verb = text::IsAuxiliary(tokens[j - 1].lower) || (denial && (v.ends_with("ed") || v.ends_with("ing")));
      if (!verb) continue;
      if (negated_by[j] < 0) negated_by[j] = static_cast<int>(i);
      break;
    }
  }
  for (size_t i = 0; i < tokens.size(); ++i) {
    const std::string& w = tokens[i].lower;
    if (IsStopword(w) || IsNegator(w) || std::isdigit(static_cast<unsigned char>(w[0]))) continue;
    const std::string lemma = lemmatizer.Lemma(w);
    auto [canonical, flip] = lemmatizer.Canonical(lemma);
    Predicate p;
    p.lemma = std::move(canonical);
    const bool negated = negated_by[i] >= 0;
    p.negative = negated != flip;
    p.marked = negated || lemmatizer.IsAntonymWord(lemma);
    size_t from = i;
    if (negated) {
      from = static_cast<size_t>(negated_by[i]);
      if (from > 0 && text::IsAuxiliary(tokens[from - 1].lower)) --from;
    }
    // A noun made of the verb ("a final determination") does not state
    // the verb's claim.
    p.nominal = w.ends_with("tion") || w.ends_with("sion") || w.ends_with("ment") || w.ends_with("ness") ||
                w.ends_with("ance") || w.ends_with("ence");
    p.value = Join(tokens, from, i);
    out.push_back(std::move(p));
  }
  return out;
}

// The first predicate of `x` that is marked and that `y` states only with
// the opposite polarity; returns the indices, or {-1, -1}.
std::pair<int, int> Opposed(const std::vector<Predicate>& x, const std::vector<Predicate>& y) {
  for (size_t i = 0; i < x.size(); ++i) {
    if (!x[i].marked) continue;
    int opposite = -1;
    bool same = false;
    // A sentence that states both ("accepted the offer but did not accept
    // the schedule") speaks of two things.
    for (const Predicate& other : x) same |= other.lemma == x[i].lemma && other.negative != x[i].negative;
    if (x[i].nominal) continue;
    for (size_t j = 0; j < y.size(); ++j) {
      if (y[j].lemma != x[i].lemma || y[j].nominal) continue;
      if (y[j].negative == x[i].negative) {
        same = true;
      } else if (opposite < 0) {
        opposite = static_cast<int>(j);
      }
    }
    if (opposite >= 0 && !same) return {static_cast<int>(i), opposite};
  }
  return {-1, -1};
}

}  // namespace

ClaimContrast CompareClaims(std::string_view a, std::string_view b, Stemmer& stemmer) {
  Lemmatizer lemmatizer(stemmer);
  const std::vector<Predicate> pa = Predicates(a, lemmatizer);
  const std::vector<Predicate> pb = Predicates(b, lemmatizer);
  ClaimContrast out;
  if (auto [i, j] = Opposed(pa, pb); i >= 0) {
    out.contradicts = true;
    out.value_a = pa[i].value;
    out.value_b = pb[j].value;
  } else if (auto [k, l] = Opposed(pb, pa); k >= 0) {
    out.contradicts = true;
    out.value_a = pa[l].value;
    out.value_b = pb[k].value;
  }
  return out;
}

}  // namespace newsfuse::synthesize
