// File: ingest/corpus_loader.h
//
// Reads every article named on a command line: files and folders, of plain
// text (.txt and anything else), JSON Lines (.jsonl), HTML pages (.html, .htm,
// .html.gz) and WARC crawl files (.warc, .warc.gz).
// One bad file or line is reported through the Reporter and skipped; the run
// goes on with the rest.
#ifndef NEWSFUSE_INGEST_CORPUS_LOADER_H_
#define NEWSFUSE_INGEST_CORPUS_LOADER_H_

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "ingest/reporter.h"
#include "newsfuse/article.h"

namespace newsfuse::ingest {

struct LoadOptions {
  // A plain-text or HTML file larger than this is skipped with a message.
  uint64_t max_article_bytes = 16u << 20;
  // A JSONL line longer than this is skipped with a message.
  uint64_t max_jsonl_line_bytes = 16u << 20;
};

struct Corpus {
  std::vector<Article> articles;
  size_t files_read = 0;
};

// Streams every article of `paths` to `on_article` in input order, without
// holding the corpus in memory (duplicate ids are passed on: the caller
// decides). Returns how many files were read.
size_t ForEachArticle(const std::vector<std::string>& paths, const LoadOptions& options,
                      Reporter& reporter, const std::function<void(Article&&)>& on_article);

// `paths` may name files, folders (their files, sorted by name, not
// recursive; hidden files and expected.json are left out), or "-" for JSONL
// on standard input. Articles whose id repeats an earlier one are skipped.
Corpus LoadCorpus(const std::vector<std::string>& paths, const LoadOptions& options,
                  Reporter& reporter);

}  // namespace newsfuse::ingest

#endif  // NEWSFUSE_INGEST_CORPUS_LOADER_H_
