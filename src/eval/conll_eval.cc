#include "eval/conll_eval.h"

#include <cstdio>

#include "eval/conll_reader.h"

namespace newsfuse::extract {

void ConllEvaluator::AddSentence(const std::vector<TokenChunk>& gold,
                                 const std::vector<TokenChunk>& predicted, size_t tokens,
                                 size_t correct_tokens) {
  tokens_ += tokens;
  correct_tokens_ += correct_tokens;
  for (const TokenChunk& g : gold) {
    ++overall_.gold;
    ++by_type_[static_cast<int>(g.type)].gold;
  }
  for (const TokenChunk& p : predicted) {
    ++overall_.predicted;
    ++by_type_[static_cast<int>(p.type)].predicted;
    // Chunks are few per sentence: a linear scan beats building a set.
    for (const TokenChunk& g : gold) {
      if (g == p) {
        ++overall_.correct;
        ++by_type_[static_cast<int>(p.type)].correct;
        break;
      }
    }
  }
}

std::string ConllEvaluator::Report() const {
  std::string out;
  char line[256];
  std::snprintf(line, sizeof line, "processed %zu tokens with %zu phrases; found: %zu phrases; correct: %zu.\n",
                tokens_, overall_.gold, overall_.predicted, overall_.correct);
  out += line;
  const double accuracy = tokens_ ? 100.0 * correct_tokens_ / tokens_ : 0.0;
  std::snprintf(line, sizeof line, "accuracy: %6.2f%%; precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f\n",
                accuracy, overall_.Precision(), overall_.Recall(), overall_.F1());
  out += line;
  // conlleval lists the types in alphabetical order of their CoNLL names.
  const EntityType kOrder[] = {EntityType::kLocation, EntityType::kOther, EntityType::kOrganization,
                               EntityType::kPerson};
  for (EntityType type : kOrder) {
    const ChunkScores& s = ForType(type);
    std::snprintf(line, sizeof line, "%17s: precision: %6.2f%%; recall: %6.2f%%; FB1: %6.2f  %zu\n",
                  std::string(EntityTypeConllName(type)).c_str(), s.Precision(), s.Recall(), s.F1(),
                  s.predicted);
    out += line;
  }
  return out;
}

}  // namespace newsfuse::extract
