#include "python/binding/article_record.h"

#include <xxhash.h>

#include "python/binding/byte_io.h"

namespace newsfuse::python {
namespace {

constexpr uint8_t kVersion = 1;

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
