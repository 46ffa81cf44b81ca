// File: base/strings.h
//
// Small string helpers over std::string_view that the standard library lacks.
// None of them allocate unless they return a std::string.
#ifndef NEWSFUSE_BASE_STRINGS_H_
#define NEWSFUSE_BASE_STRINGS_H_

#include <string>
#include <string_view>
#include <vector>

namespace newsfuse::base {

// ASCII whitespace plus the UTF-8 no-break space (U+00A0) and the BOM, which
// scraped news text carries at line edges.
std::string_view Trim(std::string_view s);
std::string_view TrimLeft(std::string_view s);
std::string_view TrimRight(std::string_view s);

std::string AsciiLower(std::string_view s);
bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix);
bool EqualsIgnoreCase(std::string_view a, std::string_view b);
// Case-insensitive substring search; returns npos when absent.
size_t FindIgnoreCase(std::string_view haystack, std::string_view needle);

// Splits on '\n' (a trailing '\r' is removed from each line). Views point into `text`.
std::vector<std::string_view> SplitLines(std::string_view text);
// Splits on runs of ASCII whitespace.
std::vector<std::string_view> SplitWords(std::string_view text);
// SplitWords(text).size() without building the vector (hot in line classifiers).
size_t CountWords(std::string_view text);

// Collapses runs of white space (including U+00A0) to one ASCII space and trims.
std::string CollapseWhitespace(std::string_view s);

inline bool IsAsciiUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsAsciiLower(char c) { return c >= 'a' && c <= 'z'; }
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiAlpha(char c) { return IsAsciiUpper(c) || IsAsciiLower(c); }
inline bool IsAsciiSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace newsfuse::base

#endif  // NEWSFUSE_BASE_STRINGS_H_
