// File: synthesize/value_discrepancies.h
//
// Outlets that give one named thing different values: where a person lives
// ("Chohan, 59, of College Point" / "Chohan, who lived in South Ozone Park"),
// where a named place is ("the Betty Ford Center in Rancho Mirage" / "the
// Betty Ford Treatment Center in Palm Springs"), a thing's colour ("a silver
// Toyota Camry" / "a gray 2013 Toyota Camry") and the year that goes with a
// named thing ("founded the Bayou La Batre Rural Health Clinic in 1990" /
// "the clinic ... since 1987"), a person's age ("Yvonne Hiller, 43," /
// "43-year-old Yvonne Hiller").
//
// Each such statement is a claim: subject (the name it is attached to),
// predicate (home, location, colour, year, age) and value. Two claims are about
// the same thing when their predicates agree and one subject's words hold
// the other's; values that one outlet gives side by side (a move, two
// addresses) are not a disagreement, and spellings of one value ("gray" /
// "grey", "Ozone Park" / "South Ozone Park") agree; a version shows the
// spelling most of its outlets wrote.
#ifndef NEWSFUSE_SYNTHESIZE_VALUE_DISCREPANCIES_H_
#define NEWSFUSE_SYNTHESIZE_VALUE_DISCREPANCIES_H_

#include <string>
#include <string_view>
#include <vector>

#include "extract/article_analysis.h"
#include "newsfuse/brief.h"

namespace newsfuse::synthesize {

// One claim of a sentence: "home" / "location" / "colour" / "year" / "age" of
// `subject` is `value` (both as written).
struct ValueClaim {
  std::string predicate;
  std::string subject;
  std::string value;
};

// The claims ValueDiscrepancies reads in one sentence.
std::vector<ValueClaim> ValueClaims(std::string_view sentence);

// The claims of each sentence of each article ([article][sentence]; none for
// headings), read once for the sections that use them.
using SentenceClaims = std::vector<std::vector<std::vector<ValueClaim>>>;
SentenceClaims ReadValueClaims(const std::vector<const extract::ArticleAnalysis*>& articles);

// Discrepancies of kind "place" (home, location), "attribute" (colour, age) and
// "year", label "conflict".
std::vector<Discrepancy> FindValueDiscrepancies(const std::vector<const extract::ArticleAnalysis*>& articles);
std::vector<Discrepancy> FindValueDiscrepancies(const std::vector<const extract::ArticleAnalysis*>& articles,
                                                const SentenceClaims& claims);

}  // namespace newsfuse::synthesize

#endif  // NEWSFUSE_SYNTHESIZE_VALUE_DISCREPANCIES_H_
