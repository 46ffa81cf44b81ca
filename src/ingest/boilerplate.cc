#include "ingest/boilerplate.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <functional>
#include <string>
#include <vector>

#include "base/strings.h"

namespace newsfuse::ingest {

namespace {

using base::EqualsIgnoreCase;
using base::FindIgnoreCase;
using base::StartsWithIgnoreCase;
using base::Trim;

// Picture agencies and wires as they appear in credits.
constexpr std::array<std::string_view, 22> kAgencies = {
    "AP",       "AFP",     "Reuters", "REUTERS",     "Getty Images", "Getty",  "EPA",
    "EPA-EFE",  "Shutterstock", "Pool", "Bloomberg", "Xinhua",       "Anadolu", "SIPA",
    "Sipa USA", "ZUMA",    "Alamy",   "Flash90",     "GPO",          "IDF",    "Abaca",
    "TASS"};

bool IsAgencyWord(std::string_view w) {
  for (auto a : kAgencies) {
    if (w == a) return true;
  }
  return false;
}

// Markers that make a line a credit wherever they stand.
// Matched ignoring ASCII case, so written in lower case.
constexpr std::array<std::string_view, 9> kCreditMarkersLower = {
    "via getty images", "getty images", "(credit:", "(photo credit:", "photo credit:",
    "/shutterstock",    "/reuters",     "reuters/", "/afp"};

constexpr std::array<std::string_view, 12> kNewsletterPrefixes = {
    "Subscribe to",     "Subscribe for",   "Sign up for",        "Sign up to",
    "Stay updated",     "Get the latest",  "Get our newsletter", "Newsletter",
    "Join our",         "Follow us on",    "Download the",       "Already a subscriber"};

constexpr std::array<std::string_view, 16> kPromoPrefixes = {
    "Live updates:",  "Live updates",   "Go deeper",       "Powered by automated translation",
    "Advertisement",  "Read more:",     "Read more",       "Related:",
    "Related coverage", "Share this",   "Click here",      "Watch:",
    "Listen to this article", "Continue reading", "Recommended:", "More from"};

constexpr std::array<std::string_view, 8> kHeaders = {
    "What You Need To Know", "What you need to know", "Key points", "Key takeaways",
    "In brief",              "At a glance",           "Highlights", "Quick read"};

// "Mohammed Abed/AFP via Getty Images", "Haitham Imad/EPA-EFE/Shutterstock",
// "AP", "Leo Correa/Pool/AFP": short, no sentence punctuation, a slash or an
// agency name.
bool IsCreditOnlyLine(std::string_view line) {
  if (line.size() > 90 || line.empty()) return false;
  const char last = line.back();
  if (last == '.' || last == '?' || last == '!' || last == '"') return false;
  // Runs on the tail of most lines: words are walked in place, not split
  // into a vector.
  size_t words = 0;
  bool agency = false;
  bool lone_agency = false;  // the first word, when it is the only one
  for (size_t i = 0; i < line.size();) {
    while (i < line.size() && base::IsAsciiSpace(line[i])) ++i;
    size_t j = i;
    while (j < line.size() && !base::IsAsciiSpace(line[j])) ++j;
    if (j == i) break;
    if (++words > 9) return false;
    const std::string_view w = line.substr(i, j - i);
    if (words == 1) lone_agency = IsAgencyWord(w);
    size_t start = 0;
    while (start <= w.size()) {
      const size_t slash = w.find('/', start);
      const std::string_view part = w.substr(start, slash == std::string_view::npos ? w.npos : slash - start);
      if (IsAgencyWord(part)) agency = true;
      if (slash == std::string_view::npos) break;
      start = slash + 1;
    }
    i = j;
  }
  if (words == 1 && lone_agency) return true;
  const bool slash = line.find('/') != std::string_view::npos;
  return agency && (slash || words <= 3 || FindIgnoreCase(line, " via ") != std::string_view::npos);
}

// The last occurrence of `needle` in `s` (as rfind), found by memrchr for
// needle[key], a byte that is rare in text.
size_t LastOf(std::string_view s, std::string_view needle, size_t key) {
  size_t end = s.size();  // search [0, end) for the key byte
  while (end > 0) {
    const void* hit = memrchr(s.data(), needle[key], end);
    if (hit == nullptr) break;
    const size_t k = static_cast<size_t>(static_cast<const char*>(hit) - s.data());
    if (k >= key && s.substr(k - key, needle.size()) == needle) return k - key;
    end = k;
  }
  return std::string_view::npos;
}

}  // namespace

bool HasPhotoCredit(std::string_view line) {
  line = Trim(line);
  if (IsCreditOnlyLine(line)) return true;
  // Every line of every article passes here: lower-case it once and search
  // with find() (memchr-fast) rather than FindIgnoreCase per marker, which
  // compares case-folded at every byte and was ~18% of `newsfuse ingest`.
  // ASCII folding, as FindIgnoreCase does, so the answers are the same.
  // Every marker holds a '/', a ':' or "getty": most lines hold none of
  // them and are not copied at all. memchr finds the rare bytes; "getty" is
  // looked for from its 'y' (string_view::find would stop at every 'e').
  const bool has_colon = std::memchr(line.data(), ':', line.size()) != nullptr;
  bool maybe_marker = has_colon || std::memchr(line.data(), '/', line.size()) != nullptr;
  for (const char y : {'y', 'Y'}) {
    for (const char* p = line.data(); !maybe_marker;) {
      const size_t left = static_cast<size_t>(line.data() + line.size() - p);
      p = static_cast<const char*>(std::memchr(p, y, left));
      if (p == nullptr) break;
      const size_t at = static_cast<size_t>(p - line.data());
      maybe_marker = at >= 3 && (line.substr(at - 3, 4) == "etty" || line.substr(at - 3, 4) == "ETTY");
      ++p;
    }
  }
  if (maybe_marker) {
    thread_local std::string lowered;
    lowered.assign(line);
    for (char& c : lowered) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    for (auto m : kCreditMarkersLower) {
      if (lowered.find(m) != std::string::npos) return true;
    }
  }
  // "... Gaza Strip. AFP" / "... Photo: Leo Correa/Pool/AFP via Getty Images"
  // The last "Photo: " and the last ". ", found from their rarer byte with
  // memrchr (string_view::rfind compares at every position).
  if (has_colon) {
    const size_t photo = LastOf(line, "Photo: ", 5);
    if (photo != std::string_view::npos && photo > 0 && IsCreditOnlyLine(line.substr(photo + 7))) {
      return true;
    }
  }
  const size_t dot = LastOf(line, ". ", 0);
  if (dot != std::string_view::npos && IsCreditOnlyLine(Trim(line.substr(dot + 2)))) return true;
  return false;
}

std::optional<BoilerplateKind> ClassifyLine(std::string_view raw) {
  const std::string_view line = Trim(raw);
  if (line.empty()) return std::nullopt;
  if (StartsWithIgnoreCase(line, "PHOTO:") || StartsWithIgnoreCase(line, "IMAGE:") ||
      StartsWithIgnoreCase(line, "Caption:") || StartsWithIgnoreCase(line, "VIDEO:")) {
    return BoilerplateKind::kPhotoCaption;
  }
  if (IsCreditOnlyLine(line)) return BoilerplateKind::kCredit;
  if (line.front() == '(' && line.back() == ')' && FindIgnoreCase(line, "credit") != line.npos) {
    return BoilerplateKind::kCredit;
  }
  for (auto p : kNewsletterPrefixes) {
    if (StartsWithIgnoreCase(line, p) && base::CountWords(line) <= 16) return BoilerplateKind::kNewsletter;
  }
  for (auto p : kPromoPrefixes) {
    if (StartsWithIgnoreCase(line, p) && base::CountWords(line) <= 16) return BoilerplateKind::kPromo;
  }
  for (auto h : kHeaders) {
    if (EqualsIgnoreCase(line, h) || (EqualsIgnoreCase(line.substr(0, line.size() - 1), h) &&
                                      (line.back() == ':' || line.back() == '.'))) {
      return BoilerplateKind::kHeader;
    }
  }
  if (HasPhotoCredit(line)) return BoilerplateKind::kPhotoCaption;
  return std::nullopt;
}

namespace {
// Up to `max_words` capitalised words (allowing "of", "the", "and", "&" inside)
// starting at `pos`; returns the name, or empty.
std::string_view CapitalisedRun(std::string_view s, size_t pos, size_t max_words, size_t* end_pos) {
  size_t i = pos;
  size_t words = 0;
  size_t last_end = pos;
  while (i < s.size() && words < max_words) {
    size_t j = i;
    while (j < s.size() && !base::IsAsciiSpace(s[j]) && s[j] != ',' && s[j] != '.' && s[j] != ';' &&
           s[j] != ':' && s[j] != '"' && s[j] != ')') {
      ++j;
    }
    std::string_view w = s.substr(i, j - i);
    if (w.empty()) break;
    const bool cap = base::IsAsciiUpper(w[0]) || base::IsAsciiDigit(w[0]);
    const bool joiner = (w == "of" || w == "the" || w == "and" || w == "&") && words > 0;
    if (!cap && !joiner) break;
    if (cap) last_end = j;
    ++words;
    if (j >= s.size() || s[j] != ' ') {
      i = j;
      break;
    }
    i = j + 1;
  }
  *end_pos = last_end;
  return s.substr(pos, last_end - pos);
}
}  // namespace

std::optional<std::string> OutletFromSignoff(std::string_view raw) {
  const std::string_view line = Trim(raw);
  for (std::string_view prefix : {"Subscribe to ", "Sign up for ", "Sign up to "}) {
    if (!StartsWithIgnoreCase(line, prefix)) continue;
    size_t end = 0;
    std::string_view name = CapitalisedRun(line, prefix.size(), 6, &end);
    // "The Jerusalem Post Newsletter" -> drop the trailing product word.
    for (std::string_view tail : {" Newsletters", " Newsletter", " Daily", " Weekly", " Alerts"}) {
      if (name.size() > tail.size() && name.substr(name.size() - tail.size()) == tail) {
        name.remove_suffix(tail.size());
        return std::string(name);
      }
    }
    // "Subscribe to Axios AM" names a product, not clearly the outlet: only
    // take it when the line goes on with "newsletter".
    if (FindIgnoreCase(line, "newsletter") != std::string_view::npos && !name.empty()) {
      return std::string(name);
    }
  }
  for (std::string_view prefix : {"\xC2\xA9 ", "Copyright \xC2\xA9 ", "Copyright "}) {
    if (!StartsWithIgnoreCase(line, prefix)) continue;
    size_t pos = prefix.size();
    while (pos < line.size() && (base::IsAsciiDigit(line[pos]) || line[pos] == ' ' || line[pos] == '-')) ++pos;
    size_t end = 0;
    std::string_view name = CapitalisedRun(line, pos, 6, &end);
    if (!name.empty() && line.size() < 120) return std::string(name);
  }
  return std::nullopt;
}

std::optional<std::string> OutletFromAttribution(std::string_view s) {
  static constexpr std::string_view kCues[] = {" told ", " confirmed to ", " said to ",
                                               " in an interview with ", " in a statement to ",
                                               " speaking to ", " spoke to "};
  // Runs on every paragraph, and few hold a cue: one pass over the spaces
  // (every cue starts with one) notes which cues occur at all, and only
  // those are searched in cue order below, as before.
  using Searcher = std::boyer_moore_horspool_searcher<std::string_view::const_iterator>;
  static const std::vector<Searcher> kSearchers = [] {
    std::vector<Searcher> v;
    for (std::string_view cue : kCues) v.emplace_back(cue.begin(), cue.end());
    return v;
  }();
  unsigned present = 0;
  for (size_t at = s.find(' '); at != std::string_view::npos; at = s.find(' ', at + 1)) {
    const std::string_view rest = s.substr(at);
    for (size_t c = 0; c < std::size(kCues); ++c) {
      if (rest.size() >= kCues[c].size() && rest[1] == kCues[c][1] &&
          rest.substr(0, kCues[c].size()) == kCues[c]) {
        present |= 1u << c;
      }
    }
  }
  if (present == 0) return std::nullopt;
  for (size_t c = 0; c < std::size(kCues); ++c) {
    if (!(present & (1u << c))) continue;
    const std::string_view cue = kCues[c];
    size_t from = 0;
    while (true) {
      const auto found = std::search(s.begin() + static_cast<std::ptrdiff_t>(from), s.end(), kSearchers[c]);
      if (found == s.end()) break;
      const size_t at = static_cast<size_t>(found - s.begin());
      from = at + 1;
      const size_t start = at + cue.size();
      size_t end = 0;
      std::string_view name = CapitalisedRun(s, start, 4, &end);
      if (name.empty()) continue;
      // The name must close the clause: "told Axios." / "told Axios," / end.
      std::string_view after = s.substr(end);
      if (!after.empty() && after[0] != '.' && after[0] != ',' && after[0] != ';') continue;
      if (name.size() < 2 || name == "Congress" || name == "Parliament") continue;
      return std::string(name);
    }
  }
  return std::nullopt;
}

size_t SignpostLength(std::string_view p) {
  const size_t colon = p.find(": ");
  if (colon == std::string_view::npos || colon == 0 || colon > 40) return 0;
  const std::string_view label = p.substr(0, colon);
  const auto words = base::SplitWords(label);
  if (words.empty() || words.size() > 5 || !base::IsAsciiUpper(label[0])) return 0;
  for (char c : label) {
    if (base::IsAsciiDigit(c) || c == '"' || c == '.') return 0;
  }
  // What follows must start a sentence, and the label must not be a speaker
  // ("Kirby: ...") — house-style signposts start with a common word.
  if (colon + 2 >= p.size() || !(base::IsAsciiUpper(p[colon + 2]) || p[colon + 2] == '"' ||
                                 static_cast<unsigned char>(p[colon + 2]) >= 0x80)) {
    return 0;
  }
  static constexpr std::string_view kFirstWords[] = {
      "Why", "The", "Between", "State", "What", "Driving", "Zoom", "Flashback", "Context",
      "Yes", "Reality", "Catch", "Go", "Our", "By", "Where", "How", "Be", "Details", "Worth",
      "Of", "Bottom", "Follow", "Meanwhile", "Behind", "Situational", "Threat", "Big"};
  bool common = false;
  for (auto w : kFirstWords) {
    if (words[0] == w) common = true;
  }
  if (!common || words.size() < 2) {
    if (!(words.size() == 1 && (words[0] == "Context" || words[0] == "Flashback" ||
                                words[0] == "Meanwhile"))) {
      return 0;
    }
  }
  return colon + 2;
}

}  // namespace newsfuse::ingest
