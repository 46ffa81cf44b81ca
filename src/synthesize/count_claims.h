// File: synthesize/count_claims.h
//
// How many were killed or wounded, as each outlet tells it: "killing two
// workers and wounding two others" says two wounded, "critically injuring a
// third co-worker", "2 dead, 1 wounded" and "another wounded" say one, "no one
// was injured" says none. The number comparator (discrepancies.h) leaves such
// small counts alone (a figure under ten beside another under ten); here the
// count is read from the words that tie it to the harm ("wounding two",
// "a man wounded"), so that only counts of the killed or of the wounded are
// compared.
//
// An outlet that gives two counts of one harm (its own event's and an
// earlier shooting's: "three others wounded" in a paragraph about another
// attack) is left out of that comparison rather than taken as a version:
// its counts are not about one thing. The rest disagree when two or more
// counts remain, from two or more outlets.
#ifndef NEWSFUSE_SYNTHESIZE_COUNT_CLAIMS_H_
#define NEWSFUSE_SYNTHESIZE_COUNT_CLAIMS_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/article_analysis.h"
#include "newsfuse/brief.h"

namespace newsfuse::synthesize {

// One count of a sentence: `harm` is "killed" or "wounded", `count` the
// number (0 for "no one"), `words` the words that say it, as written.
struct CountClaim {
  std::string harm;
  int count = 0;
  std::string words;
};

// The counts a sentence gives; counts of ten or more are the number
// comparator's and are not read.
std::vector<CountClaim> CountClaims(std::string_view sentence);

// Discrepancies of kind "count": subject "number killed" / "number wounded",
// labelled as NumberLabel labels figures ("update" when each later report
// gives a new count, else "conflict").
std::vector<Discrepancy> FindCountDiscrepancies(const std::vector<const extract::ArticleAnalysis*>& articles);

}  // namespace newsfuse::synthesize

#endif  // NEWSFUSE_SYNTHESIZE_COUNT_CLAIMS_H_
