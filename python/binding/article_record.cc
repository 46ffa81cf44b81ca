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

namespace {

constexpr uint8_t kArticleVersion = 1;

}  // namespace

std::string EncodeArticle(const Article& a) {
  std::string out;
  Writer w(&out);
  w.Put(uint8_t{0});
  w.Put(kArticleVersion);
  w.String(a.id);
  w.String(a.origin);
  const std::optional<std::string>* optional[] = {&a.outlet, &a.url, &a.title, &a.subtitle, &a.language};
  uint8_t mask = 0;
  for (size_t k = 0; k < 5; ++k) {
    if (*optional[k]) mask |= static_cast<uint8_t>(1u << k);
  }
  w.Put(mask);
  for (const auto* field : optional) {
    if (*field) w.String(**field);
  }
  w.Put(static_cast<uint8_t>(a.published.has_value()));
  const CivilDate d = a.published.value_or(CivilDate{});
  for (int v : {d.year, d.month, d.day, d.hour, d.minute}) w.Put(static_cast<int32_t>(v));
  w.Put(static_cast<uint32_t>(a.paragraphs.size()));
  for (const Paragraph& p : a.paragraphs) {
    w.String(p.text);
    w.Put(static_cast<uint8_t>((p.is_heading ? 1 : 0) | (p.is_list_item ? 2 : 0)));
    w.String(p.label);
  }
  w.Put(static_cast<uint32_t>(a.dropped.size()));
  for (const DroppedLine& l : a.dropped) {
    w.Put(static_cast<uint8_t>(l.kind));
    w.String(l.text);
  }
  return out;
}

bool IsEncodedArticle(std::string_view bytes) { return !bytes.empty() && bytes[0] == '\0'; }

Result<Article> DecodeArticle(std::string_view bytes) {
  Reader in(bytes);
  const uint8_t zero = in.Get<uint8_t>();
  const uint8_t version = in.Get<uint8_t>();
  if (!in.ok() || zero != 0 || version != kArticleVersion) {
    return Status::InvalidArgument("article", "not a newsfuse encoded article (version " +
                                                  std::to_string(kArticleVersion) + ")");
  }
  Article a;
  a.id = in.String();
  a.origin = in.String();
  const uint8_t mask = in.Get<uint8_t>();
  std::optional<std::string>* optional[] = {&a.outlet, &a.url, &a.title, &a.subtitle, &a.language};
  for (size_t k = 0; k < 5; ++k) {
    if (mask & (1u << k)) *optional[k] = in.String();
  }
  const bool dated = in.Get<uint8_t>() != 0;
  CivilDate d;
  d.year = in.Get<int32_t>();
  d.month = in.Get<int32_t>();
  d.day = in.Get<int32_t>();
  d.hour = in.Get<int32_t>();
  d.minute = in.Get<int32_t>();
  if (dated) a.published = d;
  const uint32_t paragraphs = in.Get<uint32_t>();
  for (uint32_t k = 0; k < paragraphs && in.ok(); ++k) {
    Paragraph& p = a.paragraphs.emplace_back();
    p.text = in.String();
    const uint8_t flags = in.Get<uint8_t>();
    p.is_heading = flags & 1;
    p.is_list_item = flags & 2;
    p.label = in.String();
  }
  const uint32_t dropped = in.Get<uint32_t>();
  for (uint32_t k = 0; k < dropped && in.ok(); ++k) {
    const uint8_t kind = in.Get<uint8_t>();
    if (kind > static_cast<uint8_t>(BoilerplateKind::kOther)) return Status::DataLoss("article", "bad dropped-line kind");
    a.dropped.push_back(DroppedLine{static_cast<BoilerplateKind>(kind), in.String()});
  }
  if (!in.ok() || !in.at_end()) return Status::DataLoss("article", "truncated or damaged encoded article");
  return a;
}

}  // namespace newsfuse::python
