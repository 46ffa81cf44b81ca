#include "cluster/near_copies.h"

#include <xxhash.h>

#include <algorithm>
#include <cstdint>

#include "fingerprint/tokens.h"

namespace newsfuse::cluster {

uint64_t CopyBandKey(const fingerprint::MinHash& m, size_t band) {
  uint64_t h = XXH3_64bits(&m.slots[band * kCopyRowsPerBand], kCopyRowsPerBand * sizeof(uint32_t));
  return fingerprint::MixHash(h, band);
}

std::vector<std::optional<size_t>> FindNearCopies(std::span<const Article> articles, double threshold) {
  const size_t n = articles.size();
  std::vector<fingerprint::MinHash> sigs(n);
  fingerprint::MinHashBuilder builder;
  for (size_t i = 0; i < n; ++i) {
    for (const Paragraph& p : articles[i].paragraphs) builder.AddText(p.text);
    sigs[i] = builder.Finish();
  }
  auto earlier = [&](size_t a, size_t b) {
    const auto& pa = articles[a].published;
    const auto& pb = articles[b].published;
    if (pa && pb && *pa != *pb) return *pa < *pb;
    if (pa.has_value() != pb.has_value()) return pa.has_value();
    return a < b;
  };
  std::vector<size_t> order(n);
  for (size_t i = 0; i < n; ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), earlier);
  std::vector<std::optional<size_t>> copy_of(n);
  for (size_t k = 0; k < n; ++k) {
    const size_t b = order[k];
    if (sigs[b].empty) continue;
    for (size_t l = 0; l < k; ++l) {
      const size_t a = order[l];
      if (copy_of[a] || sigs[a].empty) continue;
      if (fingerprint::EstimateJaccard(sigs[a], sigs[b]) >= threshold) {
        copy_of[b] = a;
        break;
      }
    }
  }
  return copy_of;
}

}  // namespace newsfuse::cluster
