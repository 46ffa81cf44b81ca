// File: synthesize/attribute_facts.h
//
// Facts that are one attribute of one person, with every outlet that states
// it however its sentence runs: "Yvonne Hiller is 43." from "Yvonne Hiller,
// 43, got into an altercation", "43-year-old Yvonne Hiller" and "Hiller, 43,
// then shot"; "Vishwanand Subryan is from Schenectady." from "Subryan, 23, of
// Schenectady". A sentence-long fact cites only the outlets whose sentence
// states all of it; the attribute inside it is stated by many more, and a
// reader wants it with all of them.
//
// Years of service ("a 15-year employee", "has worked for Kraft for about 15
// years") belong to the person named nearest before them (after them when
// none is before). The other claims are value_discrepancies.h's
// (ValueClaims: "age", "home"); one
// fact per person (the last word of the name), predicate and value, cited
// by each outlet with the first sentence that states it. Where outlets
// disagree on the value, each value is its own fact and the discrepancy
// section says so.
#ifndef NEWSFUSE_SYNTHESIZE_ATTRIBUTE_FACTS_H_
#define NEWSFUSE_SYNTHESIZE_ATTRIBUTE_FACTS_H_

#include <cstdint>
#include <string>
#include <vector>

#include "extract/article_analysis.h"
#include "synthesize/value_discrepancies.h"

namespace newsfuse::synthesize {

struct AttributeFact {
  std::string text;                    // "Yvonne Hiller is 43."
  std::vector<uint32_t> articles;      // sorted
  std::vector<std::string> sentences;  // the stating sentence, same order
};

// Facts stated by at least `min_articles` articles, most articles first.
std::vector<AttributeFact> FindAttributeFacts(const std::vector<const extract::ArticleAnalysis*>& articles,
                                              size_t min_articles = 2);
// The same from the claims ReadValueClaims read.
std::vector<AttributeFact> FindAttributeFacts(const std::vector<const extract::ArticleAnalysis*>& articles,
                                              const SentenceClaims& claims, size_t min_articles = 2);

}  // namespace newsfuse::synthesize

#endif  // NEWSFUSE_SYNTHESIZE_ATTRIBUTE_FACTS_H_
