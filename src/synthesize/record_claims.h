// File: synthesize/record_claims.h
//
// Outlets that disagree on what a person was the first to do: "the first
// black woman to be admitted to the American Medical Association" / "the
// first African-American woman to be elected to the American Medical
// Association Board of Trustees". Such a record claim names who set it (the
// words between "first" and "to": "black woman") and the named body it was
// set in (the words after the verb, up to the clause's end: "the American
// Medical Association Board of Trustees"); a record set in no named body
// ("the first physician under 40 to serve on the board") is not read.
//
// Two claims are about one record when their holders share a word ("woman")
// and one body's words hold the other's (the same organisation, or a part of
// it); the versions are the distinct bodies, and outlets that name the whole
// where others name a part ("admitted to the Association" / "elected to its
// Board of Trustees") disagree on the record. Wordings of one body ("the
// board of trustees of the American Medical Association" / "the American
// Medical Association's board of trustees") are one version. An outlet that
// gives two versions tells of two records, not a disagreement.
#ifndef NEWSFUSE_SYNTHESIZE_RECORD_CLAIMS_H_
#define NEWSFUSE_SYNTHESIZE_RECORD_CLAIMS_H_

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "extract/article_analysis.h"
#include "newsfuse/brief.h"

namespace newsfuse::synthesize {

struct RecordClaim {
  std::set<std::string> holder;  // content words of who set it, lower-cased
  std::set<std::string> body;    // content words of where, lower-cased
  std::string value;             // the verb and the body as written
};

// The record claims of one sentence.
std::vector<RecordClaim> RecordClaims(std::string_view sentence);

// Discrepancies of kind "record", label "conflict".
std::vector<Discrepancy> FindRecordDiscrepancies(const std::vector<const extract::ArticleAnalysis*>& articles);

}  // namespace newsfuse::synthesize

#endif  // NEWSFUSE_SYNTHESIZE_RECORD_CLAIMS_H_
