#include "synthesize/summarizer.h"

#include <algorithm>
#include <cmath>

namespace newsfuse::synthesize {

namespace {

// Greedy cost exponents tried (gain / words^r). Lin & Bilmes use 0.3 on
// DUC 2004; pure gain per word (1.0) packs short sentences.
constexpr float kCostExponents[] = {0.3f, 0.5f, 0.7f, 0.9f, 1.0f};
// Swaps draw on the units worth most on their own (per square root of their
// words), so a story of 200 articles costs what one of 20 does.
constexpr size_t kSwapPool = 300;
constexpr int kMaxSwapRounds = 8;

class SummarySearch {
 public:
  SummarySearch(const std::vector<SummaryUnit>& units, const std::vector<FactGroup>& groups,
                const std::vector<float>& worth, uint32_t stem_count, const SummaryOptions& options)
      : units_(units), worth_(worth), options_(options), counts_(stem_count, 0), group_of_(units.size(), 0) {
    for (uint32_t g = 0; g < groups.size(); ++g) {
      for (uint32_t m : groups[g].members) group_of_[m] = g;
    }
    for (bool alone_only : {true, false}) {
      for (uint32_t i = 0; i < units.size(); ++i) {
        const SummaryUnit& u = units[i];
        if (u.eligible && u.words > 0 && !u.sentence.stems.empty() && (u.stands_alone || !alone_only)) {
          candidates_.push_back(i);
        }
      }
      if (!candidates_.empty()) break;
    }
    // The swap pool (kSwapPool).
    std::vector<std::pair<float, uint32_t>> by_worth;
    for (uint32_t i : candidates_) {
      by_worth.emplace_back(Gain(i, units[i].sentence.stems.size()) / std::sqrt(static_cast<float>(units[i].words)), i);
    }
    std::sort(by_worth.begin(), by_worth.end(), [](const auto& a, const auto& b) {
      return a.first != b.first ? a.first > b.first : a.second < b.second;
    });
    for (size_t k = 0; k < by_worth.size() && k < kSwapPool; ++k) pool_.push_back(by_worth[k].second);
  }

  // The greedy for one cost exponent, then swaps; empty when the greedy
  // found what an earlier start had (often: r changes little on a small
  // story), as the swaps would end where they did then.
  std::vector<uint32_t> Run(float r) {
    std::vector<uint32_t> seq = Greedy(r);
    if (std::find(starts_.begin(), starts_.end(), seq) != starts_.end()) return {};
    starts_.push_back(seq);
    Improve(seq);
    return seq;
  }

  // The worth of reading `seq` in order: every stem of a whole sentence;
  // under a cut, the stems of the crossing sentence's words before it.
  double Worth(const std::vector<uint32_t>& seq) {
    double total = 0;
    int left = options_.max_words;
    for (uint32_t u : seq) {
      if (options_.fill_to_cut && left <= 0) break;
      const int w = static_cast<int>(units_[u].words);
      const size_t take = options_.fill_to_cut && w > left ? StemsBefore(u, left) : units_[u].sentence.stems.size();
      total += AddStems(u, take);
      left -= w;
    }
    ClearCounts(seq);
    return total;
  }

  int Words(const std::vector<uint32_t>& seq) const {
    int w = 0;
    for (uint32_t u : seq) w += static_cast<int>(units_[u].words);
    return w;
  }

  // Adds the units with the best gain, past the budget, until `seq` has
  // `count` (the product's minimum number of lines).
  void AddPastBudget(std::vector<uint32_t>& seq, size_t count) {
    for (uint32_t u : seq) AddStems(u, units_[u].sentence.stems.size());
    while (seq.size() < count) {
      int best = -1;
      float best_gain = 0;
      for (uint32_t i : candidates_) {
        if (!Free(seq, i, seq.size())) continue;
        const float g = Gain(i, units_[i].sentence.stems.size());
        if (best < 0 || g > best_gain) {
          best = static_cast<int>(i);
          best_gain = g;
        }
      }
      if (best < 0) break;
      seq.push_back(static_cast<uint32_t>(best));
      AddStems(static_cast<uint32_t>(best), units_[best].sentence.stems.size());
    }
    ClearCounts(seq);
  }

 private:
  // Stems of unit u's first `words` words (what a cut there leaves).
  size_t StemsBefore(uint32_t u, int words) const {
    const SummaryUnit& unit = units_[u];
    const size_t w = static_cast<size_t>(std::clamp(words, 0, static_cast<int>(unit.words)));
    if (w < unit.stems_before_word.size()) return unit.stems_before_word[w];
    return unit.sentence.stems.size() * w / std::max<uint32_t>(unit.words, 1);
  }

  float WorthOf(uint32_t stem, uint32_t occurrence) const {
    return occurrence <= kMaxOccurrence ? worth_[static_cast<size_t>(stem) * kMaxOccurrence + occurrence - 1] : 0.0f;
  }

  // The gain of the first `take` stems of unit u over counts_ (left as
  // they were).
  float Gain(uint32_t u, size_t take) {
    const float g = AddStems(u, take);
    const auto& stems = units_[u].sentence.stems;
    for (size_t k = 0; k < take; ++k) --counts_[stems[k]];
    return g;
  }

  // Counts the first `take` stems of unit u into counts_; returns their worth.
  float AddStems(uint32_t u, size_t take) {
    const auto& stems = units_[u].sentence.stems;
    float g = 0;
    for (size_t k = 0; k < take; ++k) g += WorthOf(stems[k], ++counts_[stems[k]]);
    return g;
  }

  void ClearCounts(const std::vector<uint32_t>& seq) {
    for (uint32_t u : seq) {
      for (uint32_t s : units_[u].sentence.stems) counts_[s] = 0;
    }
  }

  // Whether unit i may take position `pos` of seq (pos == size: appended):
  // not in it already, and no other member from its fact group.
  bool Free(const std::vector<uint32_t>& seq, uint32_t i, size_t pos) const {
    for (size_t k = 0; k < seq.size(); ++k) {
      if (seq[k] == i) return false;
      if (k != pos && group_of_[seq[k]] == group_of_[i]) return false;
    }
    return true;
  }

  std::vector<uint32_t> Greedy(float r) {
    std::vector<uint32_t> seq;
    int words = 0;
    while (true) {
      int best = -1;
      float best_value = 0;
      for (uint32_t i : candidates_) {
        const int w = static_cast<int>(units_[i].words);
        if (words + w > options_.max_words || !Free(seq, i, seq.size())) continue;
        const float v = Gain(i, units_[i].sentence.stems.size()) / std::pow(static_cast<float>(w), r);
        if (v > best_value) {
          best_value = v;
          best = static_cast<int>(i);
        }
      }
      if (best < 0) break;
      seq.push_back(static_cast<uint32_t>(best));
      AddStems(static_cast<uint32_t>(best), units_[best].sentence.stems.size());
      words += static_cast<int>(units_[best].words);
    }
    ClearCounts(seq);
    if (options_.fill_to_cut) Fill(seq);
    return seq;
  }

  // Under a cut, adds the unit with the most worth per word up to the cut
  // while the summary is short of it.
  void Fill(std::vector<uint32_t>& seq) {
    const int left = options_.max_words - Words(seq);
    if (left <= 0) return;
    for (uint32_t u : seq) AddStems(u, units_[u].sentence.stems.size());
    int best = -1;
    float best_value = 0;
    for (uint32_t i : candidates_) {
      if (!Free(seq, i, seq.size())) continue;
      const int w = static_cast<int>(units_[i].words);
      const float v = Gain(i, w > left ? StemsBefore(i, left) : units_[i].sentence.stems.size()) /
                      static_cast<float>(std::min(w, left));
      if (v > best_value) {
        best_value = v;
        best = static_cast<int>(i);
      }
    }
    ClearCounts(seq);
    if (best >= 0) seq.push_back(static_cast<uint32_t>(best));
  }

  // Swaps one member for a pool unit while the worth rises (first
  // improvement, in order), within the budget unless under a cut.
  void Improve(std::vector<uint32_t>& seq) {
    double best = Worth(seq);
    std::vector<uint32_t> trial;
    for (int round = 0; round < kMaxSwapRounds; ++round) {
      bool improved = false;
      for (size_t pos = 0; pos < seq.size(); ++pos) {
        for (uint32_t j : pool_) {
          if (!Free(seq, j, pos)) continue;
          trial = seq;
          trial[pos] = j;
          if (!options_.fill_to_cut && Words(trial) > options_.max_words) continue;
          const double v = Worth(trial);
          if (v > best + 1e-6) {
            best = v;
            seq.swap(trial);
            improved = true;
          }
        }
      }
      if (options_.fill_to_cut && Words(seq) < options_.max_words) {
        Fill(seq);
        best = Worth(seq);
      }
      if (!improved) break;
    }
  }

  const std::vector<SummaryUnit>& units_;
  const std::vector<float>& worth_;
  const SummaryOptions& options_;
  std::vector<uint32_t> counts_;  // uses of each stem by what is being scored
  std::vector<uint32_t> group_of_;
  std::vector<uint32_t> candidates_;
  std::vector<uint32_t> pool_;
  std::vector<std::vector<uint32_t>> starts_;  // greedy results seen
};

}  // namespace

std::vector<uint32_t> ChooseSummary(const std::vector<SummaryUnit>& units, const StemIds& stems,
                                    const std::vector<FactGroup>& groups, const SummaryOptions& options) {
  if (units.empty()) return {};
  const WordImportanceModel& model = options.model ? *options.model : TrainedWordImportance();
  std::vector<StemSentence> sentences;
  sentences.reserve(units.size());
  for (const auto& u : units) sentences.push_back(u.sentence);
  const std::vector<StemStats> stats = ComputeStemStats(sentences, stems);
  std::vector<float> worth(static_cast<size_t>(stems.size()) * kMaxOccurrence, 0.0f);
  for (uint32_t id = 0; id < stems.size(); ++id) {
    if (stats[id].article_share == 0) continue;
    for (int k = 1; k <= kMaxOccurrence; ++k) {
      worth[static_cast<size_t>(id) * kMaxOccurrence + k - 1] = model.Probability(stats[id], k);
    }
  }

  SummarySearch search(units, groups, worth, stems.size(), options);
  std::vector<uint32_t> chosen;
  double best = -1;
  for (float r : kCostExponents) {
    std::vector<uint32_t> seq = search.Run(r);
    if (seq.empty()) continue;
    const double v = search.Worth(seq);
    if (v > best + 1e-6) {
      best = v;
      chosen = std::move(seq);
    }
  }

  // Reading order for the sentences the budget holds whole; under a cut,
  // the one that crosses it goes last, where the cut truncates it rather
  // than a chosen one, and nothing after it is read.
  size_t whole = chosen.size();
  if (options.fill_to_cut) {
    int words = 0;
    size_t k = 0;
    for (; k < chosen.size() && words < options.max_words; ++k) words += static_cast<int>(units[chosen[k]].words);
    chosen.resize(k);
    whole = words > options.max_words ? k - 1 : k;
  }
  std::sort(chosen.begin(), chosen.begin() + static_cast<std::ptrdiff_t>(whole), [&](uint32_t a, uint32_t b) {
    const float pa = units[a].sentence.position, pb = units[b].sentence.position;
    return pa != pb ? pa < pb : a < b;
  });
  if (chosen.size() < static_cast<size_t>(options.min_sentences)) {
    search.AddPastBudget(chosen, static_cast<size_t>(options.min_sentences));
  }
  return chosen;
}

}  // namespace newsfuse::synthesize
