// File: synthesize/dated_sentences.h
//
// The dated sentences of a story's articles, which the timeline and the date
// discrepancies both read: each sentence with a time expression naming one
// day (or a week or month), the day resolved, whether it is planned, and
// the words of the clause that holds it.
#ifndef NEWSFUSE_SYNTHESIZE_DATED_SENTENCES_H_
#define NEWSFUSE_SYNTHESIZE_DATED_SENTENCES_H_

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "extract/article_analysis.h"

namespace newsfuse::synthesize {

// A dated event: a sentence with a time expression naming one day.
struct DatedSentence {
  std::string date;
  std::string precision = "day";  // or "week", "month" (see TimelineEntry)
  std::string text;
  std::string source;
  size_t article = 0;
  size_t sentence = 0;
  bool future = false;      // planned rather than done, seen from its article
  bool only_date = true;    // the sentence names no other day
  bool anchored = true;     // the day does not hang on a guessed publication date
  std::set<std::string> stems;
  std::set<std::string> date_stems;  // stems of the time expression's words
  // Content stems of the clause holding the time expression, its own words
  // and numbers left out: "federal investigators arrived" in "The mayor said
  // the bridge would stay closed, and federal investigators arrived on
  // Wednesday".
  std::set<std::string> clause_stems;
};

// At most `max_candidates` (the first ones); `*seen`, when not null, counts
// them all.
std::vector<DatedSentence> CollectDatedSentences(const std::vector<const extract::ArticleAnalysis*>& articles,
                                                 size_t max_candidates, size_t* seen = nullptr);

// True when the sentence announces a coming event: "will", "plans to", "is
// scheduled", "is expected to", "is set to", "as early as next ...".
bool IsPlanned(std::string_view sentence);

}  // namespace newsfuse::synthesize

#endif  // NEWSFUSE_SYNTHESIZE_DATED_SENTENCES_H_
