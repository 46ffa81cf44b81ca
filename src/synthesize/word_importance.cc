#include "synthesize/word_importance.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace newsfuse::synthesize {

void StemIds::Add(std::string_view text, std::vector<uint32_t>* out) {
  tokenizer_.ForEach(text, [&](std::string_view stem) {
    auto it = ids_.find(stem);
    if (it == ids_.end()) {
      it = ids_.emplace(std::string(stem), static_cast<uint32_t>(stems_.size())).first;
      stems_.emplace_back(stem);
    }
    out->push_back(it->second);
  });
}

std::vector<StemStats> ComputeStemStats(const std::vector<StemSentence>& sentences, const StemIds& stems) {
  const uint32_t n = stems.size();
  std::vector<StemStats> stats(n);
  // Per stem: articles using it, tokens, sum and minimum of the first-use
  // positions, articles using it in the lead, most uses in one article.
  // Sentences come article by article, in order, so "first use in this
  // article" is the first time `last_article` changes to it.
  std::vector<uint32_t> articles(n, 0), tokens(n, 0), lead(n, 0), in_article(n, 0), most(n, 0);
  std::vector<int64_t> last_article(n, -1), last_lead(n, -1);
  std::vector<float> first_sum(n, 0), first_min(n, 1);
  uint64_t total = 0;
  std::vector<bool> seen_article;
  uint32_t article_count = 0;
  for (const StemSentence& s : sentences) {
    if (s.article >= seen_article.size()) seen_article.resize(s.article + 1, false);
    if (!seen_article[s.article]) {
      seen_article[s.article] = true;
      ++article_count;
    }
    for (uint32_t id : s.stems) {
      ++tokens[id];
      ++total;
      if (last_article[id] != s.article) {
        last_article[id] = s.article;
        ++articles[id];
        in_article[id] = 0;
        first_sum[id] += s.position;
        first_min[id] = std::min(first_min[id], s.position);
      }
      most[id] = std::max(most[id], ++in_article[id]);
      if (s.index < 3 && last_lead[id] != s.article) {
        last_lead[id] = s.article;
        ++lead[id];
      }
    }
  }
  if (article_count == 0 || total == 0) return stats;
  for (uint32_t id = 0; id < n; ++id) {
    if (articles[id] == 0) continue;
    StemStats& st = stats[id];
    st.article_share = static_cast<float>(articles[id]) / static_cast<float>(article_count);
    st.log_frequency = std::log(static_cast<float>(tokens[id]) / static_cast<float>(total) * 1000.0f);
    st.mean_first = 1.0f - first_sum[id] / static_cast<float>(articles[id]);
    st.earliest = 1.0f - first_min[id];
    st.lead_share = static_cast<float>(lead[id]) / static_cast<float>(article_count);
    const std::string& stem = stems.stem(id);
    st.is_number = std::all_of(stem.begin(), stem.end(), [](char c) { return c >= '0' && c <= '9'; }) ? 1.0f : 0.0f;
    st.length = static_cast<float>(stem.size());
    st.log_most_in_one = std::log(static_cast<float>(most[id]));
  }
  return stats;
}

std::array<float, kWordFeatures> WordFeatures(const StemStats& s, int k) {
  // The occurrence enters alone and with the two features whose meaning it
  // changes most: a second use needs a word the articles repeat.
  const float log_k = std::log(static_cast<float>(k));
  return {s.article_share, s.log_frequency, s.mean_first,      s.earliest,
          s.lead_share,    s.is_number,     s.length,          s.log_most_in_one,
          log_k,           log_k * s.article_share, log_k * s.log_frequency};
}

float WordImportanceModel::Probability(const StemStats& s, int k) const {
  const auto x = WordFeatures(s, k);
  double z = bias;
  for (int i = 0; i < kWordFeatures; ++i) z += weight[i] * (x[i] - mean[i]) / scale[i];
  return static_cast<float>(1.0 / (1.0 + std::exp(-z)));
}

namespace {
#include "synthesize/word_importance_model.inc"
}  // namespace

const WordImportanceModel& TrainedWordImportance() { return kTrainedWordImportance; }

}  // namespace newsfuse::synthesize
