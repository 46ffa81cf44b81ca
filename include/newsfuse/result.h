// File: newsfuse/result.h
//
// Result<T> holds either a T or the Status that explains why there is none
// (after absl::StatusOr). Use it for functions that produce a value from input
// that may be bad:
//
//   Result<Article> article = ParsePlainText("a.txt", bytes);
//   if (!article.ok()) return article.status();
//   Use(*article);
#ifndef NEWSFUSE_RESULT_H_
#define NEWSFUSE_RESULT_H_

#include <cassert>
#include <optional>
#include <utility>

#include "newsfuse/status.h"

namespace newsfuse {

template <typename T>
class Result {
 public:
  // REQUIRES: !status.ok(): an OK Result must carry a value.
  Result(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
    assert(!status_.ok());
  }
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  // REQUIRES: ok().
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }
  T&& operator*() && { return std::move(*value_); }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace newsfuse

#endif  // NEWSFUSE_RESULT_H_
