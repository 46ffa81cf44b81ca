// File: synthesize/rouge_tokenizer.h
//
// Text as ROUGE-1.5.5 sees it with -m (the DUC 2004 settings; scoring is
// eval/rouge.h): lower-cased, every character other than a-z0-9 a separator,
// Porter stemming of tokens longer than three characters. The summarizer's
// word-importance model (word_importance.h) counts these stems because ROUGE
// does. Built on the text stage (text/chars.h, text/stemmer.h) but kept as
// its own view: ROUGE's word boundaries (every byte other than a-z0-9, UTF-8
// included, splits) and its stemming (original Porter, words of more than
// three characters only) are what the official script does, and scores only
// match published ROUGE figures if they are reproduced exactly.
#ifndef NEWSFUSE_SYNTHESIZE_ROUGE_TOKENIZER_H_
#define NEWSFUSE_SYNTHESIZE_ROUGE_TOKENIZER_H_

#include <string>
#include <string_view>

#include "text/chars.h"
#include "text/stemmer.h"

namespace newsfuse::synthesize {

// Splits text into tokens as ROUGE sees them (lower-cased, stemmed). Holds
// one stemmer, so a caller with many sentences makes one tokenizer for all.
// Not thread-safe (the stemmer has state); cheap to make one per thread.
class RougeTokenizer {
 public:
  RougeTokenizer() : stemmer_(text::StemmerAlgorithm::kPorter) {}
  RougeTokenizer(const RougeTokenizer&) = delete;
  RougeTokenizer& operator=(const RougeTokenizer&) = delete;

  // Calls `emit(std::string_view token)` for each token of `text`.
  template <typename Emit>
  void ForEach(std::string_view text, Emit&& emit) {
    word_.clear();
    for (char c : text) {
      if (text::IsAsciiAlnum(c)) {
        word_.push_back(text::AsciiLower(c));
      } else if (!word_.empty()) {
        emit(Stem());
        word_.clear();
      }
    }
    if (!word_.empty()) emit(Stem());
  }

 private:
  // The stem of word_ (words of three characters or fewer as they are).
  std::string_view Stem();

  text::Stemmer stemmer_;
  std::string word_;
};

}  // namespace newsfuse::synthesize

#endif  // NEWSFUSE_SYNTHESIZE_ROUGE_TOKENIZER_H_
