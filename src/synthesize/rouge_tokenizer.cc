#include "synthesize/rouge_tokenizer.h"

namespace newsfuse::synthesize {

std::string_view RougeTokenizer::Stem() {
  if (word_.size() <= 3) return word_;
  return stemmer_.Stem(word_);
}

}  // namespace newsfuse::synthesize
