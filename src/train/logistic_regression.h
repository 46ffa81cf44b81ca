// File: train/logistic_regression.h
//
// The trainers' logistic regression: weighted, L2-penalised, fitted by
// Newton's method on a dozen features (a small dense solve per step, not
// worth a linear-algebra dependency). Used by the word-importance and the
// pair-similarity trainers.
#ifndef NEWSFUSE_TRAIN_LOGISTIC_REGRESSION_H_
#define NEWSFUSE_TRAIN_LOGISTIC_REGRESSION_H_

#include <cstddef>
#include <vector>

namespace newsfuse::train {

// Minimises sum_i w_i logloss(y_i, sigmoid(beta . x_i)) + l2/2 |beta|^2,
// the column `bias_column` left out of the penalty. `x` holds the rows (a
// constant-1 bias column included), `y` the labels: 0/1, or probabilities
// (soft labels). Stops when no weight moves by 1e-7, or after 50 steps.
std::vector<double> FitLogistic(const std::vector<std::vector<double>>& x, const std::vector<double>& y,
                                const std::vector<double>& w, double l2, size_t bias_column);

}  // namespace newsfuse::train

#endif  // NEWSFUSE_TRAIN_LOGISTIC_REGRESSION_H_
