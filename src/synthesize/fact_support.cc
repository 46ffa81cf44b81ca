#include "synthesize/fact_support.h"

#include <algorithm>
#include <string>
#include <unordered_map>

#include "base/strings.h"
#include "synthesize/section_text.h"
#include "text/chars.h"

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

namespace {

// The digits of the run of digits and thousands commas at `*i` ("1,200" ->
// "1200"), `*i` moved past it.
std::string ReadDigitRun(std::string_view text, size_t* i) {
  std::string figure;
  for (; *i < text.size() && (base::IsAsciiDigit(text[*i]) || text[*i] == ','); ++*i) {
    if (text[*i] != ',') figure.push_back(text[*i]);
  }
  return figure;
}

}  // namespace

std::vector<std::string> Figures(std::string_view text) {
  std::vector<std::string> out;
  for (size_t i = 0; i < text.size();) {
    if (!base::IsAsciiDigit(text[i])) {
      ++i;
      continue;
    }
    std::string figure = ReadDigitRun(text, &i);
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

uint32_t ClaimTerms::TermOf(const std::string& word) {
  // Typographic quotes and dashes stay glued to words, as in TermSpace
  // ("“as"): they are no content of a claim.
  if (word.size() > 2 && !IsStopword(word) && !word.starts_with("\xE2\x80")) {
    return ids_.try_emplace(std::string(stemmer_.Stem(word)), static_cast<uint32_t>(ids_.size())).first->second;
  }
  // Short figures ("7", "43") are terms, as they are in TermSpace.
  if (base::IsAsciiDigit(word[0])) return ids_.try_emplace(word, static_cast<uint32_t>(ids_.size())).first->second;
  return kNoTerm;
}

std::vector<uint32_t> ClaimTerms::Of(std::string_view sentence, bool names) {
  std::vector<uint32_t> out;
  bool first = true;
  bool capital = false;  // the current word starts with a capital
  auto flush = [&] {
    const bool name = capital && !first;
    if (!word_.empty()) first = false;
    capital = false;
    if (name && !names) {
      word_.clear();
      return;
    }
    if (word_.empty()) return;
    auto known = word_ids_.find(word_);
    if (known == word_ids_.end()) known = word_ids_.emplace(word_, TermOf(word_)).first;
    if (known->second != kNoTerm) out.push_back(known->second);
    word_.clear();
  };
  // TermSpace's words (text::ForEachFoldedWord) with inner hyphens kept.
  for (size_t i = 0; i < sentence.size(); ++i) {
    const char c = sentence[i];
    const bool next_alnum = i + 1 < sentence.size() && text::IsAsciiAlnum(sentence[i + 1]);
    if (text::IsAsciiAlnum(c) || static_cast<unsigned char>(c) >= 0x80) {
      if (word_.empty()) capital = base::IsAsciiUpper(c);
      word_.push_back(text::AsciiLower(c));
    } else if (c == '-' && !word_.empty() && next_alnum) {
      word_.push_back('-');
    } else if ((c == '\'' || c == '.') && !word_.empty() && next_alnum && !base::IsAsciiDigit(sentence[i + 1])) {
      // "U.S." stays "us"; "don't" becomes "dont".
    } else {
      flush();
    }
  }
  flush();
  return out;
}

std::vector<std::string_view> QuotedParts(std::string_view s) {
  std::vector<std::string_view> out;
  size_t open = std::string_view::npos;  // where the current quotation's words start
  bool any_mark = false;
  auto close = [&](size_t at) {
    const size_t from = open == std::string_view::npos ? (any_mark ? at : 0) : open;
    if (at > from) out.push_back(s.substr(from, at - from));
    open = std::string_view::npos;
  };
  for (size_t i = 0; i < s.size();) {
    const char c = s[i];
    if (c != '\xE2' && c != '`' && c != '\'' && c != '"') {
      ++i;
      continue;
    }
    size_t mark = 0;
    bool opens = false;
    if (s.compare(i, 3, "\xE2\x80\x9C") == 0) {
      mark = 3, opens = true;
    } else if (s.compare(i, 3, "\xE2\x80\x9D") == 0) {
      mark = 3;
    } else if (s.compare(i, 2, "``") == 0) {
      mark = 2, opens = true;
    } else if (s.compare(i, 2, "''") == 0) {
      mark = 2;
    } else if (s[i] == '"') {
      // A straight quote opens after a space (or at the start) and closes
      // after a word.
      mark = 1;
      opens = open == std::string_view::npos && (i == 0 || base::IsAsciiSpace(s[i - 1]) || s[i - 1] == '(');
    }
    if (mark == 0) {
      ++i;
      continue;
    }
    if (opens) {
      open = i + mark;
    } else {
      close(i);
    }
    any_mark = true;
    i += mark;
  }
  if (open != std::string_view::npos) close(s.size());
  return out;
}

std::vector<std::pair<std::string, std::string>> CountedWords(std::string_view s) {
  // A whole figure (not inside "8:30" or "1.5") and a lower-case word of
  // three letters or more after one space; the word is cut to its first four
  // letters, a stem enough to hold "year" and "years" together.
  std::vector<std::pair<std::string, std::string>> out;
  for (size_t i = 0; i < s.size();) {
    if (!base::IsAsciiDigit(s[i]) || (i > 0 && (text::IsAsciiAlnum(s[i - 1]) || s[i - 1] == '.' || s[i - 1] == ','))) {
      ++i;
      continue;
    }
    const std::string figure = ReadDigitRun(s, &i);
    if (i < s.size() && s[i] != ' ') continue;
    size_t j = i + 1, k = j;
    while (k < s.size() && base::IsAsciiLower(s[k])) ++k;
    if (k - j >= 3 && (k == s.size() || !text::IsAsciiAlnum(s[k]))) {
      const std::string word(s.substr(j, k - j));
      if (!IsStopword(word)) out.emplace_back(figure, word.substr(0, std::min<size_t>(word.size(), 4)));
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

Evidence EvidenceOf(std::string_view sentence, const std::vector<uint32_t>& term_ids,
                    const std::vector<uint32_t>& quoted_term_ids) {
  auto sorted = [](std::vector<uint32_t> ids) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
  };
  Evidence e;
  e.terms = sorted(term_ids);
  e.figures = Figures(sentence);
  e.quoted = sorted(quoted_term_ids);
  e.counted = CountedWords(sentence);
  return e;
}

namespace {

// The share of `claim` (sorted, unique) that `sentence` (sorted, unique) holds.
float SharedShare(const std::vector<uint32_t>& claim, const std::vector<uint32_t>& sentence) {
  if (claim.empty()) return 1.0f;
  return static_cast<float>(SharedCount(claim, sentence)) / static_cast<float>(claim.size());
}

}  // namespace

bool StatesClaim(const Evidence& claim, const Evidence& sentence, float min_overlap) {
  if (!std::includes(sentence.figures.begin(), sentence.figures.end(), claim.figures.begin(), claim.figures.end())) {
    return false;
  }
  if (SharedShare(claim.quoted, sentence.terms) < min_overlap) return false;
  // The same figure counting something else ("911 calls" for "a 911
  // supervisor") is another claim; a bare one ("Hiller, 43,") may be this.
  for (const auto& [figure, word] : claim.counted) {
    bool counts_other = false, counts_same = false;
    for (const auto& [f, w] : sentence.counted) {
      if (f == figure) (w == word ? counts_same : counts_other) = true;
    }
    if (counts_other && !counts_same) return false;
  }
  return SharedShare(claim.terms, sentence.terms) >= min_overlap;
}

}  // namespace newsfuse::synthesize
