// File: base/json_writer.h
//
// A streaming JSON writer. simdjson (our JSON reader) does not write JSON, and
// the output side needs only escaping and punctuation, so it is written here:
// no DOM is built, values go straight to the output string.
//
//   JsonWriter w(&out, /*indent=*/2);
//   w.BeginObject();
//   w.Key("id"); w.String("a1");
//   w.Key("sources"); w.BeginArray(); w.String("x"); w.EndArray();
//   w.EndObject();
#ifndef NEWSFUSE_BASE_JSON_WRITER_H_
#define NEWSFUSE_BASE_JSON_WRITER_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/civil_date.h"

namespace newsfuse::base {

// Appends `s` to `out` as a JSON string literal (quotes included). Invalid
// UTF-8 bytes become U+FFFD so that the output is always valid JSON.
void AppendJsonString(std::string_view s, std::string* out);

class JsonWriter {
 public:
  // `indent` 0 writes one line; otherwise pretty-prints with that many spaces.
  explicit JsonWriter(std::string* out, int indent = 0) : out_(out), indent_(indent) {}

  void BeginObject();
  void EndObject();
  void BeginArray();
  void EndArray();
  void Key(std::string_view key);
  void String(std::string_view value);
  void OptionalString(const std::optional<std::string>& value);  // null when absent or empty
  void Int(int64_t value);
  void Double(double value);
  void Bool(bool value);
  void Null();
  // Shorthands for "key": value.
  void Field(std::string_view key, std::string_view value) { Key(key); String(value); }
  // A date as CivilDate::ToString() writes it, or null.
  void OptionalDateField(std::string_view key, const std::optional<CivilDate>& value) {
    OptionalField(key, value ? std::optional<std::string>(value->ToString()) : std::nullopt);
  }
  void OptionalField(std::string_view key, const std::optional<std::string>& value) {
    Key(key);
    OptionalString(value);
  }
  void StringArray(std::string_view key, const std::vector<std::string>& values);

 private:
  void BeforeValue();
  void NewLine();
  std::string* out_;
  int indent_;
  // One entry per open container: true once it has a member.
  std::vector<bool> has_member_;
  bool after_key_ = false;
};

}  // namespace newsfuse::base

#endif  // NEWSFUSE_BASE_JSON_WRITER_H_
