#include "synthesize/rouge.h"

#include <libstemmer.h>

#include <map>
#include <memory>

#include "base/strings.h"

namespace newsfuse::synthesize {

namespace {

struct StemmerDeleter {
  void operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }
};

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
  std::unique_ptr<sb_stemmer, StemmerDeleter> stemmer(sb_stemmer_new("porter", nullptr));
  std::vector<std::string> tokens;
  std::string word;
  auto flush = [&] {
    if (word.empty()) return;
    if (word.size() > 3 && stemmer) {
      const sb_symbol* s = sb_stemmer_stem(stemmer.get(), reinterpret_cast<const sb_symbol*>(word.data()),
                                           static_cast<int>(word.size()));
      if (s) word.assign(reinterpret_cast<const char*>(s), static_cast<size_t>(sb_stemmer_length(stemmer.get())));
    }
    tokens.push_back(word);
    word.clear();
  };
  for (char c : cut) {
    if (base::IsAsciiUpper(c)) c = static_cast<char>(c - 'A' + 'a');
    if (base::IsAsciiLower(c) || base::IsAsciiDigit(c)) {
      word.push_back(c);
    } else {
      flush();
    }
  }
  flush();
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
