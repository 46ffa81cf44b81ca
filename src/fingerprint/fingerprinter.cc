#include "fingerprint/fingerprinter.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

#include "fingerprint/name_features.h"
#include "fingerprint/tokens.h"

namespace newsfuse::fingerprint {
namespace {

constexpr uint32_t kEmptyKey = 0;  // TermId never gives 0

// True when the gap between two tokens keeps them in one name: plain spaces
// only ("Betty Ford Center"), not a comma, a quote or a line break.
bool JoinsName(const char* gap_begin, const char* gap_end) {
  if (gap_end - gap_begin > 2) return false;
  for (const char* p = gap_begin; p < gap_end; ++p) {
    if (*p != ' ') return false;
  }
  return true;
}

// A word the capitalised-word proxy takes for (part of) a name.
bool IsNameWord(const Token& t) {
  return t.capitalised && !t.stopword && !(t.all_caps && t.text.size() > 5) && !IsEntityStopword(t.hash);
}

// Runs the capitalised-word entity proxy over one piece of text, adding each
// full name and, for multi-word names, each of its words.
class NameProxy {
 public:
  // `heads`, when given, receives the last word of every name mention.
  explicit NameProxy(std::vector<uint64_t>* words, std::vector<uint64_t>* heads = nullptr)
      : words_(words), heads_(heads) {}

  template <typename Emit>
  void Token(const fingerprint::Token& t, float weight, Emit&& emit) {
    const bool is_name_word = IsNameWord(t);
    bool joined = prev_end_ != nullptr && JoinsName(prev_end_, t.text.data());
    if (!is_name_word || !joined) Flush(emit);
    if (is_name_word) {
      words_->push_back(t.hash);
      weight_ = std::max(weight_, weight);
    }
    prev_end_ = t.text.data() + t.text.size();
  }

  template <typename Emit>
  void Flush(Emit&& emit) {
    if (words_->empty()) return;
    EmitName(*words_, weight_, emit);
    if (heads_ != nullptr) heads_->push_back(words_->back());
    words_->clear();
    weight_ = 0;
  }

  void EndPiece() { prev_end_ = nullptr; }

 private:
  std::vector<uint64_t>* words_;
  std::vector<uint64_t>* heads_;
  const char* prev_end_ = nullptr;
  float weight_ = 0;
};

// A headline in Title Case capitalises every word, so capitals say nothing
// about names there.
bool LooksTitleCase(std::string_view title) {
  int content = 0;
  int capitalised = 0;
  ForEachToken(title, [&](const Token& t) {
    if (t.text.size() < 4) return;
    ++content;
    capitalised += t.capitalised;
  });
  return content >= 3 && capitalised * 10 > content * 6;
}

// A year written in the text ("in 2008", "the 2013 quake"): twin events of
// one kind (two earthquakes, two arrests of one team's players) share their
// words and often their places, but seldom their year. Years join the names
// vector under a key of their own.
constexpr uint64_t kYearSalt = 0x79656172u;  // "year"
bool IsYear(std::string_view t) {
  if (t.size() != 4 || !((t[0] == '1' && t[1] == '9') || (t[0] == '2' && t[1] == '0'))) {
    return false;
  }
  return t[2] >= '0' && t[2] <= '9' && t[3] >= '0' && t[3] <= '9';
}

}  // namespace

Fingerprinter::CountTable::CountTable() : keys_(1024, kEmptyKey), values_(1024, 0.0f) {}

void Fingerprinter::CountTable::Add(uint32_t key, float weight) {
  if (used_.size() * 2 >= keys_.size()) Grow();
  size_t mask = keys_.size() - 1;
  size_t i = (key * 0x9E3779B1u) & mask;
  while (keys_[i] != kEmptyKey && keys_[i] != key) i = (i + 1) & mask;
  if (keys_[i] == kEmptyKey) {
    keys_[i] = key;
    values_[i] = 0;
    used_.push_back(static_cast<uint32_t>(i));
  }
  values_[i] += weight;
}

void Fingerprinter::CountTable::Grow() {
  std::vector<uint32_t> old_keys(keys_.size() * 2, kEmptyKey);
  std::vector<float> old_values(values_.size() * 2, 0.0f);
  old_keys.swap(keys_);
  old_values.swap(values_);
  std::vector<uint32_t> old_used;
  old_used.swap(used_);
  for (uint32_t slot : old_used) Add(old_keys[slot], old_values[slot]);
}

void Fingerprinter::CountTable::DrainTo(std::vector<TermCount>* out) {
  out->clear();
  out->reserve(used_.size());
  for (uint32_t slot : used_) {
    out->push_back({keys_[slot], values_[slot]});
    keys_[slot] = kEmptyKey;
  }
  used_.clear();
}

Fingerprinter::Fingerprinter(const FingerprintOptions& options) : options_(options) {}

RawFingerprint Fingerprinter::Extract(const Article& article) {
  RawFingerprint raw;
  std::vector<uint64_t> name_words;
  name_words.reserve(8);
  const bool proxy = options_.entity_source == nullptr || options_.entity_source_adds;
  auto emit_entity = [&](uint64_t h, float w) { entities_.Add(TermId(h), w); };

  if (article.title) {
    const bool title_names = proxy && !LooksTitleCase(*article.title);
    const bool title_case = proxy && !title_names;
    NameProxy names(&name_words);
    const char* prev_end = nullptr;
    ForEachToken(*article.title, [&](const Token& t) {
      if (!t.stopword && t.text.size() >= 2) terms_.Add(TermId(t.stem_hash), options_.title_weight);
      if (title_names) names.Token(t, 1.0f, emit_entity);
      const bool name_word = title_case && IsNameWord(t);
      if (name_word) {
        // Which of these are names is decided later, against what other
        // articles write capitalised (headline_names.h).
        const bool joins = prev_end != nullptr && JoinsName(prev_end, t.text.data());
        raw.headline_words.push_back({t.hash, TermId(t.stem_hash), joins});
      }
      prev_end = name_word ? t.text.data() + t.text.size() : nullptr;
      if (IsYear(t.text)) emit_entity(MixHash(kYearSalt, t.hash), 1.0f);
    });
    names.Flush(emit_entity);
  }

  size_t budget = options_.max_body_bytes;
  int sentences = 0;
  heads_.clear();
  NameProxy names(&name_words, &heads_);
  for (const Paragraph& paragraph : article.paragraphs) {
    raw.body_bytes += paragraph.text.size();
    if (budget == 0) {
      raw.truncated = true;
      continue;
    }
    std::string_view text = paragraph.text;
    if (text.size() > budget) {
      raw.truncated = true;
      text = text.substr(0, budget);
    }
    budget -= text.size();
    ForEachToken(text, [&](const Token& t) {
      minhash_.AddTokenHash(t.hash);
      if (t.sentence_initial) ++sentences;
      const float weight = sentences <= options_.lead_sentences ? options_.lead_weight : 1.0f;
      if (!t.stopword && t.text.size() >= 2) terms_.Add(TermId(t.stem_hash), weight);
      if (proxy) names.Token(t, weight, emit_entity);
      if (IsYear(t.text)) emit_entity(MixHash(kYearSalt, t.hash), weight);
    });
    names.Flush(emit_entity);
    names.EndPiece();
  }
  raw.minhash = minhash_.Finish();

  if (options_.entity_source != nullptr) {
    // As the proxy's names; when the source replaces the proxy, each name's
    // last word is a protagonist vote.
    options_.entity_source->ForEachEntity(article, [&](std::string_view name, float weight) {
      name_words.clear();
      ForEachToken(name, [&](const Token& t) { name_words.push_back(t.hash); });
      if (name_words.empty()) return;
      EmitName(name_words, weight, emit_entity);
      if (!options_.entity_source_adds) heads_.push_back(name_words.back());
    });
  }
  raw.protagonist = Protagonist();
  terms_.DrainTo(&raw.terms);
  entities_.DrainTo(&raw.entities);
  return raw;
}

uint32_t Fingerprinter::Protagonist() {
  std::sort(heads_.begin(), heads_.end());
  uint64_t best = 0;
  size_t best_count = 0;
  size_t second = 0;
  for (size_t i = 0; i < heads_.size();) {
    size_t j = i;
    while (j < heads_.size() && heads_[j] == heads_[i]) ++j;
    const size_t count = j - i;
    if (count > best_count) {
      second = best_count;
      best_count = count;
      best = heads_[i];
    } else if (count > second) {
      second = count;
    }
    i = j;
  }
  if (best_count < 2 || best_count <= second) return 0;
  // The id a one-word name and each word of a longer name get as entities.
  return NameWordId(best);
}

CountMap::CountMap() {
  for (Shard& s : shards_) s.slots.assign(16, Slot{kEmptyKey, 0});
}

uint32_t CountMap::IncrementAndGet(uint32_t key) {
  Shard& s = shards_[ShardOf(key)];
  if ((s.size + 1) * 2 > s.slots.size()) Grow(s);
  const size_t mask = s.slots.size() - 1;
  size_t i = (key * 0x9E3779B1u) & mask;
  while (s.slots[i].key != kEmptyKey && s.slots[i].key != key) i = (i + 1) & mask;
  if (s.slots[i].key == kEmptyKey) {
    s.slots[i].key = key;
    ++s.size;
  }
  return ++s.slots[i].count;
}

uint32_t CountMap::Get(uint32_t key) const {
  const Shard& s = shards_[ShardOf(key)];
  const size_t mask = s.slots.size() - 1;
  size_t i = (key * 0x9E3779B1u) & mask;
  while (s.slots[i].key != kEmptyKey) {
    if (s.slots[i].key == key) return s.slots[i].count;
    i = (i + 1) & mask;
  }
  return 0;
}

size_t CountMap::size() const {
  size_t n = 0;
  for (const Shard& s : shards_) n += s.size;
  return n;
}

size_t CountMap::bytes() const {
  size_t n = 0;
  for (const Shard& s : shards_) n += s.slots.capacity() * sizeof(Slot);
  return n;
}

void CountMap::Grow(Shard& shard) {
  std::vector<Slot> old(shard.slots.size() * 2, Slot{kEmptyKey, 0});
  old.swap(shard.slots);
  const size_t mask = shard.slots.size() - 1;
  for (const Slot& slot : old) {
    if (slot.key == kEmptyKey) continue;
    size_t i = (slot.key * 0x9E3779B1u) & mask;
    while (shard.slots[i].key != kEmptyKey) i = (i + 1) & mask;
    shard.slots[i] = slot;
  }
}

void DocumentFrequency::Add(const RawFingerprint& raw) {
  ++documents_;
  for (const TermCount& t : raw.terms) terms_.Increment(t.term);
  for (const TermCount& e : raw.entities) entities_.Increment(e.term);
}

namespace {

// How far ahead of its probe a term's slot is prefetched.
constexpr size_t kPrefetchAhead = 8;

// 1 + ln(count) for the sublinear TF. Counts are sums of the lead, body and
// title weights, whole numbers with the default weights, so small whole
// counts come from a table (the same floats std::log gives).
float SublinearTf(float count) {
  static const auto table = [] {
    std::array<float, 64> t{};
    for (size_t k = 1; k < t.size(); ++k) t[k] = 1.0f + std::log(static_cast<float>(k));
    return t;
  }();
  if (count < 1.0f) return count;
  if (count < 64.0f) {
    const auto k = static_cast<size_t>(count);
    if (static_cast<float>(k) == count) return table[k];
  }
  return 1.0f + std::log(count);
}

float Idf(uint32_t df, size_t documents, const FingerprintOptions& options) {
  const float b = options.background_documents;
  return std::log((static_cast<float>(documents) + b + 1.0f) /
                  (static_cast<float>(df) + b * options.background_rate + 1.0f));
}

// The weighing of one vector: tf * idf(df_of(term)) for each count, the
// `keep` heaviest kept, sorted by term, unit length. `df_of` is called once
// per count, in order.
template <typename DfOf>
void WeighInto(const std::vector<TermCount>& counts, size_t keep, size_t documents,
               const FingerprintOptions& options, DfOf&& df_of, std::vector<TermWeight>* out) {
  out->clear();
  out->reserve(counts.size());
  for (size_t k = 0; k < counts.size(); ++k) {
    const TermCount& c = counts[k];
    const float w = SublinearTf(c.count) * Idf(df_of(k), documents, options);
    if (w > 0) out->push_back({c.term, w});
  }
  if (out->size() > keep) {
    std::nth_element(out->begin(), out->begin() + keep, out->end(),
                     [](const TermWeight& a, const TermWeight& b) { return a.weight > b.weight; });
    out->resize(keep);
  }
  std::sort(out->begin(), out->end(),
            [](const TermWeight& a, const TermWeight& b) { return a.term < b.term; });
  double norm = 0;
  for (const TermWeight& t : *out) norm += static_cast<double>(t.weight) * t.weight;
  if (norm > 0) {
    float inv = static_cast<float>(1.0 / std::sqrt(norm));
    for (TermWeight& t : *out) t.weight *= inv;
  }
}

std::vector<TermWeight> WeighOne(const std::vector<TermCount>& counts, size_t keep,
                                 const CountMap& table, size_t documents,
                                 const FingerprintOptions& options) {
  std::vector<TermWeight> out;
  WeighInto(counts, keep, documents, options,
            [&](size_t k) { return table.Get(counts[k].term); }, &out);
  out.shrink_to_fit();
  return out;
}

// Increments each count's term in `table` and weighs with the new counts.
void AddAndWeighOne(const std::vector<TermCount>& counts, size_t keep, CountMap& table,
                    size_t documents, const FingerprintOptions& options,
                    std::vector<TermWeight>* out) {
  for (size_t k = 0; k < counts.size() && k < kPrefetchAhead; ++k) table.Prefetch(counts[k].term);
  WeighInto(counts, keep, documents, options,
            [&](size_t k) {
              if (k + kPrefetchAhead < counts.size()) table.Prefetch(counts[k + kPrefetchAhead].term);
              return table.IncrementAndGet(counts[k].term);
            },
            out);
}

}  // namespace

void DocumentFrequency::AddAndWeigh(const RawFingerprint& raw, const FingerprintOptions& options,
                                    ArticleVectors* out) {
  ++documents_;
  AddAndWeighOne(raw.terms, options.max_terms, terms_, documents_, options, &out->terms);
  AddAndWeighOne(raw.entities, options.max_entities, entities_, documents_, options,
                 &out->entities);
}

float DocumentFrequency::TermIdf(uint32_t term, const FingerprintOptions& options) const {
  return Idf(terms_.Get(term), documents_, options);
}
float DocumentFrequency::EntityIdf(uint32_t entity, const FingerprintOptions& options) const {
  return Idf(entities_.Get(entity), documents_, options);
}

ArticleVectors Weigh(const RawFingerprint& raw, const DocumentFrequency& df,
                     const FingerprintOptions& options) {
  ArticleVectors v;
  v.terms = WeighOne(raw.terms, options.max_terms, df.terms(), df.documents(), options);
  v.entities = WeighOne(raw.entities, options.max_entities, df.entities(), df.documents(), options);
  return v;
}

float Dot(std::span<const TermWeight> a, std::span<const TermWeight> b) {
  // Branch-free merge: the scoring loop of stream assignment spends its time
  // here, and with random term ids the three-way branch of a plain merge is
  // mispredicted about every other step.
  float sum = 0;
  size_t i = 0;
  size_t j = 0;
  const size_t na = a.size();
  const size_t nb = b.size();
  while (i < na && j < nb) {
    const uint32_t ta = a[i].term;
    const uint32_t tb = b[j].term;
    const float product = a[i].weight * b[j].weight;
    sum += ta == tb ? product : 0.0f;
    i += ta <= tb;
    j += tb <= ta;
  }
  return sum;
}

}  // namespace newsfuse::fingerprint
