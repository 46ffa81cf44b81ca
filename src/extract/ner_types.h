// File: extract/ner_types.h
//
// The entity types of the named-entity tagger and the token-level chunks that
// the CoNLL reader, the evaluator and the tagger exchange.
#ifndef NEWSFUSE_EXTRACT_NER_TYPES_H_
#define NEWSFUSE_EXTRACT_NER_TYPES_H_

#include <cstdint>
#include <string_view>

namespace newsfuse::extract {

// The four CoNLL-2003 classes: PER, ORG, LOC and MISC (nationalities, events,
// works, other proper names).
enum class EntityType : uint8_t { kPerson = 0, kOrganization = 1, kLocation = 2, kOther = 3 };
inline constexpr int kNumEntityTypes = 4;

// "PERSON", "ORGANIZATION", "LOCATION", "OTHER".
std::string_view EntityTypeName(EntityType type);

// Tokens [begin, end) of one sentence (or document) that form one entity.
struct TokenChunk {
  uint32_t begin = 0;
  uint32_t end = 0;
  EntityType type = EntityType::kOther;
  friend bool operator==(const TokenChunk& a, const TokenChunk& b) {
    return a.begin == b.begin && a.end == b.end && a.type == b.type;
  }
};

}  // namespace newsfuse::extract

#endif  // NEWSFUSE_EXTRACT_NER_TYPES_H_
