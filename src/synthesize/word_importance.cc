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

std::vector<WordImportanceExample> WordImportanceExamples(const std::vector<StemSentence>& sentences,
                                                          const StemIds& stems,
                                                          const std::vector<std::vector<uint32_t>>& references,
                                                          int max_occurrence) {
  const std::vector<StemStats> stats = ComputeStemStats(sentences, stems);
  // uses[r][id]: how often reference r uses stem id.
  std::vector<std::vector<uint32_t>> uses(references.size(), std::vector<uint32_t>(stems.size(), 0));
  for (size_t r = 0; r < references.size(); ++r) {
    for (uint32_t id : references[r]) {
      if (id < stems.size()) ++uses[r][id];
    }
  }
  std::vector<WordImportanceExample> examples;
  if (references.empty()) return examples;
  for (uint32_t id = 0; id < stems.size(); ++id) {
    if (stats[id].article_share == 0) continue;  // a stem only the references use
    for (int k = 1; k <= max_occurrence; ++k) {
      WordImportanceExample e;
      e.stats = stats[id];
      e.occurrence = k;
      size_t with = 0;
      for (const auto& u : uses) with += u[id] >= static_cast<uint32_t>(k);
      e.share = static_cast<float>(with) / static_cast<float>(references.size());
      examples.push_back(e);
    }
  }
  return examples;
}

namespace {

// Solves a x = b (a symmetric positive definite, d x d, row-major) by
// Gaussian elimination with partial pivoting; a and b are overwritten.
// Twelve unknowns: not worth a linear-algebra dependency.
std::vector<double> Solve(std::vector<double> a, std::vector<double> b) {
  const size_t d = b.size();
  for (size_t c = 0; c < d; ++c) {
    size_t pivot = c;
    for (size_t r = c + 1; r < d; ++r) {
      if (std::fabs(a[r * d + c]) > std::fabs(a[pivot * d + c])) pivot = r;
    }
    if (pivot != c) {
      for (size_t k = 0; k < d; ++k) std::swap(a[c * d + k], a[pivot * d + k]);
      std::swap(b[c], b[pivot]);
    }
    const double p = a[c * d + c];
    if (std::fabs(p) < 1e-12) continue;
    for (size_t r = c + 1; r < d; ++r) {
      const double f = a[r * d + c] / p;
      if (f == 0) continue;
      for (size_t k = c; k < d; ++k) a[r * d + k] -= f * a[c * d + k];
      b[r] -= f * b[c];
    }
  }
  std::vector<double> x(d, 0);
  for (size_t c = d; c-- > 0;) {
    double s = b[c];
    for (size_t k = c + 1; k < d; ++k) s -= a[c * d + k] * x[k];
    const double p = a[c * d + c];
    x[c] = std::fabs(p) < 1e-12 ? 0 : s / p;
  }
  return x;
}

}  // namespace

WordImportanceModel FitWordImportance(const std::vector<WordImportanceExample>& examples, double l2) {
  WordImportanceModel model;
  model.scale.fill(1);
  if (examples.empty()) return model;
  const size_t n = examples.size();
  constexpr size_t d = kWordFeatures + 1;  // the bias last
  std::vector<std::array<double, d>> x(n);
  std::array<double, kWordFeatures> mean{}, sq{};
  for (size_t i = 0; i < n; ++i) {
    const auto f = WordFeatures(examples[i].stats, examples[i].occurrence);
    for (int j = 0; j < kWordFeatures; ++j) {
      x[i][j] = f[j];
      mean[j] += f[j];
    }
    x[i][kWordFeatures] = 1;
  }
  for (int j = 0; j < kWordFeatures; ++j) mean[j] /= static_cast<double>(n);
  for (size_t i = 0; i < n; ++i) {
    for (int j = 0; j < kWordFeatures; ++j) sq[j] += (x[i][j] - mean[j]) * (x[i][j] - mean[j]);
  }
  for (int j = 0; j < kWordFeatures; ++j) {
    const double sd = std::sqrt(sq[j] / static_cast<double>(n));
    model.mean[j] = static_cast<float>(mean[j]);
    model.scale[j] = sd > 1e-9 ? static_cast<float>(sd) : 1.0f;
    for (size_t i = 0; i < n; ++i) x[i][j] = (x[i][j] - mean[j]) / model.scale[j];
  }
  std::vector<double> w(d, 0);
  for (int iter = 0; iter < 50; ++iter) {
    std::vector<double> grad(d, 0), hess(d * d, 0);
    for (size_t j = 0; j < kWordFeatures; ++j) {
      grad[j] = l2 * w[j];
      hess[j * d + j] = l2;
    }
    for (size_t i = 0; i < n; ++i) {
      double z = 0;
      for (size_t j = 0; j < d; ++j) z += w[j] * x[i][j];
      const double p = 1.0 / (1.0 + std::exp(-z));
      const double g = p - examples[i].share;
      const double h = p * (1 - p);
      for (size_t j = 0; j < d; ++j) {
        grad[j] += g * x[i][j];
        for (size_t k = j; k < d; ++k) hess[j * d + k] += h * x[i][j] * x[i][k];
      }
    }
    for (size_t j = 0; j < d; ++j) {
      for (size_t k = 0; k < j; ++k) hess[j * d + k] = hess[k * d + j];
    }
    const std::vector<double> step = Solve(hess, grad);
    double largest = 0;
    for (size_t j = 0; j < d; ++j) {
      w[j] -= step[j];
      largest = std::max(largest, std::fabs(step[j]));
    }
    if (largest < 1e-7) break;
  }
  for (int j = 0; j < kWordFeatures; ++j) model.weight[j] = static_cast<float>(w[j]);
  model.bias = static_cast<float>(w[kWordFeatures]);
  return model;
}

std::string WordImportanceModelSource(const WordImportanceModel& model, std::string_view provenance) {
  std::string out = "// Generated by `newsfuse train-summary`; do not edit (word_importance.h).\n";
  out += "// " + std::string(provenance) + "\n";
  out += "// Features: article share, log frequency, mean first use, earliest use, lead share,\n";
  out += "// number, stem length, log most uses in one article, log k, log k x article share,\n";
  out += "// log k x log frequency.\n";
  char buf[64];
  auto row = [&](const char* name, const std::array<float, kWordFeatures>& v) {
    out += std::string("    /*") + name + "*/ {";
    for (int i = 0; i < kWordFeatures; ++i) {
      std::snprintf(buf, sizeof buf, "%s%.9gf", i ? ", " : "", static_cast<double>(v[i]));
      out += buf;
    }
    out += "},\n";
  };
  std::snprintf(buf, sizeof buf, "%.9gf", static_cast<double>(model.bias));
  out += "constexpr WordImportanceModel kTrainedWordImportance = {\n    /*bias*/ " + std::string(buf) + ",\n";
  row("mean", model.mean);
  row("scale", model.scale);
  row("weight", model.weight);
  out += "};\n";
  return out;
}

}  // namespace newsfuse::synthesize
