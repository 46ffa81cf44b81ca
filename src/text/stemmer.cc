#include "text/stemmer.h"

#include <libstemmer.h>

namespace newsfuse::text {

void Stemmer::StemmerDeleter::operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }

Stemmer::Stemmer(StemmerAlgorithm algorithm)
    : stemmer_(sb_stemmer_new(algorithm == StemmerAlgorithm::kPorter ? "porter" : "english", nullptr)) {}

Stemmer::~Stemmer() = default;

std::string_view Stemmer::Stem(std::string_view w) {
  if (!stemmer_) return w;
  const sb_symbol* out = sb_stemmer_stem(stemmer_.get(), reinterpret_cast<const sb_symbol*>(w.data()),
                                         static_cast<int>(w.size()));
  if (!out) return w;
  return std::string_view(reinterpret_cast<const char*>(out), static_cast<size_t>(sb_stemmer_length(stemmer_.get())));
}

}  // namespace newsfuse::text
