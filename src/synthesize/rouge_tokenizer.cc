#include "synthesize/rouge_tokenizer.h"

#include <libstemmer.h>

namespace newsfuse::synthesize {

void RougeTokenizer::StemmerDeleter::operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }

RougeTokenizer::RougeTokenizer() : stemmer_(sb_stemmer_new("porter", nullptr)) {}
RougeTokenizer::~RougeTokenizer() = default;

std::string_view RougeTokenizer::Stem() {
  if (word_.size() <= 3 || !stemmer_) return word_;
  const sb_symbol* s = sb_stemmer_stem(stemmer_.get(), reinterpret_cast<const sb_symbol*>(word_.data()),
                                       static_cast<int>(word_.size()));
  if (!s) return word_;
  return std::string_view(reinterpret_cast<const char*>(s), static_cast<size_t>(sb_stemmer_length(stemmer_.get())));
}

}  // namespace newsfuse::synthesize
