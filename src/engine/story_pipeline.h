// File: engine/story_pipeline.h
//
// The stages after grouping, for one story: analyse each article
// (extract/article_analysis.h: sentences, entities, quotes, dates) and
// synthesize the story (synthesize/story_builder.h). `brief`, the store's
// briefings and the library all brief a story through BriefStory.
//
//   EntityModel model(options.ner_model);
//   Story story = BriefStory("story-1", articles, model.Get(), pipeline_options);
#ifndef NEWSFUSE_ENGINE_STORY_PIPELINE_H_
#define NEWSFUSE_ENGINE_STORY_PIPELINE_H_

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "extract/entity_tagger.h"
#include "newsfuse/article.h"
#include "newsfuse/brief.h"
#include "newsfuse/status.h"

namespace newsfuse::engine {

struct PipelineOptions {
  int summary_words = 100;
  std::optional<float> fact_threshold;  // unset: synthesize's default
  std::optional<float> fact_support_threshold;
  std::optional<float> citation_overlap;
  unsigned threads = 0;                 // analysis threads (0: all cores)
};

// The entity tagger, loaded at first use (a process that only ingests never
// reads the model). Thread-safe.
class EntityModel {
 public:
  explicit EntityModel(std::string path) : path_(std::move(path)) {}
  // Null when the model could not be loaded (status() says why): briefings
  // then leave entities out.
  const extract::EntityTagger* Get();
  Status status();

 private:
  void Load();
  const std::string path_;  // empty: EntityTagger::DefaultModelPath()
  std::once_flag once_;
  std::unique_ptr<extract::EntityTagger> tagger_;
  Status status_;
};

// The briefing of one story told by `articles` (in the order the synthesis
// should see them: input or ingest order), whose near-copies were decided
// where it was grouped: copy_of[i] is the index of the article that
// article i reprints (cluster/near_copies.h). Relative dates ("on
// Tuesday") in an undated article resolve against the story's median
// publication date.
Story BriefStory(std::string id, const std::vector<Article>& articles,
                 const std::vector<std::optional<size_t>>& copy_of, const extract::EntityTagger* tagger,
                 const PipelineOptions& options);

}  // namespace newsfuse::engine

#endif  // NEWSFUSE_ENGINE_STORY_PIPELINE_H_
