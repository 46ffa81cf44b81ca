#include "eval/rouge.h"

#include <map>

#include "base/strings.h"

namespace newsfuse::synthesize {

namespace {

using Bag = std::map<std::string, int>;

Bag NGrams(const std::vector<std::string>& t, size_t n) {
  Bag bag;
  for (size_t i = 0; i + n <= t.size(); ++i) {
    std::string key = t[i];
    for (size_t k = 1; k < n; ++k) key += " " + t[i + k];
    bag[key]++;
  }
  return bag;
}

Bag SkipBigramsWithUnigrams(const std::vector<std::string>& t, size_t max_gap) {
  Bag bag;
  for (size_t i = 0; i < t.size(); ++i) {
    bag[t[i]]++;
    for (size_t j = i + 1; j < t.size() && j - i - 1 <= max_gap; ++j) bag[t[i] + " " + t[j]]++;
  }
  return bag;
}

// Adds the clipped hits and the reference total to the running sums.
void Count(const Bag& peer, const Bag& ref, double* hits, double* total) {
  for (const auto& [gram, n] : ref) {
    *total += n;
    auto it = peer.find(gram);
    if (it != peer.end()) *hits += std::min(n, it->second);
  }
}

}  // namespace

std::vector<std::string> RougeTokens(std::string_view text, size_t max_words) {
  std::string cut;
  if (max_words > 0) {
    const auto words = base::SplitWords(text);
    for (size_t i = 0; i < words.size() && i < max_words; ++i) {
      if (i) cut.push_back(' ');
      cut.append(words[i]);
    }
  } else {
    cut.assign(text);
  }
  RougeTokenizer tokenizer;
  std::vector<std::string> tokens;
  tokenizer.ForEach(cut, [&](std::string_view token) { tokens.emplace_back(token); });
  return tokens;
}

RougeScores RougeRecall(std::string_view peer, const std::vector<std::string>& references,
                        size_t max_words) {
  const auto p = RougeTokens(peer, max_words);
  const Bag p1 = NGrams(p, 1), p2 = NGrams(p, 2), psu = SkipBigramsWithUnigrams(p, 4);
  double h1 = 0, t1 = 0, h2 = 0, t2 = 0, hs = 0, ts = 0;
  for (const auto& ref : references) {
    const auto r = RougeTokens(ref, 0);
    Count(p1, NGrams(r, 1), &h1, &t1);
    Count(p2, NGrams(r, 2), &h2, &t2);
    Count(psu, SkipBigramsWithUnigrams(r, 4), &hs, &ts);
  }
  RougeScores s;
  s.rouge1 = t1 > 0 ? h1 / t1 : 0;
  s.rouge2 = t2 > 0 ? h2 / t2 : 0;
  s.rouge_su4 = ts > 0 ? hs / ts : 0;
  return s;
}

}  // namespace newsfuse::synthesize
