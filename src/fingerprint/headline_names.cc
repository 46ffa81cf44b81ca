#include "fingerprint/headline_names.h"

#include <algorithm>
#include <array>
#include <span>

#include "fingerprint/name_features.h"

namespace newsfuse::fingerprint {
namespace {

// A headline word is a name when at least this share of the articles that
// contain it name it (write it capitalised): names are nearly always
// capitalised, other words only where a sentence or a title starts.
constexpr double kMinNameShare = 0.5;

// Capitalised words of one headline judged at most (a longer "headline" is
// not one: its first kMaxWords are read).
constexpr size_t kMaxWords = 64;

// Weight of a headline name, as the fingerprinter gives the names of
// headlines that are not Title Case.
constexpr float kHeadlineNameWeight = 1.0f;

bool Names(const RawFingerprint& raw, uint32_t entity) {
  return std::any_of(raw.entities.begin(), raw.entities.end(),
                     [&](const TermCount& e) { return e.term == entity; });
}

bool IsName(const HeadlineWord& w, const DocumentFrequency& df, bool df_counts_article,
            const RawFingerprint& raw) {
  const uint32_t entity = NameWordId(w.hash);
  // Both counts with this article in: its headline holds the word, its
  // body may name it.
  uint32_t as_name = df.entities().Get(entity);
  uint32_t as_word = df.terms().Get(w.term);
  if (!df_counts_article) {
    as_name += Names(raw, entity) ? 1 : 0;
    as_word += 1;
  }
  return as_name > 0 && as_name >= kMinNameShare * as_word;
}

void AddName(uint64_t hash, RawFingerprint* raw) {
  const uint32_t id = TermId(hash);
  for (TermCount& e : raw->entities) {
    if (e.term == id) {
      e.count += kHeadlineNameWeight;
      return;
    }
  }
  raw->entities.push_back({id, kHeadlineNameWeight});
}

}  // namespace

void ResolveHeadlineNames(const DocumentFrequency& df, bool df_counts_article, RawFingerprint* raw) {
  if (raw->headline_words.empty()) return;
  std::array<uint64_t, kMaxWords> name;  // the accepted words of the current run
  size_t name_words = 0;
  auto flush = [&] {
    if (name_words > 0) {
      EmitName(std::span<const uint64_t>(name.data(), name_words), kHeadlineNameWeight,
               [&](uint64_t h, float) { AddName(h, raw); });
    }
    name_words = 0;
  };
  // Judged before any is added, so that one word's name does not count
  // as the body naming the next.
  const size_t words = std::min(raw->headline_words.size(), kMaxWords);
  uint64_t is_name = 0;
  for (size_t k = 0; k < words; ++k) {
    if (IsName(raw->headline_words[k], df, df_counts_article, *raw)) is_name |= uint64_t{1} << k;
  }
  for (size_t k = 0; k < words; ++k) {
    const bool accepted = (is_name >> k) & 1;
    if (!raw->headline_words[k].joins_previous || !accepted) flush();
    if (accepted) name[name_words++] = raw->headline_words[k].hash;
  }
  flush();
  raw->headline_words.clear();
  raw->headline_words.shrink_to_fit();
}

}  // namespace newsfuse::fingerprint
