#include "python/binding/article_record.h"

#include <xxhash.h>

#include <cstring>

namespace newsfuse::python {
namespace {

constexpr uint8_t kVersion = 1;

class Writer {
 public:
  explicit Writer(std::string* out) : out_(*out) {}
  template <typename T>
  void Put(T value) {
    char bytes[sizeof(T)];
    std::memcpy(bytes, &value, sizeof(T));  // x86-64 and aarch64: little-endian
    out_.append(bytes, sizeof(T));
  }
  void String(std::string_view s) {
    Put(static_cast<uint32_t>(s.size()));
    out_.append(s);
  }
  template <typename T>
  void Array(const std::vector<T>& values) {
    Put(static_cast<uint16_t>(values.size()));
    for (T v : values) Put(v);
  }

 private:
  std::string& out_;
};

class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  bool at_end() const { return in_.empty(); }
  template <typename T>
  T Get() {
    T value{};
    if (in_.size() < sizeof(T)) {
      ok_ = false;
      return value;
    }
    std::memcpy(&value, in_.data(), sizeof(T));
    in_.remove_prefix(sizeof(T));
    return value;
  }
  std::string String() {
    const uint32_t n = Get<uint32_t>();
    if (!ok_ || in_.size() < n) {
      ok_ = false;
      return {};
    }
    std::string s(in_.substr(0, n));
    in_.remove_prefix(n);
    return s;
  }
  template <typename T>
  std::vector<T> Array() {
    const uint16_t n = Get<uint16_t>();
    std::vector<T> values;
    if (!ok_ || in_.size() < size_t{n} * sizeof(T)) {
      ok_ = false;
      return values;
    }
    values.reserve(n);
    for (uint16_t k = 0; k < n; ++k) values.push_back(Get<T>());
    return values;
  }

 private:
  std::string_view in_;
  bool ok_ = true;
};

template <typename T>
std::vector<T> Capped(const std::vector<T>& values) {
  return values.size() <= UINT16_MAX ? values : std::vector<T>(values.begin(), values.begin() + UINT16_MAX);
}

}  // namespace

std::string EncodeRecord(const ArticleRecord& r) {
  std::string out;
  out.reserve(64 + r.id.size() + r.line.size() + 8 * r.sketch.copy_keys.size() +
              4 * (r.sketch.names.size() + r.sketch.words.size()));
  Writer w(&out);
  w.Put(kVersion);
  w.String(r.id);
  w.String(r.published);
  w.Put(r.sketch.protagonist);
  w.Put(static_cast<uint64_t>(r.sketch.body_bytes));
  w.Array(Capped(r.sketch.copy_keys));
  w.Array(Capped(r.sketch.names));
  w.Array(Capped(r.sketch.words));
  w.String(r.line);
  return out;
}

Result<ArticleRecord> DecodeRecord(std::string_view bytes) {
  Reader in(bytes);
  const uint8_t version = in.Get<uint8_t>();
  if (!in.ok() || version != kVersion) {
    return Status::InvalidArgument("record", "not a newsfuse article record (version " +
                                                 std::to_string(kVersion) + ")");
  }
  ArticleRecord r;
  r.id = in.String();
  r.published = in.String();
  r.sketch.protagonist = in.Get<uint32_t>();
  r.sketch.body_bytes = in.Get<uint64_t>();
  r.sketch.copy_keys = in.Array<uint64_t>();
  r.sketch.names = in.Array<uint32_t>();
  r.sketch.words = in.Array<uint32_t>();
  r.line = in.String();
  if (!in.ok() || !in.at_end()) return Status::DataLoss("record", "truncated or damaged article record");
  return r;
}

std::vector<uint64_t> BlockingKeys(const ArticleRecord& r) {
  constexpr uint64_t kLow = (uint64_t{1} << 62) - 1;
  std::vector<uint64_t> keys;
  keys.reserve(r.sketch.copy_keys.size() + r.sketch.names.size() + r.sketch.words.size() + 1);
  for (uint64_t k : r.sketch.copy_keys) keys.push_back(k & kLow);
  for (uint32_t k : r.sketch.names) keys.push_back(uint64_t{1} << 62 | k);
  for (uint32_t k : r.sketch.words) keys.push_back(uint64_t{2} << 62 | k);
  keys.push_back(uint64_t{3} << 62 | (XXH3_64bits(r.id.data(), r.id.size()) & kLow));
  return keys;
}

}  // namespace newsfuse::python
