// File: store/story_row_json.h
//
// A stored story's row as JSON fields (id, headline, articles, outlets,
// first_published, last_published, updated), and a recorded correction's:
// one writer for the HTTP API and the CLI verbs, so both print them alike.
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

// A recorded correction's fields (at, field, before, after) into the
// object `w` has open: the API and the `article` verb print changes alike.
void WriteArticleChangeFields(const ArticleChange& change, base::JsonWriter& w);

}  // namespace newsfuse::store

#endif  // NEWSFUSE_STORE_STORY_ROW_JSON_H_
