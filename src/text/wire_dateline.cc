#include "text/wire_dateline.h"

#include "base/strings.h"

namespace newsfuse::text {

namespace {

// A dateline is short; past this it is a sentence that happens to start in
// capitals.
constexpr size_t kMaxDatelineBytes = 80;

// The dashes that close a dateline: the underscore of the old AP wire
// (DUC's copies), hyphens, and the em and en dashes.
size_t DashAt(std::string_view s, size_t i) {
  for (std::string_view dash : {"_", "--", "-", "\xE2\x80\x94", "\xE2\x80\x93"}) {
    if (s.substr(i, dash.size()) == dash) return dash.size();
  }
  return 0;
}

}  // namespace

size_t WireDatelineLength(std::string_view s) {
  size_t i = 0;
  // The place, in capitals: "RIO DE JANEIRO", "ST. LOUIS", "U.N.".
  size_t letters = 0;
  while (i < s.size() && (base::IsAsciiUpper(s[i]) || s[i] == '.' || s[i] == '\'' || s[i] == '-' ||
                          (s[i] == ' ' && i + 1 < s.size() && base::IsAsciiUpper(s[i + 1])))) {
    letters += base::IsAsciiUpper(s[i]);
    ++i;
  }
  if (letters < 3) return 0;
  // A region or a date after commas: ", Brazil", ", Gaza Strip", ", April 1".
  while (i + 2 < s.size() && s[i] == ',' && s[i + 1] == ' ' && base::IsAsciiUpper(s[i + 2])) {
    i += 2;
    while (i < s.size() && (base::IsAsciiAlpha(s[i]) || base::IsAsciiDigit(s[i]) || s[i] == '.' ||
                            (s[i] == ' ' && i + 1 < s.size() &&
                             (base::IsAsciiUpper(s[i + 1]) || base::IsAsciiDigit(s[i + 1]))))) {
      ++i;
    }
  }
  // The agency: " (AP)", " (Reuters)".
  if (i + 2 < s.size() && s[i] == ' ' && s[i + 1] == '(') {
    size_t j = i + 2;
    while (j < s.size() && base::IsAsciiAlpha(s[j])) ++j;
    if (j < s.size() && s[j] == ')' && j > i + 2) i = j + 1;
  }
  if (i >= s.size() || s[i] != ' ') return 0;
  const size_t dash = DashAt(s, i + 1);
  if (dash == 0) return 0;
  i += 1 + dash;
  if (i >= s.size() || s[i] != ' ') return 0;
  ++i;
  if (i >= s.size() || i > kMaxDatelineBytes) return 0;
  return i;
}

}  // namespace newsfuse::text
