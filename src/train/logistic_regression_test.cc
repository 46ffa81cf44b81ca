#include "train/logistic_regression.h"

#include <gtest/gtest.h>

#include <cmath>

namespace newsfuse::train {
namespace {

// Labels that are exactly the probabilities of a known logistic model are
// fitted back to its weights (no penalty: the minimum is the model itself).
TEST(LogisticRegressionTest, FitRecoversKnownWeights) {
  const double truth[3] = {-1.5, 3.0, -2.0};  // bias, x1, x2
  std::vector<std::vector<double>> x;
  std::vector<double> y;
  for (int i = 0; i <= 10; ++i) {
    for (int j = 0; j <= 10; ++j) {
      const double x1 = i / 10.0;
      const double x2 = j / 5.0 - 1.0;
      x.push_back({1.0, x1, x2});
      y.push_back(1.0 / (1.0 + std::exp(-(truth[0] + truth[1] * x1 + truth[2] * x2))));
    }
  }
  const std::vector<double> w = FitLogistic(x, y, std::vector<double>(x.size(), 1.0), 0.0, 0);
  ASSERT_EQ(w.size(), 3u);
  for (int k = 0; k < 3; ++k) EXPECT_NEAR(w[k], truth[k], 1e-6) << "weight " << k;
}

// On a separable set (label 1 exactly when x1 > 0.5, x2 noise) the penalised
// fit stays finite, classifies every point, and weighs the noise least.
TEST(LogisticRegressionTest, FitSeparatesASeparableSet) {
  std::vector<std::vector<double>> x;
  std::vector<double> y;
  for (int i = 0; i < 40; ++i) {
    const double x1 = (i + 0.5) / 40.0;
    const double x2 = (i * 7 % 11) / 10.0;
    x.push_back({1.0, x1, x2});
    y.push_back(x1 > 0.5 ? 1.0 : 0.0);
  }
  const std::vector<double> w = FitLogistic(x, y, std::vector<double>(x.size(), 1.0), 1e-3, 0);
  for (double v : w) EXPECT_TRUE(std::isfinite(v));
  for (size_t i = 0; i < x.size(); ++i) {
    const double z = w[0] + w[1] * x[i][1] + w[2] * x[i][2];
    EXPECT_EQ(z > 0, y[i] == 1.0) << "point " << i;
  }
  EXPECT_GT(w[1], 10 * std::fabs(w[2]));
}

}  // namespace
}  // namespace newsfuse::train
