// File: eval/brief_eval.h
//
// Scoring of a story briefing against a hand-made expectation file (the
// development stories of ../shared/data/briefs and the sample seed), and two
// checks of its citations.
//
// ScoreBrief applies the rules of ../shared/tools/score_brief.py to the brief
// JSON (same sections, same loose matching: case-insensitive substrings, the
// typographic quotes folded), so `eval briefs` and the script agree item for
// item. SharedCitationSupport is ../shared/tools/citation_support.py's crude
// lexical check; EvidenceCitationSupport is this project's stricter one: the
// supporting sentence a briefing gives per cited source must be that
// source's own sentence and must itself state the claim (see there).
#ifndef NEWSFUSE_EVAL_BRIEF_EVAL_H_
#define NEWSFUSE_EVAL_BRIEF_EVAL_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "newsfuse/article.h"
#include "newsfuse/brief.h"
#include "newsfuse/result.h"
#include "newsfuse/status.h"

namespace newsfuse::eval {

struct SectionScore {
  std::string name;  // sources, entities, quotes, timeline, discrepancies, facts, summary
  int ok = 0;
  int total = 0;
  std::vector<std::string> misses;  // one line per missed item, as the script words it
};

struct BriefScore {
  std::vector<SectionScore> sections;  // in the script's order
  int ok() const;
  int total() const;
};

// Fails (InvalidArgument) when either JSON text cannot be parsed or lacks the
// fields the expectation format requires.
Result<BriefScore> ScoreBrief(std::string_view brief_json, std::string_view expected_json);

struct CitationScore {
  int supported = 0;
  int total = 0;  // (item, cited source) pairs whose source text is known
  std::vector<std::string> misses;
};

// The article texts the shared script reads: for a .jsonl file, title + "\n"
// + text per line by id; for a folder, each .txt file whole by its stem.
Result<std::map<std::string, std::string>> ReadCitationTexts(const std::string& path);

// citation_support.py: a (summary line or fact, cited source) pair is
// supported when every number of the claim is in the source's text and at
// least `min_overlap` of its content words occur within three consecutive
// sentences of it.
CitationScore SharedCitationSupport(std::string_view brief_json,
                                    const std::map<std::string, std::string>& texts,
                                    double min_overlap = 0.34);

// The stricter check, over summary lines, facts, quotes and discrepancies.
// A summary line or fact is supported by a cited source when the sentence
// the briefing gives for that source (a) is one of that article's sentences
// as written (whitespace folded), (b) holds every number of the claim, and
// (c) holds at least `min_overlap` of the claim's content words, in that one
// sentence. A quote's source must carry the quote or one of its variants in
// its text; a discrepancy variant's sources must each carry its value.
CitationScore EvidenceCitationSupport(const Story& story, const std::vector<Article>& articles,
                                      double min_overlap = 0.34);

}  // namespace newsfuse::eval

#endif  // NEWSFUSE_EVAL_BRIEF_EVAL_H_
