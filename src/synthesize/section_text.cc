#include "synthesize/section_text.h"

#include <algorithm>

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
  size_t shared = 0;
  for (size_t i = 0, j = 0; i < a.size() && j < b.size();) {
    if (a[i] == b[j]) {
      ++shared, ++i, ++j;
    } else if (a[i] < b[j]) {
      ++i;
    } else {
      ++j;
    }
  }
  return static_cast<double>(shared) / static_cast<double>(std::min(a.size(), b.size()));
}

void AddSource(std::vector<std::string>* sources, const std::string& id) {
  if (std::find(sources->begin(), sources->end(), id) == sources->end()) sources->push_back(id);
}

}  // namespace newsfuse::synthesize
