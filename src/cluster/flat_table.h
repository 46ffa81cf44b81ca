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
// tombstones, so a table with heavy churn never degrades), growth spread
// over the writes that follow it (see Grow()). Key 0 marks an
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
#include <cstdlib>
#include <deque>
#include <new>
#include <utility>
#include <vector>

namespace newsfuse::cluster {

class FlatTable {
  struct Entry {
    uint64_t key;
    uint64_t value;
  };

 public:
  FlatTable() : slots_(kMinSlots) {}
  FlatTable(const FlatTable&) = delete;
  FlatTable& operator=(const FlatTable&) = delete;

  const uint64_t* Find(uint64_t key) const {
    key = Fix(key);
    if (const uint64_t* v = slots_.Find(key)) return v;
    return old_.empty() ? nullptr : old_.Find(key);
  }
  uint64_t* Find(uint64_t key) {
    return const_cast<uint64_t*>(static_cast<const FlatTable*>(this)->Find(key));
  }

  // Inserts or overwrites.
  void Set(uint64_t key, uint64_t value) { *Ref(key) = value; }

  // The value of `key`, inserted as 0 when absent (like operator[]).
  uint64_t* Ref(uint64_t key) {
    key = Fix(key);
    if (!old_.empty()) {
      Migrate(kMigrateStep);
      if (!old_.empty()) {
        if (const uint64_t* v = old_.Find(key)) return const_cast<uint64_t*>(v);
      }
    }
    if ((slots_.live + 1) * 2 > slots_.size()) Grow();
    return slots_.Insert(key);
  }

  // Removes `key` if present; true when it was.
  bool Erase(uint64_t key) {
    key = Fix(key);
    if (!old_.empty()) {
      Migrate(kMigrateStep);
      if (!old_.empty() && old_.Bury(key)) return true;
    }
    return slots_.Erase(key);
  }

  void Prefetch(uint64_t key) const { slots_.Prefetch(Fix(key)); }

  // Calls fn(key, value&) for every entry; fn returns false to erase it.
  // (Keys are reported as stored: 0 reads as 1.)
  template <typename Fn>
  void Filter(Fn&& fn) {
    std::vector<uint64_t> doomed;
    for (Slots* t : {&slots_, &old_}) {
      for (size_t i = 0; i < t->size(); ++i) {
        Entry& s = t->at(i);
        if (s.key != 0 && !fn(s.key, s.value)) doomed.push_back(s.key);
      }
    }
    for (uint64_t k : doomed) Erase(k);
  }

  size_t size() const { return slots_.live + old_.live; }
  size_t bytes() const { return (slots_.size() + old_.size()) * sizeof(Entry); }

 private:
  static constexpr size_t kMinSlots = 16;
  // Old slots moved per write while a growth is under way. The new table
  // has room for as many more entries as the old one has slots / 2, so 4
  // slots per write empties the old table well before the new one fills.
  static constexpr size_t kMigrateStep = 4;
  // A slot emptied in the old table during a growth: its key is 0 like an
  // empty slot, its value this, so probes walk past it.
  static constexpr uint64_t kBuried = ~uint64_t{0};

  // One open-addressing array: linear probing, backward-shift deletion
  // (so a table with heavy churn never degrades), load at most 1/2. Its
  // memory comes from calloc: a large array is mapped zero pages, touched
  // as entries arrive rather than all at once when it is made.
  class Slots {
   public:
    Slots() = default;
    explicit Slots(size_t n) : data_(static_cast<Entry*>(std::calloc(n, sizeof(Entry)))), size_(n) {
      if (data_ == nullptr) throw std::bad_alloc();
    }
    Slots(Slots&& o) noexcept : live(o.live), data_(o.data_), size_(o.size_) {
      o.data_ = nullptr;
      o.size_ = 0;
      o.live = 0;
    }
    Slots& operator=(Slots&& o) noexcept {
      std::swap(data_, o.data_);
      std::swap(size_, o.size_);
      std::swap(live, o.live);
      return *this;
    }
    ~Slots() { std::free(data_); }

    bool empty() const { return size_ == 0; }
    size_t size() const { return size_; }
    Entry& at(size_t i) { return data_[i]; }

    const uint64_t* Find(uint64_t key) const {
      for (size_t i = Home(key);; i = (i + 1) & mask()) {
        if (data_[i].key == key) return &data_[i].value;
        if (data_[i].key == 0 && data_[i].value != kBuried) return nullptr;
      }
    }
    uint64_t* Insert(uint64_t key) {
      size_t i = Home(key);
      while (data_[i].key != 0 && data_[i].key != key) i = (i + 1) & mask();
      if (data_[i].key == 0) {
        data_[i] = {key, 0};
        ++live;
      }
      return &data_[i].value;
    }
    bool Erase(uint64_t key) {
      size_t i = Home(key);
      while (data_[i].key != key) {
        if (data_[i].key == 0) return false;
        i = (i + 1) & mask();
      }
      // Backward shift: pull later entries of the probe run into the hole
      // when their home does not lie (cyclically) between the hole and them.
      size_t hole = i;
      for (size_t j = (i + 1) & mask(); data_[j].key != 0; j = (j + 1) & mask()) {
        const size_t home = Home(data_[j].key);
        const bool stays = hole <= j ? (hole < home && home <= j) : (hole < home || home <= j);
        if (!stays) {
          data_[hole] = data_[j];
          hole = j;
        }
      }
      data_[hole] = {0, 0};
      --live;
      return true;
    }
    // Erase for the old table of a growth: the slot is marked, not shifted
    // into, so the migration's scan position stays valid.
    bool Bury(uint64_t key) {
      for (size_t i = Home(key);; i = (i + 1) & mask()) {
        if (data_[i].key == key) {
          data_[i] = {0, kBuried};
          --live;
          return true;
        }
        if (data_[i].key == 0 && data_[i].value != kBuried) return false;
      }
    }
    void Prefetch(uint64_t key) const { __builtin_prefetch(&data_[Home(key)]); }

    size_t live = 0;  // entries held

   private:
    size_t mask() const { return size_ - 1; }
    // Keys are hashes already, but posting keys are 32-bit ids: mix so the
    // high bits matter too.
    size_t Home(uint64_t key) const {
      return static_cast<size_t>((key * 0x9E3779B97F4A7C15ULL) >> 20) & mask();
    }
    Entry* data_ = nullptr;
    size_t size_ = 0;
  };

  static uint64_t Fix(uint64_t key) { return key == 0 ? 1 : key; }

  // Doubling, spread over the writes that follow: the entries move a few
  // slots per write (Migrate) instead of all inside one. Why: the LSH band
  // table of a million-article window holds 16 million entries; even split
  // in 64 shards, a shard's doubling moved 8 MB inside one assignment, and
  // the shards, filled evenly, doubled in the same few assignments (a
  // 537 ms worst case at 1M articles).
  void Grow() {
    if (!old_.empty()) Migrate(old_.size());  // (not reached: see kMigrateStep)
    old_ = std::move(slots_);
    slots_ = Slots(old_.size() * 2);
    migrated_ = 0;
    if (old_.size() <= kMinSlots * 4) Migrate(old_.size());  // small: at once
  }

  void Migrate(size_t step) {
    const size_t end = std::min(old_.size(), migrated_ + step);
    for (; migrated_ < end; ++migrated_) {
      Entry& e = old_.at(migrated_);
      if (e.key == 0) continue;
      *slots_.Insert(e.key) = e.value;
      e = {0, kBuried};  // found in one table only (probe runs stay intact)
      --old_.live;
    }
    if (migrated_ == old_.size()) old_ = Slots();
  }

  Slots slots_;
  Slots old_;  // while a growth is under way: the entries not moved yet
  size_t migrated_ = 0;  // old slots scanned so far
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
