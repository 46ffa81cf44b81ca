// `newsfuse help [VERB...]`, the message for an unknown verb, and the
// examples that end every verb's --help. Kept in one table here, rather than
// in each cmd_<verb>.cc, so that every verb is covered and a test can check
// that none lacks one.
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "cli/commands.h"

namespace newsfuse::cli {
namespace {

// Verb path ("eval ner") -> one or two example lines.
const std::map<std::string, std::vector<std::string>>& ExampleTable() {
  static const auto* table = new std::map<std::string, std::vector<std::string>>{
      {"brief",
       {"newsfuse brief examples/harbor-bridge", "newsfuse brief articles.jsonl --format json > briefs.json"}},
      {"extract",
       {"newsfuse extract page.html", "newsfuse extract pages/ --format articlebody-json > bodies.json"}},
      {"cluster", {"newsfuse cluster articles.jsonl > stories.jsonl", "newsfuse cluster feed.jsonl --stream"}},
      {"ingest", {"newsfuse ingest day.jsonl --db news.db", "cat feed.jsonl | newsfuse ingest - --db news.db"}},
      {"serve", {"newsfuse serve --db news.db --port 8080", "newsfuse serve --db news.db --host 0.0.0.0 --access-log"}},
      {"stories",
       {"newsfuse stories --db news.db --entity \"Rafah\"", "newsfuse stories --db news.db --members > stored.jsonl"}},
      {"article", {"newsfuse article a-1f2e3d4c5b6a7988 --db news.db"}},
      {"briefing",
       {"newsfuse briefing s1 --db news.db", "newsfuse briefing s1 --db news.db --format markdown"}},
      {"store-check",
       {"newsfuse store-check --db news.db", "newsfuse store-check --db news.db --expect-ids acks.log"}},
      {"train-ner",
       {"newsfuse train-ner --out my-ner.bin",
        "newsfuse train-ner --train eng.train --dev eng.testa --out models/ner-conll2003.bin"}},
      {"train-summary", {"newsfuse train-summary --out my-model.inc"}},
      {"train-verbs", {"newsfuse train-verbs --out src/text/verb_lexicon.inc"}},
      {"eval", {"newsfuse eval ner", "newsfuse eval summary --leave-one-out"}},
      {"eval sbd", {"newsfuse eval sbd"}},
      {"eval summary", {"newsfuse eval summary", "newsfuse eval summary --system lexrank"}},
      {"eval extract", {"newsfuse eval extract", "newsfuse eval extract --per-page 10"}},
      {"eval ner", {"newsfuse eval ner", "newsfuse eval ner --documents 50"}},
      {"eval timex", {"newsfuse eval timex"}},
      {"eval quotes", {"newsfuse eval quotes"}},
      {"eval entities", {"newsfuse eval entities --corpus meantime", "newsfuse eval entities --cv"}},
      {"eval cluster", {"newsfuse eval cluster"}},
      {"eval briefs",
       {"newsfuse eval briefs ../shared/data/briefs ../shared/seeds/rafah-2024-04-01",
        "newsfuse eval briefs ../shared/data/briefs/21_ecbplus --verbose"}},
      {"eval cluster-pairs", {"newsfuse eval cluster-pairs", "newsfuse eval cluster-pairs --lang de"}},
  };
  return *table;
}

std::string PathOf(const CLI::App& app) {
  std::string path;
  for (const CLI::App* a = &app; a->get_parent() != nullptr; a = a->get_parent()) {
    path = path.empty() ? a->get_name() : a->get_name() + " " + path;
  }
  return path;
}

void AddExamplesTo(CLI::App& app) {
  for (CLI::App* sub : app.get_subcommands({})) {
    auto it = ExampleTable().find(PathOf(*sub));
    if (it != ExampleTable().end()) {
      std::string footer = it->second.size() == 1 ? "Example:" : "Examples:";
      for (const std::string& line : it->second) footer += "\n  " + line;
      sub->footer(footer);
    }
    AddExamplesTo(*sub);
  }
}

std::string VerbList(const CLI::App& app) {
  std::string out;
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (!out.empty()) out += ", ";
    out += sub->get_name();
  }
  return out;
}

}  // namespace

void AddExamples(CLI::App& app) {
  AddExamplesTo(app);
  app.footer(
      "Run `newsfuse VERB --help` (or `newsfuse help VERB`) for a verb's options and examples.\n"
      "Example:\n  newsfuse brief examples/harbor-bridge");
}

std::optional<int> HandleHelpAndUnknownVerbs(CLI::App& app, int argc, char** argv) {
  if (argc < 2) {
    std::cerr << app.help();
    return 2;
  }
  const std::string first = argv[1];
  if (first == "help") {
    // `help eval ner`: walk down to the named verb.
    CLI::App* target = &app;
    for (int i = 2; i < argc; ++i) {
      CLI::App* sub = nullptr;
      try {
        sub = target->get_subcommand(argv[i]);
      } catch (const CLI::OptionNotFound&) {
      }
      if (sub == nullptr) {
        std::cerr << "newsfuse: help: unknown verb '" << argv[i] << "'; the verbs"
                  << (target == &app ? "" : " of " + PathOf(*target)) << " are: " << VerbList(*target) << "\n";
        return 2;
      }
      target = sub;
    }
    std::cout << target->help();
    return 0;
  }
  // Down the verbs named ("eval ner"): the first word that is not an option
  // must be one of the current verb's own verbs, while it has any.
  CLI::App* current = &app;
  for (int i = 1; i < argc && !current->get_subcommands({}).empty(); ++i) {
    const std::string word = argv[i];
    if (word.empty() || word[0] == '-') return std::nullopt;
    CLI::App* next = nullptr;
    for (CLI::App* sub : current->get_subcommands({})) {
      if (sub->check_name(word)) next = sub;
    }
    if (next == nullptr) {
      const std::string of = current == &app ? "" : " of '" + PathOf(*current) + "'";
      std::cerr << "newsfuse: unknown verb '" << word << "'; the verbs" << of << " are: " << VerbList(*current)
                << " (newsfuse help VERB for one)\n";
      return 2;
    }
    current = next;
  }
  return std::nullopt;
}

}  // namespace newsfuse::cli
