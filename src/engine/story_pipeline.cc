#include "engine/story_pipeline.h"

#include <utility>

#include "extract/article_analysis.h"
#include "synthesize/story_builder.h"

namespace newsfuse::engine {

void EntityModel::Load() {
  std::call_once(once_, [this] {
    Result<std::unique_ptr<extract::EntityTagger>> tagger =
        extract::EntityTagger::Load(path_.empty() ? extract::EntityTagger::DefaultModelPath() : path_);
    if (tagger.ok()) {
      tagger_ = std::move(*tagger);
    } else {
      status_ = tagger.status();
    }
  });
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
                 const PipelineOptions& options) {
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
  if (options.fact_threshold) story.align.threshold = *options.fact_threshold;
  if (options.fact_support_threshold) story.support.threshold = *options.fact_support_threshold;
  if (options.citation_overlap) story.support.min_overlap = *options.citation_overlap;
  return synthesize::BuildStory(std::move(id), members, copy_of, story);
}

}  // namespace newsfuse::engine
