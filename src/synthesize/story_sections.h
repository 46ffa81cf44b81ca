// File: synthesize/story_sections.h
//
// The briefing sections built from per-article annotations (the quotes
// section is synthesize/quote_merger.h):
//   timeline  dated events, merged across outlets, planned vs happened;
//   numbers   discrepancies between figures about the same thing
//             ("more than one million" vs "about 1.4 million" people in Rafah),
//             labelled "rounding/hedge", "different measure", "update" (later
//             reports give a new figure) or "conflict";
//   dates     one event given different days by different outlets.
#ifndef NEWSFUSE_SYNTHESIZE_STORY_SECTIONS_H_
#define NEWSFUSE_SYNTHESIZE_STORY_SECTIONS_H_

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "extract/article_analysis.h"
#include "newsfuse/brief.h"
#include "synthesize/entity_merger.h"
#include "synthesize/quote_merger.h"  // kMaxPairwiseCandidates, MergeQuotes (moved there)

namespace newsfuse::synthesize {

// Each entry's `planned`: the day lies after its article's publication date,
// or on it with a cue of a coming event (IsPlanned); an event one outlet
// plans and another reports done has happened.
//
// Two dated sentences of one day join when their words (or the clauses that
// hold the day) match, or when `fact_of` puts them in one aligned fact:
// `fact_of[article][sentence]` is the sentence's fact group, -1 for none
// (may be null).
std::vector<TimelineEntry> BuildTimeline(const std::vector<const extract::ArticleAnalysis*>& articles,
                                         const std::vector<std::vector<int>>* fact_of = nullptr);

// True when the sentence announces a coming event: "will", "plans to", "is
// scheduled", "is expected to", "is set to", "as early as next ...".
bool IsPlanned(std::string_view sentence);

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

#endif  // NEWSFUSE_SYNTHESIZE_STORY_SECTIONS_H_
