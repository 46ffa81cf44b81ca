#include "eval/reference_summarizers.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "base/strings.h"
#include "synthesize/term_vectors.h"

namespace newsfuse::synthesize {

namespace {

int WordsOf(const std::string& s) { return static_cast<int>(base::CountWords(s)); }

// Adds `candidates` (best first) while they fit the budget; once the budget
// is full or nothing more fits, the best remaining one goes last, for the
// word cut to truncate.
template <typename Accept>
std::vector<size_t> FillInOrder(const std::vector<std::string>& sentences, const std::vector<size_t>& ranked,
                                int max_words, Accept&& accept) {
  std::vector<size_t> chosen;
  int words = 0;
  for (size_t i : ranked) {
    if (words >= max_words) break;
    if (!accept(i, chosen)) continue;
    if (words + WordsOf(sentences[i]) > max_words) continue;
    chosen.push_back(i);
    words += WordsOf(sentences[i]);
  }
  for (size_t i : ranked) {
    if (words >= max_words) break;
    if (std::find(chosen.begin(), chosen.end(), i) != chosen.end() || !accept(i, chosen)) continue;
    chosen.push_back(i);
    break;
  }
  return chosen;
}

}  // namespace

std::vector<size_t> LexRankSummary(const std::vector<std::string>& sentences, int max_words) {
  constexpr float kEdgeThreshold = 0.1f;  // the paper's best threshold on DUC 2004
  constexpr float kDamping = 0.85f;
  constexpr float kRedundant = 0.5f;
  const size_t n = sentences.size();
  if (n == 0) return {};
  TermSpace space;
  for (const std::string& s : sentences) space.Add(s);
  const std::vector<SparseVector> vectors = space.Vectors();
  std::vector<std::vector<size_t>> edges(n);
  for (size_t i = 0; i < n; ++i) {
    for (size_t j = i + 1; j < n; ++j) {
      if (Cosine(vectors[i], vectors[j]) > kEdgeThreshold) {
        edges[i].push_back(j);
        edges[j].push_back(i);
      }
    }
  }
  // Power iteration; a sentence with no edge spreads its score evenly.
  std::vector<double> score(n, 1.0 / static_cast<double>(n));
  std::vector<double> next(n);
  for (int round = 0; round < 100; ++round) {
    double dangling = 0;
    std::fill(next.begin(), next.end(), 0.0);
    for (size_t i = 0; i < n; ++i) {
      if (edges[i].empty()) {
        dangling += score[i];
        continue;
      }
      const double share = score[i] / static_cast<double>(edges[i].size());
      for (size_t j : edges[i]) next[j] += share;
    }
    double change = 0;
    for (size_t i = 0; i < n; ++i) {
      const double v = (1 - kDamping) / static_cast<double>(n) +
                       kDamping * (next[i] + dangling / static_cast<double>(n));
      change += std::fabs(v - score[i]);
      score[i] = v;
    }
    if (change < 1e-9) break;
  }
  std::vector<size_t> ranked(n);
  std::iota(ranked.begin(), ranked.end(), 0);
  std::stable_sort(ranked.begin(), ranked.end(), [&](size_t a, size_t b) { return score[a] > score[b]; });
  return FillInOrder(sentences, ranked, max_words, [&](size_t i, const std::vector<size_t>& chosen) {
    for (size_t c : chosen) {
      if (Cosine(vectors[i], vectors[c]) >= kRedundant) return false;
    }
    return true;
  });
}

}  // namespace newsfuse::synthesize
