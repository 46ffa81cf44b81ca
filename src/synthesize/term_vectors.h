// File: synthesize/term_vectors.h
//
// Bag-of-stems vectors for comparing sentences across outlets: lower-cased
// words, stop words removed, Snowball (Porter 2) stems, TF-IDF weights fitted
// on the story's own sentences, L2-normalised. Two outlets' wordings of one
// fact share their content stems ("met virtually" / "virtual meeting").
#ifndef NEWSFUSE_SYNTHESIZE_TERM_VECTORS_H_
#define NEWSFUSE_SYNTHESIZE_TERM_VECTORS_H_

#include <cctype>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace newsfuse::synthesize {

// Sorted by term id; weights L2-normalised.
using SparseVector = std::vector<std::pair<uint32_t, float>>;

float Cosine(const SparseVector& a, const SparseVector& b);

bool IsStopword(std::string_view lower_word);

// Not thread-safe (the Snowball stemmer keeps state): one per thread.
class Stemmer {
 public:
  Stemmer();
  ~Stemmer();
  Stemmer(const Stemmer&) = delete;
  Stemmer& operator=(const Stemmer&) = delete;
  // Stem of an ASCII-lower-cased word.
  std::string_view Stem(std::string_view lower_word);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Splits into lower-cased words (letters and digits; apostrophes and
// hyphens inside words dropped) and calls `fn(word)` for each.
template <typename Fn>
void ForEachWord(std::string_view text, Fn&& fn) {
  std::string word;
  auto flush = [&] {
    if (!word.empty()) fn(std::string_view(word));
    word.clear();
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      word.push_back(static_cast<char>(c));
    } else if (c >= 'A' && c <= 'Z') {
      word.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if (c >= 0x80) {
      word.push_back(static_cast<char>(c));  // keep non-ASCII letters inside words
    } else if ((c == '\'' || c == '.') && !word.empty() && i + 1 < text.size() &&
               std::isalpha(static_cast<unsigned char>(text[i + 1]))) {
      // "U.S." stays "us"; "don't" becomes "dont".
    } else {
      flush();
    }
  }
  flush();
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
