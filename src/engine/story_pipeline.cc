#include "engine/story_pipeline.h"

#include <cstdio>
#include <utility>

#include "extract/article_analysis.h"
#include "synthesize/story_builder.h"

namespace newsfuse::engine {

void EntityModel::Load() {
  std::call_once(once_, [this] {
    const std::string model = path_.empty() ? extract::EntityTagger::DefaultModelPath() : path_;
    Result<std::unique_ptr<extract::EntityTagger>> tagger = extract::EntityTagger::Load(model);
    if (tagger.ok()) {
      tagger_ = std::move(*tagger);
    } else {
      status_ = tagger.status();
      return;  // no entities at all: the place list would type nothing
    }
    const std::string list = place_list_.empty() ? extract::PlaceGazetteer::PathBesideModel(model) : place_list_;
    places_ = extract::PlaceGazetteer::FromFile(list);
    // Without the list the briefing still works but types fewer places: say
    // so once rather than degrade in silence.
    if (places_.size() == 0) {
      std::fprintf(stderr, "newsfuse: warning: %s: place list not found or empty; places are typed by the tagger alone\n",
                   list.c_str());
    }
  });
}

const extract::PlaceGazetteer& EntityModel::places() {
  Load();
  return places_;
}

const extract::EntityTagger* EntityModel::Get() {
  Load();
  return tagger_.get();
}

Status EntityModel::status() {
  Load();
  return status_;
}

Story BriefStory(std::string id, const std::vector<Article>& articles,
                 const std::vector<std::optional<size_t>>& copy_of, const extract::EntityTagger* tagger,
                 const extract::PlaceGazetteer* places, const PipelineOptions& options) {
  extract::AnalysisOptions analysis;
  analysis.tagger = tagger;
  analysis.threads = options.threads;
  analysis.fallback_anchor = extract::MedianPublicationDate(articles);
  const std::vector<extract::ArticleAnalysis> analyses = extract::AnalyzeArticles(articles, analysis);
  std::vector<const extract::ArticleAnalysis*> members;
  members.reserve(analyses.size());
  for (const auto& a : analyses) members.push_back(&a);
  synthesize::StoryOptions story;
  story.summary.max_words = options.summary_words;
  story.places = places;
  if (options.fact_threshold) story.align.threshold = *options.fact_threshold;
  if (options.fact_support_threshold) story.support.threshold = *options.fact_support_threshold;
  if (options.citation_overlap) story.support.min_overlap = *options.citation_overlap;
  return synthesize::BuildStory(std::move(id), members, copy_of, story);
}

}  // namespace newsfuse::engine
