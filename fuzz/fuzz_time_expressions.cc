// Fuzzes the time-expression finder, with and without an anchor date (taken
// from the input's first two bytes): spans inside the text, in order, and
// every resolved date a real calendar day.
#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string_view>

#include "extract/time_expressions.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2 || size > (1 << 16)) return 0;
  std::optional<newsfuse::base::CivilDate> anchor;
  if (data[0] & 1) anchor = newsfuse::base::CivilDate{1990 + data[0] % 60, 1 + data[1] % 12, 1 + data[1] % 28};
  const std::string_view text(reinterpret_cast<const char*>(data + 2), size - 2);
  uint32_t previous = 0;
  for (const auto& t : newsfuse::extract::FindTimeExpressions(text, anchor)) {
    if (t.span.end > text.size() || t.span.begin > t.span.end || t.span.begin < previous) std::abort();
    previous = t.span.begin;
    if (t.date && (t.date->month < 1 || t.date->month > 12 || t.date->day < 1 || t.date->day > 31)) std::abort();
  }
  return 0;
}
