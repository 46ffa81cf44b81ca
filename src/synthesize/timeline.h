// File: synthesize/timeline.h
//
// The timeline of a story: dated events merged across outlets, planned vs
// happened, each anchored on its own article's dates (a day counted from
// another article's date is left out).
#ifndef NEWSFUSE_SYNTHESIZE_TIMELINE_H_
#define NEWSFUSE_SYNTHESIZE_TIMELINE_H_

#include <vector>

#include "extract/article_analysis.h"
#include "newsfuse/brief.h"
#include "synthesize/dated_sentences.h"

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

}  // namespace newsfuse::synthesize

#endif  // NEWSFUSE_SYNTHESIZE_TIMELINE_H_
