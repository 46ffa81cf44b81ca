#include "synthesize/section_text.h"

#include <algorithm>

#include "base/strings.h"
#include "text/chars.h"

namespace newsfuse::synthesize {

std::set<std::string> ContentStems(std::string_view text, Stemmer& stemmer) {
  std::set<std::string> out;
  ForEachWord(text, [&](std::string_view w) {
    if (!IsStopword(w)) out.insert(std::string(stemmer.Stem(w)));
  });
  return out;
}

double Containment(const std::set<std::string>& a, const std::set<std::string>& b) {
  if (a.empty() || b.empty()) return 0;
  size_t shared = 0;
  for (const auto& x : a) shared += b.count(x);
  return static_cast<double>(shared) / static_cast<double>(std::min(a.size(), b.size()));
}

double Containment(const std::vector<uint32_t>& a, const std::vector<uint32_t>& b) {
  if (a.empty() || b.empty()) return 0;
  return static_cast<double>(SharedCount(a, b)) / static_cast<double>(std::min(a.size(), b.size()));
}

void AddSource(std::vector<std::string>* sources, const std::string& id) {
  if (std::find(sources->begin(), sources->end(), id) == sources->end()) sources->push_back(id);
}

std::vector<SentenceWord> SentenceWords(std::string_view sentence) {
  std::vector<SentenceWord> out;
  for (std::string_view raw : base::SplitWords(sentence)) {
    size_t b = 0, e = raw.size();
    while (b < e && !text::IsAsciiAlnum(raw[b])) ++b;
    while (e > b && !text::IsAsciiAlnum(raw[e - 1])) --e;
    if (b == e) continue;
    SentenceWord w;
    w.core = raw.substr(b, e - b);
    w.ends = e < raw.size();
    if (const size_t possessive = text::PossessiveSuffixLength(w.core); possessive > 0 && w.core.size() > possessive) {
      w.core.remove_suffix(possessive);
      w.ends = true;
    }
    w.lower = base::AsciiLower(w.core);
    w.capital = base::IsAsciiUpper(w.core[0]);
    out.push_back(std::move(w));
  }
  return out;
}

}  // namespace newsfuse::synthesize
