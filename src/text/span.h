// File: text/span.h
//
// Byte spans into a text that outlives them. Every stage after ingest speaks
// in spans into one article's document text, so that a citation, an entity or
// a quote can always be traced to the bytes it came from.
#ifndef NEWSFUSE_TEXT_SPAN_H_
#define NEWSFUSE_TEXT_SPAN_H_

#include <cstdint>
#include <string_view>

namespace newsfuse::text {

// [begin, end) byte offsets.
struct Span {
  uint32_t begin = 0;
  uint32_t end = 0;
  uint32_t size() const { return end - begin; }
  bool empty() const { return end <= begin; }
  std::string_view In(std::string_view text) const { return text.substr(begin, end - begin); }
  friend bool operator==(const Span& a, const Span& b) { return a.begin == b.begin && a.end == b.end; }
};

}  // namespace newsfuse::text

#endif  // NEWSFUSE_TEXT_SPAN_H_
