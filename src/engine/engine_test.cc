#include "newsfuse/engine.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <vector>

#include "engine/clustering_assigner.h"
#include "engine/engine_internal.h"

namespace newsfuse {
namespace {

// Invented reports: a depot closure told by a wire and reprinted, and an
// unrelated storm.
const char* kDepot =
    "The council of Harlow Vale voted on Tuesday to close the old tram depot on Mill Street and to "
    "move its forty workers to the new yard at Fenwick by the end of the year, mayor Ines Darrow said. "
    "The depot opened in 1911 and has housed the city's trams for more than a century.";
const char* kStorm =
    "A storm brought down power lines across the northern valley overnight, leaving about three "
    "thousand homes without electricity and closing two schools in Brackwater, the utility said.";

Article Make(std::string id, std::string outlet, std::string title, std::string body, const char* published) {
  Article a;
  a.id = std::move(id);
  a.origin = a.id + ".txt";
  a.outlet = std::move(outlet);
  a.title = std::move(title);
  a.published = ParseIsoDate(published);
  a.paragraphs.push_back({std::move(body), false, false, ""});
  return a;
}

std::vector<Article> Articles() {
  return {Make("wire", "Vale Wire", "Council votes to close Mill Street tram depot", kDepot, "2025-03-11T09:00"),
          // A near-copy (a byte-identical body would be stored once, as a duplicate).
          Make("reprint", "Fenwick Post", "Tram depot to close",
               std::string(kDepot) + " Union leaders said they would appeal.", "2025-03-11T15:00"),
          Make("storm", "Valley News", "Storm cuts power to 3,000 homes", kStorm, "2025-03-12")};
}

EngineOptions Options() {
  EngineOptions o;
  o.ner_model = "/nonexistent/ner.bin";  // fast: no tagger
  o.threads = 1;
  return o;
}

TEST(EngineTest, WithoutAStoreTheStoreOperationsSaySo) {
  auto engine = Engine::Open(Options());
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  Result<IngestResult> added = (*engine)->AddArticles(Articles());
  ASSERT_FALSE(added.ok());
  EXPECT_EQ(added.status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ((*engine)->ListStories({}).status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ((*engine)->BriefArticles({}).status().code(), StatusCode::kInvalidArgument);
  Status model = (*engine)->EntityModelStatus();
  EXPECT_FALSE(model.ok());
  EXPECT_NE(model.ToString().find("/nonexistent/ner.bin"), std::string::npos) << model.ToString();
}

// A distributed run sends articles that share a key to one place: a
// near-copy must share a copy key with its original and a name with it, an
// unrelated report neither.
TEST(EngineTest, SketchesOfANearCopyShareKeysThatAnUnrelatedReportDoesNot) {
  auto engine = Engine::Open(Options());
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  std::vector<ArticleSketch> s = (*engine)->SketchArticles(Articles());
  ASSERT_EQ(s.size(), 3u);
  auto shared = [](const auto& a, const auto& b) {
    size_t n = 0;
    for (auto x : a) n += std::count(b.begin(), b.end(), x);
    return n;
  };
  EXPECT_GT(shared(s[0].copy_keys, s[1].copy_keys), 0u);
  EXPECT_GT(shared(s[0].names, s[1].names), 0u);
  EXPECT_EQ(shared(s[0].copy_keys, s[2].copy_keys), 0u);
  EXPECT_EQ(shared(s[0].names, s[2].names), 0u);
  EXPECT_LE(s[0].names.size(), 6u);
  EXPECT_LE(s[0].words.size(), 12u);
  EXPECT_GT(s[0].body_bytes, 0u);
}

TEST(EngineTest, ARequiredEntityModelThatIsMissingFailsOpenNamingTheFile) {
  EngineOptions options;
  options.ner_model = "/nonexistent/ner-model.bin";
  Result<std::unique_ptr<Engine>> lenient = Engine::Open(options);
  ASSERT_TRUE(lenient.ok()) << lenient.status().ToString();
  EXPECT_FALSE((*lenient)->EntityModelStatus().ok());

  options.require_entity_model = true;
  Result<std::unique_ptr<Engine>> strict = Engine::Open(options);
  ASSERT_FALSE(strict.ok());
  EXPECT_NE(strict.status().ToString().find("/nonexistent/ner-model.bin"), std::string::npos)
      << strict.status().ToString();
}

TEST(EngineTest, ClustersAndBriefsASetCarryingItsNearCopies) {
  auto engine = Engine::Open(Options());
  ASSERT_TRUE(engine.ok());
  const std::vector<Article> articles = Articles();
  Result<Clustering> clustering = (*engine)->ClusterArticles(articles);
  ASSERT_TRUE(clustering.ok());
  ASSERT_EQ(clustering->stories.size(), 2u);
  const ArticleCluster& depot = clustering->stories[0];
  ASSERT_EQ(depot.members.size(), 2u);
  EXPECT_EQ(depot.duplicate_of[1], std::optional<size_t>(0)) << "the reprint copies the wire";

  Result<Brief> brief = (*engine)->BriefArticles(articles);
  ASSERT_TRUE(brief.ok());
  ASSERT_EQ(brief->stories.size(), 2u);
  const Story& story = brief->stories[0];  // the larger story first
  ASSERT_EQ(story.sources.size(), 2u);
  EXPECT_EQ(story.sources[0].id, "wire");
  EXPECT_FALSE(story.sources[0].duplicate_of.has_value());
  EXPECT_EQ(story.sources[1].duplicate_of, std::optional<std::string>("wire"));
  EXPECT_EQ(story.sources[1].published, std::optional<std::string>("2025-03-11T15:00"));
  EXPECT_NE(BriefToJson(*brief).find("\"duplicate_of\": \"wire\""), std::string::npos);

  Result<Brief> one = (*engine)->BriefArticles(articles, /*one_story=*/true);
  ASSERT_TRUE(one.ok());
  ASSERT_EQ(one->stories.size(), 1u);
  EXPECT_EQ(one->stories[0].sources.size(), 3u);
  EXPECT_EQ(one->stories[0].sources[1].duplicate_of, std::optional<std::string>("wire"));
}

TEST(EngineTest, AStreamAssignsOnArrivalAndClosesEveryStoryAtFinish) {
  auto engine = Engine::Open(Options());
  ASSERT_TRUE(engine.ok());
  std::vector<ClosedStory> closed;
  StreamOptions stream_options;
  stream_options.on_closed = [&](ClosedStory&& s) { closed.push_back(std::move(s)); };
  Result<std::unique_ptr<StoryStream>> stream = (*engine)->OpenStream(std::move(stream_options));
  ASSERT_TRUE(stream.ok()) << stream.status().ToString();
  std::vector<StreamAssignment> assigned;
  for (const Article& a : Articles()) {
    Result<StreamAssignment> x = (*stream)->Add(a);
    ASSERT_TRUE(x.ok()) << x.status().ToString();
    assigned.push_back(*x);
  }
  Result<StreamAssignment> repeated = (*stream)->Add(Articles()[2]);
  ASSERT_TRUE(repeated.ok());
  EXPECT_TRUE(repeated->repeated_id);
  EXPECT_EQ(assigned[0].story, assigned[1].story);
  EXPECT_NE(assigned[0].story, assigned[2].story);
  EXPECT_EQ(assigned[1].duplicate_of, std::optional<std::string>("wire"));
  EXPECT_FALSE(assigned[0].duplicate_of.has_value());
  EXPECT_TRUE(closed.empty()) << "nothing closes while its window is open";
  ASSERT_TRUE((*stream)->Finish().ok());
  ASSERT_EQ(closed.size(), 2u);
  const ClosedStory& depot = closed[0].id == assigned[0].story ? closed[0] : closed[1];
  EXPECT_EQ(depot.article_ids, (std::vector<std::string>{"wire", "reprint"}));
  EXPECT_EQ(depot.first_published, "2025-03-11T09:00");
  EXPECT_EQ((*stream)->issues().repeated_id, 1u);
  EXPECT_EQ((*stream)->Add(Articles()[0]).status().code(), StatusCode::kFailedPrecondition);
  EXPECT_EQ((*stream)->Finish().code(), StatusCode::kFailedPrecondition);

  StreamOptions no_window;
  no_window.window_hours = 0;
  EXPECT_EQ((*engine)->OpenStream(no_window).status().code(), StatusCode::kInvalidArgument);
}

TEST(EngineTest, AStoreKeepsStoriesAndBriefingsAcrossOpens) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("newsfuse_engine_test_" + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  EngineOptions options = Options();
  options.db = (dir / "news.db").string();
  std::string story, briefing;
  {
    auto engine = Engine::Open(options);
    ASSERT_TRUE(engine.ok()) << engine.status().ToString();
    Result<IngestResult> added = (*engine)->AddArticles(Articles());
    ASSERT_TRUE(added.ok()) << added.status().ToString();
    EXPECT_EQ(added->inserted, 3u);
    EXPECT_EQ(added->articles[0].story_id, added->articles[1].story_id);
    EXPECT_NE(added->articles[0].story_id, added->articles[2].story_id);
    story = added->articles[0].story_id;
    Result<std::optional<std::string>> json = (*engine)->BriefingJson(story);
    ASSERT_TRUE(json.ok() && json->has_value());
    briefing = **json;
    EXPECT_NE(briefing.find("\"duplicate_of\": \"wire\""), std::string::npos);
  }
  options.read_only = true;
  options.must_exist = true;
  auto engine = Engine::Open(options);
  ASSERT_TRUE(engine.ok()) << engine.status().ToString();
  Result<std::optional<StoryRow>> row = (*engine)->GetStory(story);
  ASSERT_TRUE(row.ok() && row->has_value());
  EXPECT_EQ((*row)->article_count, 2u);
  EXPECT_EQ((*row)->first_published, std::optional<std::string>("2025-03-11T09:00"));
  Result<std::optional<std::string>> again = (*engine)->BriefingJson(story);
  ASSERT_TRUE(again.ok() && again->has_value());
  EXPECT_EQ(**again, briefing);
  Result<std::optional<StoredArticle>> stored = (*engine)->GetArticle("storm");
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ((*stored)->article.published, ParseIsoDate("2025-03-12"));
  EXPECT_EQ((*engine)->AddArticles(Articles()).status().code(), StatusCode::kFailedPrecondition);
  engine->reset();
  std::filesystem::remove_all(dir);
}

}  // namespace
}  // namespace newsfuse

namespace newsfuse::engine {
namespace {

// The store always plans a batch first; a caller that does not still gets
// each article placed, grouped with the window on its own.
TEST(ClusteringAssignerTest, AssignsWithoutAPlanOneArticleAtATime) {
  ClusteringAssigner assigner(ClusterOptionsFor(Options()));
  assigner.Reset();
  const std::vector<Article> articles = Articles();
  int64_t next = 1;
  std::vector<int64_t> story;
  for (const Article& a : articles) {
    story.push_back(assigner.Assign(a, assigner.Prepare(a), next));
    if (story.back() == next) ++next;
  }
  EXPECT_EQ(story[0], story[1]) << "the reprint joins the wire's story";
  EXPECT_NE(story[0], story[2]);
  EXPECT_EQ(next, 3);
  EXPECT_TRUE(assigner.Revise(&next).empty());
}

// The regroup window is the caller's to choose (ingest's CPU per batch
// grows with its square); unset, the cluster default stands.
TEST(ClusteringAssignerTest, TheRegroupWindowComesFromEngineOptions) {
  EngineOptions options = Options();
  EXPECT_EQ(ClusterOptionsFor(options).regroup_window_articles, cluster::ClusterOptions{}.regroup_window_articles);
  options.regroup_window_articles = 64;
  EXPECT_EQ(ClusterOptionsFor(options).regroup_window_articles, 64u);
}

}  // namespace
}  // namespace newsfuse::engine
