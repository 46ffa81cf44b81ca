#include "eval/coref_metrics.h"

#include <algorithm>
#include <limits>
#include <unordered_map>

namespace newsfuse::eval {

namespace {

// mention -> index of its chain.
std::unordered_map<uint32_t, size_t> ChainOf(const std::vector<Chain>& chains) {
  std::unordered_map<uint32_t, size_t> of;
  for (size_t c = 0; c < chains.size(); ++c) {
    for (uint32_t m : chains[c]) of[m] = c;
  }
  return of;
}

// MUC recall terms of `key` against `response`: sum of |k| - |parts of k|
// (a mention the response lacks is a part of its own) and sum of |k| - 1.
void MucSide(const std::vector<Chain>& key, const std::vector<Chain>& response, double* num, double* den) {
  const auto of = ChainOf(response);
  for (const Chain& k : key) {
    if (k.empty()) continue;
    std::vector<size_t> parts;
    size_t singles = 0;
    for (uint32_t m : k) {
      auto it = of.find(m);
      if (it == of.end()) {
        ++singles;
      } else if (std::find(parts.begin(), parts.end(), it->second) == parts.end()) {
        parts.push_back(it->second);
      }
    }
    *num += static_cast<double>(k.size() - parts.size() - singles);
    *den += static_cast<double>(k.size() - 1);
  }
}

size_t Overlap(const Chain& a, const Chain& b) {
  size_t n = 0;
  for (uint32_t m : a) n += std::find(b.begin(), b.end(), m) != b.end();
  return n;
}

// B-cubed recall terms: per key mention, the share of its key chain that its
// response chain holds (0 when the response lacks it).
void B3Side(const std::vector<Chain>& key, const std::vector<Chain>& response, double* num, double* den) {
  const auto of = ChainOf(response);
  for (const Chain& k : key) {
    for (uint32_t m : k) {
      *den += 1;
      auto it = of.find(m);
      if (it == of.end()) continue;
      *num += static_cast<double>(Overlap(k, response[it->second])) / static_cast<double>(k.size());
    }
  }
}

// Maximum-weight one-to-one assignment (Hungarian algorithm, O(n^3)) on a
// rows x cols matrix of similarities; returns the total weight.
double MaxAssignment(const std::vector<std::vector<double>>& sim) {
  const size_t rows = sim.size(), cols = rows ? sim[0].size() : 0;
  const size_t n = std::max(rows, cols);
  if (n == 0) return 0;
  // Minimise cost = -similarity on a square matrix padded with zeros.
  constexpr double kInf = std::numeric_limits<double>::infinity();
  std::vector<double> u(n + 1, 0), v(n + 1, 0);
  std::vector<size_t> p(n + 1, 0), way(n + 1, 0);
  auto cost = [&](size_t i, size_t j) { return (i < rows && j < cols) ? -sim[i][j] : 0.0; };
  for (size_t i = 1; i <= n; ++i) {
    p[0] = i;
    size_t j0 = 0;
    std::vector<double> minv(n + 1, kInf);
    std::vector<bool> used(n + 1, false);
    do {
      used[j0] = true;
      const size_t i0 = p[j0];
      double delta = kInf;
      size_t j1 = 0;
      for (size_t j = 1; j <= n; ++j) {
        if (used[j]) continue;
        const double cur = cost(i0 - 1, j - 1) - u[i0] - v[j];
        if (cur < minv[j]) minv[j] = cur, way[j] = j0;
        if (minv[j] < delta) delta = minv[j], j1 = j;
      }
      for (size_t j = 0; j <= n; ++j) {
        if (used[j]) {
          u[p[j]] += delta, v[j] -= delta;
        } else {
          minv[j] -= delta;
        }
      }
      j0 = j1;
    } while (p[j0] != 0);
    do {
      const size_t j1 = way[j0];
      p[j0] = p[j1];
      j0 = j1;
    } while (j0 != 0);
  }
  double total = 0;
  for (size_t j = 1; j <= n; ++j) {
    if (p[j] != 0 && p[j] - 1 < rows && j - 1 < cols) total += sim[p[j] - 1][j - 1];
  }
  return total;
}

}  // namespace

CorefScores ScoreCoref(const std::vector<Chain>& key, const std::vector<Chain>& response) {
  CorefScores s;
  MucSide(key, response, &s.muc.recall_num, &s.muc.recall_den);
  MucSide(response, key, &s.muc.precision_num, &s.muc.precision_den);
  B3Side(key, response, &s.b3.recall_num, &s.b3.recall_den);
  B3Side(response, key, &s.b3.precision_num, &s.b3.precision_den);
  // CEAF-e: only chain pairs that share a mention can score, so the matrix
  // is built over those.
  std::vector<std::vector<double>> sim(key.size(), std::vector<double>(response.size(), 0));
  const auto of = ChainOf(response);
  for (size_t k = 0; k < key.size(); ++k) {
    for (uint32_t m : key[k]) {
      auto it = of.find(m);
      if (it == of.end() || sim[k][it->second] > 0) continue;
      const size_t r = it->second;
      sim[k][r] = 2.0 * static_cast<double>(Overlap(key[k], response[r])) /
                  static_cast<double>(key[k].size() + response[r].size());
    }
  }
  const double aligned = MaxAssignment(sim);
  s.ceafe.recall_num = s.ceafe.precision_num = aligned;
  s.ceafe.recall_den = static_cast<double>(key.size());
  s.ceafe.precision_den = static_cast<double>(response.size());
  return s;
}

}  // namespace newsfuse::eval
