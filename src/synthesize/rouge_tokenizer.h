// File: synthesize/rouge_tokenizer.h
//
// Text as ROUGE-1.5.5 sees it with -m (the DUC 2004 settings; scoring is
// eval/rouge.h): lower-cased, every character other than a-z0-9 a separator,
// Porter stemming of tokens longer than three characters. The summarizer's
// word-importance model (word_importance.h) counts these stems because ROUGE
// does.
#ifndef NEWSFUSE_SYNTHESIZE_ROUGE_TOKENIZER_H_
#define NEWSFUSE_SYNTHESIZE_ROUGE_TOKENIZER_H_

#include <memory>
#include <string>
#include <string_view>

#include "base/strings.h"

struct sb_stemmer;

namespace newsfuse::synthesize {

// Splits text into tokens as ROUGE sees them (lower-cased, stemmed). Holds
// one stemmer, so a caller with many sentences makes one tokenizer for all.
// Not thread-safe (the stemmer has state); cheap to make one per thread.
class RougeTokenizer {
 public:
  RougeTokenizer();
  ~RougeTokenizer();
  RougeTokenizer(const RougeTokenizer&) = delete;
  RougeTokenizer& operator=(const RougeTokenizer&) = delete;

  // Calls `emit(std::string_view token)` for each token of `text`.
  template <typename Emit>
  void ForEach(std::string_view text, Emit&& emit) {
    word_.clear();
    for (char c : text) {
      if (base::IsAsciiUpper(c)) c = static_cast<char>(c - 'A' + 'a');
      if (base::IsAsciiLower(c) || base::IsAsciiDigit(c)) {
        word_.push_back(c);
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

  struct StemmerDeleter {
    void operator()(sb_stemmer* s) const;
  };
  std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer_;
  std::string word_;
};

}  // namespace newsfuse::synthesize

#endif  // NEWSFUSE_SYNTHESIZE_ROUGE_TOKENIZER_H_
