// File: synthesize/name_variants.h
//
// One organisation named differently by different outlets: "Medical
// Association of the State of Alabama" / "State of Alabama Medical
// Association" / "Medical Association of Alabama". Two names are writings of
// one when they hold the same content words in another order, or when one
// holds all of the other's words but not as one run of them (a run is only a
// shorter mention: "Medical Association" in "American Medical Association").
// Names of three or more content words only; one outlet that writes two
// versions is not a disagreement, and the entity section's spellings
// (entity_merger.h) are not repeated here.
#ifndef NEWSFUSE_SYNTHESIZE_NAME_VARIANTS_H_
#define NEWSFUSE_SYNTHESIZE_NAME_VARIANTS_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/article_analysis.h"
#include "newsfuse/brief.h"

namespace newsfuse::synthesize {

// The names of a sentence: runs of capitalised words, "of" and "the"
// allowed inside ("Medical Association of the State of Alabama").
std::vector<std::string> LongNames(std::string_view sentence);

// True when `a` and `b` are two writings of one name (see above).
bool NameVariants(std::string_view a, std::string_view b);

// Discrepancies of kind "name", label "different wording".
std::vector<Discrepancy> FindNameVariants(const std::vector<const extract::ArticleAnalysis*>& articles);

}  // namespace newsfuse::synthesize

#endif  // NEWSFUSE_SYNTHESIZE_NAME_VARIANTS_H_
