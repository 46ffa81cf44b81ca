// File: synthesize/word_importance.h
//
// How likely a person summarising a story is to use a word: a logistic model
// of how the word spreads over the story's articles. A word that most
// articles carry, early and more than once, is what the story is about;
// people who write a summary use it, and use it as often as the articles
// repeat it (Nenkova & Vanderwende 2005 on frequency; Hong & Nenkova 2014,
// "Improving the Estimation of Word Importance for News Multi-Document
// Summarization", on learning it from summaries).
//
// The model scores an occurrence, not just a word: P(k, w) is the chance that
// a human summary uses stem w at least k times. A summary that has w n times
// earns P(1, w) + ... + P(n, w), which is the expected ROUGE-1 hit count of
// those tokens against one reference summary. The summarizer maximises that.
//
// Words are ROUGE's stems (rouge_tokenizer.h), stop words included: ROUGE counts them.
// Trained by `newsfuse train-summary` (train/word_importance_trainer.h) on
// the nine clean DUC 2003 clusters; the weights are word_importance_model.inc.
#ifndef NEWSFUSE_SYNTHESIZE_WORD_IMPORTANCE_H_
#define NEWSFUSE_SYNTHESIZE_WORD_IMPORTANCE_H_

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "synthesize/rouge_tokenizer.h"

namespace newsfuse::synthesize {

// Interns ROUGE's stems as dense ids (one dictionary per story).
class StemIds {
 public:
  // Appends the ids of `text`'s tokens, in reading order, to `out`.
  void Add(std::string_view text, std::vector<uint32_t>* out);
  uint32_t size() const { return static_cast<uint32_t>(stems_.size()); }
  const std::string& stem(uint32_t id) const { return stems_[id]; }

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  RougeTokenizer tokenizer_;
  std::unordered_map<std::string, uint32_t, Hash, std::equal_to<>> ids_;
  std::vector<std::string> stems_;
};

// A sentence as the model reads it.
struct StemSentence {
  uint32_t article = 0;
  uint32_t index = 0;    // its index among all sentences of its article
  float position = 0;    // 0 = first sentence of its article, 1 = last
  std::vector<uint32_t> stems;
};

// What the model knows of one stem in one story.
struct StemStats {
  float article_share = 0;     // share of the story's articles that use it
  float log_frequency = 0;     // log of its share of all tokens, per mille
  float mean_first = 0;        // 1 - mean relative position of its first use per article
  float earliest = 0;          // 1 - the earliest of those
  float lead_share = 0;        // share of articles using it in their first three sentences
  float is_number = 0;         // all digits
  float length = 0;            // characters of the stem
  float log_most_in_one = 0;   // log of its most uses in one article
};

// Indexed by stem id (size `stems.size()`); stems the sentences lack stay zero.
std::vector<StemStats> ComputeStemStats(const std::vector<StemSentence>& sentences, const StemIds& stems);

inline constexpr int kWordFeatures = 11;
// Occurrences past this earn nothing (reference summaries of 100 words
// rarely use even "the" more often).
inline constexpr int kMaxOccurrence = 8;

// The model's inputs for the k-th occurrence (k >= 1).
std::array<float, kWordFeatures> WordFeatures(const StemStats& s, int k);

struct WordImportanceModel {
  float bias = 0;
  std::array<float, kWordFeatures> mean{};   // standardisation, from training
  std::array<float, kWordFeatures> scale{};
  std::array<float, kWordFeatures> weight{};

  // P(a reference summary uses the stem at least k times).
  float Probability(const StemStats& s, int k) const;
};

// The committed model (word_importance_model.inc).
const WordImportanceModel& TrainedWordImportance();

}  // namespace newsfuse::synthesize

#endif  // NEWSFUSE_SYNTHESIZE_WORD_IMPORTANCE_H_
