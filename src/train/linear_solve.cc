#include "train/linear_solve.h"

#include <cmath>
#include <utility>

namespace newsfuse::train {

std::vector<double> SolveLinear(std::vector<double> a, std::vector<double> b) {
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

}  // namespace newsfuse::train
