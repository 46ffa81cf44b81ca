#include "extract/quantity_finder.h"

#include <cstdlib>
#include <optional>
#include <unordered_map>
#include <unordered_set>

#include "base/civil_date.h"
#include "base/strings.h"

namespace newsfuse::extract {

namespace {

using base::AsciiLower;

std::optional<double> NumberWord(std::string_view lower) {
  static const std::unordered_map<std::string_view, double> kWords = {
      {"one", 1},       {"two", 2},       {"three", 3},    {"four", 4},      {"five", 5},
      {"six", 6},       {"seven", 7},     {"eight", 8},    {"nine", 9},      {"ten", 10},
      {"eleven", 11},   {"twelve", 12},   {"thirteen", 13}, {"fourteen", 14}, {"fifteen", 15},
      {"sixteen", 16},  {"seventeen", 17}, {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},
      {"thirty", 30},   {"forty", 40},    {"fifty", 50},   {"sixty", 60},    {"seventy", 70},
      {"eighty", 80},   {"ninety", 90},   {"hundred", 100}, {"dozen", 12},    {"dozens", 24},
      {"hundreds", 200}, {"thousands", 2000}};
  auto it = kWords.find(lower);
  if (it == kWords.end()) return std::nullopt;
  return it->second;
}

std::optional<double> Digits(std::string_view w) {
  std::string clean;
  bool digit = false;
  for (char c : w) {
    if (base::IsAsciiDigit(c)) {
      digit = true;
      clean.push_back(c);
    } else if (c == '.') {
      clean.push_back(c);
    } else if (c != ',') {
      return std::nullopt;
    }
  }
  if (!digit) return std::nullopt;
  return std::strtod(clean.c_str(), nullptr);
}

double Scale(std::string_view lower) {
  if (lower == "thousand") return 1e3;
  if (lower == "million" || lower == "m") return 1e6;
  if (lower == "billion" || lower == "bn") return 1e9;
  if (lower == "trillion") return 1e12;
  return 0;
}

// Two-word hedges are matched on the words before the number.
std::string HedgeBefore(std::string_view text, std::span<const text::Span> tokens, size_t t) {
  static const std::unordered_set<std::string_view> kOne = {
      "about", "around", "roughly", "nearly", "almost", "approximately", "some", "over",
      "under", "up", "estimated", "only", "just", "barely", "fewer", "less", "more"};
  if (t == 0) return "";
  const std::string w1 = AsciiLower(tokens[t - 1].In(text));
  if (w1 == "than" && t >= 2) {
    const std::string w0 = AsciiLower(tokens[t - 2].In(text));
    if (w0 == "more" || w0 == "fewer" || w0 == "less") return w0 + " than";
  }
  if (w1 == "least" && t >= 2 && AsciiLower(tokens[t - 2].In(text)) == "at") return "at least";
  if (w1 == "to" && t >= 2 && AsciiLower(tokens[t - 2].In(text)) == "up") return "up to";
  if (w1 == "estimated" && t >= 2 && AsciiLower(tokens[t - 2].In(text)) == "an") return "an estimated";
  if (kOne.count(w1) && w1 != "up" && w1 != "more" && w1 != "less" && w1 != "fewer") return w1;
  return "";
}

bool IsCountNounCandidate(std::string_view w) {
  if (w.empty() || !base::IsAsciiAlpha(w[0])) return false;
  static const std::unordered_set<std::string_view> kSkip = {
      "and", "or", "of", "more", "senior", "other", "new", "additional", "displaced", "israeli",
      "american", "u.s.", "us", "palestinian", "local", "foreign", "young", "old", "small",
      "large", "major", "minor", "armed", "civilian"};
  return kSkip.count(AsciiLower(w)) == 0;
}

}  // namespace

std::vector<Quantity> FindQuantities(std::string_view text, std::span<const text::Span> tokens) {
  std::vector<Quantity> out;
  for (size_t t = 0; t < tokens.size(); ++t) {
    const std::string_view w = tokens[t].In(text);
    const std::string lower = AsciiLower(w);
    std::optional<double> value = Digits(w);
    bool word_number = false;
    if (!value) {
      value = NumberWord(lower);
      word_number = value.has_value();
    }
    // "a million", "a dozen"
    if (!value && (lower == "a" || lower == "an") && t + 1 < tokens.size() &&
        Scale(AsciiLower(tokens[t + 1].In(text))) > 0) {
      value = 1;
      word_number = true;
    }
    if (!value) continue;
    // Years ("2024"), day numbers after a month ("March 17") and times are not counts.
    if (!word_number && w.find(':') != std::string_view::npos) continue;
    if (t > 0 && base::ParseMonthName(tokens[t - 1].In(text)) > 0) continue;
    if (t + 1 < tokens.size() && base::ParseMonthName(tokens[t + 1].In(text)) > 0) continue;
    if (!word_number && *value >= 1900 && *value <= 2100 && w.size() == 4) continue;

    Quantity q;
    size_t begin = t;
    if (t > 0 && (tokens[t - 1].In(text) == "$" || tokens[t - 1].In(text) == "\xE2\x82\xAC" ||
                  tokens[t - 1].In(text) == "\xC2\xA3")) {
      q.unit = std::string(tokens[t - 1].In(text));
      begin = t - 1;
    }
    q.hedge = HedgeBefore(text, tokens, begin);
    if (!q.hedge.empty()) begin -= base::SplitWords(q.hedge).size();
    size_t end = t + 1;
    double v = *value;
    // Word numbers combine: "twenty five", "one hundred".
    while (end < tokens.size()) {
      const std::string next = AsciiLower(tokens[end].In(text));
      if (const double s = Scale(next); s > 0) {
        v *= s;
        ++end;
      } else if (next == "hundred") {
        v *= 100;
        ++end;
      } else {
        break;
      }
    }
    if (end < tokens.size() && (tokens[end].In(text) == "%" || AsciiLower(tokens[end].In(text)) == "percent")) {
      q.unit = "%";
      ++end;
    }
    if (word_number && v == 1 && q.unit.empty() && end == t + 1) continue;  // "one of the ..."
    // The counted noun: the first content word within three tokens.
    size_t noun_end = end;
    for (size_t k = end; k < tokens.size() && k < end + 4; ++k) {
      const std::string_view nw = tokens[k].In(text);
      if (!base::IsAsciiAlpha(nw[0]) && nw != "U.S.") break;
      if (IsCountNounCandidate(nw)) {
        q.noun = AsciiLower(nw);
        noun_end = k + 1;
        break;
      }
    }
    if (q.noun.empty() && q.unit.empty() && v < 10) continue;  // a bare small number says little
    q.value = v;
    q.span = text::Span{tokens[begin].begin, tokens[noun_end - 1].end};
    out.push_back(std::move(q));
    t = noun_end - 1;
  }
  return out;
}

}  // namespace newsfuse::extract
