#include "eval/coref_corpus.h"

#include <string_view>

#include "base/strings.h"

namespace newsfuse::eval {

namespace {

bool IsFunctionWord(std::string_view lower) {
  static const std::set<std::string_view> kWords = {"of", "the", "and", "&", "de", "la", "du", "van",
                                                    "von", "for", "'s", "-", ".", ","};
  return kWords.count(lower) > 0;
}

bool IsPronounOrDeterminer(std::string_view lower) {
  static const std::set<std::string_view> kWords = {"he", "she", "it", "they", "we", "i", "you", "his", "her",
                                                    "its", "their", "the", "a", "an", "this", "that", "these",
                                                    "those", "him", "them", "who", "which"};
  return kWords.count(lower) > 0;
}

}  // namespace

bool IsNamedMention(const CorefDoc& d, uint32_t first, uint32_t last) {
  bool capital = false, content = false;
  for (uint32_t t = first; t <= last && t < d.tokens.size(); ++t) {
    const std::string& w = d.tokens[t];
    const std::string lower = base::AsciiLower(w);
    if (w.empty() || !base::IsAsciiAlpha(w[0]) || IsFunctionWord(lower)) continue;
    if (!base::IsAsciiUpper(w[0])) return false;
    if (IsPronounOrDeterminer(lower)) continue;
    const bool sentence_initial = t == 0 || d.sentence[t - 1] != d.sentence[t];
    content = true;
    capital = capital || !sentence_initial || first != last;
  }
  return content && capital;
}

}  // namespace newsfuse::eval
