#include "base/utf8.h"

namespace newsfuse::base {

namespace {
// Length of the valid sequence at bytes[i], or 0 when it is invalid.
size_t ValidSequenceLength(std::string_view s, size_t i) {
  const auto b = [&](size_t k) { return static_cast<unsigned char>(s[k]); };
  const unsigned char c = b(i);
  if (c < 0x80) return 1;
  size_t n;
  char32_t cp;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
    cp = c & 0x1F;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    cp = c & 0x0F;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    cp = c & 0x07;
  } else {
    return 0;
  }
  if (i + n > s.size()) return 0;
  for (size_t k = 1; k < n; ++k) {
    if ((b(i + k) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(i + k) & 0x3F);
  }
  if ((n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000) || cp > 0x10FFFF ||
      (cp >= 0xD800 && cp <= 0xDFFF)) {
    return 0;
  }
  return n;
}
}  // namespace

size_t FindInvalidUtf8(std::string_view bytes) {
  size_t i = 0;
  while (i < bytes.size()) {
    // Fast path over ASCII runs.
    while (i < bytes.size() && static_cast<unsigned char>(bytes[i]) < 0x80) ++i;
    if (i == bytes.size()) break;
    const size_t n = ValidSequenceLength(bytes, i);
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

char32_t DecodeUtf8(std::string_view bytes, size_t* pos) {
  const size_t i = *pos;
  const size_t n = ValidSequenceLength(bytes, i);
  if (n == 0) {
    *pos = i + 1;
    return 0xFFFD;
  }
  const unsigned char c = static_cast<unsigned char>(bytes[i]);
  char32_t cp = n == 1 ? c : (n == 2 ? c & 0x1F : (n == 3 ? c & 0x0F : c & 0x07));
  for (size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(bytes[i + k]) & 0x3F);
  *pos = i + n;
  return cp;
}

void AppendUtf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool LooksBinary(std::string_view bytes) {
  const std::string_view head = bytes.substr(0, 4096);
  // Counted without an early exit or a table, so that the loop vectorizes:
  // every input file and JSONL line passes here.
  uint32_t nul = 0, control = 0;
  for (char ch : head) {
    const uint32_t c = static_cast<unsigned char>(ch);
    nul += c == 0;
    control += (c < 0x20) & (c != '\n') & (c != '\r') & (c != '\t') & (c != '\f');
  }
  if (nul > 0) return true;
  return control * 20 > head.size() && control > 4;  // more than 5% control bytes
}

}  // namespace newsfuse::base
