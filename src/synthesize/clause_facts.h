// File: synthesize/clause_facts.h
//
// Facts shorter than a sentence. An outlet's sentence often carries two
// claims ("Lohan, who has been in rehab five times, was previously in Betty
// Ford in 2010"); the fact aligner joins whole sentences, and the fact
// support cites an outlet only where its sentence states the whole wording
// (fact_support.h, StatesClaim), so a claim that many outlets give inside
// different sentences ends up split over several facts with few sources each.
//
// Here each statement sentence is split into its clauses (at commas,
// semicolons, dashes, brackets and the words that join clauses or
// coordinated predicates: "and", "but", "who", "which", ...), and a clause
// is a claim of its own: an outlet states it when one of its sentences holds
// every figure of the clause and at least `min_overlap` of its content terms
// (its names and its predicate: the clause is short, so the share is high).
// A clause becomes a fact when more outlets state it than the fact that
// already cites its sentence, each outlet cited with its sentence that
// states it; a clause that states (or is stated by) a clause fact already
// kept for its own outlet says nothing new.
#ifndef NEWSFUSE_SYNTHESIZE_CLAUSE_FACTS_H_
#define NEWSFUSE_SYNTHESIZE_CLAUSE_FACTS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsfuse::synthesize {

struct ClauseOptions {
  // The share of a clause's content terms a sentence must hold to state it.
  // Chosen by leave-one-story-out cross-validation (README: "clause facts").
  float min_overlap = 0.7f;
  // The share of its predicate words (lower-case content words: what the
  // clause says of its names) among them, at least one: "runs a rural health
  // clinic in Bayou La Batre" is stated by "CEO of the Bayou La Batre Rural
  // Health Clinic", "rebuilt her clinic in Bayou La Batre" is not.
  float min_predicate_overlap = 0.67f;
  // Fewer content terms than this is a fragment ("Alabama"), no claim.
  size_t min_terms = 2;
  // Outlets that must state a clause for it to be a fact.
  size_t min_articles = 2;
  // Term comparisons in all: bounds time on a story of thousands of sentences.
  uint64_t max_checks = 4'000'000;
};

struct ClauseFact {
  std::string text;               // the clause as its outlet writes it
  std::vector<uint32_t> articles;  // sorted
  std::vector<uint32_t> units;     // same order: the article's first sentence that states it
};

// The clauses of a sentence, in order, trimmed of spaces and punctuation.
std::vector<std::string_view> SplitClauses(std::string_view sentence);

// `texts[u]`, `article_of[u]`: statement sentence u and its article;
// `cited_articles[u]`: how many articles the largest fact citing u has (0
// when none). Returns the clause facts, most articles first.
std::vector<ClauseFact> FindClauseFacts(const std::vector<std::string_view>& texts,
                                        const std::vector<uint32_t>& article_of,
                                        const std::vector<uint32_t>& cited_articles,
                                        const ClauseOptions& options = {});

}  // namespace newsfuse::synthesize

#endif  // NEWSFUSE_SYNTHESIZE_CLAUSE_FACTS_H_
