// File: train/linear_solve.h
//
// The Newton step of the trainers' logistic regressions: a small dense
// symmetric positive definite system, a dozen unknowns, not worth a
// linear-algebra dependency.
#ifndef NEWSFUSE_TRAIN_LINEAR_SOLVE_H_
#define NEWSFUSE_TRAIN_LINEAR_SOLVE_H_

#include <vector>

namespace newsfuse::train {

// Solves a x = b (a symmetric positive definite, d x d, row-major) by
// Gaussian elimination with partial pivoting. A zero pivot leaves its
// unknown 0.
std::vector<double> SolveLinear(std::vector<double> a, std::vector<double> b);

}  // namespace newsfuse::train

#endif  // NEWSFUSE_TRAIN_LINEAR_SOLVE_H_
