#include "eval/articlebody_eval.h"

#include <unicode/uchar.h>

#include <string>
#include <unordered_map>

#include "base/utf8.h"

namespace newsfuse::ingest {
namespace {

// Python's str `\w`: letters (L*), numbers (N*) and the underscore.
bool IsWordCodePoint(char32_t cp) {
  if (cp < 0x80) {
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') ||
           cp == '_';
  }
  switch (u_charType(static_cast<UChar32>(cp))) {
    case U_UPPERCASE_LETTER: case U_LOWERCASE_LETTER: case U_TITLECASE_LETTER:
    case U_MODIFIER_LETTER: case U_OTHER_LETTER: case U_DECIMAL_DIGIT_NUMBER:
    case U_LETTER_NUMBER: case U_OTHER_NUMBER:
      return true;
    default:
      return false;
  }
}

std::unordered_map<std::string, long> Shingles(std::string_view text) {
  constexpr size_t kN = 4;
  const std::vector<std::string_view> tokens = WordTokens(text);
  std::unordered_map<std::string, long> counts;
  const size_t n = tokens.size() >= kN ? tokens.size() - kN + 1 : 1;
  std::string key;
  for (size_t i = 0; i < n; ++i) {
    key.clear();
    for (size_t j = i; j < std::min(tokens.size(), i + kN); ++j) {
      key.append(tokens[j]);
      key.push_back('\x1f');
    }
    ++counts[key];
  }
  return counts;
}

}  // namespace

std::vector<std::string_view> WordTokens(std::string_view text) {
  std::vector<std::string_view> tokens;
  size_t pos = 0;
  size_t begin = std::string_view::npos;
  while (pos < text.size()) {
    const size_t at = pos;
    const char32_t cp = base::DecodeUtf8(text, &pos);
    if (IsWordCodePoint(cp)) {
      if (begin == std::string_view::npos) begin = at;
    } else if (begin != std::string_view::npos) {
      tokens.push_back(text.substr(begin, at - begin));
      begin = std::string_view::npos;
    }
  }
  if (begin != std::string_view::npos) tokens.push_back(text.substr(begin));
  return tokens;
}

PageScore ScoreArticleBody(std::string_view truth, std::string_view predicted) {
  const auto t = Shingles(truth);
  const auto p = Shingles(predicted);
  double tp = 0, fp = 0, fn = 0;
  for (const auto& [key, count] : p) {
    const auto it = t.find(key);
    const long common = it == t.end() ? 0 : std::min(count, it->second);
    tp += static_cast<double>(common);
    fp += static_cast<double>(count - common);
  }
  for (const auto& [key, count] : t) {
    const auto it = p.find(key);
    const long common = it == p.end() ? 0 : std::min(count, it->second);
    fn += static_cast<double>(count - common);
  }
  const double sum = tp + fp + fn;
  if (sum > 0) {
    tp /= sum;
    fp /= sum;
    fn /= sum;
  }
  PageScore score;
  score.precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  score.recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  return score;
}

ExtractionScore Aggregate(const std::vector<PageScore>& pages) {
  ExtractionScore s;
  s.pages = pages.size();
  if (pages.empty()) return s;
  for (const PageScore& p : pages) {
    s.precision += p.precision;
    s.recall += p.recall;
  }
  s.precision /= static_cast<double>(pages.size());
  s.recall /= static_cast<double>(pages.size());
  s.f1 = s.precision + s.recall > 0 ? 2 * s.precision * s.recall / (s.precision + s.recall) : 0;
  return s;
}

}  // namespace newsfuse::ingest
