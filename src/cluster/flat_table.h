// File: cluster/flat_table.h
//
// A flat open-addressing hash map from a 64-bit key to a 64-bit value, for
// the streaming clusterer's per-article tables (LSH bands, article ids,
// posting lists). Each arriving article probes about 35 random keys in
// tables of a million entries; std::unordered_map spends a dependent cache
// miss on the bucket and another on the node for each, and a heap node per
// entry. Here a probe is one slot of 16 bytes, and Prefetch() lets the
// caller start the misses of all its keys before it reads the first.
//
//   FlatTable t;
//   t.Prefetch(k1); t.Prefetch(k2);
//   t.Set(k1, 7);
//   if (const uint64_t* v = t.Find(k2)) ...
//   t.Erase(k1);
//
// Linear probing, load at most 1/2, backward-shift deletion (no
// tombstones, so a table with heavy churn never degrades). Key 0 marks an
// empty slot and is stored as 1: callers whose keys are hashes lose nothing
// that matters (a false match must be checked anyway: a band hit is checked
// by its Jaccard estimate, an id hit by comparing the id).
//
// Thread-safety: none; one owner.
#ifndef NEWSFUSE_CLUSTER_FLAT_TABLE_H_
#define NEWSFUSE_CLUSTER_FLAT_TABLE_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <vector>

namespace newsfuse::cluster {

class FlatTable {
  struct Entry {
    uint64_t key;
    uint64_t value;
  };

 public:
  FlatTable() : slots_(16, Entry{0, 0}) {}

  const uint64_t* Find(uint64_t key) const {
    key = Fix(key);
    for (size_t i = Home(key);; i = (i + 1) & mask()) {
      if (slots_[i].key == key) return &slots_[i].value;
      if (slots_[i].key == 0) return nullptr;
    }
  }
  uint64_t* Find(uint64_t key) {
    return const_cast<uint64_t*>(static_cast<const FlatTable*>(this)->Find(key));
  }

  // Inserts or overwrites.
  void Set(uint64_t key, uint64_t value) { *Ref(key) = value; }

  // The value of `key`, inserted as 0 when absent (like operator[]).
  uint64_t* Ref(uint64_t key) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    key = Fix(key);
    size_t i = Home(key);
    while (slots_[i].key != 0 && slots_[i].key != key) i = (i + 1) & mask();
    if (slots_[i].key == 0) {
      slots_[i] = {key, 0};
      ++size_;
    }
    return &slots_[i].value;
  }

  // Removes `key` if present; true when it was.
  bool Erase(uint64_t key) {
    key = Fix(key);
    size_t i = Home(key);
    while (slots_[i].key != key) {
      if (slots_[i].key == 0) return false;
      i = (i + 1) & mask();
    }
    // Backward shift: pull later entries of the probe run into the hole
    // when their home does not lie (cyclically) between the hole and them.
    size_t hole = i;
    for (size_t j = (i + 1) & mask(); slots_[j].key != 0; j = (j + 1) & mask()) {
      const size_t home = Home(slots_[j].key);
      const bool stays = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
      if (!stays) {
        slots_[hole] = slots_[j];
        hole = j;
      }
    }
    slots_[hole] = {0, 0};
    --size_;
    return true;
  }

  void Prefetch(uint64_t key) const { __builtin_prefetch(&slots_[Home(Fix(key))]); }

  // Calls fn(key, value&) for every entry; fn returns false to erase it.
  // (Keys are reported as stored: 0 reads as 1.)
  template <typename Fn>
  void Filter(Fn&& fn) {
    std::vector<uint64_t> doomed;
    for (auto& s : slots_) {
      if (s.key != 0 && !fn(s.key, s.value)) doomed.push_back(s.key);
    }
    for (uint64_t k : doomed) Erase(k);
  }

  size_t size() const { return size_; }
  size_t bytes() const { return slots_.capacity() * sizeof(Entry); }

 private:
  static uint64_t Fix(uint64_t key) { return key == 0 ? 1 : key; }
  size_t mask() const { return slots_.size() - 1; }
  // Keys are hashes already, but posting keys are 32-bit ids: mix so the
  // high bits matter too.
  size_t Home(uint64_t key) const {
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ULL) >> 20) & mask();
  }
  void Grow() {
    std::vector<Entry> old(slots_.size() * 2, Entry{0, 0});
    old.swap(slots_);
    for (const Entry& e : old) {
      if (e.key == 0) continue;
      size_t i = Home(e.key);
      while (slots_[i].key != 0) i = (i + 1) & mask();
      slots_[i] = e;
    }
  }

  std::vector<Entry> slots_;
  size_t size_ = 0;
};

// FlatTable split into 64 independent tables by the top bits of the mixed
// key (a FlatTable's slot comes from lower bits, so the two choices do not
// interact). Same interface. Why: a FlatTable doubles all at once, and with
// a million articles in the window the LSH band table's doubling copied
// 256 MB inside one article's assignment (a 494 ms stall at 1M, against a
// p99 of 0.1 ms); a shard doubles 1/64 of that. The price is one more load
// per probe, of a shard header that stays in cache.
class ShardedFlatTable {
 public:
  static constexpr size_t kShards = 64;

  const uint64_t* Find(uint64_t key) const { return shard(key).Find(key); }
  uint64_t* Find(uint64_t key) { return shard(key).Find(key); }
  void Set(uint64_t key, uint64_t value) { shard(key).Set(key, value); }
  uint64_t* Ref(uint64_t key) { return shard(key).Ref(key); }
  bool Erase(uint64_t key) { return shard(key).Erase(key); }
  void Prefetch(uint64_t key) const { shard(key).Prefetch(key); }

  // FlatTable::Filter() over one shard (0 <= shard < kShards): a full pass
  // is spread over time, a few shards at a time.
  template <typename Fn>
  void FilterShard(size_t shard, Fn&& fn) {
    shards_[shard].Filter(fn);
  }
  size_t shard_size(size_t shard) const { return shards_[shard].size(); }

  size_t size() const {
    size_t n = 0;
    for (const FlatTable& t : shards_) n += t.size();
    return n;
  }
  // Entries of the fullest shard: what its next doubling copies.
  size_t largest_shard() const {
    size_t n = 0;
    for (const FlatTable& t : shards_) n = std::max(n, t.size());
    return n;
  }
  size_t bytes() const {
    size_t n = sizeof(shards_);
    for (const FlatTable& t : shards_) n += t.bytes();
    return n;
  }

 private:
  static size_t Shard(uint64_t key) {
    key = key == 0 ? 1 : key;  // as FlatTable stores it
    return static_cast<size_t>((key * 0x9E3779B97F4A7C15ULL) >> 58);
  }
  FlatTable& shard(uint64_t key) { return shards_[Shard(key)]; }
  const FlatTable& shard(uint64_t key) const { return shards_[Shard(key)]; }

  FlatTable shards_[kShards];
};

// Records of type T by a number below 2^64 - 1 (the stream's arrival numbers), for
// a window that takes records in and lets them go in any order. Records
// live in a deque (growing never moves them: references stay valid, and no
// growth copies the window) with a free list for reuse; the numbers map to
// slots in a ShardedFlatTable. Why not std::unordered_map: its rehash
// relinks every node at once, an 88 ms stall inside one assignment with a
// million articles in the window.
template <typename T>
class RecordSlab {
 public:
  T* Find(uint64_t number) {
    const uint64_t* slot = slots_.Find(Key(number));
    return slot == nullptr ? nullptr : &records_[*slot];
  }
  const T* Find(uint64_t number) const {
    const uint64_t* slot = slots_.Find(Key(number));
    return slot == nullptr ? nullptr : &records_[*slot];
  }

  // The record of `number`, default-constructed when new.
  T& Insert(uint64_t number) {
    uint64_t* slot = slots_.Find(Key(number));
    if (slot != nullptr) return records_[*slot];
    uint64_t s;
    if (!free_.empty()) {
      s = free_.back();
      free_.pop_back();
      used_[s] = true;
    } else {
      s = records_.size();
      records_.emplace_back();
      used_.push_back(true);
    }
    slots_.Set(Key(number), s);
    return records_[s];
  }

  // Removes `number`'s record (reset to T{} so its memory goes now).
  void Erase(uint64_t number) {
    const uint64_t* slot = slots_.Find(Key(number));
    if (slot == nullptr) return;
    const uint64_t s = *slot;
    slots_.Erase(Key(number));
    records_[s] = T{};
    used_[s] = false;
    free_.push_back(s);
  }

  // Calls fn(record) for every record held.
  template <typename Fn>
  void ForEach(Fn&& fn) const {
    for (size_t s = 0; s < records_.size(); ++s) {
      if (used_[s]) fn(records_[s]);
    }
  }

  size_t size() const { return slots_.size(); }
  // The slab's own bytes (records' heap parts are the caller's to count).
  size_t bytes() const {
    return records_.size() * sizeof(T) + used_.capacity() / 8 + free_.capacity() * sizeof(uint64_t) +
           slots_.bytes();
  }

 private:
  // Numbers start at 0, which ShardedFlatTable would share with 1.
  static uint64_t Key(uint64_t number) { return number + 1; }

  std::deque<T> records_;
  std::vector<bool> used_;
  std::vector<uint64_t> free_;
  ShardedFlatTable slots_;
};

}  // namespace newsfuse::cluster

#endif  // NEWSFUSE_CLUSTER_FLAT_TABLE_H_
