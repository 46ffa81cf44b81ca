// File: fingerprint/name_features.h
//
// How words and names become feature ids, shared by the fingerprinter and
// the headline-name pass (headline_names.h), so both put a name under the
// same ids.
#ifndef NEWSFUSE_FINGERPRINT_NAME_FEATURES_H_
#define NEWSFUSE_FINGERPRINT_NAME_FEATURES_H_

#include <cstdint>
#include <span>

#include "fingerprint/entities.h"
#include "fingerprint/tokens.h"

namespace newsfuse::fingerprint {

// The 32-bit feature id of a 64-bit hash; 0 is the empty slot of the count
// tables, so it is remapped to 1.
inline uint32_t TermId(uint64_t hash) {
  const uint32_t id = static_cast<uint32_t>(hash ^ (hash >> 32));
  return id == 0 ? 1 : id;
}

// The id of a one-word name, and of each word of a longer one.
inline uint32_t NameWordId(uint64_t word_hash) { return TermId(MixHash(kEntitySeed, word_hash)); }

// Emits a name (its words' token hashes) as features: the whole name and,
// for a multi-word name, each of its words ("Lohan" alone meets "Lindsay
// Lohan"). `emit(hash, weight)` takes the 64-bit hash.
template <typename Emit>
void EmitName(std::span<const uint64_t> words, float weight, Emit&& emit) {
  uint64_t full = kEntitySeed;
  for (uint64_t w : words) full = MixHash(full, w);
  emit(full, weight);
  if (words.size() > 1) {
    for (uint64_t w : words) emit(MixHash(kEntitySeed, w), weight);
  }
}

}  // namespace newsfuse::fingerprint

#endif  // NEWSFUSE_FINGERPRINT_NAME_FEATURES_H_
