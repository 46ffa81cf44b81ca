#include "base/strings.h"

#include <algorithm>
#include <array>

namespace newsfuse::base {

namespace {
// Length of the white space at the start of `s` (ASCII, U+00A0, U+FEFF, U+2009, U+200B).
size_t LeadingSpace(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    if (IsAsciiSpace(s[i])) {
      ++i;
    } else if (s.substr(i, 2) == "\xC2\xA0") {
      i += 2;
    } else if (s.substr(i, 3) == "\xEF\xBB\xBF" || s.substr(i, 3) == "\xE2\x80\x89" ||
               s.substr(i, 3) == "\xE2\x80\x8B") {
      i += 3;
    } else {
      break;
    }
  }
  return i;
}
size_t TrailingSpace(std::string_view s) {
  size_t n = s.size();
  while (n > 0) {
    if (IsAsciiSpace(s[n - 1])) {
      --n;
    } else if (n >= 2 && s.substr(n - 2, 2) == "\xC2\xA0") {
      n -= 2;
    } else if (n >= 3 && (s.substr(n - 3, 3) == "\xEF\xBB\xBF" || s.substr(n - 3, 3) == "\xE2\x80\x89" ||
                          s.substr(n - 3, 3) == "\xE2\x80\x8B")) {
      n -= 3;
    } else {
      break;
    }
  }
  return s.size() - n;
}
}  // namespace

std::string_view TrimLeft(std::string_view s) { return s.substr(LeadingSpace(s)); }
std::string_view TrimRight(std::string_view s) { return s.substr(0, s.size() - TrailingSpace(s)); }
std::string_view Trim(std::string_view s) { return TrimRight(TrimLeft(s)); }

std::string AsciiLower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (IsAsciiUpper(c)) c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (IsAsciiUpper(x)) x = static_cast<char>(x - 'A' + 'a');
    if (IsAsciiUpper(y)) y = static_cast<char>(y - 'A' + 'a');
    if (x != y) return false;
  }
  return true;
}

bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && EqualsIgnoreCase(s.substr(0, prefix.size()), prefix);
}

size_t FindIgnoreCase(std::string_view haystack, std::string_view needle) {
  if (needle.empty()) return 0;
  if (needle.size() > haystack.size()) return std::string_view::npos;
  // The first byte is tested inline: most positions fail on it.
  const char c = needle[0];
  const char lower = IsAsciiUpper(c) ? static_cast<char>(c - 'A' + 'a') : c;
  const char upper = IsAsciiLower(c) ? static_cast<char>(c - 'a' + 'A') : c;
  for (size_t i = 0; i + needle.size() <= haystack.size(); ++i) {
    if (haystack[i] != lower && haystack[i] != upper) continue;
    if (EqualsIgnoreCase(haystack.substr(i + 1, needle.size() - 1), needle.substr(1))) return i;
  }
  return std::string_view::npos;
}

std::vector<std::string_view> SplitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

std::vector<std::string_view> SplitWords(std::string_view text) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && IsAsciiSpace(text[i])) ++i;
    size_t j = i;
    while (j < text.size() && !IsAsciiSpace(text[j])) ++j;
    if (j > i) words.push_back(text.substr(i, j - i));
    i = j;
  }
  return words;
}

size_t CountWords(std::string_view text) {
  size_t words = 0;
  bool in_word = false;
  for (char c : text) {
    const bool space = IsAsciiSpace(c);
    words += !space && !in_word;
    in_word = !space;
  }
  return words;
}

std::string CollapseWhitespace(std::string_view s) {
  // Every paragraph of every article passes here: a byte table finds the
  // next white space (or the 0xC2 that may start U+00A0) and ordinary runs
  // are copied whole, instead of testing six characters at every byte.
  static constexpr auto kStop = [] {
    std::array<bool, 256> t{};
    for (unsigned char c : {' ', '\t', '\n', '\r', '\f', '\v'}) t[c] = true;
    t[0xC2] = true;
    return t;
  }();
  auto is_nbsp = [&](size_t i) { return s[i] == '\xC2' && i + 1 < s.size() && s[i + 1] == '\xA0'; };
  // Most text is collapsed already (single spaces, none at the ends): one
  // scan proves it and the copy is one memcpy.
  bool clean = true;
  bool after_space = true;  // a space at the start is not clean
  for (size_t i = 0; i < s.size() && clean; ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (!kStop[c]) {
      after_space = false;
    } else if (c == ' ') {
      clean = !after_space;
      after_space = true;
    } else {
      clean = c == 0xC2 && !is_nbsp(i);
      after_space = false;
    }
  }
  if (clean && !after_space) return std::string(s);
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  bool pending_space = false;
  while (i < s.size()) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (kStop[c]) {
      if (c != 0xC2) {
        pending_space = true;
        ++i;
        continue;
      }
      if (is_nbsp(i)) {
        pending_space = true;
        i += 2;
        continue;
      }
    }
    if (pending_space && !out.empty()) out.push_back(' ');
    pending_space = false;
    // An ordinary run: up to the next stop byte that is really white space.
    size_t run = i + 1;
    while (run < s.size()) {
      const unsigned char r = static_cast<unsigned char>(s[run]);
      if (kStop[r] && (r != 0xC2 || is_nbsp(run))) break;
      ++run;
    }
    out.append(s.data() + i, run - i);
    i = run;
  }
  return out;
}

}  // namespace newsfuse::base
