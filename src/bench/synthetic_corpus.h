// File: bench/synthetic_corpus.h
//
// A synthetic news day for speed runs (newsfuse-bench, store_benchmark) and side-by-side comparisons: many
// stories of heavy-tailed size, several stories per topic (twin events that
// share vocabulary but not names), reprints of wire copy with small edits
// and new headlines, realistic body sizes, outlets and timestamps over one
// day. The words are made of syllables, so no real text is involved; the
// gold story of each article is known.
//
//   SyntheticOptions o; o.articles = 100000;
//   SyntheticCorpus corpus(o);
//   while (corpus.Next(&article, &gold_story)) ...   // in time order
#ifndef NEWSFUSE_BENCH_SYNTHETIC_CORPUS_H_
#define NEWSFUSE_BENCH_SYNTHETIC_CORPUS_H_

#include <cstddef>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "newsfuse/article.h"
#include "newsfuse/status.h"

namespace newsfuse::bench {

struct SyntheticOptions {
  size_t articles = 10000;
  size_t body_bytes = 3000;       // typical body size (varies +-50%)
  double mean_story_size = 6;     // heavy tailed: many singletons, a few big stories
  double reprint_share = 0.25;    // articles that are edited copies of an earlier one
  size_t topics = 400;            // kinds of event; stories per topic share words
  uint64_t seed = 1;
  std::string day = "2026-11-23"; // all articles are published on this day
};

// Appends `article` as one line of the JSON Lines input format (id, outlet,
// published, title, and the paragraphs joined by blank lines as text; the
// gold `story` too unless empty), newline included. Returns the byte size
// of that text. Shared by the benches that write or post synthetic days.
size_t AppendJsonLine(const Article& article, std::string_view story, std::string* out);

// Writes the whole day to `path` ("-": standard output) as JSON Lines with
// the gold `story` of each article (`newsfuse-bench gen-corpus`).
Status WriteSyntheticCorpus(const SyntheticOptions& options, const std::string& path);

// Generates articles in time order without holding the whole day: stories
// are planned up front (a few bytes each), text is written on demand.
// Not thread-safe.
class SyntheticCorpus {
 public:
  explicit SyntheticCorpus(const SyntheticOptions& options);
  // Fills the next article and its gold story label; false at the end.
  bool Next(Article* article, std::string* gold_story);
  size_t stories() const { return stories_.size(); }

 private:
  struct Story {
    uint32_t topic;
    std::vector<std::string> names;  // people, places, organisations
    std::vector<uint32_t> words;     // story-specific content words
    std::vector<std::string> copies; // bodies published so far (for reprints), capped
    uint32_t remaining = 0;          // articles still to publish; copies freed at 0
  };
  struct Slot {
    uint32_t minute;
    uint32_t story;
  };
  std::string Word(uint32_t index) const;
  std::string MakeName();
  std::string MakeBody(Story& story);
  std::string Reprint(const std::string& body);

  SyntheticOptions options_;
  std::mt19937_64 rng_;
  std::vector<std::string> vocabulary_;
  std::vector<std::vector<uint32_t>> topic_words_;
  std::vector<std::string> outlets_;
  std::vector<Story> stories_;
  std::vector<Slot> schedule_;
  size_t next_ = 0;
  std::discrete_distribution<uint32_t> zipf_;
};

}  // namespace newsfuse::bench

#endif  // NEWSFUSE_BENCH_SYNTHETIC_CORPUS_H_
