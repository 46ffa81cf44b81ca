// File: engine/engine_internal.h
//
// What the engine lends inside the project and does not publish: the hooks
// that make a store (store/store.h) assign stories and build briefings with
// the engine's pipeline, and an engine over a store that is already open
// (the service's tests give it a fake one).
//
//   StorePipeline pipeline(engine_options);
//   store::StoreOptions store_options;
//   pipeline.Attach(&store_options);   // must outlive the store
//   auto store = store::Store::Open("news.db", store_options);
#ifndef NEWSFUSE_ENGINE_ENGINE_INTERNAL_H_
#define NEWSFUSE_ENGINE_ENGINE_INTERNAL_H_

#include <memory>
#include <string>
#include <vector>

#include "cluster/cluster_articles.h"
#include "cluster/cluster_options.h"
#include "engine/clustering_assigner.h"
#include "engine/story_pipeline.h"
#include "newsfuse/engine.h"
#include "store/store.h"

namespace newsfuse::engine {

// The pipeline as the store calls it: the clusterer that assigns stories,
// and the briefing of a stored story as brief-json.md JSON.
class StorePipeline {
 public:
  StorePipeline(const EngineOptions& options, const cluster::ClusterOptions& cluster);
  explicit StorePipeline(const EngineOptions& options);

  // Sets the store options' assigner and briefing builder to this
  // pipeline's, with its thread count and briefing size.
  void Attach(store::StoreOptions* options);

  Result<std::string> BriefingJson(const std::string& story_id, std::vector<Article> members);
  EntityModel& entity_model() { return model_; }

 private:
  PipelineOptions pipeline_;
  EngineOptions options_;
  double duplicate_jaccard_;
  EntityModel model_;
  ClusteringAssigner assigner_;
};

// The cluster options EngineOptions asks for.
cluster::ClusterOptions ClusterOptionsFor(const EngineOptions& options);
PipelineOptions PipelineOptionsFor(const EngineOptions& options);

// An engine over an open store, not owned: it must outlive the engine, and
// stories and briefings are whatever that store makes of them.
std::unique_ptr<Engine> EngineOverStore(store::Store* store, const EngineOptions& options = {});

ClusterIssues ToClusterIssues(const cluster::InputIssueCounts& counts);

// The batch clusterer's groups and report over `articles` articles as the
// engine's Clustering (Engine::ClusterArticles; the Python module's reduce).
Clustering ToClustering(std::vector<cluster::StoryGroup> groups, const cluster::ClusterReport& report,
                        size_t articles);

// Engine::OpenStream over these cluster options (story_stream.cc).
Result<std::unique_ptr<StoryStream>> OpenStoryStream(cluster::ClusterOptions options, StreamOptions stream);

// The same as Engine::Open with cluster options beyond EngineOptions' (the
// store benchmark's synthetic day lies in the future).
Result<std::unique_ptr<Engine>> OpenEngine(const EngineOptions& options, const cluster::ClusterOptions& cluster);

}  // namespace newsfuse::engine

#endif  // NEWSFUSE_ENGINE_ENGINE_INTERNAL_H_
