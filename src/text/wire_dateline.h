// File: text/wire_dateline.h
//
// The dateline that opens a wire story's first sentence: the place in
// capitals, perhaps a region or a date, perhaps the agency, then a dash
// ("RIO DE JANEIRO, Brazil (AP) _ ", "LONDON (Reuters) - ",
// "GAZA CITY, April 1 — "). It says where the reporter filed from, not what
// happened, so a summary quoting the sentence leaves it out.
// Hand-written: a dozen lines of scanning, where a regular expression
// engine would cost more than the sentence splitter.
#ifndef NEWSFUSE_TEXT_WIRE_DATELINE_H_
#define NEWSFUSE_TEXT_WIRE_DATELINE_H_

#include <cstddef>
#include <string_view>

namespace newsfuse::text {

// Bytes of `sentence` that its opening dateline takes, with the dash and the
// space after it; 0 when it opens with none.
size_t WireDatelineLength(std::string_view sentence);

}  // namespace newsfuse::text

#endif  // NEWSFUSE_TEXT_WIRE_DATELINE_H_
