#include "train/logistic_regression.h"

#include <algorithm>
#include <cmath>
#include <utility>

namespace newsfuse::train {

namespace {

// Solves a x = b (a symmetric positive definite, d x d, row-major) by
// Gaussian elimination with partial pivoting. A zero pivot leaves its
// unknown 0.
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

std::vector<double> FitLogistic(const std::vector<std::vector<double>>& x, const std::vector<double>& y,
                                const std::vector<double>& w, double l2, size_t bias_column) {
  const size_t d = x.empty() ? 0 : x[0].size();
  std::vector<double> beta(d, 0);
  for (int iter = 0; iter < 50; ++iter) {
    std::vector<double> grad(d, 0);
    std::vector<double> hess(d * d, 0);
    for (size_t j = 0; j < d; ++j) {
      if (j == bias_column) continue;
      grad[j] = l2 * beta[j];
      hess[j * d + j] = l2;
    }
    for (size_t i = 0; i < x.size(); ++i) {
      double z = 0;
      for (size_t j = 0; j < d; ++j) z += beta[j] * x[i][j];
      const double p = 1.0 / (1.0 + std::exp(-z));
      const double g = w[i] * (p - y[i]);
      const double h = w[i] * p * (1 - p);
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
      beta[j] -= step[j];
      largest = std::max(largest, std::fabs(step[j]));
    }
    if (largest < 1e-7) break;
  }
  return beta;
}

}  // namespace newsfuse::train
