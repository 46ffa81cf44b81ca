// File: store/story_row_json.h
//
// A stored story's row as JSON fields (id, headline, articles, outlets,
// first_published, last_published, updated): one writer for the HTTP API
// and the `stories` verb, so both print a story the same way.
#ifndef NEWSFUSE_STORE_STORY_ROW_JSON_H_
#define NEWSFUSE_STORE_STORY_ROW_JSON_H_

#include <vector>

#include "base/json_writer.h"
#include "store/store.h"

namespace newsfuse::store {

// Writes the fields into the object `w` has open.
void WriteStoryRowFields(const StoryRow& row, base::JsonWriter& w);

// Writes the rows as an array of such objects at `w`'s current position.
void WriteStoryRows(const std::vector<StoryRow>& rows, base::JsonWriter& w);

}  // namespace newsfuse::store

#endif  // NEWSFUSE_STORE_STORY_ROW_JSON_H_
