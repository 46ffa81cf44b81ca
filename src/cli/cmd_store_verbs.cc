// The store's reading verbs (the writing one, `ingest`, is cmd_ingest.cc):
//   `newsfuse stories --db FILE [--sort recent|largest] [--text W] [--entity N] [--json]`
//   `newsfuse stories --db FILE --members`   every article's story, as `cluster` prints it
//   `newsfuse article --db FILE ID [--json]`
//   `newsfuse briefing --db FILE STORY [--format json|markdown]`   a story's stored briefing
//   `newsfuse store-check --db FILE [--expect-ids FILE]`
//       integrity check; with --expect-ids (an ack log), that every listed id
//       is stored (or, for a duplicate, the article it duplicates).
#include <cstdio>
#include <fstream>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/json_writer.h"
#include "cli/commands.h"
#include "newsfuse/engine.h"
#include "render/brief_json_reader.h"
#include "render/brief_markdown.h"
#include "store/story_row_json.h"

namespace newsfuse::cli {
namespace {

// `require_entity_model`: for a verb that may build a briefing.
Result<std::unique_ptr<Engine>> OpenExisting(const std::string& db, bool require_entity_model = false) {
  EngineOptions options;
  options.db = db;
  options.must_exist = true;
  options.require_entity_model = require_entity_model;
  return Engine::Open(options);
}

struct StoriesFlags {
  std::string db;
  std::string sort = "recent";
  std::string text, entity;
  size_t limit = 20, offset = 0;
  bool json = false;
  bool members = false;
};

// `stories --members`: every stored article's story as `cluster` prints it
// (cmd_cluster.cc), so that a store's grouping can be scored or compared
// with `cluster`'s on the same articles: one {"type":"article"} line per
// article, grouped by story, then one {"type":"story"} line per story.
// Stories come in the ingest order of their first article, members in ingest
// order, the byte-identical copies the store kept after its articles (with
// "duplicate_of": the original). The store keeps no near-copy decision, so
// an article that is not an exact copy has "duplicate_of": null.
int RunStoryMembers(Engine& engine, const std::string& db) {
  struct Member {
    std::string id, duplicate_of;
  };
  std::vector<std::string> story_order;
  std::unordered_map<std::string, std::vector<Member>> members;  // story -> its members
  Status listed = engine.ForEachMember([&](std::string_view id, std::string_view story, std::string_view original) {
    auto [it, first] = members.try_emplace(std::string(story));
    if (first) story_order.push_back(it->first);
    it->second.push_back({std::string(id), std::string(original)});
  });
  if (!listed.ok()) {
    PrintError(listed);
    return 1;
  }
  std::string out;
  for (const std::string& story : story_order) {
    for (const Member& m : members[story]) {
      base::JsonWriter w(&out);
      w.BeginObject();
      w.Field("type", "article");
      w.Field("id", m.id);
      w.Field("story", story);
      w.Key("duplicate_of");
      if (m.duplicate_of.empty()) {
        w.Null();
      } else {
        w.String(m.duplicate_of);
      }
      w.EndObject();
      out += '\n';
    }
  }
  for (const std::string& story : story_order) {
    auto row = engine.GetStory(story);
    if (!row.ok()) {
      PrintError(row.status());
      return 1;
    }
    if (!row->has_value()) {
      PrintError(Status::DataLoss(db, "story \"" + story + "\" of a stored article is missing"));
      return 1;
    }
    const StoryRow& r = **row;
    base::JsonWriter w(&out);
    w.BeginObject();
    w.Field("type", "story");
    w.Field("story", story);
    w.Field("headline", r.headline);
    std::vector<std::string> ids;
    for (const Member& m : members[story]) ids.push_back(m.id);
    w.StringArray("articles", ids);
    w.StringArray("outlets", r.outlets);
    w.OptionalField("first_published", r.first_published.value_or(""));  // null when undated
    w.OptionalField("last_published", r.last_published.value_or(""));
    w.EndObject();
    out += '\n';
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return std::fflush(stdout) == 0 ? 0 : 1;
}

int RunStories(const StoriesFlags& flags) {
  auto opened = OpenExisting(flags.db);
  if (!opened.ok()) {
    PrintError(opened.status());
    return 1;
  }
  if (flags.members) return RunStoryMembers(**opened, flags.db);
  store::StoryQuery q;
  q.sort = flags.sort == "largest" ? store::StorySort::kLargest : store::StorySort::kRecent;
  q.text = flags.text;
  q.entity = flags.entity;
  q.limit = flags.limit;
  q.offset = flags.offset;
  auto rows = (*opened)->ListStories(q);
  if (!rows.ok()) {
    PrintError(rows.status());
    return 1;
  }
  std::string out;
  if (flags.json) {
    base::JsonWriter w(&out, 2);
    store::WriteStoryRows(*rows, w);
    out += '\n';
  } else if (rows->empty()) {
    // On standard error, as grep's silence: standard output stays empty
    // for a script that reads it.
    std::string said = !flags.text.empty() || !flags.entity.empty() ? "no story matches" : "no stories";
    if (!flags.text.empty()) said += " --text \"" + flags.text + "\"";
    if (!flags.entity.empty()) said += " --entity \"" + flags.entity + "\"";
    if (flags.offset > 0) said += " at --offset " + std::to_string(flags.offset);
    std::fprintf(stderr, "newsfuse: stories: %s in %s\n", said.c_str(), flags.db.c_str());
  } else {
    char header[96];
    std::snprintf(header, sizeof header, "%-8s %5s  %-16s %s\n", "STORY", "ARTS", "LAST PUBLISHED", "HEADLINE");
    out += header;
    for (const store::StoryRow& r : *rows) {
      char line[64];
      std::snprintf(line, sizeof line, "%-8s %5zu  %-16s ", r.id.c_str(), r.article_count,
                    r.last_published.value_or("-").c_str());
      out += line;
      out += r.headline;
      out += '\n';
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return std::fflush(stdout) == 0 ? 0 : 1;
}

struct ArticleFlags {
  std::string db;
  std::string id;
  bool json = false;
};

int RunArticle(const ArticleFlags& flags) {
  auto opened = OpenExisting(flags.db);
  if (!opened.ok()) {
    PrintError(opened.status());
    return 1;
  }
  auto got = (*opened)->GetArticle(flags.id);
  if (!got.ok()) {
    PrintError(got.status());
    return 1;
  }
  if (!got->has_value()) {
    PrintError(Status::NotFound(flags.db, "no article \"" + flags.id + "\""));
    return 1;
  }
  const store::StoredArticle& sa = **got;
  std::string out;
  if (flags.json) {
    base::JsonWriter w(&out, 2);
    w.BeginObject();
    w.Field("id", sa.article.id);
    w.Field("story_id", sa.story_id);
    w.OptionalField("outlet", sa.article.outlet);
    w.OptionalField("title", sa.article.title);
    w.OptionalDateField("published", sa.article.published);
    w.OptionalField("url", sa.article.url);
    w.Key("ingested");
    w.Int(sa.ingested_unix);
    w.Key("paragraphs");
    w.BeginArray();
    for (const Paragraph& p : sa.article.paragraphs) w.String(p.text);
    w.EndArray();
    w.Key("changes");
    w.BeginArray();
    for (const store::ArticleChange& c : sa.changes) {
      w.BeginObject();
      store::WriteArticleChangeFields(c, w);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
    out += '\n';
  } else {
    out += sa.article.title.value_or("(no headline)") + "\n";
    out += sa.article.outlet.value_or("-") + " | " + OptionalDateString(sa.article.published).value_or("-") + " | story " +
           sa.story_id + "\n\n";
    for (const Paragraph& p : sa.article.paragraphs) out += p.text + "\n\n";
    for (const store::ArticleChange& c : sa.changes) {
      out += "changed " + c.field + ": \"" + c.before + "\" -> \"" + c.after + "\"\n";
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  return std::fflush(stdout) == 0 ? 0 : 1;
}

struct BriefingFlags {
  std::string db;
  std::string story;
  std::string format = "json";
};

int RunBriefing(const BriefingFlags& flags) {
  // A stale briefing is rebuilt here, with the entity model: missing or
  // damaged, it is an error naming the file (as for `brief` and `serve`).
  auto opened = OpenExisting(flags.db, /*require_entity_model=*/true);
  if (!opened.ok()) {
    PrintError(opened.status());
    return 1;
  }
  auto json = (*opened)->BriefingJson(flags.story);
  if (!json.ok()) {
    PrintError(json.status());
    return 1;
  }
  if (!json->has_value()) {
    PrintError(Status::NotFound(flags.db, "no story \"" + flags.story + "\""));
    return 1;
  }
  if (flags.format == "markdown") {
    Result<Brief> brief = render::BriefFromJson(**json, flags.db + ": story " + flags.story);
    if (!brief.ok()) {
      PrintError(brief.status());
      return 1;
    }
    const std::string md = render::BriefToMarkdown(*brief);
    std::fwrite(md.data(), 1, md.size(), stdout);
  } else {
    std::fwrite((*json)->data(), 1, (*json)->size(), stdout);
  }
  return std::fflush(stdout) == 0 ? 0 : 1;
}

struct CheckFlags {
  std::string db;
  std::string expect_ids;
};

int RunStoreCheck(const CheckFlags& flags) {
  auto opened = OpenExisting(flags.db);
  if (!opened.ok()) {
    PrintError(opened.status());
    return 1;
  }
  Engine& st = **opened;
  auto problems = st.CheckIntegrity();
  if (!problems.ok()) {
    PrintError(problems.status());
    return 1;
  }
  for (const std::string& p : *problems) std::printf("problem: %s\n", p.c_str());
  auto stats = st.Stats();
  if (!stats.ok()) {
    PrintError(stats.status());
    return 1;
  }
  bool ok = problems->empty();
  if (!flags.expect_ids.empty()) {
    std::unordered_set<std::string> stored;
    Status s = st.ForEachArticleId([&](std::string_view id) { stored.emplace(id); });
    if (!s.ok()) {
      PrintError(s);
      return 1;
    }
    std::ifstream in(flags.expect_ids);
    if (!in) {
      PrintError(Status::NotFound(flags.expect_ids, "cannot read"));
      return 1;
    }
    std::string line, first_missing;
    size_t listed = 0, missing = 0;
    std::unordered_set<std::string> distinct;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      ++listed;
      const size_t tab = line.find('\t');
      const std::string id = line.substr(0, tab);
      // A duplicate's content is stored under the id it duplicates.
      const std::string present = tab == std::string::npos ? id : line.substr(tab + 1);
      distinct.insert(id);
      if (!stored.count(present)) {
        if (missing++ == 0) first_missing = id;
      }
    }
    std::printf("acknowledged: %zu line(s), %zu distinct id(s), %zu missing%s%s\n", listed, distinct.size(),
                missing, missing ? "; first: " : "", first_missing.c_str());
    ok = ok && missing == 0;
  }
  std::printf("%s: %s: %zu articles, %zu stories, %zu changes, %zu copies\n", ok ? "ok" : "FAILED",
              flags.db.c_str(), stats->articles, stats->stories, stats->changes, stats->copies);
  std::fflush(stdout);
  return ok ? 0 : 1;
}

}  // namespace

void RegisterStoreVerbs(CLI::App& app) {
  {
    auto flags = std::make_shared<StoriesFlags>();
    CLI::App* cmd = app.add_subcommand("stories", "list the stories of a store");
    cmd->add_option("--db", flags->db, "the store")->required();
    cmd->add_option("--sort", flags->sort, "recent or largest")
        ->check(CLI::IsMember({"recent", "largest"}))
        ->capture_default_str();
    cmd->add_option("--text", flags->text, "words a member article must contain (headline or lead)");
    cmd->add_option("--entity", flags->entity, "a name a member article must mention");
    cmd->add_option("--limit", flags->limit, "at most this many")->check(CLI::Range(1, 500))->capture_default_str();
    cmd->add_option("--offset", flags->offset, "skip this many first");
    CLI::Option* json = cmd->add_flag("--json", flags->json, "JSON instead of one line per story");
    cmd->add_flag("--members", flags->members,
                  "every stored article's story, as JSONL lines like `newsfuse cluster` prints")
        ->excludes(json)
        ->excludes("--sort")
        ->excludes("--text")
        ->excludes("--entity")
        ->excludes("--limit")
        ->excludes("--offset");
    cmd->callback([flags] { ExitWith(RunStories(*flags)); });
  }
  {
    auto flags = std::make_shared<ArticleFlags>();
    CLI::App* cmd = app.add_subcommand("article", "print a stored article and its corrections");
    cmd->add_option("id", flags->id, "article id")->required();
    cmd->add_option("--db", flags->db, "the store")->required();
    cmd->add_flag("--json", flags->json, "JSON");
    cmd->callback([flags] { ExitWith(RunArticle(*flags)); });
  }
  {
    auto flags = std::make_shared<BriefingFlags>();
    CLI::App* cmd = app.add_subcommand("briefing", "print a stored story's briefing (built if stale)");
    cmd->add_option("story", flags->story, "story id")->required();
    cmd->add_option("--db", flags->db, "the store")->required();
    cmd->add_option("--format", flags->format, "json or markdown")
        ->check(CLI::IsMember({"json", "markdown"}))
        ->capture_default_str();
    cmd->callback([flags] { ExitWith(RunBriefing(*flags)); });
  }
  {
    auto flags = std::make_shared<CheckFlags>();
    CLI::App* cmd = app.add_subcommand("store-check", "check a store's integrity (and acknowledged ids)");
    cmd->add_option("--db", flags->db, "the store")->required();
    cmd->add_option("--expect-ids", flags->expect_ids, "an --ack-log file: every id in it must be stored");
    cmd->callback([flags] { ExitWith(RunStoreCheck(*flags)); });
  }
}

}  // namespace newsfuse::cli
