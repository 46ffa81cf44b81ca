// File: synthesize/term_vectors.h
//
// Bag-of-stems vectors for comparing sentences across outlets: lower-cased
// words, stop words removed, Snowball (Porter 2) stems, TF-IDF weights fitted
// on the story's own sentences, L2-normalised. Two outlets' wordings of one
// fact share their content stems ("met virtually" / "virtual meeting").
// Words and stems come from the text stage (text/words.h, text/stemmer.h);
// this module owns the stop words, the weighting and the vector space.
#ifndef NEWSFUSE_SYNTHESIZE_TERM_VECTORS_H_
#define NEWSFUSE_SYNTHESIZE_TERM_VECTORS_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "text/stemmer.h"
#include "text/words.h"

namespace newsfuse::synthesize {

// Sorted by term id; weights L2-normalised.
using SparseVector = std::vector<std::pair<uint32_t, float>>;

float Cosine(const SparseVector& a, const SparseVector& b);

bool IsStopword(std::string_view lower_word);

// The Snowball English stemmer of the text stage. Not thread-safe: one per thread.
using Stemmer = text::Stemmer;

// The term-vector view of words: text::ForEachFoldedWord (lower-cased,
// "U.S." -> "us", "don't" -> "dont"), calling `fn(word)` for each.
template <typename Fn>
void ForEachWord(std::string_view text, Fn&& fn) {
  text::ForEachFoldedWord(text, std::forward<Fn>(fn));
}

// Builds vectors for a set of texts with IDF fitted on those texts.
class TermSpace {
 public:
  // Adds a text; returns its index.
  size_t Add(std::string_view text);
  // Fits IDF and returns one normalised vector per added text.
  std::vector<SparseVector> Vectors();
  // Term ids per text (after Add), in order of appearance, stop words removed.
  const std::vector<uint32_t>& Terms(size_t index) const { return terms_[index]; }
  std::string_view TermString(uint32_t id) const { return strings_[id]; }
  size_t size() const { return terms_.size(); }

 private:
  Stemmer stemmer_;
  std::unordered_map<std::string, uint32_t> ids_;
  std::vector<std::string> strings_;
  std::vector<std::vector<uint32_t>> terms_;
};

}  // namespace newsfuse::synthesize

#endif  // NEWSFUSE_SYNTHESIZE_TERM_VECTORS_H_
