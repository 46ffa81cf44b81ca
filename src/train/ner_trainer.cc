// The NER trainer. See ner_trainer.h for the method; the comments here say
// why the pieces are built the way they are.
#include "train/ner_trainer.h"

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <numeric>
#include <random>
#include <string>

#include "base/file_io.h"
#include "base/strings.h"
#include "eval/conll_eval.h"
#include "eval/conll_reader.h"
#include "text/tokenizer.h"

namespace newsfuse::extract::ner {
namespace {

using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

void Log(const NerTrainOptions& options, const std::string& line) {
  if (options.log) options.log(line);
}

std::string Format(const char* fmt, auto... args) {
  char buf[512];
  std::snprintf(buf, sizeof buf, fmt, args...);
  return buf;
}

// ---------------------------------------------------------------------------
// Step 1: the lexicon.

bool IsCapitalized(std::string_view w, bool* all_lower) {
  bool has_lower = false, has_upper = false;
  for (char c : w) {
    if (c >= 'a' && c <= 'z') has_lower = true;
    if (c >= 'A' && c <= 'Z') has_upper = true;
  }
  *all_lower = has_lower && !has_upper;
  return !w.empty() && w[0] >= 'A' && w[0] <= 'Z' && has_lower;
}

bool EndsSentence(std::string_view w) {
  return w == "." || w == "!" || w == "?" || w == ":" || w == "\"" || w == "``" || w == "''" || w == "'" ||
         w == "\xE2\x80\x9C" || w == "\xE2\x80\x9D" || w == "-" || w == "--" || w == "\xE2\x80\x94" ||
         w == "(" || w == ";";
}

// Spherical k-means of the unit vectors `points` (rows of `dim`) restricted
// to `members`, into at most k clusters; returns each member's cluster.
std::vector<int> SphericalKMeans(const std::vector<float>& points, int dim, const std::vector<uint32_t>& members,
                                 int k, int iterations, uint64_t seed) {
  const size_t n = members.size();
  std::vector<int> assign(n, 0);
  if (n == 0) return assign;
  if (static_cast<int>(n) <= k) {
    std::iota(assign.begin(), assign.end(), 0);
    return assign;
  }
  std::mt19937_64 rng(seed);
  // Seeds: the first of a random permutation. Members are sorted by
  // frequency, so draw from the whole range rather than the head.
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::shuffle(order.begin(), order.end(), rng);
  std::vector<float> centers(static_cast<size_t>(k) * dim);
  for (int c = 0; c < k; ++c)
    std::copy_n(&points[static_cast<size_t>(members[order[c]]) * dim], dim, &centers[static_cast<size_t>(c) * dim]);
  std::vector<float> sums(centers.size());
  std::vector<int> sizes(k);
  for (int it = 0; it < iterations; ++it) {
    bool changed = false;
    for (size_t m = 0; m < n; ++m) {
      const float* p = &points[static_cast<size_t>(members[m]) * dim];
      float best = -2;
      int arg = 0;
      for (int c = 0; c < k; ++c) {
        const float* q = &centers[static_cast<size_t>(c) * dim];
        float dot = 0;
        for (int d = 0; d < dim; ++d) dot += p[d] * q[d];
        if (dot > best) {
          best = dot;
          arg = c;
        }
      }
      if (assign[m] != arg || it == 0) changed = true;
      assign[m] = arg;
    }
    if (!changed) break;
    std::fill(sums.begin(), sums.end(), 0.0f);
    std::fill(sizes.begin(), sizes.end(), 0);
    for (size_t m = 0; m < n; ++m) {
      const float* p = &points[static_cast<size_t>(members[m]) * dim];
      float* s = &sums[static_cast<size_t>(assign[m]) * dim];
      for (int d = 0; d < dim; ++d) s[d] += p[d];
      ++sizes[assign[m]];
    }
    for (int c = 0; c < k; ++c) {
      float* s = &sums[static_cast<size_t>(c) * dim];
      if (sizes[c] == 0) {
        // An empty cluster takes a random member, so that k stays k.
        std::copy_n(&points[static_cast<size_t>(members[rng() % n]) * dim], dim, &centers[static_cast<size_t>(c) * dim]);
        continue;
      }
      float norm = 0;
      for (int d = 0; d < dim; ++d) norm += s[d] * s[d];
      norm = std::sqrt(norm);
      if (norm == 0) norm = 1;
      for (int d = 0; d < dim; ++d) centers[static_cast<size_t>(c) * dim + d] = s[d] / norm;
    }
  }
  return assign;
}

}  // namespace

Lexicon BuildLexicon(const std::vector<std::string>& texts, size_t* num_tokens) {
  constexpr uint32_t kBreak = UINT32_MAX;
  HashMap64<uint32_t> id_of(1 << 16);
  std::vector<uint32_t> counts;
  std::vector<uint64_t> hash_of_id, lower_of_id;
  std::vector<uint32_t> seq;
  // lowercase hash -> {capitalized mid-sentence, lowercase mid-sentence, total}
  HashMap64<std::array<uint32_t, 3>> caps(1 << 16);
  std::vector<text::Span> spans;
  for (const std::string& t : texts) {
    spans.clear();
    text::Tokenize(t, &spans);
    for (size_t k = 0; k < spans.size(); ++k) {
      const std::string_view w = spans[k].In(t);
      const uint64_t h = HashBytes(w);
      uint32_t& slot = id_of[h];
      if (slot == 0) {
        counts.push_back(0);
        hash_of_id.push_back(h);
        lower_of_id.push_back(HashLower(w));
        slot = static_cast<uint32_t>(counts.size());
      }
      const uint32_t id = slot - 1;
      ++counts[id];
      seq.push_back(id);
      bool initial = k == 0;
      if (!initial) {
        const std::string_view prev = spans[k - 1].In(t);
        initial = EndsSentence(prev) ||
                  t.find('\n', spans[k - 1].end) < spans[k].begin;
      }
      auto& c = caps[lower_of_id[id]];
      ++c[2];
      if (!initial) {
        bool all_lower;
        if (IsCapitalized(w, &all_lower)) ++c[0];
        if (all_lower) ++c[1];
      }
    }
    seq.push_back(kBreak);
  }
  *num_tokens = seq.size();

  // Targets: forms seen at least 5 times (at most 80k); contexts: the 2000
  // most frequent forms, plus one slot for "anything else" and one for the
  // edge of a text, at offsets -2, -1, +1, +2.
  std::vector<uint32_t> by_count(counts.size());
  std::iota(by_count.begin(), by_count.end(), 0);
  std::stable_sort(by_count.begin(), by_count.end(), [&](uint32_t a, uint32_t b) { return counts[a] > counts[b]; });
  constexpr int kContexts = 2000;
  constexpr int kOther = kContexts, kEdge = kContexts + 1;
  constexpr int kSlots = (kContexts + 2) * 4;
  std::vector<int> ctx_index(counts.size(), kOther), target_index(counts.size(), -1);
  for (int k = 0; k < kContexts && k < static_cast<int>(by_count.size()); ++k) ctx_index[by_count[k]] = k;
  std::vector<uint32_t> targets;
  for (uint32_t id : by_count) {
    if (counts[id] < 5 || targets.size() >= 80000) break;
    target_index[id] = static_cast<int>(targets.size());
    targets.push_back(id);
  }
  std::vector<uint64_t> pairs;
  pairs.reserve(seq.size() * 4);
  for (size_t p = 0; p < seq.size(); ++p) {
    if (seq[p] == kBreak || target_index[seq[p]] < 0) continue;
    const uint64_t t = static_cast<uint64_t>(target_index[seq[p]]);
    static constexpr int kOffsets[4] = {-2, -1, 1, 2};
    for (int s = 0; s < 4; ++s) {
      int ctx = kEdge;
      const int64_t q = static_cast<int64_t>(p) + kOffsets[s];
      bool crossed = q < 0 || q >= static_cast<int64_t>(seq.size());
      if (!crossed) {
        const int64_t lo = std::min<int64_t>(p, q), hi = std::max<int64_t>(p, q);
        for (int64_t r = lo; r <= hi; ++r) crossed = crossed || seq[r] == kBreak;
      }
      if (!crossed) ctx = ctx_index[seq[q]];
      pairs.push_back(t << 32 | static_cast<uint64_t>(ctx * 4 + s));
    }
  }
  std::sort(pairs.begin(), pairs.end());
  struct Cell {
    uint32_t target, slot;
    float count;
  };
  std::vector<Cell> cells;
  for (size_t k = 0; k < pairs.size();) {
    size_t e = k;
    while (e < pairs.size() && pairs[e] == pairs[k]) ++e;
    cells.push_back(Cell{static_cast<uint32_t>(pairs[k] >> 32), static_cast<uint32_t>(pairs[k] & 0xFFFFFFFF),
                         static_cast<float>(e - k)});
    k = e;
  }
  pairs.clear();
  pairs.shrink_to_fit();
  // PPMI with context smoothing (alpha = 0.75, Levy et al. 2015).
  std::vector<double> target_total(targets.size()), slot_total(kSlots);
  for (const Cell& c : cells) {
    target_total[c.target] += c.count;
    slot_total[c.slot] += c.count;
  }
  double z = 0;
  for (double& s : slot_total) {
    s = std::pow(s, 0.75);
    z += s;
  }
  // Random projection to kDim dimensions: each context slot a random +-1 vector.
  constexpr int kDim = 128;
  std::vector<float> signs(static_cast<size_t>(kSlots) * kDim);
  for (size_t k = 0; k < signs.size(); ++k) signs[k] = (Mix64(k * 0x9E3779B97F4A7C15ULL + 17) & 1) ? 1.0f : -1.0f;
  std::vector<float> vectors(targets.size() * kDim, 0.0f);
  for (const Cell& c : cells) {
    const double pmi = std::log(c.count * z / (target_total[c.target] * slot_total[c.slot]));
    if (pmi <= 0) continue;
    float* v = &vectors[static_cast<size_t>(c.target) * kDim];
    const float* r = &signs[static_cast<size_t>(c.slot) * kDim];
    for (int d = 0; d < kDim; ++d) v[d] += static_cast<float>(pmi) * r[d];
  }
  for (size_t t = 0; t < targets.size(); ++t) {
    float* v = &vectors[t * kDim];
    float norm = 0;
    for (int d = 0; d < kDim; ++d) norm += v[d] * v[d];
    norm = std::sqrt(norm);
    if (norm > 0)
      for (int d = 0; d < kDim; ++d) v[d] /= norm;
  }
  // Three levels of k-means, each within its parent cluster.
  std::vector<uint32_t> code(targets.size(), 0);
  std::vector<uint32_t> all(targets.size());
  std::iota(all.begin(), all.end(), 0);
  std::vector<std::vector<uint32_t>> groups = {all};
  for (int level = 0; level < kClusterLevels; ++level) {
    std::vector<std::vector<uint32_t>> next;
    const int k = static_cast<int>(kClusterBranching[level]);
    for (size_t g = 0; g < groups.size(); ++g) {
      const std::vector<int> assign =
          SphericalKMeans(vectors, kDim, groups[g], k, level == 0 ? 12 : 8, 7919 * (level + 1) + g);
      std::vector<std::vector<uint32_t>> children(k);
      for (size_t m = 0; m < groups[g].size(); ++m) {
        const uint32_t t = groups[g][m];
        code[t] = code[t] * k + static_cast<uint32_t>(assign[m]);
        children[assign[m]].push_back(t);
      }
      for (auto& c : children) next.push_back(std::move(c));
    }
    groups = std::move(next);
  }

  Lexicon lexicon;
  lexicon.words.Reset(targets.size() + caps.size());
  // lowercase -> (count, cluster) of its most frequent clustered spelling
  HashMap64<std::pair<uint32_t, uint32_t>> best_spelling(targets.size());
  for (size_t t = 0; t < targets.size(); ++t) {
    const uint32_t id = targets[t];
    lexicon.words[hash_of_id[id]].cluster = code[t] + 1;
    auto& best = best_spelling[lower_of_id[id]];
    if (counts[id] > best.first) best = {counts[id], code[t] + 1};
  }
  caps.ForEach([&](uint64_t lower, const std::array<uint32_t, 3>& c) {
    const auto* best = best_spelling.Find(lower);
    if (c[2] < 2 && !best) return;
    WordStats& s = lexicon.words[lower ^ Lexicon::kLowerSeed];
    if (best) s.cluster = best->second;
    const uint32_t mid = c[0] + c[1];
    if (mid >= 2) {
      const double r = static_cast<double>(c[0]) / mid;
      s.cap_bucket = r < 0.05 ? 1 : r < 0.3 ? 2 : r < 0.7 ? 3 : r < 0.95 ? 4 : 5;
    }
    s.freq_bucket = static_cast<uint8_t>(std::min(15, 1 + static_cast<int>(std::log2(static_cast<double>(c[2])))));
  });
  return lexicon;
}

namespace {

// Reads the unlabelled texts: CoNLL files contribute their first column (one
// sentence per line); markup and JSON escapes are blanked out of the others.
std::vector<std::string> ReadUnlabelled(const std::vector<std::string>& paths, const NerTrainOptions& options) {
  std::vector<std::string> files;
  for (const std::string& p : paths) {
    std::error_code ec;
    if (std::filesystem::is_regular_file(p, ec)) {
      files.push_back(p);
      continue;
    }
    for (auto it = std::filesystem::recursive_directory_iterator(p, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
      if (!it->is_regular_file(ec)) continue;
      const std::string path = it->path().string();
      const std::string ext = it->path().extension().string();
      const std::string name = it->path().filename().string();
      // Never the raw text of a sealed test set, even without its labels.
      if (name == "eng.testb" || path.find("/holdout/") != std::string::npos) continue;
      if (ext == ".txt" || ext == ".jsonl" || ext == ".json" || ext == ".tml" || name.starts_with("eng.")) {
        files.push_back(path);
      }
    }
  }
  std::sort(files.begin(), files.end());
  std::vector<std::string> texts;
  for (const std::string& f : files) {
    Result<std::string> content = base::ReadFile(f, uint64_t{64} << 20);
    if (!content.ok()) {
      Log(options, "train-ner: skipping " + content.status().ToString());
      continue;
    }
    std::string& c = *content;
    std::string out;
    out.reserve(c.size());
    if (c.starts_with("-DOCSTART-")) {
      for (std::string_view line : base::SplitLines(c)) {
        line = base::Trim(line);
        if (line.empty()) {
          out += '\n';
          continue;
        }
        if (line.starts_with("-DOCSTART-")) continue;
        out.append(line.substr(0, line.find(' ')));
        out += ' ';
      }
    } else {
      bool in_tag = false;
      for (size_t k = 0; k < c.size(); ++k) {
        const char ch = c[k];
        if (in_tag) {
          if (ch == '>') in_tag = false;
          out += ' ';
        } else if (ch == '<' && k + 1 < c.size() && (std::isalpha(static_cast<unsigned char>(c[k + 1])) ||
                                                     c[k + 1] == '/' || c[k + 1] == '!' || c[k + 1] == '?')) {
          in_tag = true;
          out += ' ';
        } else if (ch == '\\' && k + 1 < c.size()) {
          const char e = c[k + 1];
          out += (e == 'n' || e == 't' || e == 'r') ? '\n' : e;
          out += ' ';
          ++k;
        } else {
          out += ch;
        }
      }
    }
    texts.push_back(std::move(out));
  }
  return texts;
}

// ---------------------------------------------------------------------------
// Step 2: the gazetteer.

// The phrase hash of words[b, e) if the gazetteer can ever match it (first
// and last words capitalized, not too long), else 0.
uint64_t PhraseHash(std::span<const std::string_view> words, int max_words) {
  if (words.empty() || static_cast<int>(words.size()) > max_words) return 0;
  auto has_upper = [](std::string_view w) {
    for (char c : w)
      if (c >= 'A' && c <= 'Z') return true;
    return false;
  };
  if (!has_upper(words.front()) || !has_upper(words.back())) return 0;
  uint64_t h = 0;
  for (std::string_view w : words) h = PhraseStep(h, HashLower(w));
  return h;
}

// Names from one iso-codes JSON file: the values of "name", "common_name"
// and "official_name" (the part before a comma, each part of a ";" list).
std::vector<std::string> IsoNames(const std::string& path) {
  std::vector<std::string> names;
  Result<std::string> content = base::ReadFile(path, uint64_t{16} << 20);
  if (!content.ok()) return names;
  const std::string& c = *content;
  for (const char* key : {"\"name\": \"", "\"common_name\": \"", "\"official_name\": \""}) {
    const std::string k = key;
    for (size_t pos = c.find(k); pos != std::string::npos; pos = c.find(k, pos + 1)) {
      const size_t b = pos + k.size();
      const size_t e = c.find('"', b);
      if (e == std::string::npos) break;
      std::string_view value(c.data() + b, e - b);
      while (!value.empty()) {
        const size_t semi = value.find(';');
        std::string_view part = base::Trim(value.substr(0, semi));
        part = part.substr(0, part.find(','));
        part = part.substr(0, part.find('('));
        part = base::Trim(part);
        if (!part.empty()) names.emplace_back(part);
        if (semi == std::string_view::npos) break;
        value = value.substr(semi + 1);
      }
    }
  }
  return names;
}

// ---------------------------------------------------------------------------
// Training data and features.

struct TrainDoc {
  std::vector<std::string_view> words;
  std::vector<uint32_t> sentence_ends;
  std::vector<int> gold;
  std::vector<std::vector<TokenChunk>> gold_chunks;  // per sentence
};

std::vector<TrainDoc> ToDocs(const ConllCorpus& corpus) {
  std::vector<TrainDoc> docs;
  for (const ConllDocument& d : corpus.documents) {
    TrainDoc doc;
    for (const ConllSentence& s : d.sentences) {
      for (const std::string& w : s.words) doc.words.push_back(w);
      doc.sentence_ends.push_back(static_cast<uint32_t>(doc.words.size()));
      const std::vector<int> tags = BilouFromChunks(s.chunks, s.words.size());
      doc.gold.insert(doc.gold.end(), tags.begin(), tags.end());
      doc.gold_chunks.push_back(s.chunks);
    }
    docs.push_back(std::move(doc));
  }
  return docs;
}

struct FeatureMatrix {
  std::vector<uint32_t> offsets;  // token i: ids[offsets[i], offsets[i + 1])
  std::vector<uint32_t> ids;
};

class Indexer {
 public:
  static constexpr uint32_t kNone = UINT32_MAX;
  uint32_t Get(uint64_t h, bool grow) {
    if (!grow) {
      const uint32_t* id = map_.Find(h);
      return id ? *id - 1 : kNone;
    }
    uint32_t& id = map_[h];
    if (id == 0) {
      keys_.push_back(h);
      id = static_cast<uint32_t>(keys_.size());
    }
    return id - 1;
  }
  size_t size() const { return keys_.size(); }
  const std::vector<uint64_t>& keys() const { return keys_; }

 private:
  HashMap64<uint32_t> map_{1 << 20};
  std::vector<uint64_t> keys_;
};

// The structured perceptron with averaging by the "lazy" trick: `acc_`
// accumulates each update times the step at which it happened, and the
// average is w - acc / steps (Daume 2006).
class Perceptron {
 public:
  Perceptron(size_t num_features, const Transitions& init)
      : w_(num_features * kNumTags, 0.0f), acc_(num_features * kNumTags, 0.0f), t_(init) {}

  // Scores of tokens [b, e) of a document into `out`.
  static void Emissions(const std::vector<float>& w, const FeatureMatrix& fm, uint32_t b, uint32_t e,
                        const float* base, float* out) {
    for (uint32_t i = b; i < e; ++i) {
      float* o = out + static_cast<size_t>(i - b) * kNumTags;
      if (base) {
        std::copy_n(base + static_cast<size_t>(i) * kNumTags, kNumTags, o);
      } else {
        std::fill_n(o, kNumTags, 0.0f);
      }
      for (uint32_t k = fm.offsets[i]; k < fm.offsets[i + 1]; ++k) {
        const float* row = &w[static_cast<size_t>(fm.ids[k]) * kNumTags];
        for (int t = 0; t < kNumTags; ++t) o[t] += row[t];
      }
    }
  }

  void Train(const FeatureMatrix& fm, uint32_t b, uint32_t e, const int* gold, const float* base) {
    const size_t n = e - b;
    emissions_.resize(n * kNumTags);
    pred_.resize(n);
    Emissions(w_, fm, b, e, base, emissions_.data());
    ViterbiDecode(emissions_.data(), n, t_, pred_.data(), &scratch_);
    const float c = static_cast<float>(step_);
    for (size_t i = 0; i < n; ++i) {
      const int g = gold[b + i], p = pred_[i];
      if (g != p) {
        for (uint32_t k = fm.offsets[b + i]; k < fm.offsets[b + i + 1]; ++k) {
          const size_t f = static_cast<size_t>(fm.ids[k]) * kNumTags;
          w_[f + g] += 1;
          acc_[f + g] += c;
          w_[f + p] -= 1;
          acc_[f + p] -= c;
        }
      }
      const int gp = i ? gold[b + i - 1] : -1, pp = i ? pred_[i - 1] : -1;
      if (gp != pp || g != p) {
        UpdateTransition((gp < 0 ? kNumTags : gp) * kNumTags + g, +1, c);
        UpdateTransition((pp < 0 ? kNumTags : pp) * kNumTags + p, -1, c);
      }
    }
    if (n && gold[e - 1] != pred_[n - 1]) {
      t_.end[gold[e - 1]] += 1;
      tacc_.end[gold[e - 1]] += c;
      t_.end[pred_[n - 1]] -= 1;
      tacc_.end[pred_[n - 1]] -= c;
    }
    ++step_;
  }

  void Average(std::vector<float>* w, Transitions* t) const {
    const float inv = 1.0f / static_cast<float>(step_);
    w->resize(w_.size());
    for (size_t k = 0; k < w_.size(); ++k) (*w)[k] = w_[k] - acc_[k] * inv;
    for (size_t k = 0; k < std::size(t_.from_to); ++k) t->from_to[k] = t_.from_to[k] - tacc_.from_to[k] * inv;
    for (int k = 0; k < kNumTags; ++k) t->end[k] = t_.end[k] - tacc_.end[k] * inv;
  }

 private:
  void UpdateTransition(int idx, float sign, float c) {
    t_.from_to[idx] += sign;
    tacc_.from_to[idx] += sign * c;
  }
  std::vector<float> w_, acc_;
  Transitions t_, tacc_;
  int64_t step_ = 1;
  std::vector<float> emissions_, scratch_;
  std::vector<int> pred_;
};

struct Unit {
  uint32_t doc, begin, end;
};

std::vector<Unit> Units(const std::vector<TrainDoc>& docs, const std::vector<uint32_t>& doc_ids) {
  std::vector<Unit> units;
  for (uint32_t d : doc_ids) {
    uint32_t b = 0;
    for (uint32_t e : docs[d].sentence_ends) {
      units.push_back(Unit{d, b, e});
      b = e;
    }
  }
  return units;
}

// One stage's training material: features and, for stage 2, base scores.
struct StageData {
  std::vector<FeatureMatrix> features;         // per doc
  std::vector<std::vector<float>> base;        // per doc, tokens x tags (stage 2)
};

void RunEpoch(Perceptron* p, const std::vector<TrainDoc>& docs, const StageData& data, std::vector<Unit>* units,
              std::mt19937_64* rng) {
  std::shuffle(units->begin(), units->end(), *rng);
  for (const Unit& u : *units) {
    const float* base = data.base.empty() ? nullptr : data.base[u.doc].data();
    p->Train(data.features[u.doc], u.begin, u.end, docs[u.doc].gold.data(), base);
  }
}

// Decodes documents with weights `w`; fills tags (and scores if asked) and
// returns the entity F1 against the gold chunks.
double Decode(const std::vector<TrainDoc>& docs, const std::vector<uint32_t>& doc_ids, const StageData& data,
              const std::vector<float>& w, const Transitions& t, std::vector<std::vector<int>>* tags,
              std::vector<std::vector<float>>* scores) {
  ConllEvaluator eval;
  std::vector<float> e, scratch;
  for (uint32_t d : doc_ids) {
    const TrainDoc& doc = docs[d];
    const size_t n = doc.words.size();
    std::vector<int>& out = (*tags)[d];
    out.assign(n, kTagO);
    if (scores) (*scores)[d].assign(n * kNumTags, 0.0f);
    uint32_t b = 0;
    for (size_t s = 0; s < doc.sentence_ends.size(); ++s) {
      const uint32_t end = doc.sentence_ends[s];
      e.resize(static_cast<size_t>(end - b) * kNumTags);
      const float* base = data.base.empty() ? nullptr : data.base[d].data();
      Perceptron::Emissions(w, data.features[d], b, end, base, e.data());
      if (scores) std::copy(e.begin(), e.end(), (*scores)[d].begin() + static_cast<size_t>(b) * kNumTags);
      ViterbiDecode(e.data(), end - b, t, &out[b], &scratch);
      const std::vector<TokenChunk> predicted = ChunksFromBilou(std::span<const int>(&out[b], end - b));
      eval.AddSentence(doc.gold_chunks[s], predicted);
      b = end;
    }
  }
  return eval.Overall().F1();
}

std::vector<uint32_t> AllDocs(size_t n) {
  std::vector<uint32_t> ids(n);
  std::iota(ids.begin(), ids.end(), 0);
  return ids;
}

struct TrainedStage {
  std::vector<float> weights;
  Transitions transitions;
  int epochs = 0;
  double dev_f1 = 0;
};

// Trains on `train_ids`; with dev data, keeps the epoch with the best dev F1
// (stopping after `patience` epochs without improvement), else runs
// `fixed_epochs`.
TrainedStage TrainStage(const std::vector<TrainDoc>& train, const std::vector<uint32_t>& train_ids,
                        const StageData& train_data, size_t num_features, const Transitions& init,
                        const std::vector<TrainDoc>* dev, const StageData* dev_data, int fixed_epochs,
                        const NerTrainOptions& options, const char* name, uint64_t seed) {
  Perceptron p(num_features, init);
  std::vector<Unit> units = Units(train, train_ids);
  std::mt19937_64 rng(seed);
  TrainedStage best;
  best.dev_f1 = -1;
  const bool use_dev = dev && !dev->empty() && fixed_epochs <= 0;
  const int max_epochs = use_dev ? options.max_epochs : fixed_epochs;
  std::vector<float> avg;
  Transitions avg_t;
  std::vector<std::vector<int>> dev_tags(dev ? dev->size() : 0);
  for (int epoch = 1; epoch <= max_epochs; ++epoch) {
    const auto start = Clock::now();
    RunEpoch(&p, train, train_data, &units, &rng);
    if (!use_dev) continue;
    p.Average(&avg, &avg_t);
    const double f1 = Decode(*dev, AllDocs(dev->size()), *dev_data, avg, avg_t, &dev_tags, nullptr);
    Log(options, Format("train-ner: %s epoch %d: dev F1 %.2f (%.1f s)", name, epoch, f1, SecondsSince(start)));
    if (f1 > best.dev_f1) {
      best.dev_f1 = f1;
      best.epochs = epoch;
      best.weights = avg;
      best.transitions = avg_t;
    } else if (epoch - best.epochs >= options.patience) {
      break;
    }
  }
  if (!use_dev) {
    p.Average(&best.weights, &best.transitions);
    best.epochs = max_epochs;
    best.dev_f1 = 0;
  }
  return best;
}

void ExtractStage1(const std::vector<TrainDoc>& docs, const Lexicon& lexicon, const Gazetteer& gazetteer,
                   const std::vector<HashMap64<uint8_t>>* exclude, Indexer* indexer, bool grow,
                   StageData* data) {
  DocFeatures scratch;
  data->features.assign(docs.size(), FeatureMatrix{});
  for (size_t d = 0; d < docs.size(); ++d) {
    const TrainDoc& doc = docs[d];
    PrepareDocument(doc.words, doc.sentence_ends, lexicon, gazetteer, exclude ? &(*exclude)[d] : nullptr,
                    &scratch);
    FeatureMatrix& fm = data->features[d];
    fm.offsets.push_back(0);
    uint32_t b = 0;
    for (uint32_t e : doc.sentence_ends) {
      for (uint32_t i = b; i < e; ++i) {
        Stage1Features(scratch, b, e, i, [&](uint64_t h) {
          const uint32_t id = indexer->Get(h, grow);
          if (id != Indexer::kNone) fm.ids.push_back(id);
        });
        fm.offsets.push_back(static_cast<uint32_t>(fm.ids.size()));
      }
      b = e;
    }
  }
}

void ExtractStage2(const std::vector<TrainDoc>& docs, const std::vector<std::vector<int>>& pass1,
                   const Lexicon& lexicon, const Gazetteer& gazetteer, Indexer* indexer, bool grow,
                   StageData* data) {
  DocFeatures scratch;
  data->features.assign(docs.size(), FeatureMatrix{});
  for (size_t d = 0; d < docs.size(); ++d) {
    const TrainDoc& doc = docs[d];
    PrepareDocument(doc.words, doc.sentence_ends, lexicon, gazetteer, nullptr, &scratch);
    AggregatePredictions(doc.words, pass1[d], &scratch);
    FeatureMatrix& fm = data->features[d];
    fm.offsets.push_back(0);
    uint32_t b = 0;
    for (uint32_t e : doc.sentence_ends) {
      for (uint32_t i = b; i < e; ++i) {
        Stage2Features(scratch, b, e, i, [&](uint64_t h) {
          const uint32_t id = indexer->Get(h, grow);
          if (id != Indexer::kNone) fm.ids.push_back(id);
        });
        fm.offsets.push_back(static_cast<uint32_t>(fm.ids.size()));
      }
      b = e;
    }
  }
}

// Fits confidence = sigmoid(a * margin + b) to whether each entity the
// finished model finds on the dev set is right (logistic regression by
// Newton's method on two parameters, lightly regularized).
void FitConfidence(const std::vector<TrainDoc>& dev, NerModel* model, const NerTrainOptions& options) {
  std::vector<std::pair<double, double>> samples;  // (margin, correct)
  NerScratch scratch;
  for (const TrainDoc& doc : dev) {
    TagWords(*model, doc.words, doc.sentence_ends, &scratch);
    uint32_t b = 0;
    for (size_t s = 0; s < doc.sentence_ends.size(); ++s) {
      const uint32_t e = doc.sentence_ends[s];
      for (const TokenChunk& c : ChunksFromBilou(std::span<const int>(&scratch.tags[b], e - b))) {
        const TokenChunk global{c.begin + b, c.end + b, c.type};
        bool correct = false;
        for (const TokenChunk& g : doc.gold_chunks[s]) correct = correct || g == c;
        samples.emplace_back(ChunkMargin(scratch, global), correct ? 1.0 : 0.0);
      }
      b = e;
    }
  }
  if (samples.size() < 10) return;
  // Newton's method on the standardized margin (well conditioned from a
  // start at zero), then mapped back to the raw margin.
  double mean = 0, sd = 0;
  for (const auto& [m, y] : samples) mean += m;
  mean /= samples.size();
  for (const auto& [m, y] : samples) sd += (m - mean) * (m - mean);
  sd = std::sqrt(sd / samples.size());
  if (!(sd > 0)) return;
  double a = 0, bias = 0;
  for (int it = 0; it < 50; ++it) {
    double ga = 1e-3 * a, gb = 0, haa = 1e-3, hab = 0, hbb = 1e-9;
    for (const auto& [m, y] : samples) {
      const double x = (m - mean) / sd;
      const double p = 1 / (1 + std::exp(-(a * x + bias)));
      const double w = std::max(p * (1 - p), 1e-9);
      ga += (p - y) * x;
      gb += p - y;
      haa += w * x * x;
      hab += w * x;
      hbb += w;
    }
    const double det = haa * hbb - hab * hab;
    if (std::fabs(det) < 1e-12) break;
    const double da = (hbb * ga - hab * gb) / det, db = (haa * gb - hab * ga) / det;
    a -= da;
    bias -= db;
    if (std::fabs(da) < 1e-7 && std::fabs(db) < 1e-7) break;
  }
  bias -= a * mean / sd;
  a /= sd;
  model->confidence_a = static_cast<float>(a);
  model->confidence_b = static_cast<float>(bias);
  Log(options, Format("train-ner: confidence = sigmoid(%.4f * margin + %.3f), fitted on %zu dev entities", a, bias,
                      samples.size()));
}

}  // namespace

Result<NerModel> TrainNerModel(const NerTrainOptions& options, NerTrainReport* report) {
  const auto start = Clock::now();
  NerTrainReport local_report;
  if (!report) report = &local_report;
  Result<ConllCorpus> train_corpus = ReadConll(options.train_path);
  if (!train_corpus.ok()) return train_corpus.status();
  ConllCorpus dev_corpus;
  if (!options.dev_path.empty()) {
    Result<ConllCorpus> dev = ReadConll(options.dev_path);
    if (!dev.ok()) return dev.status();
    dev_corpus = std::move(*dev);
  }
  if (train_corpus->num_tokens == 0) return Status::InvalidArgument(options.train_path, "no tokens");
  if (options.epochs <= 0 && dev_corpus.num_tokens == 0) {
    return Status::InvalidArgument("train-ner", "give a dev file to choose the epochs on, or a fixed --epochs");
  }
  const std::vector<TrainDoc> train = ToDocs(*train_corpus);
  const std::vector<TrainDoc> dev = ToDocs(dev_corpus);
  Log(options, Format("train-ner: %zu training documents, %zu tokens; %zu dev documents, %zu tokens", train.size(),
                      train_corpus->num_tokens, dev.size(), dev_corpus.num_tokens));

  NerModel model;
  // 1. Lexicon.
  {
    const auto t0 = Clock::now();
    const std::vector<std::string> texts = ReadUnlabelled(options.unlabelled_paths, options);
    model.lexicon = BuildLexicon(texts, &report->unlabelled_tokens);
    report->lexicon_entries = model.lexicon.words.size();
    Log(options, Format("train-ner: lexicon from %zu texts, %zu tokens: %zu entries (%.1f s)", texts.size(),
                        report->unlabelled_tokens, report->lexicon_entries, SecondsSince(t0)));
  }

  // 2. Gazetteer: training phrases with per-document exclusion, iso-codes.
  std::vector<HashMap64<uint8_t>> exclude(train.size());
  {
    const int max_words = model.gazetteer.max_words;
    HashMap64<uint8_t> fixed;  // from iso-codes: never excluded
    const std::pair<const char*, EntityType> kIsoFiles[] = {{"iso_3166-1.json", EntityType::kLocation},
                                                             {"iso_639-2.json", EntityType::kOther}};
    std::vector<text::Span> spans;
    for (const auto& [file, type] : kIsoFiles) {
      for (const std::string& name : IsoNames(options.iso_codes_dir + "/" + file)) {
        spans.clear();
        text::Tokenize(name, &spans);
        std::vector<std::string_view> words;
        for (const text::Span& s : spans) words.push_back(s.In(name));
        const uint64_t h = PhraseHash(words, max_words);
        if (h) fixed[h] |= static_cast<uint8_t>(1u << static_cast<int>(type));
      }
    }
    HashMap64<std::array<uint16_t, kNumEntityTypes>> doc_counts(1 << 15);
    std::vector<HashMap64<uint8_t>> doc_phrases(train.size());
    for (size_t d = 0; d < train.size(); ++d) {
      uint32_t b = 0;
      for (size_t s = 0; s < train[d].sentence_ends.size(); ++s) {
        for (const TokenChunk& c : train[d].gold_chunks[s]) {
          const uint64_t h = PhraseHash(std::span<const std::string_view>(&train[d].words[b + c.begin], c.end - c.begin),
                                        max_words);
          if (h) doc_phrases[d][h] |= static_cast<uint8_t>(1u << static_cast<int>(c.type));
        }
        b = train[d].sentence_ends[s];
      }
      doc_phrases[d].ForEach([&](uint64_t h, uint8_t mask) {
        auto& counts = doc_counts[h];
        for (int t = 0; t < kNumEntityTypes; ++t)
          if (mask & (1u << t)) ++counts[t];
      });
    }
    doc_counts.ForEach([&](uint64_t h, const std::array<uint16_t, kNumEntityTypes>& counts) {
      uint8_t mask = 0;
      for (int t = 0; t < kNumEntityTypes; ++t)
        if (counts[t]) mask |= static_cast<uint8_t>(1u << t);
      model.gazetteer.phrases[h] |= mask;
    });
    fixed.ForEach([&](uint64_t h, uint8_t mask) { model.gazetteer.phrases[h] |= mask; });
    for (size_t d = 0; d < train.size(); ++d) {
      doc_phrases[d].ForEach([&](uint64_t h, uint8_t mask) {
        const auto* counts = doc_counts.Find(h);
        const uint8_t* keep = fixed.Find(h);
        uint8_t ex = 0;
        for (int t = 0; t < kNumEntityTypes; ++t) {
          if ((mask & (1u << t)) && (*counts)[t] == 1 && !(keep && (*keep & (1u << t))))
            ex |= static_cast<uint8_t>(1u << t);
        }
        if (ex) exclude[d][h] = ex;
      });
    }
    report->gazetteer_phrases = model.gazetteer.phrases.size();
    Log(options, Format("train-ner: gazetteer: %zu phrases (%zu from iso-codes)", model.gazetteer.phrases.size(),
                        fixed.size()));
  }

  // 3. Stage 1.
  Indexer index1;
  StageData train1, dev1;
  {
    const auto t0 = Clock::now();
    ExtractStage1(train, model.lexicon, model.gazetteer, &exclude, &index1, true, &train1);
    ExtractStage1(dev, model.lexicon, model.gazetteer, nullptr, &index1, false, &dev1);
    report->features_stage1 = index1.size();
    Log(options, Format("train-ner: stage 1: %zu features (%.1f s)", index1.size(), SecondsSince(t0)));
  }
  const TrainedStage s1 = TrainStage(train, AllDocs(train.size()), train1, index1.size(), Transitions{}, &dev, &dev1,
                                     options.epochs, options, "stage 1", options.seed);
  report->epochs_stage1 = s1.epochs;
  report->dev_f1_stage1 = s1.dev_f1;
  report->dev_f1 = s1.dev_f1;
  model.stage1.weights.Build(index1.keys(), s1.weights);
  model.stage1.transitions = s1.transitions;
  Log(options, Format("train-ner: stage 1: %d epochs, dev F1 %.2f", s1.epochs, s1.dev_f1));

  // 4. Stage 2.
  if (options.two_stage) {
    const auto t0 = Clock::now();
    std::vector<std::vector<int>> train_pass1(train.size()), dev_pass1(dev.size());
    StageData train2, dev2;
    train2.base.resize(train.size());
    dev2.base.resize(dev.size());
    // Jackknife: each fold is tagged by a model trained on the other folds.
    const int folds = std::max(2, options.folds);
    for (int fold = 0; fold < folds; ++fold) {
      std::vector<uint32_t> in, out;
      for (uint32_t d = 0; d < train.size(); ++d) (d % folds == static_cast<uint32_t>(fold) ? out : in).push_back(d);
      const TrainedStage fm = TrainStage(train, in, train1, index1.size(), Transitions{}, nullptr, nullptr,
                                         s1.epochs, options, "fold", options.seed + 1 + fold);
      const double f1 = Decode(train, out, train1, fm.weights, fm.transitions, &train_pass1, &train2.base);
      Log(options, Format("train-ner: jackknife fold %d/%d: held-out F1 %.2f", fold + 1, folds, f1));
    }
    if (!dev.empty()) Decode(dev, AllDocs(dev.size()), dev1, s1.weights, s1.transitions, &dev_pass1, &dev2.base);
    Indexer index2;
    ExtractStage2(train, train_pass1, model.lexicon, model.gazetteer, &index2, true, &train2);
    ExtractStage2(dev, dev_pass1, model.lexicon, model.gazetteer, &index2, false, &dev2);
    report->features_stage2 = index2.size();
    size_t num2 = index2.size();
    std::vector<uint64_t> keys2 = index2.keys();
    Transitions init2 = s1.transitions;
    if (options.stage2_full) {
      // Stage-1 ids, then stage-2 ids after them; no base scores.
      const size_t n1 = index1.size();
      auto merge = [n1](const StageData& one, StageData* two) {
        for (size_t d = 0; d < two->features.size(); ++d) {
          const FeatureMatrix& a = one.features[d];
          const FeatureMatrix& b = two->features[d];
          FeatureMatrix merged;
          merged.offsets.push_back(0);
          for (size_t i = 0; i + 1 < a.offsets.size(); ++i) {
            merged.ids.insert(merged.ids.end(), a.ids.begin() + a.offsets[i], a.ids.begin() + a.offsets[i + 1]);
            for (uint32_t k = b.offsets[i]; k < b.offsets[i + 1]; ++k)
              merged.ids.push_back(static_cast<uint32_t>(b.ids[k] + n1));
            merged.offsets.push_back(static_cast<uint32_t>(merged.ids.size()));
          }
          two->features[d] = std::move(merged);
        }
        two->base.clear();
      };
      merge(train1, &train2);
      merge(dev1, &dev2);
      num2 = n1 + index2.size();
      keys2 = index1.keys();
      keys2.insert(keys2.end(), index2.keys().begin(), index2.keys().end());
      init2 = Transitions{};
    }
    const TrainedStage s2 = TrainStage(train, AllDocs(train.size()), train2, num2, init2, &dev, &dev2,
                                       options.epochs, options, "stage 2", options.seed + 100);
    report->epochs_stage2 = s2.epochs;
    Log(options, Format("train-ner: stage 2: %zu features, %d epochs, dev F1 %.2f (%.1f s)", index2.size(), s2.epochs,
                        s2.dev_f1, SecondsSince(t0)));
    if (dev.empty() || s2.dev_f1 > s1.dev_f1) {
      model.stage2.weights.Build(std::move(keys2), s2.weights);
      model.stage2.transitions = s2.transitions;
      model.has_stage2 = true;
      model.stage2_full = options.stage2_full;
      report->dev_f1 = s2.dev_f1;
    } else {
      Log(options, "train-ner: stage 2 does not help on dev; the model keeps stage 1 only");
    }
  }
  if (!dev.empty()) FitConfidence(dev, &model, options);
  report->seconds = SecondsSince(start);
  model.description = Format(
      "averaged perceptron, BILOU, %s; trained on %s (%zu tokens), epochs %d/%d; dev %s F1 %.2f; "
      "lexicon from %zu unlabelled tokens",
      model.has_stage2 ? "two stages" : "one stage", options.train_path.c_str(), train_corpus->num_tokens,
      report->epochs_stage1, report->epochs_stage2, options.dev_path.c_str(), report->dev_f1, report->unlabelled_tokens);
  return model;
}

}  // namespace newsfuse::extract::ner
