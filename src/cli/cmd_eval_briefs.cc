// `newsfuse eval briefs DIR...`: briefs every story folder given (a folder
// holding expected.json and its articles: articles.jsonl, or the .txt files
// beside it; a folder of such folders counts each) the way `brief` does,
// scores each briefing with the rules of ../shared/tools/score_brief.py, and
// prints one table: per story and per section, the total, both citation
// checks (eval/brief_eval.h) and the time the briefing took. `--verbose`
// lists every missed item and unsupported citation.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "base/file_io.h"
#include "base/repo_path.h"
#include "cli/commands.h"
#include "eval/brief_eval.h"
#include "ingest/corpus_loader.h"
#include "newsfuse/engine.h"
#include "synthesize/fact_aligner.h"
#include "synthesize/fact_support.h"

namespace newsfuse::cli {
namespace {

struct EvalBriefsFlags {
  std::vector<std::string> dirs;
  int summary_words = 100;
  float fact_threshold = synthesize::AlignOptions().threshold;
  float support_threshold = synthesize::SupportOptions().threshold;
  float citation_overlap = synthesize::SupportOptions().min_overlap;
  std::string ner_model;
  bool one_story = false;
  bool verbose = false;
  std::string save_dir;  // when set, each briefing's JSON is written there as NAME.json
};

bool HasExpectation(const std::string& dir) {
  std::error_code ec;
  return std::filesystem::is_regular_file(dir + "/expected.json", ec);
}

// The story folders named by `dirs`, in the order given (the sub-folders of
// a folder of stories sorted by name).
std::vector<std::string> StoryFolders(const std::vector<std::string>& dirs) {
  std::vector<std::string> out;
  for (std::string dir : dirs) {
    while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
    if (HasExpectation(dir)) {
      out.push_back(dir);
      continue;
    }
    std::vector<std::string> subs;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
      if (entry.is_directory() && HasExpectation(entry.path().string())) subs.push_back(entry.path().string());
    }
    if (subs.empty()) std::cerr << "newsfuse: " << dir << ": no expected.json in it or its sub-folders, skipped\n";
    std::sort(subs.begin(), subs.end());
    out.insert(out.end(), subs.begin(), subs.end());
  }
  return out;
}

std::string Name(const std::string& dir) { return std::filesystem::path(dir).filename().string(); }

std::string Cell(int ok, int total) { return std::to_string(ok) + "/" + std::to_string(total); }

std::string Percent(int ok, int total) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f%%", total ? 100.0 * ok / total : 0.0);
  return buf;
}

struct Row {
  std::string name;
  eval::BriefScore score;
  eval::CitationScore shared, evidence;
  double ms = 0;
};

void PrintTable(const std::vector<Row>& rows) {
  if (rows.empty()) return;
  std::printf("%-26s", "story");
  for (const auto& s : rows.front().score.sections) std::printf(" %13s", s.name.c_str());
  std::printf(" %15s %7s %13s %13s %8s\n", "total", "", "cite(shared)", "cite(evidence)", "ms");
  Row all;
  all.name = "all";
  all.score = rows.front().score;
  for (auto& s : all.score.sections) s.ok = s.total = 0;
  for (const Row& r : rows) {
    std::printf("%-26s", r.name.c_str());
    for (size_t i = 0; i < r.score.sections.size(); ++i) {
      const auto& s = r.score.sections[i];
      std::printf(" %13s", Cell(s.ok, s.total).c_str());
      all.score.sections[i].ok += s.ok;
      all.score.sections[i].total += s.total;
    }
    std::printf(" %15s %7s %13s %13s %8.0f\n", Cell(r.score.ok(), r.score.total()).c_str(),
                Percent(r.score.ok(), r.score.total()).c_str(), Percent(r.shared.supported, r.shared.total).c_str(),
                Percent(r.evidence.supported, r.evidence.total).c_str(), r.ms);
    all.shared.supported += r.shared.supported;
    all.shared.total += r.shared.total;
    all.evidence.supported += r.evidence.supported;
    all.evidence.total += r.evidence.total;
    all.ms += r.ms;
  }
  std::printf("%-26s", "all (items)");
  for (const auto& s : all.score.sections) std::printf(" %13s", Cell(s.ok, s.total).c_str());
  std::printf(" %15s %7s %13s %13s %8.0f\n", Cell(all.score.ok(), all.score.total()).c_str(),
              Percent(all.score.ok(), all.score.total()).c_str(),
              Percent(all.shared.supported, all.shared.total).c_str(),
              Percent(all.evidence.supported, all.evidence.total).c_str(), all.ms);
  std::printf("%-26s", "all (percent)");
  for (const auto& s : all.score.sections) std::printf(" %13s", Percent(s.ok, s.total).c_str());
  std::printf("\n");
}

int RunEvalBriefs(const EvalBriefsFlags& flags) {
  const std::vector<std::string> folders = StoryFolders(flags.dirs);
  if (folders.empty()) {
    std::cerr << "newsfuse: eval briefs: no story folder (one holding expected.json) among the folders given\n";
    return 1;
  }
  EngineOptions options;
  options.ner_model = flags.ner_model;
  options.summary_words = flags.summary_words;
  options.fact_threshold = flags.fact_threshold;
  options.fact_support_threshold = flags.support_threshold;
  options.citation_overlap = flags.citation_overlap;
  options.require_entity_model = true;
  Result<std::unique_ptr<Engine>> engine = Engine::Open(options);
  if (!engine.ok()) {
    PrintError(engine.status());
    return 1;
  }
  std::vector<Row> rows;
  int failures = 0;
  for (const std::string& dir : folders) {
    const std::string jsonl = dir + "/articles.jsonl";
    const std::string input = base::IsDirectory(jsonl) || !std::filesystem::exists(jsonl) ? dir : jsonl;
    Result<std::string> expected = base::ReadFile(dir + "/expected.json", 64u << 20);
    Result<std::map<std::string, std::string>> texts = eval::ReadCitationTexts(input);
    if (!expected.ok() || !texts.ok()) {
      PrintError(!expected.ok() ? expected.status() : texts.status());
      ++failures;
      continue;
    }
    ingest::SummaryReporter reporter;
    ingest::Corpus corpus = ingest::LoadCorpus({input}, ingest::LoadOptions(), reporter);
    const auto start = std::chrono::steady_clock::now();
    Result<Brief> brief = (*engine)->BriefArticles(corpus.articles, flags.one_story);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (!brief.ok()) {
      PrintError(brief.status());
      ++failures;
      continue;
    }
    const std::string json = BriefToJson(*brief);
    if (!flags.save_dir.empty()) {
      if (Status st = base::WriteFileAtomically(flags.save_dir + "/" + Name(dir) + ".json", json); !st.ok()) {
        PrintError(st);
      }
    }
    Result<eval::BriefScore> score = eval::ScoreBrief(json, *expected);
    if (!score.ok()) {
      std::cerr << "newsfuse: " << dir << ": " << score.status().ToString() << "\n";
      ++failures;
      continue;
    }
    Row row;
    row.name = Name(dir);
    row.score = std::move(*score);
    row.ms = ms;
    row.shared = eval::SharedCitationSupport(json, *texts);
    for (const Story& story : brief->stories) {
      eval::CitationScore e = eval::EvidenceCitationSupport(story, corpus.articles);
      row.evidence.supported += e.supported;
      row.evidence.total += e.total;
      row.evidence.misses.insert(row.evidence.misses.end(), e.misses.begin(), e.misses.end());
    }
    if (flags.verbose) {
      std::cout << "== " << row.name << " (" << brief->stories.size() << " stories)\n";
      for (const auto& s : row.score.sections) {
        for (const auto& m : s.misses) std::cout << "  " << s.name << " missing: " << m << "\n";
      }
      for (const auto& m : row.shared.misses) std::cout << "  unsupported (shared) " << m << "\n";
      for (const auto& m : row.evidence.misses) std::cout << "  unsupported (evidence) " << m << "\n";
    }
    rows.push_back(std::move(row));
  }
  PrintTable(rows);
  return failures ? 1 : 0;
}

}  // namespace

void RegisterEvalBriefs(CLI::App& eval) {
  auto flags = std::make_shared<EvalBriefsFlags>();
  CLI::App* cmd = eval.add_subcommand(
      "briefs", "brief and score story folders (articles + expected.json): per section, citations, time");
  cmd->add_option("dirs", flags->dirs, "story folders, or folders of story folders")
      ->required();
  cmd->add_option("--words", flags->summary_words, "summary length budget in words")
      ->check(CLI::Range(10, 2000))
      ->capture_default_str();
  cmd->add_option("--fact-threshold", flags->fact_threshold,
                  "average similarity at which sentences of different outlets state one fact")
      ->check(CLI::Range(0.05, 0.95))
      ->capture_default_str();
  cmd->add_option("--support-threshold", flags->support_threshold,
                  "similarity at which another outlet's sentence sharing a value with a fact states it")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->add_option("--citation-overlap", flags->citation_overlap,
                  "share of a claim's content words an outlet's own sentence must hold to be cited for it")
      ->check(CLI::Range(0.0, 1.0))
      ->capture_default_str();
  cmd->add_flag("--one-story", flags->one_story, "brief each folder as one story without clustering it");
  cmd->add_option("--ner-model", flags->ner_model, "entity tagger model (default: models/ner-conll2003.bin)");
  cmd->add_option("--save", flags->save_dir, "write each briefing's JSON into this folder (NAME.json)");
  cmd->add_flag("--verbose", flags->verbose, "list every missed item and unsupported citation");
  cmd->callback([flags] {
    for (auto& dir : flags->dirs) dir = base::FindRepoPath(dir);
    ExitWith(RunEvalBriefs(*flags));
  });
}

}  // namespace newsfuse::cli
