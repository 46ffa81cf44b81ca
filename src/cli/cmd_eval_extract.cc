// `newsfuse eval extract [DIR...] [--per-page N]`: scores the HTML main-content
// extractor on folders in the article-extraction benchmark layout
// (DIR/ground-truth.json mapping id -> {"articleBody", "url"}, and
// DIR/html/<id>.html.gz), with the benchmark's own metric
// (eval/articlebody_eval.h). A DIR without ground-truth.json whose
// sub-folders have one (../shared/data/html) stands for all of them. Per set:
// F1, precision, recall, the pages that came out empty, the pages scoring
// below 0.3 F1, and the extraction's pages/s.
#include <simdjson.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "base/file_io.h"
#include "base/repo_path.h"
#include "cli/commands.h"
#include "eval/articlebody_eval.h"
#include "ingest/article_body.h"
#include "ingest/html_reader.h"

namespace newsfuse::cli {
namespace {

// Published F1 on all 181 pages of the ScrapingHub benchmark (README of the
// data set); printed under that set only.
constexpr char kArticleBodyReference[] =
    "[published, all 181 pages: rs-trafilatura 0.970, trafilatura 0.958, "
    "Readability.js 0.947, readability-lxml 0.922]";

// A page scoring below this F1 missed its article (took a footer, a
// comment, a teaser list instead), rather than trimming it badly.
constexpr double kFailedPageF1 = 0.3;

struct PageResult {
  std::string id;
  ingest::PageScore score;
};

double PageF1(const ingest::PageScore& s) {
  const double sum = s.precision + s.recall;
  return sum > 0 ? 2 * s.precision * s.recall / sum : 0;
}

std::string SetName(const std::string& dir) {
  std::string d = dir;
  while (d.size() > 1 && d.back() == '/') d.pop_back();
  const size_t slash = d.find_last_of('/');
  return slash == std::string::npos ? d : d.substr(slash + 1);
}

// The folders to score: DIR itself when it has a ground truth, else its
// sub-folders that have one (sorted).
std::vector<std::string> ExpandSets(const std::vector<std::string>& dirs) {
  std::vector<std::string> sets;
  for (const std::string& dir : dirs) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (fs::exists(dir + "/ground-truth.json", ec) || !base::IsDirectory(dir)) {
      sets.push_back(dir);
      continue;
    }
    std::vector<std::string> found;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      const std::string sub = it->path().string();
      if (fs::exists(sub + "/ground-truth.json", ec)) found.push_back(sub);
    }
    std::sort(found.begin(), found.end());
    if (found.empty()) found.push_back(dir);  // reported below as missing its ground truth
    sets.insert(sets.end(), found.begin(), found.end());
  }
  return sets;
}

int EvalSet(const std::string& dir, int per_page) {
  const std::string truth_path = dir + "/ground-truth.json";
  simdjson::dom::parser parser;
  simdjson::dom::element truth;
  if (parser.load(truth_path).get(truth) != simdjson::SUCCESS || !truth.is_object()) {
    PrintError(Status::InvalidArgument(truth_path, "cannot read the ground truth (JSON object)"));
    return 1;
  }
  std::vector<PageResult> results;
  std::vector<ingest::PageScore> scores;
  size_t missing = 0;
  size_t empty = 0;
  size_t failed = 0;
  double seconds = 0;
  std::clock_t extraction_cpu = 0;
  const std::clock_t cpu_start = std::clock();
  for (auto [key, value] : truth.get_object()) {
    std::string_view body;
    if (value["articleBody"].get_string().get(body) != simdjson::SUCCESS) continue;
    const std::string id(key);
    const std::string path = dir + "/html/" + id + ".html.gz";
    Result<std::string> bytes = base::ReadFile(path, 64u << 20);
    std::string predicted;
    if (bytes.ok()) {
      const auto start = std::chrono::steady_clock::now();
      const std::clock_t cpu_before = std::clock();
      Result<Article> article = ingest::ReadHtmlArticle(id, path, *bytes);
      extraction_cpu += std::clock() - cpu_before;
      seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (article.ok()) predicted = ingest::ArticleBodyText(*article);
    } else {
      ++missing;
    }
    if (predicted.empty()) ++empty;
    const ingest::PageScore s = ingest::ScoreArticleBody(body, predicted);
    if (PageF1(s) < kFailedPageF1) ++failed;
    scores.push_back(s);
    results.push_back(PageResult{id, s});
  }
  if (scores.empty()) {
    PrintError(Status::NotFound(truth_path, "no pages with an articleBody"));
    return 1;
  }
  // Pages/s from the extraction's CPU time, so that other load on the
  // machine does not count; the whole loop (reading, scoring) for scale.
  const double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  const double extraction = static_cast<double>(extraction_cpu) / CLOCKS_PER_SEC;
  const ingest::ExtractionScore total = ingest::Aggregate(scores);
  const std::string name = SetName(dir);
  std::printf("%-16s %4zu pages%s  F1 %.4f  P %.4f  R %.4f  empty %zu  F1<0.3 %zu  "
              "%.0f pages/s (extraction %.3f s CPU, %.3f s wall; whole eval %.3f s CPU; one "
              "thread)\n",
              name.c_str(), total.pages, missing > 0 ? " (some missing)" : "", total.f1,
              total.precision, total.recall, empty, failed,
              extraction > 0 ? total.pages / extraction : 0.0, extraction, seconds, cpu);
  if (name == "articlebody") std::printf("  %s\n", kArticleBodyReference);
  if (per_page > 0) {
    std::sort(results.begin(), results.end(), [](const PageResult& a, const PageResult& b) {
      return PageF1(a.score) < PageF1(b.score);
    });
    for (int i = 0; i < per_page && i < static_cast<int>(results.size()); ++i) {
      std::printf("  %s  P=%.3f R=%.3f\n", results[i].id.c_str(), results[i].score.precision,
                  results[i].score.recall);
    }
  }
  return 0;
}

int RunEvalExtract(const std::vector<std::string>& dirs, int per_page) {
  int rc = 0;
  for (const std::string& set : ExpandSets(dirs)) rc = std::max(rc, EvalSet(set, per_page));
  return rc;
}

}  // namespace

void RegisterEvalExtract(CLI::App& eval) {
  auto dirs = std::make_shared<std::vector<std::string>>();
  auto per_page = std::make_shared<int>(0);
  CLI::App* cmd = eval.add_subcommand(
      "extract", "score the HTML article-body extractor on main-content extraction sets");
  cmd->add_option("dirs", *dirs,
                  "folders with ground-truth.json and html/<id>.html.gz, or a folder of such "
                  "folders (all of them); default: ../shared/data/html/articlebody");
  cmd->add_option("--per-page", *per_page, "also list the N worst pages of each set");
  cmd->callback([dirs, per_page] {
    if (dirs->empty()) dirs->push_back("../shared/data/html/articlebody");
    for (std::string& d : *dirs) d = base::FindRepoPath(d);
    ExitWith(RunEvalExtract(*dirs, *per_page));
  });
}

}  // namespace newsfuse::cli
