// Background WAL checkpoints: the write connection's WAL hook wakes a
// thread that checkpoints without blocking readers or the writer.
#include "store/sqlite_store.h"

namespace newsfuse::store::sqlite {

// ~16 MB of WAL between checkpoints (the default, 1,000 pages, checkpoints
// after every few batches). Under steady ingest the checkpointer never
// catches the writer's last frames, so the WAL is never restarted: past
// kInlineCheckpointFrames (64 MB) the writer checkpoints itself, between
// its own transactions, which copies only what the checkpointer has not,
// and lets the next transaction restart the WAL from its start.
constexpr int kCheckpointFrames = 4000;
constexpr int kInlineCheckpointFrames = 16000;

int SqliteStore::OnWalCommit(void* self, sqlite3* db, const char* name, int frames) {
  auto* store = static_cast<SqliteStore*>(self);
  if (frames >= kInlineCheckpointFrames) {
    sqlite3_wal_checkpoint_v2(db, name, SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
  } else if (frames >= kCheckpointFrames) {
    std::lock_guard<std::mutex> lock(store->checkpoint_mu_);
    store->checkpoint_wanted_ = true;
    store->checkpoint_cv_.notify_one();
  }
  return SQLITE_OK;
}

void SqliteStore::CheckpointLoop() {
  std::unique_lock<std::mutex> lock(checkpoint_mu_);
  while (true) {
    checkpoint_cv_.wait(lock, [&] { return checkpoint_wanted_ || stopping_; });
    if (stopping_) return;
    checkpoint_wanted_ = false;
    lock.unlock();
    // PASSIVE: copies what no reader still needs and never blocks anyone.
    sqlite3_wal_checkpoint_v2(checkpoint_db_, "main", SQLITE_CHECKPOINT_PASSIVE, nullptr, nullptr);
    lock.lock();
  }
}

}  // namespace newsfuse::store::sqlite
