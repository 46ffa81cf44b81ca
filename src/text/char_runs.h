// File: text/char_runs.h
//
// The finest view of a text: runs of ASCII letters, runs of ASCII digits, and
// single marks (one ASCII punctuation byte or one whole UTF-8 sequence), each
// knowing whether white space or a blank line came before it.
//
//   std::vector<CharRun> runs;
//   CutCharRuns("third-quarter 2024", &runs);
//   // -> "third" (word) "-" (other, glued) "quarter" (word, glued) "2024" (number)
//
// For recognizers that assemble their own units from the pieces and need
// the spacing between them ("third-quarter" vs "third - quarter", "10:30",
// "a.m."): the time-expression recognizer. The no-break space U+00A0 and the
// thin space U+2009 count as white space, as news text uses them.
#ifndef NEWSFUSE_TEXT_CHAR_RUNS_H_
#define NEWSFUSE_TEXT_CHAR_RUNS_H_

#include <cstdint>
#include <string_view>
#include <vector>

namespace newsfuse::text {

enum class CharRunKind : uint8_t {
  kWord,    // ASCII letters
  kNumber,  // ASCII digits
  kOther,   // one ASCII mark or one UTF-8 sequence
};

struct CharRun {
  uint32_t begin = 0;
  uint32_t end = 0;
  CharRunKind kind = CharRunKind::kOther;
  bool space_before = true;       // white space (or the text start) right before
  bool paragraph_before = false;  // a blank line (or more) before the run
};

// Appends the runs of `text` to `*out`, in order; byte offsets into `text`.
// Linear, allocates only the growth of `*out`.
void CutCharRuns(std::string_view text, std::vector<CharRun>* out);

}  // namespace newsfuse::text

#endif  // NEWSFUSE_TEXT_CHAR_RUNS_H_
