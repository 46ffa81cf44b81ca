// `newsfuse cluster FILE.jsonl|DIR`: groups articles into stories and marks
// copies. Writes JSONL to standard output: one {"type":"article"} line per
// article (id -> story, duplicate_of), then one {"type":"story"} line per
// story (articles, outlets, time span, headline). Bad input is counted and
// summarised on standard error. Both passes are the engine's:
// Engine::ClusterArticles, and Engine::OpenStream for
//   --stream  assign each article on arrival (file order)
//             instead of the batch average-link pass over the whole input.
//             A story that leaves the window may be merged into an open
//             one (the merge pass): a {"type":"merge","story":..,"into":..}
//             line says so, and its articles appear in the other's story
//             line.
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "base/file_io.h"
#include "base/json_writer.h"
#include "cli/commands.h"
#include "ingest/corpus_loader.h"
#include "ingest/jsonl_reader.h"
#include "ingest/reporter.h"
#include "newsfuse/engine.h"

namespace newsfuse::cli {
namespace {

struct ClusterFlags {
  std::string input;
  bool stream = false;
  float threshold = -1;
  double window_hours = -1;
};

void WriteLine(std::string* line) {
  *line += '\n';
  std::fwrite(line->data(), 1, line->size(), stdout);
  line->clear();
}

void PrintIssues(const ClusterIssues& n, size_t articles, size_t stories,
                 size_t skipped_lines) {
  std::fprintf(stderr,
               "newsfuse cluster: %zu articles, %zu stories; skipped lines %zu; no date %zu "
               "(unparsable %zu, far future %zu), empty body %zu (nothing at all %zu), body "
               "truncated %zu, repeated id %zu\n",
               articles, stories, skipped_lines, n.no_date, n.bad_date, n.future_date,
               n.empty_body, n.empty_article, n.truncated_body, n.repeated_id);
}

// Any input `brief` reads: plain text, JSONL, HTML pages, WARC files, folders.
void ReadInput(const std::string& input, ingest::Reporter& reporter,
               const std::function<void(Article&&)>& on_article) {
  ingest::ForEachArticle({input}, ingest::LoadOptions{}, reporter, on_article);
}

int RunStream(const ClusterFlags& flags) {
  ingest::SummaryReporter reporter;
  EngineOptions options;
  if (flags.threshold >= 0) options.cluster_threshold = flags.threshold;
  StreamOptions stream_options;
  if (flags.window_hours > 0) stream_options.window_hours = flags.window_hours;
  std::string line;
  size_t stories = 0;
  size_t articles = 0;
  stream_options.on_closed = [&](ClosedStory&& s) {
    ++stories;
    base::JsonWriter w(&line);
    w.BeginObject();
    w.Field("type", "story");
    w.Field("story", s.id);
    w.Field("headline", s.headline);
    w.StringArray("articles", s.article_ids);
    w.StringArray("outlets", s.outlets);
    w.OptionalField("first_published", s.first_published);  // null when empty (undated)
    w.OptionalField("last_published", s.last_published);
    w.EndObject();
    WriteLine(&line);
  };
  stream_options.on_merged = [&](const std::string& story, const std::string& into) {
    base::JsonWriter w(&line);
    w.BeginObject();
    w.Field("type", "merge");
    w.Field("story", story);
    w.Field("into", into);
    w.EndObject();
    WriteLine(&line);
  };
  Result<std::unique_ptr<Engine>> engine = Engine::Open(options);
  using OpenedStream = Result<std::unique_ptr<StoryStream>>;
  OpenedStream stream = engine.ok() ? (*engine)->OpenStream(std::move(stream_options)) : OpenedStream(engine.status());
  if (!stream.ok()) {
    PrintError(stream.status());
    return 1;
  }
  Status failure;
  ReadInput(flags.input, reporter, [&](Article&& a) {
    if (!failure.ok()) return;
    Result<StreamAssignment> x = (*stream)->Add(a);
    if (!x.ok()) {
      failure = x.status();
      return;
    }
    ++articles;
    base::JsonWriter w(&line);
    w.BeginObject();
    w.Field("type", "article");
    w.Field("id", a.id);
    w.Field("story", x->story);
    w.Key("duplicate_of");
    if (x->duplicate_of) {
      w.String(*x->duplicate_of);
    } else {
      w.Null();
    }
    if (x->repeated_id) w.Field("skipped", "repeated id");
    w.EndObject();
    WriteLine(&line);
  });
  if (failure.ok()) failure = (*stream)->Finish();
  std::fflush(stdout);
  if (!failure.ok()) {
    PrintError(failure);
    return 1;
  }
  PrintIssues((*stream)->issues(), articles, stories, reporter.skipped());
  return FinishInputReport(reporter, articles, {flags.input}, "cluster");
}

int RunBatch(const ClusterFlags& flags) {
  ingest::SummaryReporter reporter;
  std::vector<Article> articles;
  ReadInput(flags.input, reporter, [&](Article&& a) { articles.push_back(std::move(a)); });
  if (articles.empty()) return FinishInputReport(reporter, 0, {flags.input}, "cluster");
  EngineOptions options;
  if (flags.threshold >= 0) options.cluster_threshold = flags.threshold;
  Result<std::unique_ptr<Engine>> engine = Engine::Open(options);
  Result<Clustering> clustering =
      engine.ok() ? (*engine)->ClusterArticles(articles) : Result<Clustering>(engine.status());
  if (!clustering.ok()) {
    PrintError(clustering.status());
    return 1;
  }
  std::string line;
  for (const ArticleCluster& g : clustering->stories) {
    for (size_t k = 0; k < g.members.size(); ++k) {
      base::JsonWriter w(&line);
      w.BeginObject();
      w.Field("type", "article");
      w.Field("id", articles[g.members[k]].id);
      w.Field("story", g.id);
      w.Key("duplicate_of");
      if (g.duplicate_of[k]) {
        w.String(articles[*g.duplicate_of[k]].id);
      } else {
        w.Null();
      }
      w.EndObject();
      WriteLine(&line);
    }
  }
  for (size_t i : clustering->repeated_ids) {
    base::JsonWriter w(&line);
    w.BeginObject();
    w.Field("type", "article");
    w.Field("id", articles[i].id);
    w.Key("story");
    w.Null();
    w.Field("skipped", "repeated id");
    w.EndObject();
    WriteLine(&line);
  }
  for (const ArticleCluster& g : clustering->stories) {
    base::JsonWriter w(&line);
    w.BeginObject();
    w.Field("type", "story");
    w.Field("story", g.id);
    w.Field("headline", g.headline);
    std::vector<std::string> ids;
    for (size_t i : g.members) ids.push_back(articles[i].id);
    w.StringArray("articles", ids);
    w.StringArray("outlets", g.outlets);
    w.OptionalField("first_published", g.first_published);  // null when empty (undated)
    w.OptionalField("last_published", g.last_published);
    w.EndObject();
    WriteLine(&line);
  }
  std::fflush(stdout);
  PrintIssues(clustering->issues, articles.size(), clustering->stories.size(), reporter.skipped());
  return FinishInputReport(reporter, articles.size(), {flags.input}, "cluster");
}

}  // namespace

void RegisterCluster(CLI::App& app) {
  auto flags = std::make_shared<ClusterFlags>();
  CLI::App* cmd = app.add_subcommand(
      "cluster", "group articles (JSONL file or directory of them) into stories, marking copies");
  cmd->add_option("input", flags->input, "FILE.jsonl, a directory of .jsonl files, or -")
      ->required();
  cmd->add_flag("--stream", flags->stream,
                "assign each article on arrival (in input order) instead of the batch pass");
  cmd->add_option("--threshold", flags->threshold,
                  "similarity at which an article joins a story (default: tuned on ECB+ train)");
  cmd->add_option("--window-hours", flags->window_hours,
                  "stream: hours without news after which a story is frozen");
  cmd->callback([flags] { ExitWith(flags->stream ? RunStream(*flags) : RunBatch(*flags)); });
}

}  // namespace newsfuse::cli
