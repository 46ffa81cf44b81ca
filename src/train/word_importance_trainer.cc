#include "train/word_importance_trainer.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

#include "extract/article_analysis.h"
#include "synthesize/story_builder.h"

namespace newsfuse::synthesize {

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

std::vector<WordImportanceExample> ClusterWordImportanceExamples(const std::vector<Article>& articles,
                                                                 const std::vector<std::string>& references) {
  const auto analyses = extract::AnalyzeArticles(articles, extract::AnalysisOptions{});
  std::vector<const extract::ArticleAnalysis*> members;
  for (const auto& a : analyses) members.push_back(&a);
  StemIds stems;
  const auto units = SummaryUnits(members, StatementSentences(members), stems);
  std::vector<StemSentence> sentences;
  for (const auto& u : units) sentences.push_back(u.sentence);
  std::vector<std::vector<uint32_t>> reference_stems(references.size());
  for (size_t r = 0; r < references.size(); ++r) stems.Add(references[r], &reference_stems[r]);
  return WordImportanceExamples(sentences, stems, reference_stems);
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
