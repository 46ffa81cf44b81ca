#include "newsfuse/status.h"

namespace newsfuse {

std::string_view StatusCodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "OK";
    case StatusCode::kInvalidArgument: return "invalid argument";
    case StatusCode::kNotFound: return "not found";
    case StatusCode::kAlreadyExists: return "already exists";
    case StatusCode::kResourceExhausted: return "resource exhausted";
    case StatusCode::kFailedPrecondition: return "failed precondition";
    case StatusCode::kOutOfRange: return "out of range";
    case StatusCode::kUnimplemented: return "unimplemented";
    case StatusCode::kInternal: return "internal";
    case StatusCode::kUnavailable: return "unavailable";
    case StatusCode::kDataLoss: return "data loss";
  }
  return "unknown";
}

Status::Status(StatusCode code, std::string_view subject, std::string_view message)
    : rep_(std::make_unique<Rep>()) {
  rep_->code = code;
  rep_->text.assign(subject);
  if (!subject.empty() && !message.empty()) rep_->text += ": ";
  rep_->text += message;
  if (rep_->text.empty()) rep_->text.assign(StatusCodeName(code));
}

Status::Status(const Status& other)
    : rep_(other.rep_ ? std::make_unique<Rep>(*other.rep_) : nullptr) {}

Status& Status::operator=(const Status& other) {
  if (this != &other) rep_ = other.rep_ ? std::make_unique<Rep>(*other.rep_) : nullptr;
  return *this;
}

std::string Status::message() const { return rep_ ? rep_->text : std::string(); }

std::string Status::ToString() const { return rep_ ? rep_->text : std::string("OK"); }

}  // namespace newsfuse
