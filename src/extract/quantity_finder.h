// File: extract/quantity_finder.h
//
// Numbers with what they count and how they are hedged:
//   "more than one million civilians" -> 1e6, hedge "more than", noun "civilians"
//   "about 1.4 million people"        -> 1.4e6, hedge "about", noun "people"
//   "$120 million"                    -> 1.2e8, unit "$"
//   "two hours", "four Israeli and U.S. officials", "around 1,200 people"
// Years, dates, times of day and ordinals are not quantities.
#ifndef NEWSFUSE_EXTRACT_QUANTITY_FINDER_H_
#define NEWSFUSE_EXTRACT_QUANTITY_FINDER_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "text/span.h"

namespace newsfuse::extract {

struct Quantity {
  text::Span span;     // hedge through noun, bytes in the text
  double value = 0;
  std::string hedge;   // "more than", "about", ... or empty
  std::string unit;    // "$", "%", or empty
  std::string noun;    // what is counted, lower-cased ("civilians"); may be empty
};

// `tokens` are all tokens of `text` (text::Tokenize), in order.
std::vector<Quantity> FindQuantities(std::string_view text, std::span<const text::Span> tokens);

}  // namespace newsfuse::extract

#endif  // NEWSFUSE_EXTRACT_QUANTITY_FINDER_H_
