// File: synthesize/fact_support.h
//
// Every outlet that states a fact, however worded. The aligner (fact_aligner.h)
// joins sentences by their whole wording, so a claim that 13 outlets report in
// 13 different sentences ("checked into the Betty Ford Center in Rancho
// Mirage", "reports surfaced that she was at the Betty Ford Center") comes out
// as several facts with few sources each. ExtendSupport adds to each fact,
// per outlet it lacks, that outlet's sentence that states the fact's claim:
// one that shares with the fact's wording a specific value of the claim (a
// name, a figure: a capitalised word inside the sentence or a token with a
// digit, one that some but not nearly all outlets give) and is similar to it
// as a whole (TF-IDF cosine at or above `threshold`).
//
// A fact keeps its own members (the timeline and the summary read those);
// the support only widens its sources, so "what each outlet adds" (facts no
// other outlet states) is computed from the same sources as the facts.
#ifndef NEWSFUSE_SYNTHESIZE_FACT_SUPPORT_H_
#define NEWSFUSE_SYNTHESIZE_FACT_SUPPORT_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "synthesize/fact_aligner.h"
#include "synthesize/term_vectors.h"

namespace newsfuse::synthesize {

struct SupportOptions {
  // Cosine between the fact's wording and another outlet's sentence that
  // shares a value with it, from which that sentence states the fact.
  // Chosen by leave-one-story-out cross-validation over the development
  // stories (README of src/synthesize: "fact support").
  float threshold = 0.15f;
  // A value given by more than this share of the outlets (the story's main
  // name) tells nothing of which claim a sentence makes.
  float max_value_share = 0.8f;
  // The share of a claim's content terms an outlet's sentence must hold to
  // be cited for it (with all its figures): a citation is evidence.
  float min_overlap = 0.34f;
  // Cosines computed in all: bounds time on a story of thousands of sentences.
  uint64_t max_checks = 4'000'000;
};

// The values of a sentence as ExtendSupport reads them: capitalised words
// after the first word and tokens holding a digit, lower-cased, in order.
std::vector<std::string_view> ClaimValues(std::string_view sentence);

// `texts[i]`, `article_of[i]`, `vectors[i]`: unit i's words, article and
// term vector. Returns, per group, the added units (one per added article,
// the outlet's closest sentence), sorted by article.
std::vector<std::vector<uint32_t>> ExtendSupport(const std::vector<FactGroup>& groups,
                                                 const std::vector<std::string_view>& texts,
                                                 const std::vector<uint32_t>& article_of,
                                                 const std::vector<SparseVector>& vectors,
                                                 const SupportOptions& options = {});

// What a sentence says, for checking that it states a claim: its content
// terms (ClaimTerms ids, sorted, unique), its figures ("1,200" as "1200"),
// and the terms of the words it quotes other than names (sorted, unique).
struct Evidence {
  std::vector<uint32_t> terms;
  std::vector<std::string> figures;
  std::vector<uint32_t> quoted;
  // Each figure and what it counts ("a 911 supervisor" -> ("911", "supe")):
  // CountedWords.
  std::vector<std::pair<std::string, std::string>> counted;
};

// The figures of a sentence followed by a lower-case word (what they count),
// that word cut to four letters: "357 Magnum" has none, "15 years" gives
// ("15", "year"). Sorted, unique.
std::vector<std::pair<std::string, std::string>> CountedWords(std::string_view sentence);
Evidence EvidenceOf(std::string_view sentence, const std::vector<uint32_t>& term_ids,
                    const std::vector<uint32_t>& quoted_term_ids = {});

// The quoted stretches of a sentence, marks left out: between “ and ”, `` and
// '', or a pair of straight quotes; a closing mark with no opening one ends a
// quotation begun in an earlier sentence, an opening one with no closing runs
// to the end ("Then a co-worker yelled, "Come on, you got to leave now!").
std::vector<std::string_view> QuotedParts(std::string_view sentence);

// The content terms of claims and of the sentences cited for them, as ids
// shared by all sentences of a story. Stricter than TermSpace's words, which
// are made for similarity: a hyphenated compound is one term ("third-floor",
// "43-year-old", "co-workers": a sentence about the "second floor" or a
// "year" does not state them), and words of one or two letters ("Dr.",
// "p.m.", "St.") are no terms, being titles and abbreviations that any
// sentence of the story may hold. Stop words are TermSpace's; stems Snowball's.
class ClaimTerms {
 public:
  // The sentence's term ids, in order of appearance; without names
  // (capitalised words after the first) when `names` is false.
  std::vector<uint32_t> Of(std::string_view sentence, bool names = true);

 private:
  static constexpr uint32_t kNoTerm = UINT32_MAX;
  // The term of a lower-cased word, or kNoTerm (a stop word, a short word).
  uint32_t TermOf(const std::string& word);

  Stemmer stemmer_;
  std::unordered_map<std::string, uint32_t> ids_;       // stem -> term
  std::unordered_map<std::string, uint32_t> word_ids_;  // word -> TermOf(word): each word stemmed once
  std::string word_;  // scratch
};

// The figures of a text: each run of digits (with thousands commas, and a
// decimal part), commas dropped ("1,200.5" -> "1200.5"); sorted, unique.
std::vector<std::string> Figures(std::string_view text);

// True when `sentence` states `claim`: it holds every figure of the claim and
// at least `min_overlap` of the claim's content terms, none of its figures
// counting something else there ("911 calls" does not state "a 911
// supervisor"); and when the claim
// quotes someone, at least `min_overlap` of the quotation's own words, its
// names aside, quoted or not ("as soon as next week" states "as early as
// next week"; "a suspended Kraft Foods employee" does not state "This is a
// sad day for the Kraft Foods family").
bool StatesClaim(const Evidence& claim, const Evidence& sentence, float min_overlap);

}  // namespace newsfuse::synthesize

#endif  // NEWSFUSE_SYNTHESIZE_FACT_SUPPORT_H_
