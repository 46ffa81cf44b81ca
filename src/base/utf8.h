// File: base/utf8.h
//
// UTF-8 checks and decoding on raw bytes. ICU does the heavy Unicode work in
// text/; these are the cheap byte-level checks every reader runs first.
#ifndef NEWSFUSE_BASE_UTF8_H_
#define NEWSFUSE_BASE_UTF8_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace newsfuse::base {

// Returns the byte offset of the first invalid UTF-8 sequence (overlong forms,
// surrogates and code points above U+10FFFF are invalid), or npos when valid.
size_t FindInvalidUtf8(std::string_view bytes);

// Decodes one code point at `*pos` and advances it; returns U+FFFD for an
// invalid sequence (advancing one byte). REQUIRES: *pos < bytes.size().
char32_t DecodeUtf8(std::string_view bytes, size_t* pos);

void AppendUtf8(char32_t cp, std::string* out);

// True when `bytes` looks like binary data rather than text: a NUL byte, or
// many control characters, in its first 4 KiB.
bool LooksBinary(std::string_view bytes);

}  // namespace newsfuse::base

#endif  // NEWSFUSE_BASE_UTF8_H_
