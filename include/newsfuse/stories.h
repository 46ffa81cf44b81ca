// File: newsfuse/stories.h
//
// What a store of articles answers (newsfuse/engine.h): the outcome of
// adding a batch, the stories with their counts and dates, a stored article
// with the corrections it received.
#ifndef NEWSFUSE_STORIES_H_
#define NEWSFUSE_STORIES_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "newsfuse/article.h"

namespace newsfuse {

enum class IngestOutcome {
  kInserted,          // new article
  kUnchanged,         // same id, same content: nothing written
  kUpdated,           // same id, new content: a correction (changes recorded)
  kDuplicateContent,  // another id already has this exact body: kept as its copy
};
const char* IngestOutcomeName(IngestOutcome outcome);  // "inserted", ...

struct ArticleOutcome {
  std::string id;
  IngestOutcome outcome = IngestOutcome::kInserted;
  std::string story_id;      // the story it belongs to ("" if none)
  std::string duplicate_of;  // for a copy (kDuplicateContent, or kUnchanged again): the original's id
};

struct IngestResult {
  std::vector<ArticleOutcome> articles;  // one per input article, input order
  size_t inserted = 0, unchanged = 0, updated = 0, duplicates = 0;
};

enum class StorySort { kRecent, kLargest };

struct StoryQuery {
  StorySort sort = StorySort::kRecent;
  std::string text;    // words that must appear in a member's title or body (FTS)
  std::string entity;  // a name that must appear in a member article
  size_t limit = 50;   // at most 500
  size_t offset = 0;
};

struct StoryRow {
  std::string id;
  std::string headline;
  size_t article_count = 0;
  std::vector<std::string> outlets;
  std::optional<std::string> first_published;  // "YYYY-MM-DD[THH:MM]"
  std::optional<std::string> last_published;
  int64_t updated_unix = 0;  // last change to its membership or contents
};

struct ArticleChange {
  std::string article_id;
  int64_t at_unix = 0;
  std::string field;   // "title", "figure", "quote", "text", "published", "outlet"
  std::string before;
  std::string after;
};

struct StoredArticle {
  Article article;
  std::string story_id;
  int64_t ingested_unix = 0;
  std::vector<ArticleChange> changes;  // oldest first
};

struct StoreStats {
  size_t articles = 0, stories = 0, changes = 0;
  size_t copies = 0;  // byte-identical copies kept (not in `articles`)
};

}  // namespace newsfuse

#endif  // NEWSFUSE_STORIES_H_
