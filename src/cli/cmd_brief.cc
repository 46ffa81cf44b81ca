// `newsfuse brief DIR|FILES... [--format json|markdown]`: reads the articles
// and prints the engine's briefing of each story in them (newsfuse/engine.h:
// grouped, analysed, synthesized), largest story first. A corpus of one event
// (the usual case: a folder of one story's articles) is one story.
#include <iostream>

#include "cli/commands.h"
#include "ingest/corpus_loader.h"
#include "newsfuse/engine.h"
#include "synthesize/fact_aligner.h"

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
  ingest::SummaryReporter reporter;
  ingest::LoadOptions load;
  ingest::Corpus corpus = ingest::LoadCorpus(flags.inputs, load, reporter);
  if (int rc = FinishInputReport(reporter, corpus.articles.size(), flags.inputs, "brief"); rc != 0) return rc;
  EngineOptions options;
  options.ner_model = flags.ner_model;
  options.summary_words = flags.summary_words;
  options.fact_threshold = flags.fact_threshold;
  options.threads = flags.threads;
  // A briefing without its entities would look complete and is not: a
  // missing or damaged model stops the run, naming the file.
  options.require_entity_model = true;
  Result<std::unique_ptr<Engine>> engine = Engine::Open(options);
  if (!engine.ok()) {
    PrintError(engine.status());
    return 1;
  }
  Result<Brief> brief = (*engine)->BriefArticles(corpus.articles, flags.one_story);
  if (!brief.ok()) {
    PrintError(brief.status());
    return 1;
  }
  for (const Story& story : brief->stories) {
    for (const std::string& note : story.notes) std::cerr << "newsfuse: " << story.id << ": " << note << "\n";
  }
  for (const std::string& problem : brief->skipped) std::cerr << "newsfuse: " << problem << "\n";
  if (brief->stories.size() > 1) {
    std::cerr << "newsfuse: " << corpus.articles.size() << " articles in " << brief->stories.size()
              << " stories\n";
  }
  std::cout << (flags.format == "json" ? BriefToJson(*brief) : BriefToMarkdown(*brief));
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
  cmd->add_option("--threads", flags->threads, "analysis threads (0: all cores)");
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
