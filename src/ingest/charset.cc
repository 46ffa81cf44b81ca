#include "ingest/charset.h"

#include <unicode/ucnv.h>

#include <cstdint>
#include <cstring>
#include <string>

#include "base/strings.h"
#include "base/utf8.h"

namespace newsfuse::ingest {
namespace {

bool IsUtf8Name(std::string_view name) {
  return name == "utf-8" || name == "utf8" || name == "unicode-1-1-utf-8";
}

// Reads the value after "charset" at `pos` (past optional spaces, '=' and
// quotes) up to a delimiter.
std::string CharsetValueAt(std::string_view s, size_t pos) {
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '\t')) ++pos;
  if (pos >= s.size() || s[pos] != '=') return {};
  ++pos;
  while (pos < s.size() && (s[pos] == ' ' || s[pos] == '"' || s[pos] == '\'')) ++pos;
  size_t end = pos;
  while (end < s.size() && (base::IsAsciiAlpha(s[end]) || base::IsAsciiDigit(s[end]) ||
                            s[end] == '-' || s[end] == '_' || s[end] == ':' || s[end] == '.')) {
    ++end;
  }
  return base::AsciiLower(s.substr(pos, end - pos));
}

// True when `bytes` is valid UTF-8. Pages are mostly ASCII: eight bytes are
// checked at a time, and only the other sequences are decoded.
bool IsValidUtf8(std::string_view bytes) {
  const char* const data = bytes.data();
  const size_t n = bytes.size();
  size_t i = 0;
  while (i < n) {
    while (i + 8 <= n) {
      uint64_t word;
      std::memcpy(&word, data + i, 8);
      if (word & 0x8080808080808080ull) break;
      i += 8;
    }
    while (i < n && static_cast<unsigned char>(data[i]) < 0x80) ++i;
    if (i == n) return true;
    // One multi-byte sequence (DecodeUtf8 gives U+FFFD for an invalid one; a
    // real U+FFFD is EF BF BD).
    size_t at = i;
    const char32_t cp = base::DecodeUtf8(bytes, &at);
    if (cp == 0xFFFD && bytes.substr(i, 3) != "\xEF\xBF\xBD") return false;
    i = at;
  }
  return true;
}

// Replaces invalid UTF-8 sequences with U+FFFD.
std::string RepairUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  size_t pos = 0;
  while (pos < bytes.size()) {
    const size_t bad = base::FindInvalidUtf8(bytes.substr(pos));
    if (bad == std::string_view::npos) {
      out.append(bytes.substr(pos));
      break;
    }
    out.append(bytes.substr(pos, bad));
    pos += bad;
    size_t at = pos;
    base::DecodeUtf8(bytes, &at);
    out.append("\xEF\xBF\xBD");
    pos = at > pos ? at : pos + 1;
  }
  return out;
}

Result<std::string> ConvertWithIcu(std::string_view subject, std::string_view bytes,
                                   const std::string& charset) {
  UErrorCode err = U_ZERO_ERROR;
  // ucnv_convert wants a destination buffer; UTF-8 output is at most 3 bytes per
  // input byte for the single- and double-byte sets web pages use.
  std::string out;
  out.resize(bytes.size() * 3 + 16);
  const int32_t n = ucnv_convert("UTF-8", charset.c_str(), out.data(),
                                 static_cast<int32_t>(out.size()), bytes.data(),
                                 static_cast<int32_t>(bytes.size()), &err);
  if (err == U_BUFFER_OVERFLOW_ERROR) {
    out.resize(static_cast<size_t>(n) + 16);
    err = U_ZERO_ERROR;
    const int32_t m = ucnv_convert("UTF-8", charset.c_str(), out.data(),
                                   static_cast<int32_t>(out.size()), bytes.data(),
                                   static_cast<int32_t>(bytes.size()), &err);
    if (U_FAILURE(err)) return Status::InvalidArgument(subject, "cannot decode charset " + charset);
    out.resize(static_cast<size_t>(m));
    return out;
  }
  if (U_FAILURE(err)) return Status::InvalidArgument(subject, "unknown charset " + charset);
  out.resize(static_cast<size_t>(n));
  return out;
}

}  // namespace

std::string CharsetFromContentType(std::string_view content_type) {
  const size_t at = base::FindIgnoreCase(content_type, "charset");
  if (at == std::string_view::npos) return {};
  return CharsetValueAt(content_type, at + 7);
}

std::string SniffMetaCharset(std::string_view html, size_t scan_bytes) {
  const std::string_view head = html.substr(0, scan_bytes);
  size_t pos = 0;
  while (true) {
    const size_t meta = base::FindIgnoreCase(head.substr(pos), "<meta");
    if (meta == std::string_view::npos) return {};
    const size_t begin = pos + meta;
    size_t end = head.find('>', begin);
    if (end == std::string_view::npos) end = head.size();
    const std::string_view tag = head.substr(begin, end - begin);
    const size_t cs = base::FindIgnoreCase(tag, "charset");
    if (cs != std::string_view::npos) {
      std::string value = CharsetValueAt(tag, cs + 7);
      if (!value.empty()) return value;
    }
    pos = end;
  }
}

Result<std::string_view> DecodeToUtf8View(std::string_view subject, std::string_view bytes,
                                          std::string_view declared, std::string* storage) {
  auto stored = [&](Result<std::string> r) -> Result<std::string_view> {
    if (!r.ok()) return r.status();
    *storage = std::move(*r);
    return std::string_view(*storage);
  };
  // Byte-order marks decide over any declaration (HTML5 "encoding sniffing").
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF") {
    const std::string_view rest = bytes.substr(3);
    if (IsValidUtf8(rest)) return rest;
    return stored(RepairUtf8(rest));
  }
  if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFF\xFE") {
    return stored(ConvertWithIcu(subject, bytes.substr(2), "UTF-16LE"));
  }
  if (bytes.size() >= 2 && bytes.substr(0, 2) == "\xFE\xFF") {
    return stored(ConvertWithIcu(subject, bytes.substr(2), "UTF-16BE"));
  }
  // Pages often declare latin-1 while serving UTF-8 (and the reverse); bytes that
  // are valid UTF-8 and not plain ASCII are almost never meant as windows-1252.
  // So validity decides first, and the declaration is only read when it matters.
  if (IsValidUtf8(bytes)) return bytes;
  std::string charset = base::AsciiLower(declared);
  if (charset.empty()) charset = SniffMetaCharset(bytes);
  if (charset.empty() || IsUtf8Name(charset)) {
    if (IsUtf8Name(charset)) return stored(RepairUtf8(bytes));
    charset = "windows-1252";
  }
  // Browsers read latin-1 and ascii as windows-1252 (WHATWG Encoding).
  if (charset == "iso-8859-1" || charset == "latin1" || charset == "us-ascii" ||
      charset == "ascii" || charset == "latin-1") {
    charset = "windows-1252";
  }
  Result<std::string> converted = ConvertWithIcu(subject, bytes, charset);
  if (!converted.ok()) return stored(RepairUtf8(bytes));  // unknown name: keep what we can
  return stored(std::move(converted));
}

Result<std::string> DecodeToUtf8(std::string_view subject, std::string_view bytes,
                                 std::string_view declared) {
  std::string storage;
  Result<std::string_view> view = DecodeToUtf8View(subject, bytes, declared, &storage);
  if (!view.ok()) return view.status();
  if (view->data() == storage.data() && view->size() == storage.size()) return storage;
  return std::string(*view);
}

}  // namespace newsfuse::ingest
