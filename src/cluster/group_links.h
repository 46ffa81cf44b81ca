// File: cluster/group_links.h
//
// One group's links in the batch clusterer's average-link merge
// (cluster_articles.cc): per neighbouring group, the sum of the scored
// pair similarities between the two and how many pairs were scored.
//
//   GroupLinks links;
//   GroupLinks::Link& l = links.Upsert(7);   // {7, 0, 0} when new
//   l.sum += s; ++l.count;
//   if (GroupLinks::Link* x = links.Find(7)) ...
//   links.Erase(7);
//   links.ForEach([](const GroupLinks::Link& l) { ... });
//
// Why not std::unordered_map: a 200,000-article day stores tens of millions
// of links, and a node per link (with its malloc and its cache miss) made
// the merge the slowest step of `newsfuse cluster` and its memory 7 GB.
// Here a link is one 16-byte slot: linear probing, load at most 1/2,
// backward-shift deletion (no tombstones: a group that absorbs many others
// erases and inserts without degrading).
//
// Thread-safety: none; one owner.
#ifndef NEWSFUSE_CLUSTER_GROUP_LINKS_H_
#define NEWSFUSE_CLUSTER_GROUP_LINKS_H_

#include <cstddef>
#include <cstdint>
#include <vector>

namespace newsfuse::cluster {

class GroupLinks {
 public:
  struct Link {
    uint32_t group;
    uint32_t count;  // pairs scored between the two groups
    double sum;      // their summed similarity
  };

  size_t size() const { return size_; }

  Link* Find(uint32_t group) {
    if (slots_.empty()) return nullptr;
    for (size_t i = Home(group);; i = Next(i)) {
      if (slots_[i].group == group) return &slots_[i];
      if (slots_[i].group == kEmpty) return nullptr;
    }
  }

  // The link to `group`, inserted as {group, 0, 0} when absent. The
  // reference is valid until the next Upsert.
  Link& Upsert(uint32_t group) {
    if (2 * (size_ + 1) > slots_.size()) Rehash(slots_.empty() ? 4 : 2 * slots_.size());
    size_t i = Home(group);
    for (; slots_[i].group != kEmpty; i = Next(i)) {
      if (slots_[i].group == group) return slots_[i];
    }
    ++size_;
    slots_[i] = {group, 0, 0.0};
    return slots_[i];
  }

  void Erase(uint32_t group) {
    Link* found = Find(group);
    if (found == nullptr) return;
    size_t hole = static_cast<size_t>(found - slots_.data());
    // Backward shift: move up each later entry of the run that may fill the hole.
    for (size_t i = Next(hole); slots_[i].group != kEmpty; i = Next(i)) {
      const size_t home = Home(slots_[i].group);
      // The entry at i may move to `hole` unless its home lies cyclically in (hole, i].
      const bool stays = hole < i ? (home > hole && home <= i) : (home > hole || home <= i);
      if (stays) continue;
      slots_[hole] = slots_[i];
      hole = i;
    }
    slots_[hole].group = kEmpty;
    --size_;
  }

  template <typename F>
  void ForEach(F&& f) const {
    for (const Link& l : slots_) {
      if (l.group != kEmpty) f(l);
    }
  }

  // Drops every link and the memory.
  void Clear() {
    std::vector<Link>().swap(slots_);
    size_ = 0;
  }

  // Room for `n` links without rehashing.
  void Reserve(size_t n) {
    size_t slots = 4;
    while (slots < 2 * n) slots *= 2;
    if (slots > slots_.size()) Rehash(slots);
  }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;

  size_t Home(uint32_t group) const {
    return static_cast<size_t>((group * 0x9E3779B97F4A7C15ull) >> 32) & (slots_.size() - 1);
  }
  size_t Next(size_t i) const { return (i + 1) & (slots_.size() - 1); }

  void Rehash(size_t slots) {
    std::vector<Link> old(slots, Link{kEmpty, 0, 0.0});
    old.swap(slots_);
    for (const Link& l : old) {
      if (l.group == kEmpty) continue;
      size_t i = Home(l.group);
      while (slots_[i].group != kEmpty) i = Next(i);
      slots_[i] = l;
    }
  }

  std::vector<Link> slots_;  // empty, or a power of two
  size_t size_ = 0;
};

}  // namespace newsfuse::cluster

#endif  // NEWSFUSE_CLUSTER_GROUP_LINKS_H_
