#include "fingerprint/entities.h"

#include <xxhash.h>

#include <algorithm>
#include <cstring>
#include <vector>

#include "fingerprint/tokens.h"

namespace newsfuse::fingerprint {
namespace {

constexpr const char* kEntityStopwords[] = {
    "january", "february", "march", "april", "june", "july", "august", "september", "october",
    "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
    "oct", "nov", "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "today", "yesterday", "tomorrow", "sir", "lord", "am", "pm", "ap", "reuters",
    "afp", "photo", "image", "copyright", "read", "click", "update", "updated", "posted",
    "however", "meanwhile", "many", "several", "last", "next", "first", "another", "because",
    "although", "though", "yet", "still", "even", "since", "instead", "later", "earlier"};

const WordHashSet& EntityStopHashes() {
  static const WordHashSet set(kEntityStopwords);
  return set;
}

}  // namespace

bool IsEntityStopword(uint64_t token_hash) {
  return EntityStopHashes().Contains(token_hash);
}

uint64_t EntityHash(std::string_view name) {
  uint64_t h = kEntitySeed;
  ForEachToken(name, [&](const Token& t) { h = MixHash(h, t.hash); });
  return h;
}

}  // namespace newsfuse::fingerprint
