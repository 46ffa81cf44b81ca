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

// A set of word hashes probed once per token: open addressing over a
// power-of-two table (a few hundred words in 1024 slots: one probe, rarely
// two), faster than a binary search's unpredictable branches.
class HashSetEntityStopHashes {
 public:
  HashSetEntityStopHashes() : slots_(1024, 0) {
    for (const char* w : kEntityStopwords) {
      uint64_t h = XXH3_64bits(w, std::strlen(w));
      size_t i = h & (slots_.size() - 1);
      while (slots_[i] != 0 && slots_[i] != h) i = (i + 1) & (slots_.size() - 1);
      slots_[i] = h;
    }
  }
  bool Contains(uint64_t h) const {
    size_t i = h & (slots_.size() - 1);
    while (slots_[i] != 0) {
      if (slots_[i] == h) return true;
      i = (i + 1) & (slots_.size() - 1);
    }
    return false;
  }

 private:
  std::vector<uint64_t> slots_;  // 0 = empty (no word hashes to 0 here)
};

const HashSetEntityStopHashes& EntityStopHashes() {
  static const HashSetEntityStopHashes set;
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
