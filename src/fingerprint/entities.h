// File: fingerprint/entities.h
//
// Named entities as fingerprint features. Two events of one kind (two
// celebrities entering rehab, two patches for one browser) share their
// vocabulary; they differ in who and where. So story similarity gives the
// names a vector of their own.
//
// The built-in (and default) proxy is a run of capitalised words that are not function words or
// calendar names ("Lindsay Lohan", "Betty Ford Center"), computed inside the
// fingerprinter's single token pass. A real tagger plugs in through
// EntitySource (extract/tagged_entity_source.h wraps the NER tagger): it
// reports entity names as text and EntityHash() maps them to the same feature
// space as the proxy, so both can be compared and mixed
// (FingerprintOptions::entity_source_adds).
#ifndef NEWSFUSE_FINGERPRINT_ENTITIES_H_
#define NEWSFUSE_FINGERPRINT_ENTITIES_H_

#include <cstdint>
#include <functional>
#include <string_view>

#include "newsfuse/article.h"

namespace newsfuse::fingerprint {

// Start value of EntityHash's chain (the proxy in fingerprinter.cc uses it too).
inline constexpr uint64_t kEntitySeed = 0x6e657773u;  // "news"

// The feature hash of an entity name: its tokens case-folded and combined in
// order, so "LINDSAY LOHAN" and "Lindsay Lohan" meet. One-token names hash
// the same as the proxy's single-word parts.
uint64_t EntityHash(std::string_view name);

// True for capitalised words that are not names: months, weekdays, honorifics.
bool IsEntityStopword(uint64_t token_hash);

// A source of entity mentions for one article. Implementations must be
// thread-safe for concurrent calls on different articles (the fingerprinter
// runs one per thread), e.g. a frozen tagger model.
class EntitySource {
 public:
  virtual ~EntitySource() = default;
  // Calls `on_entity(name, weight)` for each mention; `name` need only live
  // for the call. `weight` is how much the mention counts (e.g. more for the
  // headline and the lead), 1 for a plain mention.
  virtual void ForEachEntity(
      const Article& article,
      const std::function<void(std::string_view name, float weight)>& on_entity) const = 0;
};

}  // namespace newsfuse::fingerprint

#endif  // NEWSFUSE_FINGERPRINT_ENTITIES_H_
