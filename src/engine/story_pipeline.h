// File: engine/story_pipeline.h
//
// The stages after grouping, for one story: analyse each article
// (extract/article_analysis.h: sentences, entities, quotes, dates) and
// synthesize the story (synthesize/story_builder.h). `brief`, the store's
// briefings and the library all brief a story through BriefStory.
//
//   EntityModel model(options.ner_model, options.place_list);
//   Story story = BriefStory("story-1", articles, copy_of, model.Get(), &model.places(), pipeline_options);
#ifndef NEWSFUSE_ENGINE_STORY_PIPELINE_H_
#define NEWSFUSE_ENGINE_STORY_PIPELINE_H_

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "extract/entity_tagger.h"
#include "extract/place_gazetteer.h"
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

// The entity tagger and the place list the story's entities are typed with
// (extract/place_gazetteer.h), loaded at first use (a process that only
// ingests never reads them). Thread-safe.
class EntityModel {
 public:
  // Empty paths: EntityTagger::DefaultModelPath() and the places-en.txt
  // beside the tagger model.
  EntityModel(std::string path, std::string place_list)
      : path_(std::move(path)), place_list_(std::move(place_list)) {}
  // Null when the model could not be loaded (status() says why): briefings
  // then leave entities out.
  const extract::EntityTagger* Get();
  Status status();
  // Empty when the list could not be read (a warning says so once): places
  // the tagger knows stay places, fewer others are typed as places.
  const extract::PlaceGazetteer& places();

 private:
  void Load();
  const std::string path_;
  const std::string place_list_;
  std::once_flag once_;
  std::unique_ptr<extract::EntityTagger> tagger_;
  extract::PlaceGazetteer places_;
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
                 const extract::PlaceGazetteer* places, const PipelineOptions& options);

}  // namespace newsfuse::engine

#endif  // NEWSFUSE_ENGINE_STORY_PIPELINE_H_
