// File: newsfuse/status.h
//
// Status is the outcome of an operation that can fail on input it does not
// control: OK, or a code with a message that names the input and the problem.
// The library does not throw for errors it expects; it returns a Status.
//
//   Status s = Status::DataLoss("articles.jsonl", "line 12: not valid JSON");
//   if (!s.ok()) std::cerr << "newsfuse: " << s.ToString() << "\n";
//   // prints "newsfuse: articles.jsonl: line 12: not valid JSON"
//
// Thread-safety: a Status is a value; distinct objects may be used freely from
// distinct threads.
#ifndef NEWSFUSE_STATUS_H_
#define NEWSFUSE_STATUS_H_

#include <memory>
#include <string>
#include <string_view>

namespace newsfuse {

// The codes are a subset of absl's canonical set, with the same meaning.
enum class StatusCode : int {
  kOk = 0,
  kInvalidArgument = 3,
  kNotFound = 5,
  kAlreadyExists = 6,
  kResourceExhausted = 8,
  kFailedPrecondition = 9,
  kOutOfRange = 11,
  kUnimplemented = 12,
  kInternal = 13,
  kUnavailable = 14,
  kDataLoss = 15,
};

std::string_view StatusCodeName(StatusCode code);

class Status {
 public:
  // OK costs one null pointer: no allocation on the success path.
  Status() = default;
  Status(const Status& other);
  Status& operator=(const Status& other);
  Status(Status&&) noexcept = default;
  Status& operator=(Status&&) noexcept = default;

  // Named constructors. `subject` is what the error is about (a file, an
  // article id, a field) and `message` is the problem; ToString() joins them
  // as "subject: message". Either may be empty.
  static Status Ok() { return Status(); }
  static Status InvalidArgument(std::string_view subject, std::string_view message = {}) {
    return Status(StatusCode::kInvalidArgument, subject, message);
  }
  static Status NotFound(std::string_view subject, std::string_view message = {}) {
    return Status(StatusCode::kNotFound, subject, message);
  }
  static Status AlreadyExists(std::string_view subject, std::string_view message = {}) {
    return Status(StatusCode::kAlreadyExists, subject, message);
  }
  static Status ResourceExhausted(std::string_view subject, std::string_view message = {}) {
    return Status(StatusCode::kResourceExhausted, subject, message);
  }
  static Status FailedPrecondition(std::string_view subject, std::string_view message = {}) {
    return Status(StatusCode::kFailedPrecondition, subject, message);
  }
  static Status OutOfRange(std::string_view subject, std::string_view message = {}) {
    return Status(StatusCode::kOutOfRange, subject, message);
  }
  static Status Unimplemented(std::string_view subject, std::string_view message = {}) {
    return Status(StatusCode::kUnimplemented, subject, message);
  }
  static Status Internal(std::string_view subject, std::string_view message = {}) {
    return Status(StatusCode::kInternal, subject, message);
  }
  static Status Unavailable(std::string_view subject, std::string_view message = {}) {
    return Status(StatusCode::kUnavailable, subject, message);
  }
  static Status DataLoss(std::string_view subject, std::string_view message = {}) {
    return Status(StatusCode::kDataLoss, subject, message);
  }

  bool ok() const { return rep_ == nullptr; }
  StatusCode code() const { return rep_ ? rep_->code : StatusCode::kOk; }
  // The "subject: message" text, without the code name; empty when OK.
  std::string message() const;
  // "OK", or "subject: message" (the one-line form the CLI prints).
  std::string ToString() const;

 private:
  struct Rep {
    StatusCode code;
    std::string text;
  };
  Status(StatusCode code, std::string_view subject, std::string_view message);
  std::unique_ptr<Rep> rep_;
};

// Returns early from the enclosing function when `expr` is not OK.
#define NEWSFUSE_RETURN_IF_ERROR(expr)                  \
  do {                                                  \
    ::newsfuse::Status nf_status_ = (expr);             \
    if (!nf_status_.ok()) return nf_status_;            \
  } while (0)

}  // namespace newsfuse

#endif  // NEWSFUSE_STATUS_H_
