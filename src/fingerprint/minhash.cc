#include "fingerprint/minhash.h"

#include <algorithm>

#include "fingerprint/tokens.h"

namespace newsfuse::fingerprint {

double EstimateJaccard(const MinHash& a, const MinHash& b) {
  if (a.empty || b.empty) return 0.0;
  size_t equal = 0;
  for (size_t i = 0; i < kMinHashSlots; ++i) equal += a.slots[i] == b.slots[i];
  return static_cast<double>(equal) / kMinHashSlots;
}

void MinHashBuilder::Reset() {
  tokens_ = 0;
  mins_.fill(UINT32_MAX);
  filled_.fill(false);
  any_ = false;
}

void MinHashBuilder::AddShingle(uint64_t shingle) {
  // Top 6 bits pick the bin, the low 32 bits are the value kept.
  size_t bin = static_cast<size_t>(shingle >> 58);
  uint32_t value = static_cast<uint32_t>(shingle);
  mins_[bin] = std::min(mins_[bin], value);  // branch-free: the test is unpredictable early on
  filled_[bin] = true;
  any_ = true;
}

void MinHashBuilder::AddTokenHash(uint64_t token_hash) {
  ring_[tokens_ % 3] = token_hash;
  ++tokens_;
  if (tokens_ >= 3) {
    // Order matters: "a b c" and "c b a" are different shingles.
    uint64_t h = MixHash(MixHash(ring_[(tokens_ - 3) % 3], ring_[(tokens_ - 2) % 3]),
                         ring_[(tokens_ - 1) % 3]);
    AddShingle(h);
  }
}

void MinHashBuilder::AddText(std::string_view text) {
  ForEachToken(text, [&](const Token& t) { AddTokenHash(t.hash); });
}

MinHash MinHashBuilder::Finish() {
  // Texts of one or two tokens still get a shingle of what they have.
  if (tokens_ > 0 && tokens_ < 3) {
    uint64_t h = ring_[0];
    for (size_t i = 1; i < tokens_; ++i) h = MixHash(h, ring_[i]);
    AddShingle(MixHash(h, tokens_));
  }
  MinHash out;
  out.empty = !any_;
  if (any_) {
    // Rotation densification: an empty bin takes the value of the next
    // filled bin to its right (circularly), offset by the distance so that
    // two documents agree on it only when they agree on that bin.
    for (size_t i = 0; i < kMinHashSlots; ++i) {
      size_t j = i;
      uint32_t distance = 0;
      while (!filled_[j]) {
        j = (j + 1) % kMinHashSlots;
        ++distance;
      }
      out.slots[i] = mins_[j] + distance * 0x9E3779B1u;
    }
  }
  Reset();
  return out;
}

}  // namespace newsfuse::fingerprint
