// Engine (newsfuse/engine.h): the pipeline over sets of articles, and over a
// store through the hooks of engine_internal.h.
#include <algorithm>
#include <exception>
#include <unordered_map>
#include <utility>

#include "cluster/cluster_articles.h"
#include "cluster/near_copies.h"
#include "engine/article_sketch.h"
#include "engine/engine_internal.h"
#include "ingest/corpus_loader.h"
#include "ingest/reporter.h"
#include "render/brief_json.h"
#include "render/brief_markdown.h"

namespace newsfuse {

ReadResult ReadArticles(const std::vector<std::string>& inputs) {
  ingest::CountingReporter reporter(/*echo_to_stderr=*/true);
  ingest::Corpus corpus = ingest::LoadCorpus(inputs, ingest::LoadOptions(), reporter);
  return ReadResult{std::move(corpus.articles), reporter.skipped()};
}

std::string BriefToJson(const Brief& brief) { return render::BriefToJson(brief); }
std::string BriefToMarkdown(const Brief& brief) { return render::BriefToMarkdown(brief); }

struct Engine::Impl {
  Impl(const EngineOptions& o, const cluster::ClusterOptions& c)
      : options(o), cluster(c), pipeline(o, c) {}

  EngineOptions options;
  cluster::ClusterOptions cluster;
  engine::StorePipeline pipeline;  // its entity model serves BriefArticles too
  std::unique_ptr<store::Store> owned_store;
  store::Store* store = nullptr;

  Status NoStore() const { return Status::FailedPrecondition("engine", "opened without a store (no db)"); }
};

Engine::Engine(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Engine::~Engine() = default;

Result<std::unique_ptr<Engine>> Engine::Open(const EngineOptions& options) {
  return engine::OpenEngine(options, engine::ClusterOptionsFor(options));
}

Result<Clustering> Engine::ClusterArticles(const std::vector<Article>& articles) {
  cluster::ClusterReport report;
  std::vector<cluster::StoryGroup> groups = cluster::ClusterArticles(articles, impl_->cluster, &report);
  return engine::ToClustering(std::move(groups), report, articles.size());
}

std::vector<ArticleSketch> Engine::SketchArticles(const std::vector<Article>& articles, size_t names,
                                                  size_t words) {
  return engine::SketchArticles(articles, impl_->cluster, names, words);
}

Result<std::unique_ptr<StoryStream>> Engine::OpenStream(StreamOptions options) {
  return engine::OpenStoryStream(impl_->cluster, std::move(options));
}

Result<Brief> Engine::BriefArticles(const std::vector<Article>& articles, bool one_story) {
  if (articles.empty()) return Status::InvalidArgument("brief", "no articles");
  // Stories: member indices into `articles`, each in input order (the order
  // the synthesis sees does not depend on how many stories there are), and
  // the near-copies among them, decided where the story is grouped: by the
  // clusterer, or for a story taken as given by FindNearCopies.
  struct Grouped {
    std::vector<size_t> members;
    std::vector<std::optional<size_t>> copy_of;  // per member, a member index
  };
  std::vector<Grouped> stories;
  if (articles.size() == 1 || one_story) {
    Grouped& all = stories.emplace_back();
    all.members.resize(articles.size());
    for (size_t i = 0; i < articles.size(); ++i) all.members[i] = i;
    all.copy_of = cluster::FindNearCopies(articles, impl_->cluster.duplicate_jaccard);
  } else {
    for (const cluster::StoryGroup& g : cluster::ClusterArticles(articles, impl_->cluster)) {
      Grouped& story = stories.emplace_back();
      story.members = g.members;
      std::sort(story.members.begin(), story.members.end());
      // The clusterer's own near-copy decisions, carried with the story (a
      // copy whose original went to another story is an original here).
      std::unordered_map<size_t, size_t> position;  // input index -> member index
      for (size_t k = 0; k < story.members.size(); ++k) position[story.members[k]] = k;
      story.copy_of.resize(story.members.size());
      for (size_t k = 0; k < g.members.size(); ++k) {
        if (!g.duplicate_of[k]) continue;
        auto original = position.find(*g.duplicate_of[k]);
        if (original != position.end()) story.copy_of[position[g.members[k]]] = original->second;
      }
    }
    // Largest first; ties by first article in the input.
    std::stable_sort(stories.begin(), stories.end(),
                     [](const auto& a, const auto& b) { return a.members.size() > b.members.size(); });
  }
  const extract::EntityTagger* tagger = impl_->pipeline.entity_model().Get();
  const extract::PlaceGazetteer* places = &impl_->pipeline.entity_model().places();
  const engine::PipelineOptions pipeline = engine::PipelineOptionsFor(impl_->options);
  Brief brief;
  for (size_t s = 0; s < stories.size(); ++s) {
    // Each story is analysed on its own: relative dates in an undated
    // article resolve against the median date of its own story.
    // One story that cannot be built is reported and left out; the others
    // are still briefed.
    const std::string id = "story-" + std::to_string(s + 1);
    try {
      std::vector<Article> members;
      members.reserve(stories[s].members.size());
      for (size_t i : stories[s].members) members.push_back(articles[i]);
      brief.stories.push_back(engine::BriefStory(id, members, stories[s].copy_of, tagger, places, pipeline));
    } catch (const std::exception& e) {
      brief.skipped.push_back(id + " (" + std::to_string(stories[s].members.size()) +
                              " article(s)) skipped: " + e.what());
    }
  }
  return brief;
}

Status Engine::EntityModelStatus() { return impl_->pipeline.entity_model().status(); }

#define NF_WITH_STORE(call)                     \
  if (impl_->store == nullptr) return impl_->NoStore(); \
  return impl_->store->call

Result<IngestResult> Engine::AddArticles(std::vector<Article> batch) { NF_WITH_STORE(Ingest(std::move(batch))); }
Result<IngestResult> Engine::AddArticles(std::vector<Article> batch, const std::function<void()>& before_write) {
  NF_WITH_STORE(Ingest(std::move(batch), before_write));
}
Result<std::vector<StoryRow>> Engine::ListStories(const StoryQuery& query) { NF_WITH_STORE(ListStories(query)); }
Result<std::optional<StoryRow>> Engine::GetStory(const std::string& story_id) { NF_WITH_STORE(GetStory(story_id)); }
Result<std::optional<StoredArticle>> Engine::GetArticle(const std::string& article_id) {
  NF_WITH_STORE(GetArticle(article_id));
}
Result<std::vector<ArticleChange>> Engine::StoryChanges(const std::string& story_id) {
  NF_WITH_STORE(StoryChanges(story_id));
}
Result<std::optional<std::string>> Engine::BriefingJson(const std::string& story_id) {
  NF_WITH_STORE(BriefingJson(story_id));
}
Result<StoreStats> Engine::Stats() { NF_WITH_STORE(Stats()); }
Result<std::vector<std::string>> Engine::CheckIntegrity() { NF_WITH_STORE(CheckIntegrity()); }
Status Engine::ForEachArticleId(const std::function<void(std::string_view id)>& fn) {
  NF_WITH_STORE(ForEachArticleId(fn));
}
Status Engine::ForEachMember(const store::Store::MemberFn& fn) { NF_WITH_STORE(ForEachMember(fn)); }
Status Engine::WaitForIndex() { NF_WITH_STORE(WaitForIndex()); }

#undef NF_WITH_STORE

namespace engine {

Clustering ToClustering(std::vector<cluster::StoryGroup> groups, const cluster::ClusterReport& report,
                        size_t articles) {
  Clustering out;
  out.stories.reserve(groups.size());
  for (cluster::StoryGroup& g : groups) {
    out.stories.push_back(ArticleCluster{std::move(g.id), std::move(g.members), std::move(g.duplicate_of),
                                         std::move(g.headline), std::move(g.outlets),
                                         std::move(g.first_published), std::move(g.last_published)});
  }
  for (size_t i = 0; i < articles && i < report.article_issues.size(); ++i) {
    if (report.article_issues[i] & cluster::kDuplicateId) out.repeated_ids.push_back(i);
  }
  out.issues = ToClusterIssues(report.issues);
  return out;
}

cluster::ClusterOptions ClusterOptionsFor(const EngineOptions& options) {
  cluster::ClusterOptions cluster;
  cluster.threads = options.threads;
  if (options.cluster_threshold) {
    cluster.assign_threshold = *options.cluster_threshold;
    cluster.merge_threshold = *options.cluster_threshold;
  }
  if (options.regroup_window_articles) cluster.regroup_window_articles = *options.regroup_window_articles;
  return cluster;
}

PipelineOptions PipelineOptionsFor(const EngineOptions& options) {
  PipelineOptions pipeline;
  pipeline.summary_words = options.summary_words;
  pipeline.fact_threshold = options.fact_threshold;
  pipeline.fact_support_threshold = options.fact_support_threshold;
  pipeline.citation_overlap = options.citation_overlap;
  pipeline.threads = options.threads;
  return pipeline;
}

StorePipeline::StorePipeline(const EngineOptions& options, const cluster::ClusterOptions& cluster)
    : pipeline_(PipelineOptionsFor(options)),
      options_(options),
      duplicate_jaccard_(cluster.duplicate_jaccard),
      model_(options.ner_model, options.place_list),
      assigner_(cluster) {}

StorePipeline::StorePipeline(const EngineOptions& options) : StorePipeline(options, ClusterOptionsFor(options)) {}

void StorePipeline::Attach(store::StoreOptions* options) {
  options->assigner = &assigner_;
  options->build_briefing = [this](const std::string& story_id, std::vector<Article> members) {
    return BriefingJson(story_id, std::move(members));
  };
  options->threads = options_.threads;
  options->briefing_max_articles = options_.briefing_max_articles;
}

Result<std::string> StorePipeline::BriefingJson(const std::string& story_id, std::vector<Article> members) {
  Brief brief;
  // The stored story's near-copies are decided over the members it briefs.
  const std::vector<std::optional<size_t>> copy_of = cluster::FindNearCopies(members, duplicate_jaccard_);
  brief.stories.push_back(BriefStory(story_id, members, copy_of, model_.Get(), &model_.places(), pipeline_));
  return render::BriefToJson(brief);
}

std::unique_ptr<Engine> EngineOverStore(store::Store* store, const EngineOptions& options) {
  auto impl = std::make_unique<Engine::Impl>(options, ClusterOptionsFor(options));
  impl->store = store;
  return std::make_unique<Engine>(std::move(impl));
}

Result<std::unique_ptr<Engine>> OpenEngine(const EngineOptions& options, const cluster::ClusterOptions& cluster) {
  auto impl = std::make_unique<Engine::Impl>(options, cluster);
  if (!options.db.empty()) {
    store::StoreOptions store_options;
    store_options.sync_full = options.sync_full;
    store_options.must_exist = options.must_exist;
    store_options.read_only = options.read_only;
    impl->pipeline.Attach(&store_options);
    Result<std::unique_ptr<store::Store>> opened = store::Store::Open(options.db, store_options);
    if (!opened.ok()) return opened.status();
    impl->owned_store = std::move(*opened);
    impl->store = impl->owned_store.get();
  }
  auto engine = std::make_unique<Engine>(std::move(impl));
  if (options.require_entity_model) {
    if (Status model = engine->EntityModelStatus(); !model.ok()) return model;
  }
  return engine;
}

}  // namespace engine
}  // namespace newsfuse
