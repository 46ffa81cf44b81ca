#include "text/char_runs.h"

#include "text/chars.h"

namespace newsfuse::text {

void CutCharRuns(std::string_view text, std::vector<CharRun>* out) {
  out->reserve(out->size() + text.size() / 4 + 1);
  size_t i = 0;
  bool space = true;
  int newlines = 0;
  while (i < text.size()) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (IsAsciiSpace(static_cast<char>(c))) {
      space = true;
      if (c == '\n') ++newlines;
      ++i;
      continue;
    }
    CharRun t;
    t.begin = static_cast<uint32_t>(i);
    t.space_before = space;
    t.paragraph_before = newlines >= 2;
    if (IsAsciiAlpha(static_cast<char>(c))) {
      t.kind = CharRunKind::kWord;
      while (i < text.size() && IsAsciiAlpha(text[i])) ++i;
    } else if (IsAsciiDigit(static_cast<char>(c))) {
      t.kind = CharRunKind::kNumber;
      while (i < text.size() && IsAsciiDigit(text[i])) ++i;
    } else if (c >= 0x80) {
      // A whole UTF-8 sequence is one run ("–", "’", "\u00a0").
      ++i;
      while (i < text.size() && IsUtf8Continuation(static_cast<unsigned char>(text[i]))) ++i;
      // U+00A0 and U+2009 are spaces in news text.
      std::string_view seq = text.substr(t.begin, i - t.begin);
      if (seq == "\xC2\xA0" || seq == "\xE2\x80\x89") {
        space = true;
        continue;
      }
    } else {
      ++i;
    }
    t.end = static_cast<uint32_t>(i);
    out->push_back(t);
    space = false;
    newlines = 0;
  }
}

}  // namespace newsfuse::text
