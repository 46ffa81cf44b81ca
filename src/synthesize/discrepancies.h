// File: synthesize/discrepancies.h
//
// What outlets disagree about, found by comparing them:
//   numbers   figures about the same thing ("more than one million" vs "about
//             1.4 million" people in Rafah), labelled "rounding/hedge",
//             "different measure", "update" (later reports give a new figure)
//             or "conflict";
//   dates     one event given different days by different outlets;
//   titles    one person's titles across outlets.
// Names, places, colours and years of one thing: value_discrepancies.h;
// small counts of the killed and wounded: count_claims.h;
// what someone was the first to do: record_claims.h;
// claim and denial: story_builder.cc (AddClaimConflicts).
#ifndef NEWSFUSE_SYNTHESIZE_DISCREPANCIES_H_
#define NEWSFUSE_SYNTHESIZE_DISCREPANCIES_H_

#include <set>
#include <string>
#include <vector>

#include "extract/article_analysis.h"
#include "newsfuse/brief.h"
#include "synthesize/entity_merger.h"
#include "synthesize/section_text.h"

namespace newsfuse::synthesize {

std::vector<Discrepancy> FindNumberDiscrepancies(
    const std::vector<const extract::ArticleAnalysis*>& articles, std::vector<std::string>* notes = nullptr,
    size_t max_candidates = kMaxPairwiseCandidates);

// One figure of a number discrepancy, as the label sees it.
struct NumberVersion {
  double value = 0;
  bool hedged = false;            // "about", "more than", ...
  std::set<std::string> nouns;    // what it counts, singular
  std::string first_published;    // earliest publication time of its sources
  std::string last_published;
  bool undated = false;           // a source without a publication date
};

// "rounding/hedge" (equal to two significant digits, or a hedged figure
// within half of the other), "different measure" (no counted thing common
// to all versions), "update" (each version published after the previous one's
// sources), else "conflict".
std::string NumberLabel(const std::vector<NumberVersion>& versions);

// Events that outlets date differently: kind "date"; label "update" when
// earlier reports planned it for one day and later ones give another, else
// "conflict".
std::vector<Discrepancy> FindDateDiscrepancies(
    const std::vector<const extract::ArticleAnalysis*>& articles, std::vector<std::string>* notes = nullptr,
    size_t max_candidates = kMaxPairwiseCandidates);

// Titles of one person that differ across outlets ("national security
// adviser" vs "National Security Council chief").
std::vector<Discrepancy> FindTitleDiscrepancies(
    const std::vector<const extract::ArticleAnalysis*>& articles, const MergedEntities& entities);

}  // namespace newsfuse::synthesize

#endif  // NEWSFUSE_SYNTHESIZE_DISCREPANCIES_H_
