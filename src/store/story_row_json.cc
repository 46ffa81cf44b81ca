#include "store/story_row_json.h"

namespace newsfuse::store {

void WriteStoryRowFields(const StoryRow& row, base::JsonWriter& w) {
  w.Field("id", row.id);
  w.Field("headline", row.headline);
  w.Key("articles");
  w.Int(static_cast<int64_t>(row.article_count));
  w.StringArray("outlets", row.outlets);
  w.OptionalField("first_published", row.first_published);
  w.OptionalField("last_published", row.last_published);
  w.Key("updated");
  w.Int(row.updated_unix);
}

void WriteStoryRows(const std::vector<StoryRow>& rows, base::JsonWriter& w) {
  w.BeginArray();
  for (const StoryRow& row : rows) {
    w.BeginObject();
    WriteStoryRowFields(row, w);
    w.EndObject();
  }
  w.EndArray();
}

void WriteArticleChangeFields(const ArticleChange& change, base::JsonWriter& w) {
  w.Key("at");
  w.Int(change.at_unix);
  w.Field("field", change.field);
  w.Field("before", change.before);
  w.Field("after", change.after);
}

}  // namespace newsfuse::store
