// `newsfuse eval extract [DIR] [--per-page N]`: scores the HTML main-content
// extractor on the article-extraction benchmark layout (DIR/ground-truth.json
// mapping id -> {"articleBody", "url"}, and DIR/html/<id>.html.gz), with the
// benchmark's own metric (eval/articlebody_eval.h).
#include <simdjson.h>

#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
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

// Published F1 on all 181 pages of the benchmark (README of the data set).
constexpr char kReference[] =
    "[published, all 181 pages: rs-trafilatura 0.970, trafilatura 0.958, "
    "Readability.js 0.947, readability-lxml 0.922]";

struct PageResult {
  std::string id;
  ingest::PageScore score;
};

int RunEvalExtract(const std::string& dir, int per_page) {
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
  double seconds = 0;
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
      Result<Article> article = ingest::ReadHtmlArticle(id, path, *bytes);
      seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      if (article.ok()) predicted = ingest::ArticleBodyText(*article);
    } else {
      ++missing;
    }
    const ingest::PageScore s = ingest::ScoreArticleBody(body, predicted);
    scores.push_back(s);
    results.push_back(PageResult{id, s});
  }
  if (scores.empty()) {
    PrintError(Status::NotFound(truth_path, "no pages with an articleBody"));
    return 1;
  }
  if (per_page > 0) {
    std::sort(results.begin(), results.end(), [](const PageResult& a, const PageResult& b) {
      return std::min(a.score.precision, a.score.recall) <
             std::min(b.score.precision, b.score.recall);
    });
    for (int i = 0; i < per_page && i < static_cast<int>(results.size()); ++i) {
      std::printf("  %s  P=%.3f R=%.3f\n", results[i].id.c_str(), results[i].score.precision,
                  results[i].score.recall);
    }
  }
  // CPU time of the whole loop (reading, scoring included), so that other
  // load on the machine does not count.
  const double cpu = static_cast<double>(std::clock() - cpu_start) / CLOCKS_PER_SEC;
  const ingest::ExtractionScore total = ingest::Aggregate(scores);
  std::printf("extract (article body) on %zu pages%s: F1 %.4f  precision %.4f  recall %.4f  %s\n",
              total.pages, missing > 0 ? " (some pages missing)" : "", total.f1, total.precision,
              total.recall, kReference);
  std::printf("extraction: %.3f s wall (%.1f pages/s), whole eval %.3f s CPU, one thread\n",
              seconds, seconds > 0 ? total.pages / seconds : 0.0, cpu);
  return 0;
}

}  // namespace

void RegisterEvalExtract(CLI::App& eval) {
  auto dir = std::make_shared<std::string>("../shared/data/html/articlebody");
  auto per_page = std::make_shared<int>(0);
  CLI::App* cmd = eval.add_subcommand(
      "extract", "score the HTML article-body extractor on the extraction benchmark pages");
  cmd->add_option("dir", *dir, "folder with ground-truth.json and html/<id>.html.gz")
      ->capture_default_str();
  cmd->add_option("--per-page", *per_page, "also list the N worst pages");
  cmd->callback([dir, per_page] { ExitWith(RunEvalExtract(base::FindRepoPath(*dir), *per_page)); });
}

}  // namespace newsfuse::cli
