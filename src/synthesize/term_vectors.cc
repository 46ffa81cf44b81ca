#include "synthesize/term_vectors.h"

#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace newsfuse::synthesize {

float Cosine(const SparseVector& a, const SparseVector& b) {
  float dot = 0;
  size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (a[i].first == b[j].first) {
      dot += a[i++].second * b[j++].second;
    } else if (a[i].first < b[j].first) {
      ++i;
    } else {
      ++j;
    }
  }
  return dot;
}

bool IsStopword(std::string_view w) {
  // The usual English function words plus news reporting verbs and fillers
  // that every outlet uses and that say nothing about which fact a sentence
  // states ("said", "according").
  static const std::unordered_set<std::string_view> kStop = {
      "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for",
      "with", "from", "as", "into", "about", "over", "after", "before", "between", "through",
      "during", "without", "within", "than", "that", "this", "these", "those", "it", "its",
      "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "do", "does",
      "did", "will", "would", "could", "should", "may", "might", "can", "shall", "must",
      "he", "she", "they", "we", "you", "i", "him", "her", "them", "us", "his", "their",
      "our", "your", "my", "me", "who", "whom", "which", "what", "when", "where", "why",
      "how", "not", "no", "so", "such", "also", "there", "here", "then", "some", "any",
      "all", "both", "each", "other", "more", "most", "very", "just", "up", "out", "off",
      "said", "says", "say", "told", "according", "while", "however", "s", "t", "mr", "ms",
      "mrs", "own", "same", "too", "only", "again", "further", "once", "because", "until",
      "against", "above", "below", "down", "under", "now", "yet", "even", "still", "well",
      "one's", "whether", "since", "per", "via", "amid", "upon", "onto", "itself"};
  return kStop.count(w) > 0;
}

size_t TermSpace::Add(std::string_view text) {
  std::vector<uint32_t> terms;
  ForEachWord(text, [&](std::string_view w) {
    if (IsStopword(w)) return;
    const std::string stem(stemmer_.Stem(w));
    auto [it, inserted] = ids_.try_emplace(stem, static_cast<uint32_t>(strings_.size()));
    if (inserted) strings_.push_back(stem);
    terms.push_back(it->second);
  });
  terms_.push_back(std::move(terms));
  return terms_.size() - 1;
}

std::vector<SparseVector> TermSpace::Vectors() {
  std::vector<uint32_t> df(strings_.size(), 0);
  for (const auto& t : terms_) {
    std::vector<uint32_t> uniq(t);
    std::sort(uniq.begin(), uniq.end());
    uniq.erase(std::unique(uniq.begin(), uniq.end()), uniq.end());
    for (uint32_t id : uniq) ++df[id];
  }
  const float n = static_cast<float>(terms_.size());
  std::vector<SparseVector> out;
  out.reserve(terms_.size());
  for (const auto& t : terms_) {
    std::vector<uint32_t> sorted(t);
    std::sort(sorted.begin(), sorted.end());
    SparseVector v;
    for (size_t i = 0; i < sorted.size();) {
      size_t j = i;
      while (j < sorted.size() && sorted[j] == sorted[i]) ++j;
      const float tf = 1.0f + std::log(static_cast<float>(j - i));
      const float idf = std::log((n + 1.0f) / (static_cast<float>(df[sorted[i]]) + 0.5f));
      v.emplace_back(sorted[i], tf * std::max(idf, 0.05f));
      i = j;
    }
    float norm = 0;
    for (auto& [id, w] : v) norm += w * w;
    norm = std::sqrt(norm);
    if (norm > 0) {
      for (auto& [id, w] : v) w /= norm;
    }
    out.push_back(std::move(v));
  }
  return out;
}

}  // namespace newsfuse::synthesize
