#include "engine/article_sketch.h"

#include <algorithm>
#include <thread>

#include "base/parallel_for.h"
#include "cluster/near_copies.h"
#include "fingerprint/fingerprinter.h"

namespace newsfuse::engine {
namespace {

constexpr size_t kMinItemsPerThread = 32;

// The ids of the `n` largest counts, largest first (ties: smaller id first,
// so that the keys do not depend on the order the fingerprint lists them).
std::vector<uint32_t> MostFrequent(std::vector<fingerprint::TermCount> counts, size_t n) {
  auto larger = [](const fingerprint::TermCount& a, const fingerprint::TermCount& b) {
    return a.count != b.count ? a.count > b.count : a.term < b.term;
  };
  n = std::min(n, counts.size());
  std::partial_sort(counts.begin(), counts.begin() + n, counts.end(), larger);
  std::vector<uint32_t> ids(n);
  for (size_t k = 0; k < n; ++k) ids[k] = counts[k].term;
  return ids;
}

}  // namespace

ArticleSketch SketchFingerprint(const fingerprint::RawFingerprint& raw, size_t names, size_t words) {
  ArticleSketch s;
  if (!raw.minhash.empty) {
    // The copy finder's own band keys: two near-copies it can find share one.
    for (size_t b = 0; b < cluster::kCopyBands; ++b) s.copy_keys.push_back(cluster::CopyBandKey(raw.minhash, b));
  }
  s.names = MostFrequent(raw.entities, names);
  s.words = MostFrequent(raw.terms, words);
  s.protagonist = raw.protagonist;
  s.body_bytes = raw.body_bytes;
  return s;
}

std::vector<ArticleSketch> SketchArticles(const std::vector<Article>& articles,
                                          const cluster::ClusterOptions& options, size_t names,
                                          size_t words) {
  const size_t n = articles.size();
  std::vector<ArticleSketch> out(n);
  size_t threads = options.threads ? options.threads : std::thread::hardware_concurrency();
  threads = std::clamp<size_t>(threads, 1, 16);
  const size_t per_thread = (n + threads - 1) / threads;
  base::ParallelForRanges(n, static_cast<unsigned>(threads), per_thread, kMinItemsPerThread,
                          [&](size_t begin, size_t end) {
    fingerprint::Fingerprinter fp(options.fingerprint);  // one per thread: its scratch
    for (size_t i = begin; i < end; ++i) out[i] = SketchFingerprint(fp.Extract(articles[i]), names, words);
  });
  return out;
}

}  // namespace newsfuse::engine
