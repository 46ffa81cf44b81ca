#include "synthesize/fact_support.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "base/strings.h"
#include "synthesize/section_text.h"

namespace newsfuse::synthesize {

std::vector<std::string_view> ClaimValues(std::string_view sentence) {
  std::vector<std::string_view> out;
  bool first = true;
  size_t i = 0;
  while (i < sentence.size()) {
    const char c = sentence[i];
    if (!base::IsAsciiAlpha(c) && !base::IsAsciiDigit(c)) {
      ++i;
      continue;
    }
    const size_t start = i;
    bool digit = false;
    // A token runs through inner hyphens and points ("90-day", "1.5").
    while (i < sentence.size()) {
      const char d = sentence[i];
      if (base::IsAsciiAlpha(d) || base::IsAsciiDigit(d)) {
        digit |= base::IsAsciiDigit(d);
        ++i;
      } else if ((d == '-' || d == '.' || d == ',') && i + 1 < sentence.size() &&
                 (base::IsAsciiAlpha(sentence[i + 1]) || base::IsAsciiDigit(sentence[i + 1])) &&
                 (d == '-' || digit)) {
        ++i;
      } else {
        break;
      }
    }
    const std::string_view token = sentence.substr(start, i - start);
    const bool capital = base::IsAsciiUpper(token[0]) && !first;
    first = false;
    if (digit || capital) out.push_back(token);
  }
  return out;
}

std::vector<std::vector<uint32_t>> ExtendSupport(const std::vector<FactGroup>& groups,
                                                 const std::vector<std::string_view>& texts,
                                                 const std::vector<uint32_t>& article_of,
                                                 const std::vector<SparseVector>& vectors,
                                                 const SupportOptions& options) {
  std::vector<std::vector<uint32_t>> out(groups.size());
  uint32_t articles = 0;
  for (uint32_t a : article_of) articles = std::max(articles, a + 1);
  if (articles < 2) return out;
  // Values per unit as ids; the articles that give each value.
  std::unordered_map<std::string, uint32_t> ids;
  std::vector<std::vector<uint32_t>> values(texts.size());
  std::vector<std::vector<uint32_t>> articles_of_value;
  for (uint32_t u = 0; u < texts.size(); ++u) {
    for (std::string_view v : ClaimValues(texts[u])) {
      std::string key = base::AsciiLower(v);
      if (IsStopword(key)) continue;  // "The" after a quotation
      const auto [it, fresh] = ids.try_emplace(std::move(key), static_cast<uint32_t>(ids.size()));
      if (fresh) articles_of_value.emplace_back();
      auto& arts = articles_of_value[it->second];
      if (arts.empty() || arts.back() != article_of[u]) arts.push_back(article_of[u]);
      values[u].push_back(it->second);
    }
  }
  std::vector<bool> usable(ids.size());
  for (size_t v = 0; v < ids.size(); ++v) {
    auto& arts = articles_of_value[v];
    std::sort(arts.begin(), arts.end());
    arts.erase(std::unique(arts.begin(), arts.end()), arts.end());
    usable[v] = arts.size() >= 2 &&
                static_cast<float>(arts.size()) <= options.max_value_share * static_cast<float>(articles);
  }
  std::vector<std::vector<uint32_t>> units_of_value(ids.size());
  for (uint32_t u = 0; u < texts.size(); ++u) {
    for (uint32_t v : values[u]) {
      if (usable[v] && (units_of_value[v].empty() || units_of_value[v].back() != u)) units_of_value[v].push_back(u);
    }
  }
  uint64_t checks = 0;
  std::vector<float> best(articles);
  std::vector<uint32_t> best_unit(articles);
  std::vector<uint32_t> seen_at(texts.size(), UINT32_MAX);
  for (uint32_t g = 0; g < groups.size() && checks < options.max_checks; ++g) {
    const FactGroup& group = groups[g];
    const uint32_t rep = group.representative;
    std::fill(best.begin(), best.end(), -1.0f);
    for (uint32_t v : values[rep]) {
      if (!usable[v]) continue;
      for (uint32_t u : units_of_value[v]) {
        const uint32_t art = article_of[u];
        if (seen_at[u] == g || std::binary_search(group.articles.begin(), group.articles.end(), art)) continue;
        seen_at[u] = g;
        ++checks;
        const float s = Cosine(vectors[rep], vectors[u]);
        if (s >= options.threshold && s > best[art]) {
          best[art] = s;
          best_unit[art] = u;
        }
      }
    }
    for (uint32_t art = 0; art < articles; ++art) {
      if (best[art] >= 0) out[g].push_back(best_unit[art]);
    }
  }
  return out;
}

std::vector<std::string> Figures(std::string_view text) {
  std::vector<std::string> out;
  for (size_t i = 0; i < text.size();) {
    if (!base::IsAsciiDigit(text[i])) {
      ++i;
      continue;
    }
    std::string figure;
    while (i < text.size() && (base::IsAsciiDigit(text[i]) || text[i] == ',')) {
      if (text[i] != ',') figure.push_back(text[i]);
      ++i;
    }
    if (i + 1 < text.size() && text[i] == '.' && base::IsAsciiDigit(text[i + 1])) {
      figure.push_back('.');
      for (++i; i < text.size() && base::IsAsciiDigit(text[i]); ++i) figure.push_back(text[i]);
    }
    out.push_back(std::move(figure));
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Evidence EvidenceOf(std::string_view sentence, const std::vector<uint32_t>& term_ids) {
  Evidence e;
  e.terms = term_ids;
  std::sort(e.terms.begin(), e.terms.end());
  e.terms.erase(std::unique(e.terms.begin(), e.terms.end()), e.terms.end());
  e.figures = Figures(sentence);
  return e;
}

bool StatesClaim(const Evidence& claim, const Evidence& sentence, float min_overlap) {
  if (!std::includes(sentence.figures.begin(), sentence.figures.end(), claim.figures.begin(), claim.figures.end())) {
    return false;
  }
  if (claim.terms.empty()) return true;
  return static_cast<float>(SharedCount(claim.terms, sentence.terms)) >=
         min_overlap * static_cast<float>(claim.terms.size());
}

}  // namespace newsfuse::synthesize
