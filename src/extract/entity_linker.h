// File: extract/entity_linker.h
//
// Within one article: gives every entity mention a canonical name and
// attaches the titles the text gives people.
//
//   "Israeli Prime Minister Benjamin Netanyahu ... Netanyahu said"
//     -> both mentions: "Benjamin Netanyahu", titles {"Prime Minister"}
//   "the U.S. side was led by national security adviser Jake Sullivan"
//     -> "Jake Sullivan", titles {"national security adviser"}
//   "... overseen by the SCG" after "Strategic Consultative Group"
//     -> "Strategic Consultative Group"
//
// Titles are read from the words right before a name (a run of title words
// ending in a head noun: minister, secretary, adviser, president ...,
// stopping at another entity, a possessive or a function word) and from an
// appositive right after it ("Ron Dermer, Israel's minister for strategic
// affairs,"). Surnames and honorific forms ("Mr Netanyahu") resolve to the
// longest full name in the article that ends with them.
#ifndef NEWSFUSE_EXTRACT_ENTITY_LINKER_H_
#define NEWSFUSE_EXTRACT_ENTITY_LINKER_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "extract/entity_tagger.h"
#include "text/span.h"

namespace newsfuse::extract {

struct LinkedEntity {
  std::string name;                 // canonical within the article
  EntityType type = EntityType::kOther;
  std::vector<std::string> titles;  // as the text gives them, deduplicated
  std::vector<std::string> surface_forms;  // every spelling seen for it
  std::vector<uint32_t> mentions;   // indices into the mentions given
};

struct LinkResult {
  std::vector<LinkedEntity> entities;
  std::vector<uint32_t> entity_of_mention;  // mention index -> entity index
};

// `mentions` in text order with spans into `text`; `tokens` all tokens of
// `text` in order (the mention token indices are not used).
LinkResult LinkEntities(std::string_view text, std::span<const text::Span> tokens,
                        std::span<const EntityMention> mentions);

// The mention text without honorifics and possessives: "Mr. Netanyahu's" ->
// "Netanyahu".
std::string CleanName(std::string_view mention);

}  // namespace newsfuse::extract

#endif  // NEWSFUSE_EXTRACT_ENTITY_LINKER_H_
