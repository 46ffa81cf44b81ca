// `newsfuse brief DIR|FILES... [--format json|markdown]`: reads the articles,
// groups them into stories (cluster/cluster_articles.h), analyses them and
// prints one briefing per story, largest story first. A corpus of one event
// (the usual case: a folder of one story's articles) is one story.
#include <algorithm>
#include <iostream>

#include "cli/commands.h"
#include "cluster/cluster_articles.h"
#include "extract/article_analysis.h"
#include "ingest/corpus_loader.h"
#include "render/brief_json.h"
#include "render/brief_markdown.h"
#include "synthesize/story_builder.h"

namespace newsfuse::cli {

namespace {

struct BriefFlags {
  std::vector<std::string> inputs;
  std::string format = "markdown";
  int summary_words = 100;
  unsigned threads = 0;
  std::string ner_model;
  float fact_threshold = synthesize::AlignOptions().threshold;
  bool one_story = false;
};

int RunBrief(const BriefFlags& flags) {
  ingest::CountingReporter reporter(/*echo_to_stderr=*/true);
  ingest::LoadOptions load;
  ingest::Corpus corpus = ingest::LoadCorpus(flags.inputs, load, reporter);
  if (corpus.articles.empty()) {
    PrintError(Status::NotFound("brief", "no article could be read (" + std::to_string(reporter.skipped()) +
                                             " input(s) skipped)"));
    return 1;
  }
  if (reporter.skipped() > 0) {
    std::cerr << "newsfuse: read " << corpus.articles.size() << " article(s); skipped "
              << reporter.skipped() << "\n";
  }
  Result<std::unique_ptr<extract::EntityTagger>> tagger =
      extract::EntityTagger::Load(flags.ner_model.empty() ? extract::EntityTagger::DefaultModelPath()
                                                          : flags.ner_model);
  if (!tagger.ok()) {
    // Without the model the briefing still has its summary and facts; say so.
    std::cerr << "newsfuse: " << tagger.status().ToString() << " (entities left out)\n";
  }
  extract::AnalysisOptions analysis;
  analysis.tagger = tagger.ok() ? tagger->get() : nullptr;
  analysis.threads = flags.threads;

  // Stories: member indices into corpus.articles, each in input order (the
  // order the synthesis sees does not depend on how many stories there are).
  std::vector<std::vector<size_t>> stories;
  if (corpus.articles.size() == 1 || flags.one_story) {
    stories.emplace_back(corpus.articles.size());
    for (size_t i = 0; i < corpus.articles.size(); ++i) stories[0][i] = i;
  } else {
    cluster::ClusterOptions cluster_options;
    cluster_options.threads = flags.threads;
    for (const cluster::StoryGroup& g : cluster::ClusterArticles(corpus.articles, cluster_options)) {
      stories.push_back(g.members);
      std::sort(stories.back().begin(), stories.back().end());
    }
    // Largest first; ties by first article in the input.
    std::stable_sort(stories.begin(), stories.end(),
                     [](const auto& a, const auto& b) { return a.size() > b.size(); });
    if (stories.size() > 1) {
      std::cerr << "newsfuse: " << corpus.articles.size() << " articles in " << stories.size()
                << " stories\n";
    }
  }

  synthesize::StoryOptions options;
  options.summary.max_words = flags.summary_words;
  options.align.threshold = flags.fact_threshold;
  Brief brief;
  for (size_t s = 0; s < stories.size(); ++s) {
    // Each story is analysed on its own: relative dates ("on Tuesday") in an
    // undated article resolve against the median date of its own story.
    // One story that cannot be built (std::bad_alloc) is reported and left
    // out; the others are still written.
    try {
      std::vector<Article> articles;
      articles.reserve(stories[s].size());
      for (size_t i : stories[s]) articles.push_back(corpus.articles[i]);
      analysis.fallback_anchor = extract::MedianPublicationDate(articles);
      const std::vector<extract::ArticleAnalysis> analyses =
          extract::AnalyzeArticles(articles, analysis);
      std::vector<const extract::ArticleAnalysis*> members;
      for (const auto& a : analyses) members.push_back(&a);
      brief.stories.push_back(
          synthesize::BuildStory("story-" + std::to_string(s + 1), members, options));
      for (const std::string& note : brief.stories.back().notes) {
        std::cerr << "newsfuse: story-" << s + 1 << ": " << note << "\n";
      }
    } catch (const std::exception& e) {
      std::cerr << "newsfuse: story-" << s + 1 << " (" << stories[s].size() << " article(s)) skipped: " << e.what()
                << "\n";
    }
  }

  if (flags.format == "json") {
    std::cout << render::BriefToJson(brief);
  } else {
    std::cout << render::BriefToMarkdown(brief);
  }
  std::cout.flush();
  return std::cout ? 0 : 1;
}

}  // namespace

void RegisterBrief(CLI::App& app) {
  auto flags = std::make_shared<BriefFlags>();
  CLI::App* cmd = app.add_subcommand("brief", "write the briefing of each story in a set of articles");
  cmd->add_option("inputs", flags->inputs,
                  "article files or folders (plain text, .jsonl; '-' reads JSONL from stdin)")
      ->required();
  cmd->add_option("--format", flags->format, "json or markdown")
      ->check(CLI::IsMember({"json", "markdown"}))
      ->capture_default_str();
  cmd->add_option("--words", flags->summary_words, "summary length budget in words")
      ->check(CLI::Range(10, 2000))
      ->capture_default_str();
  cmd->add_option("--threads", flags->threads, "worker threads (0: all cores)");
  cmd->add_option("--fact-threshold", flags->fact_threshold,
                  "average similarity at which sentences of different outlets state one fact")
      ->check(CLI::Range(0.05, 0.95))
      ->capture_default_str();
  cmd->add_flag("--one-story", flags->one_story,
                "brief the input as one story without clustering it");
  cmd->add_option("--ner-model", flags->ner_model, "entity tagger model (default: models/ner-conll2003.bin)");
  cmd->callback([flags] { ExitWith(RunBrief(*flags)); });
}

}  // namespace newsfuse::cli
