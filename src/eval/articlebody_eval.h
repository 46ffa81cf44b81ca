// File: eval/articlebody_eval.h
//
// The scoring of the article-extraction benchmark (scrapinghub/
// article-extraction-benchmark), reimplemented: a text becomes tokens (runs
// of word characters, as Python's `\w+`), tokens become counts of 4-token
// shingles (a text of fewer than 4 tokens is one shorter shingle, an empty
// text one empty shingle); per page the shingle true positives, false
// positives and false negatives are normalised to sum to 1, precision and
// recall are averaged over pages, and F1 is computed from the two means.
//
// The body text a page is scored on is ingest::ArticleBodyText
// (ingest/article_body.h), which `newsfuse extract --format articlebody-json`
// also writes.
//
// Thread-safety: stateless; safe from any thread.
#ifndef NEWSFUSE_EVAL_ARTICLEBODY_EVAL_H_
#define NEWSFUSE_EVAL_ARTICLEBODY_EVAL_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>


namespace newsfuse::ingest {

struct PageScore {
  double precision = 0;
  double recall = 0;
};

// Scores one page's predicted body against the true one.
PageScore ScoreArticleBody(std::string_view truth, std::string_view predicted);

struct ExtractionScore {
  size_t pages = 0;
  double precision = 0;  // mean over pages
  double recall = 0;     // mean over pages
  double f1 = 0;         // from the two means
};

ExtractionScore Aggregate(const std::vector<PageScore>& pages);

// The `\w+` tokens of `text` (Unicode letters, digits and '_').
std::vector<std::string_view> WordTokens(std::string_view text);

}  // namespace newsfuse::ingest

#endif  // NEWSFUSE_EVAL_ARTICLEBODY_EVAL_H_
