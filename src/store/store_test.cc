#include "store/store.h"

#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <future>
#include <map>
#include <span>
#include <utility>
#include <new>
#include <thread>

#include "engine/engine_internal.h"
#include "store/article_codec.h"
#include "store/article_diff.h"

namespace newsfuse::store {
namespace {

// Invented articles: two stories (a harbour ferry fire, a mountain rail
// tunnel) told by several outlets, written for these tests.
Article Make(const std::string& id, const std::string& outlet, const std::string& title,
             const std::vector<std::string>& paragraphs, const std::string& published = "2026-03-04") {
  Article a;
  a.id = id;
  a.origin = id + ".txt";
  a.outlet = outlet;
  a.title = title;
  a.published = ParseIsoDate(published);
  for (const auto& p : paragraphs) a.paragraphs.push_back({p, false, false, ""});
  return a;
}

Article FerryA() {
  return Make("ferry-a", "Coast Ledger", "Fire on Marlow harbour ferry forces evacuation",
              {"A fire broke out on the Marlow harbour ferry Ostrava on Tuesday morning, forcing 212 "
               "passengers to leave the vessel at Pier Nine.",
               "\"The crew acted within minutes and nobody was hurt,\" said harbour master Elin Sarkis.",
               "The ferry operator Brightwater Lines said the fire started in the engine room and "
               "that the Ostrava would stay out of service for two weeks."});
}

Article FerryB() {
  return Make("ferry-b", "Harbour Times", "Marlow ferry Ostrava evacuated after engine fire",
              {"Passengers were evacuated from the ferry Ostrava in Marlow harbour on Tuesday after a "
               "fire in its engine room, Brightwater Lines said.",
               "Harbour master Elin Sarkis said the crew acted quickly and that 212 passengers left "
               "the ferry at Pier Nine without injury.",
               "Brightwater Lines expects the Ostrava to return to service in two weeks."});
}

Article Tunnel() {
  return Make("tunnel-a", "Alpine Courier", "Kessel rail tunnel opens after nine years of work",
              {"The Kessel base tunnel opened to trains on Friday, cutting the journey between Vorda "
               "and Lintz by 40 minutes.",
               "Transport minister Ragna Holt called the 27-kilometre tunnel a turning point for the "
               "valley, and said 3,400 workers had built it.",
               "Freight trains will start using the tunnel in the spring, the operator Nordbahn said."},
              "2026-03-06");
}

StoryQuery Q(StorySort sort, std::string text = "", std::string entity = "", size_t limit = 50,
             size_t offset = 0) {
  StoryQuery q;
  q.sort = sort;
  q.text = std::move(text);
  q.entity = std::move(entity);
  q.limit = limit;
  q.offset = offset;
  return q;
}
StoryQuery Text(std::string text) { return Q(StorySort::kRecent, std::move(text)); }

// The store's article and copy counts, and a clean integrity check.
void ExpectCountsAndIntegrity(Store& store, size_t articles, size_t copies) {
  auto stats = store.Stats();
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_EQ(stats->articles, articles);
  EXPECT_EQ(stats->copies, copies);
  auto problems = store.CheckIntegrity();
  ASSERT_TRUE(problems.ok());
  EXPECT_TRUE(problems->empty()) << (*problems)[0];
}

// A story's member count (articles and copies) and outlets.
void ExpectStory(Store& store, const std::string& id, size_t count, const std::vector<std::string>& outlets) {
  auto row = store.GetStory(id);
  ASSERT_TRUE(row.ok() && row->has_value()) << "story " << id;
  EXPECT_EQ((*row)->article_count, count);
  EXPECT_EQ((*row)->outlets, outlets);
}
StoryQuery Entity(std::string entity) { return Q(StorySort::kRecent, "", std::move(entity)); }

class StoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("newsfuse_store_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    path_ = (dir_ / "news.db").string();
    // The engine's clusterer assigns stories and its pipeline builds the
    // briefings, as in the product.
    EngineOptions engine;
    engine.ner_model = "/nonexistent/model.bin";  // fast: no tagger in unit tests
    engine.threads = 2;
    pipeline_ = std::make_unique<engine::StorePipeline>(engine);
    pipeline_->Attach(&options_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::unique_ptr<Store> OpenStore() {
    auto store = Store::Open(path_, options_);
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? std::move(*store) : nullptr;
  }

  std::filesystem::path dir_;
  std::string path_;
  std::unique_ptr<engine::StorePipeline> pipeline_;
  StoreOptions options_;
};

// An assigner told what to answer: each article's story (else a new one),
// and the moves its next Revise reports.
class ScriptedAssigner : public StoryAssigner {
 public:
  std::any Prepare(const Article&) override { return 0; }
  void Reset() override {}
  void Replay(const Article&, std::any, int64_t) override {}
  void Plan(std::span<const Article* const> articles, std::span<const std::any* const>) override {
    planned.push_back(articles.size());
  }
  int64_t Assign(const Article& a, std::any, int64_t new_story) override {
    auto it = story_of.find(a.id);
    return it != story_of.end() ? it->second : new_story;
  }
  std::vector<Move> Revise(int64_t* next_story) override {
    if (!to_new_story.empty()) moves.push_back({std::exchange(to_new_story, ""), taken = (*next_story)++});
    return std::exchange(moves, {});
  }

  std::map<std::string, int64_t> story_of;
  std::vector<Move> moves;
  std::string to_new_story;  // moved to a story of its own, id taken from next_story
  int64_t taken = 0;
  std::vector<size_t> planned;  // articles per Plan call
};

// FerryA and Tunnel in one batch, each a story of its own (how the tests
// that script moves start): their story ids, empty when the ingest failed.
std::pair<std::string, std::string> IngestFerryAndTunnel(Store& store) {
  auto first = store.Ingest({FerryA(), Tunnel()});
  EXPECT_TRUE(first.ok()) << first.status().ToString();
  if (!first.ok() || first->articles.size() != 2) return {};
  return {first->articles[0].story_id, first->articles[1].story_id};
}

TEST_F(StoreTest, MovedArticlesChangeStoryAndAStoryLeftEmptyIsGone) {
  ScriptedAssigner assigner;
  options_.assigner = &assigner;
  auto store = OpenStore();
  ASSERT_TRUE(store);
  const auto [ferry_story, tunnel_story] = IngestFerryAndTunnel(*store);
  ASSERT_FALSE(ferry_story.empty());
  ASSERT_NE(ferry_story, tunnel_story);

  // The second batch joins the ferry story, and the assigner's second
  // thoughts move the tunnel report there too.
  assigner.story_of["ferry-b"] = std::stoll(ferry_story);
  assigner.moves = {{"tunnel-a", std::stoll(ferry_story)}};
  auto second = store->Ingest({FerryB()});
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(assigner.planned, (std::vector<size_t>{2, 1}));
  EXPECT_EQ(second->articles[0].story_id, ferry_story);

  auto tunnel = store->GetArticle("tunnel-a");
  ASSERT_TRUE(tunnel.ok());
  ASSERT_TRUE(tunnel->has_value());
  EXPECT_EQ((*tunnel)->story_id, ferry_story);
  auto gone = store->GetStory(tunnel_story);
  ASSERT_TRUE(gone.ok());
  EXPECT_FALSE(gone->has_value()) << "a story left without articles is deleted";
  auto ferry = store->GetStory(ferry_story);
  ASSERT_TRUE(ferry.ok());
  ASSERT_TRUE(ferry->has_value());
  EXPECT_EQ((*ferry)->article_count, 3u);

  // A move of an article of the batch itself, to a story of its own, is
  // reported in its outcome; the story it first opened is gone.
  Article late = Tunnel();
  late.id = "tunnel-b";
  late.paragraphs[0].text += " Schools had a holiday.";
  assigner.to_new_story = "tunnel-b";
  auto third = store->Ingest({late});
  ASSERT_TRUE(third.ok()) << third.status().ToString();
  EXPECT_EQ(third->articles[0].story_id, std::to_string(assigner.taken));
  auto stories = store->ListStories(Q(StorySort::kRecent));
  ASSERT_TRUE(stories.ok());
  EXPECT_EQ(stories->size(), 2u) << "the ferry story and tunnel-b's own";
  auto problems = store->CheckIntegrity();
  ASSERT_TRUE(problems.ok());
  EXPECT_TRUE(problems->empty()) << (*problems)[0];
}

TEST_F(StoreTest, AnIdOfADeletedStoryIsNeverGivenAgainAfterReopening) {
  ScriptedAssigner assigner;
  options_.assigner = &assigner;
  std::string tunnel_story;
  {
    auto store = OpenStore();
    ASSERT_TRUE(store);
    auto first = store->Ingest({FerryA(), Tunnel()});
    ASSERT_TRUE(first.ok()) << first.status().ToString();
    const std::string ferry_story = first->articles[0].story_id;
    tunnel_story = first->articles[1].story_id;
    ASSERT_GT(std::stoll(tunnel_story), std::stoll(ferry_story)) << "the test needs the highest id emptied";
    assigner.moves = {{"tunnel-a", std::stoll(ferry_story)}};
    assigner.story_of["ferry-b"] = std::stoll(ferry_story);
    ASSERT_TRUE(store->Ingest({FerryB()}).ok());
    auto gone = store->GetStory(tunnel_story);
    ASSERT_TRUE(gone.ok());
    ASSERT_FALSE(gone->has_value());
  }
  auto store = OpenStore();
  ASSERT_TRUE(store);
  Article other = Tunnel();
  other.id = "tunnel-c";
  other.paragraphs[0].text += " A second bore was opened.";
  auto r = store->Ingest({other});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ(r->articles.size(), 1u);
  EXPECT_GT(std::stoll(r->articles[0].story_id), std::stoll(tunnel_story))
      << "story " << tunnel_story << " was deleted; its id names no other story";
}

TEST_F(StoreTest, IngestIsIdempotentForSameIdAndSameContent) {
  auto store = OpenStore();
  ASSERT_TRUE(store);
  auto first = store->Ingest({FerryA(), FerryB(), Tunnel()});
  ASSERT_TRUE(first.ok()) << first.status().ToString();
  EXPECT_EQ(first->inserted, 3u);
  ASSERT_EQ(first->articles.size(), 3u);
  EXPECT_EQ(first->articles[0].story_id, first->articles[1].story_id) << "two reports of one fire";
  EXPECT_NE(first->articles[0].story_id, first->articles[2].story_id);

  auto again = store->Ingest({FerryA(), FerryB(), Tunnel()});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->unchanged, 3u);
  EXPECT_EQ(again->inserted, 0u);
  EXPECT_EQ(again->articles[0].outcome, IngestOutcome::kUnchanged);
  EXPECT_EQ(again->articles[0].story_id, first->articles[0].story_id);

  // A second id for a byte-identical body (syndication) is not stored
  // again as an article, but kept as a copy: a member of the original's
  // story, its outlet among the story's outlets.
  Article copy = FerryA();
  copy.id = "ferry-a-syndicated";
  copy.outlet = "Wire Digest";
  copy.title = "Harbour ferry fire: passengers evacuated";
  auto dup = store->Ingest({copy});
  ASSERT_TRUE(dup.ok());
  EXPECT_EQ(dup->duplicates, 1u);
  EXPECT_EQ(dup->articles[0].outcome, IngestOutcome::kDuplicateContent);
  EXPECT_EQ(dup->articles[0].duplicate_of, "ferry-a");
  const std::string ferry_story = first->articles[0].story_id;
  EXPECT_EQ(dup->articles[0].story_id, ferry_story);
  ExpectStory(*store, ferry_story, 3, {"Coast Ledger", "Harbour Times", "Wire Digest"});  // two reports, the copy
  auto row = store->GetStory(ferry_story);
  ASSERT_TRUE(row.ok() && row->has_value());
  EXPECT_EQ((*row)->headline, *FerryA().title) << "a copy never names the story before its articles";
  std::vector<std::string> members;
  ASSERT_TRUE(store
                  ->ForEachMember([&](std::string_view id, std::string_view story, std::string_view original) {
                    members.push_back(std::string(id) + " " + std::string(story) + " " + std::string(original));
                  })
                  .ok());
  EXPECT_EQ(members, (std::vector<std::string>{"ferry-a " + ferry_story + " ", "ferry-b " + ferry_story + " ",
                                               "tunnel-a " + first->articles[2].story_id + " ",
                                               "ferry-a-syndicated " + ferry_story + " ferry-a"}));
  // The same copy again changes nothing.
  auto dup_again = store->Ingest({copy});
  ASSERT_TRUE(dup_again.ok());
  EXPECT_EQ(dup_again->unchanged, 1u);
  EXPECT_EQ(dup_again->duplicates, 0u);
  EXPECT_EQ(dup_again->articles[0].duplicate_of, "ferry-a");
  EXPECT_EQ(dup_again->articles[0].story_id, ferry_story);
  ExpectStory(*store, ferry_story, 3, {"Coast Ledger", "Harbour Times", "Wire Digest"});
  // The story's briefing cites the copy as a reprint of its original.
  auto briefing = store->BriefingJson(ferry_story);
  ASSERT_TRUE(briefing.ok() && briefing->has_value()) << briefing.status().ToString();
  const size_t source = (*briefing)->find("\"ferry-a-syndicated\"");
  ASSERT_NE(source, std::string::npos) << **briefing;
  EXPECT_NE((*briefing)->find("Wire Digest", source), std::string::npos);
  EXPECT_NE((*briefing)->find("\"duplicate_of\"", source), std::string::npos);

  // The same id twice in one batch: stored once.
  Article t2 = Tunnel();
  t2.id = "tunnel-b";
  t2.paragraphs[0].text += " Local schools had a holiday.";
  auto twice = store->Ingest({t2, t2});
  ASSERT_TRUE(twice.ok());
  EXPECT_EQ(twice->inserted, 1u);
  EXPECT_EQ(twice->unchanged, 1u);

  ExpectCountsAndIntegrity(*store, 4, 1);
}

TEST_F(StoreTest, ACopyFollowsItsOriginalAndBecomesAnArticleWithABodyOfItsOwn) {
  ScriptedAssigner assigner;
  options_.assigner = &assigner;
  auto store = OpenStore();
  ASSERT_TRUE(store);
  const auto [ferry_id, tunnel_id] = IngestFerryAndTunnel(*store);
  ASSERT_FALSE(ferry_id.empty());
  const int64_t ferry_story = std::stoll(ferry_id);
  const int64_t tunnel_story = std::stoll(tunnel_id);
  Article copy = Tunnel();
  copy.id = "tunnel-wire";
  copy.outlet = "Wire Digest";
  // The regrouper moves the original in the batch that brings its copy:
  // the copy moves with it, and the story it left is gone.
  assigner.moves = {{"tunnel-a", ferry_story}};
  auto moved = store->Ingest({copy});
  ASSERT_TRUE(moved.ok()) << moved.status().ToString();
  EXPECT_EQ(moved->articles[0].outcome, IngestOutcome::kDuplicateContent);
  EXPECT_EQ(moved->articles[0].story_id, std::to_string(ferry_story));
  ExpectStory(*store, std::to_string(ferry_story), 3, {"Coast Ledger", "Alpine Courier", "Wire Digest"});
  auto gone = store->GetStory(std::to_string(tunnel_story));
  ASSERT_TRUE(gone.ok());
  EXPECT_FALSE(gone->has_value());

  // The copy's id comes again with a body of its own: a new article, grouped
  // as any other, and the story it was a copy in no longer lists it.
  copy.paragraphs[0].text += " Wire services added a correction.";
  assigner.moves.clear();
  auto own = store->Ingest({copy});
  ASSERT_TRUE(own.ok()) << own.status().ToString();
  EXPECT_EQ(own->articles[0].outcome, IngestOutcome::kInserted);
  EXPECT_TRUE(own->articles[0].duplicate_of.empty());
  EXPECT_NE(own->articles[0].story_id, std::to_string(ferry_story));
  ExpectStory(*store, std::to_string(ferry_story), 2, {"Coast Ledger", "Alpine Courier"});
  ExpectCountsAndIntegrity(*store, 3, 0);
}

TEST_F(StoreTest, AStoreMadeBeforeTheCopiesTableOpensAndKeepsCopies) {
  {
    auto store = OpenStore();
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->Ingest({FerryA()}).ok());
  }
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
  ASSERT_EQ(sqlite3_exec(db, "DROP TABLE copies", nullptr, nullptr, nullptr), SQLITE_OK);
  sqlite3_close(db);

  StoreOptions read_only = options_;
  read_only.read_only = true;
  {
    auto old = Store::Open(path_, read_only);
    ASSERT_TRUE(old.ok()) << old.status().ToString();
    auto stats = (*old)->Stats();
    ASSERT_TRUE(stats.ok()) << stats.status().ToString();
    EXPECT_EQ(stats->articles, 1u);
    EXPECT_EQ(stats->copies, 0u);
    size_t members = 0;
    ASSERT_TRUE((*old)->ForEachMember([&](std::string_view, std::string_view, std::string_view) { ++members; }).ok());
    EXPECT_EQ(members, 1u);
  }
  auto store = OpenStore();
  ASSERT_TRUE(store);
  Article copy = FerryA();
  copy.id = "ferry-a-syndicated";
  copy.outlet = "Wire Digest";
  auto dup = store->Ingest({copy});
  ASSERT_TRUE(dup.ok()) << dup.status().ToString();
  EXPECT_EQ(dup->duplicates, 1u);
  ExpectCountsAndIntegrity(*store, 1, 1);
}

TEST_F(StoreTest, CorrectionRecordsChangedFigureAndEditedQuote) {
  auto store = OpenStore();
  ASSERT_TRUE(store);
  auto first = store->Ingest({FerryA(), FerryB()});
  ASSERT_TRUE(first.ok());
  const std::string story = first->articles[0].story_id;
  auto before = store->GetStory(story);
  ASSERT_TRUE(before.ok() && before->has_value());

  Article corrected = FerryA();
  corrected.paragraphs[0].text =
      "A fire broke out on the Marlow harbour ferry Ostrava on Tuesday morning, forcing 221 "
      "passengers to leave the vessel at Pier Nine.";
  corrected.paragraphs[1].text =
      "\"The crew acted within two minutes and nobody was hurt,\" said harbour master Elin Sarkis.";
  auto r = store->Ingest({corrected});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->updated, 1u);
  EXPECT_EQ(r->articles[0].outcome, IngestOutcome::kUpdated);
  EXPECT_EQ(r->articles[0].story_id, story);

  auto changes = store->StoryChanges(story);
  ASSERT_TRUE(changes.ok());
  bool figure = false, quote = false;
  for (const ArticleChange& c : *changes) {
    EXPECT_EQ(c.article_id, "ferry-a");
    if (c.field == "figure") {
      figure = true;
      EXPECT_NE(c.before.find("212"), std::string::npos) << c.before;
      EXPECT_NE(c.after.find("221"), std::string::npos) << c.after;
    }
    if (c.field == "quote") {
      quote = true;
      EXPECT_EQ(c.before, "The crew acted within minutes and nobody was hurt,");
      EXPECT_EQ(c.after, "The crew acted within two minutes and nobody was hurt,");
    }
  }
  EXPECT_TRUE(figure) << "no figure change among " << changes->size();
  EXPECT_TRUE(quote) << "no quote change among " << changes->size();

  auto stored = store->GetArticle("ferry-a");
  ASSERT_TRUE(stored.ok() && stored->has_value());
  EXPECT_EQ((*stored)->article.paragraphs[0].text, corrected.paragraphs[0].text);
  EXPECT_EQ((*stored)->changes.size(), changes->size());

  // The search index follows the correction.
  auto found = store->ListStories(Text("221 passengers"));
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->size(), 1u);
  auto problems = store->CheckIntegrity();
  ASSERT_TRUE(problems.ok());
  EXPECT_TRUE(problems->empty()) << (*problems)[0];
}

TEST(ArticleDiffTest, OtherEditsAreReportedAsTheFirstDifferingSentence) {
  Article a = Tunnel();
  Article b = Tunnel();
  b.title = "Kessel base tunnel opens";
  b.paragraphs[2].text = "Freight trains will start using the tunnel in the summer, the operator Nordbahn said.";
  auto changes = DiffArticles(a, b, 7);
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0].field, "title");
  EXPECT_EQ(changes[0].after, "Kessel base tunnel opens");
  EXPECT_EQ(changes[1].field, "text");
  EXPECT_NE(changes[1].before.find("spring"), std::string::npos);
  EXPECT_NE(changes[1].after.find("summer"), std::string::npos);
  EXPECT_EQ(changes[1].at_unix, 7);
  EXPECT_TRUE(DiffArticles(a, a, 7).empty());
}

TEST_F(StoreTest, ListsStoriesBySizeAndFindsThemByTextAndEntity) {
  auto store = OpenStore();
  ASSERT_TRUE(store);
  ASSERT_TRUE(store->Ingest({FerryA(), FerryB(), Tunnel()}).ok());

  auto largest = store->ListStories(Q(StorySort::kLargest));
  ASSERT_TRUE(largest.ok());
  ASSERT_EQ(largest->size(), 2u);
  EXPECT_EQ((*largest)[0].article_count, 2u);
  EXPECT_EQ((*largest)[0].headline, "Fire on Marlow harbour ferry forces evacuation");
  EXPECT_EQ((*largest)[0].outlets, (std::vector<std::string>{"Coast Ledger", "Harbour Times"}));
  EXPECT_EQ((*largest)[0].first_published, "2026-03-04");

  auto recent = store->ListStories(Q(StorySort::kRecent));
  ASSERT_TRUE(recent.ok());
  ASSERT_EQ(recent->size(), 2u);
  EXPECT_EQ((*recent)[0].headline, "Kessel rail tunnel opens after nine years of work");

  auto by_text = store->ListStories(Text("engine room"));
  ASSERT_TRUE(by_text.ok());
  ASSERT_EQ(by_text->size(), 1u);
  EXPECT_EQ((*by_text)[0].article_count, 2u);
  auto by_title = store->ListStories(Text("Kessel"));
  ASSERT_TRUE(by_title.ok());
  EXPECT_EQ(by_title->size(), 1u);
  auto nothing = store->ListStories(Text("volcano"));
  ASSERT_TRUE(nothing.ok());
  EXPECT_TRUE(nothing->empty());
  auto operators = store->ListStories(Text("\"AND OR NEAR( *"));
  ASSERT_TRUE(operators.ok()) << operators.status().ToString();

  auto by_name = store->ListStories(Entity("Ragna Holt"));
  ASSERT_TRUE(by_name.ok());
  ASSERT_EQ(by_name->size(), 1u);
  EXPECT_EQ((*by_name)[0].headline, "Kessel rail tunnel opens after nine years of work");
  auto by_surname = store->ListStories(Entity("sarkis"));
  ASSERT_TRUE(by_surname.ok());
  ASSERT_EQ(by_surname->size(), 1u);
  EXPECT_EQ((*by_surname)[0].article_count, 2u);
  auto both = store->ListStories(Q(StorySort::kRecent, "tunnel", "Elin Sarkis"));
  ASSERT_TRUE(both.ok());
  EXPECT_TRUE(both->empty());

  auto page = store->ListStories(Q(StorySort::kRecent, "", "", 1, 1));
  ASSERT_TRUE(page.ok());
  ASSERT_EQ(page->size(), 1u);
  EXPECT_EQ((*page)[0].headline, "Fire on Marlow harbour ferry forces evacuation");
}

TEST_F(StoreTest, BriefingIsCachedAndRebuiltAfterCorrection) {
  auto store = OpenStore();
  ASSERT_TRUE(store);
  auto r = store->Ingest({FerryA(), FerryB()});
  ASSERT_TRUE(r.ok());
  const std::string story = r->articles[0].story_id;

  // Concurrent first requests build once and agree.
  std::vector<std::string> got(4);
  std::vector<std::thread> threads;
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&, i] {
      auto json = store->BriefingJson(story);
      if (json.ok() && json->has_value()) got[i] = **json;
    });
  }
  for (auto& t : threads) t.join();
  ASSERT_FALSE(got[0].empty());
  for (const auto& g : got) EXPECT_EQ(g, got[0]);
  EXPECT_NE(got[0].find("\"id\": \"" + story + "\""), std::string::npos);
  EXPECT_NE(got[0].find("212"), std::string::npos);

  auto cached = store->BriefingJson(story);
  ASSERT_TRUE(cached.ok() && cached->has_value());
  EXPECT_EQ(**cached, got[0]);

  Article corrected = FerryA();
  corrected.paragraphs[0].text =
      "A fire broke out on the Marlow harbour ferry Ostrava on Tuesday morning, forcing 219 "
      "passengers to leave the vessel at Pier Nine.";
  ASSERT_TRUE(store->Ingest({corrected}).ok());
  auto rebuilt = store->BriefingJson(story);
  ASSERT_TRUE(rebuilt.ok() && rebuilt->has_value());
  EXPECT_NE(**rebuilt, got[0]);
  EXPECT_NE((*rebuilt)->find("219"), std::string::npos);

  auto missing = store->BriefingJson("999999");
  ASSERT_TRUE(missing.ok());
  EXPECT_FALSE(missing->has_value());
  auto junk = store->BriefingJson("../etc");
  ASSERT_TRUE(junk.ok());
  EXPECT_FALSE(junk->has_value());
}

// What one BriefingJson call came to: "json", "error: <status>", "none", or
// "threw: <what>" (an exception escaping the store is a failure, not a crash
// of the test binary).
std::string BriefingOutcome(Store& store, const std::string& story) {
  try {
    auto json = store.BriefingJson(story);
    if (!json.ok()) return "error: " + json.status().ToString();
    return json->has_value() ? "json" : "none";
  } catch (const std::exception& e) {
    return std::string("threw: ") + e.what();
  }
}

TEST_F(StoreTest, FailedBriefingBuildIsAnErrorForEveryWaiterAndIsRetried) {
  // The engine's builder, wrapped: while `fail` is set every build throws
  // std::bad_alloc (a hostile story running the pipeline out of memory);
  // the first build also waits for `release`, so the other requests arrive
  // while it is in flight and wait on it.
  BriefingBuilder real = options_.build_briefing;
  std::atomic<bool> fail{true};
  std::atomic<int> builds{0};
  std::promise<void> entered, release;
  std::shared_future<void> released = release.get_future().share();
  options_.build_briefing = [&](const std::string& id, std::vector<Article> members) -> Result<std::string> {
    if (builds.fetch_add(1) == 0) {
      entered.set_value();
      released.wait();
    }
    if (fail) throw std::bad_alloc();
    return real(id, std::move(members));
  };
  auto store = OpenStore();
  ASSERT_TRUE(store);
  auto r = store->Ingest({FerryA(), FerryB()});
  ASSERT_TRUE(r.ok());
  const std::string story = r->articles[0].story_id;

  std::vector<std::string> outcomes(4);
  std::vector<std::thread> threads;
  threads.emplace_back([&] { outcomes[0] = BriefingOutcome(*store, story); });
  entered.get_future().wait();
  for (int i = 1; i < 4; ++i) threads.emplace_back([&, i] { outcomes[i] = BriefingOutcome(*store, story); });
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  release.set_value();
  for (auto& t : threads) t.join();
  for (const auto& o : outcomes) {
    EXPECT_EQ(o.rfind("error: ", 0), 0u) << o;
    EXPECT_NE(o.find("bad_alloc"), std::string::npos) << o;
  }

  // Not cached: the next request builds again and gets the briefing.
  fail = false;
  const int before = builds.load();
  EXPECT_EQ(BriefingOutcome(*store, story), "json");
  EXPECT_EQ(builds.load(), before + 1);
  auto json = store->BriefingJson(story);
  ASSERT_TRUE(json.ok() && json->has_value());
  EXPECT_NE((*json)->find("212"), std::string::npos);
}

TEST_F(StoreTest, ReopenKeepsEverythingAndStoriesContinue) {
  std::string story, briefing;
  {
    auto store = OpenStore();
    ASSERT_TRUE(store);
    auto r = store->Ingest({FerryA(), Tunnel()});
    ASSERT_TRUE(r.ok());
    story = r->articles[0].story_id;
    auto json = store->BriefingJson(story);
    ASSERT_TRUE(json.ok() && json->has_value());
    briefing = **json;
  }
  auto store = OpenStore();
  ASSERT_TRUE(store);
  auto stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->articles, 2u);
  EXPECT_EQ(stats->stories, 2u);
  auto json = store->BriefingJson(story);
  ASSERT_TRUE(json.ok() && json->has_value());
  EXPECT_EQ(**json, briefing) << "the stored briefing is current";
  auto article = store->GetArticle("tunnel-a");
  ASSERT_TRUE(article.ok() && article->has_value());
  EXPECT_EQ((*article)->article.title, Tunnel().title);
  EXPECT_EQ((*article)->article.paragraphs.size(), 3u);
  EXPECT_EQ(OptionalDateString((*article)->article.published), "2026-03-06");

  // After the restart, a new report of the fire joins the stored story.
  auto r = store->Ingest({FerryB()});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->articles[0].story_id, story);
  auto again = store->Ingest({FerryA()});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->unchanged, 1u);
}

TEST_F(StoreTest, ArticlesRoundTripEveryField) {
  auto store = OpenStore();
  ASSERT_TRUE(store);
  Article a = Tunnel();
  a.url = "https://example.org/kessel";
  a.subtitle = "Nine years, 3,400 workers";
  a.language = "en";
  a.paragraphs[1].is_heading = true;
  a.paragraphs[2].is_list_item = true;
  a.paragraphs[2].label = "Why it matters";
  a.dropped.push_back({BoilerplateKind::kPhotoCaption, "PHOTO: the tunnel portal"});
  ASSERT_TRUE(store->Ingest({a}).ok());
  auto got = store->GetArticle(a.id);
  ASSERT_TRUE(got.ok() && got->has_value());
  const Article& b = (*got)->article;
  EXPECT_EQ(b.url, a.url);
  EXPECT_EQ(b.subtitle, a.subtitle);
  EXPECT_EQ(b.language, a.language);
  EXPECT_EQ(b.origin, a.origin);
  EXPECT_TRUE(b.paragraphs[1].is_heading);
  EXPECT_TRUE(b.paragraphs[2].is_list_item);
  EXPECT_EQ(b.paragraphs[2].label, "Why it matters");
  ASSERT_EQ(b.dropped.size(), 1u);
  EXPECT_EQ(b.dropped[0].kind, BoilerplateKind::kPhotoCaption);
  EXPECT_EQ(b.dropped[0].text, "PHOTO: the tunnel portal");
  EXPECT_GT((*got)->ingested_unix, 0);
  EXPECT_FALSE(store->GetArticle("nope")->has_value());
}

TEST_F(StoreTest, OpeningAForeignFileFailsWithAClearMessage) {
  {
    std::ofstream f(path_);
    f << "id,title\n1,not a database\n";
  }
  auto store = Store::Open(path_, options_);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().ToString(), path_ + ": not a newsfuse store (not an SQLite database)");

  // An SQLite database of another program.
  const std::string other = (dir_ / "other.db").string();
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(other.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "CREATE TABLE t(x)", nullptr, nullptr, nullptr), SQLITE_OK);
    sqlite3_close(db);
  }
  auto foreign = Store::Open(other, options_);
  ASSERT_FALSE(foreign.ok());
  EXPECT_NE(foreign.status().ToString().find("other.db: not a newsfuse store"), std::string::npos)
      << foreign.status().ToString();

  StoreOptions must;
  must.must_exist = true;
  auto absent = Store::Open((dir_ / "absent.db").string(), must);
  ASSERT_FALSE(absent.ok());
  EXPECT_NE(absent.status().ToString().find("absent.db: no such store"), std::string::npos);
}

TEST_F(StoreTest, ConcurrentIngestAndReadsAgree) {
  auto store = OpenStore();
  ASSERT_TRUE(store);
  std::atomic<bool> done{false};
  std::thread reader([&] {
    while (!done) {
      auto rows = store->ListStories(Q(StorySort::kLargest));
      ASSERT_TRUE(rows.ok());
      for (const auto& row : *rows) EXPECT_GE(row.article_count, 1u);
    }
  });
  std::vector<std::thread> writers;
  for (int w = 0; w < 2; ++w) {
    writers.emplace_back([&, w] {
      for (int b = 0; b < 10; ++b) {
        std::vector<Article> batch;
        for (int i = 0; i < 20; ++i) {
          Article a = (i % 2) ? FerryB() : Tunnel();
          a.id = "w" + std::to_string(w) + "-" + std::to_string(b) + "-" + std::to_string(i);
          a.paragraphs[0].text += " Item " + a.id + ".";
          batch.push_back(std::move(a));
        }
        auto r = store->Ingest(std::move(batch));
        ASSERT_TRUE(r.ok()) << r.status().ToString();
        EXPECT_EQ(r->inserted, 20u);
      }
    });
  }
  for (auto& t : writers) t.join();
  done = true;
  reader.join();
  auto stats = store->Stats();
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->articles, 400u);
  auto problems = store->CheckIntegrity();
  ASSERT_TRUE(problems.ok());
  EXPECT_TRUE(problems->empty()) << (*problems)[0];
}

TEST(ArticleCodecTest, NameTokensKeepRunsAndTheirWords) {
  Article a = Tunnel();
  const std::vector<std::string> names = NameTokens(a);
  auto has = [&](const std::string& n) { return std::find(names.begin(), names.end(), n) != names.end(); };
  EXPECT_TRUE(has("ragna_holt"));
  EXPECT_TRUE(has("holt"));
  EXPECT_TRUE(has("nordbahn"));
  EXPECT_TRUE(has("kessel"));
  EXPECT_FALSE(has("the"));
  EXPECT_FALSE(has("friday"));
  EXPECT_EQ(NameToken("  Ragna   HOLT "), "ragna_holt");
  EXPECT_EQ(TextQuery("engine \"room\" OR"), "\"engine\" \"room\" \"OR\"");
  EXPECT_EQ(TextQuery("--"), "");
}

// A kill -9 between a batch's commit and the indexer's: the rows are stored,
// the text index lacks them. Simulated by emptying the index and its mark;
// the next writable open must index them again.
TEST_F(StoreTest, RowsCommittedButNotIndexedAreIndexedOnOpen) {
  {
    auto store = OpenStore();
    ASSERT_TRUE(store);
    ASSERT_TRUE(store->Ingest({FerryA(), Tunnel()}).ok());
    ASSERT_TRUE(store->WaitForIndex().ok());
  }
  {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path_.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db,
                           "INSERT INTO article_text(article_text) VALUES('delete-all'); "
                           "INSERT INTO article_names(article_names) VALUES('delete-all'); "
                           "UPDATE meta SET value = 0 WHERE key = 'indexed_rowid'",
                           nullptr, nullptr, nullptr),
              SQLITE_OK)
        << sqlite3_errmsg(db);
    sqlite3_close(db);
  }
  auto store = OpenStore();
  ASSERT_TRUE(store);
  // A correction of a row the indexer has not reached: indexed once, with
  // its new text.
  Article corrected = Tunnel();
  corrected.paragraphs[2].text = "Freight trains will start using the tunnel in the autumn, the operator Nordbahn said.";
  auto r = store->Ingest({corrected, FerryB()});
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  auto by_text = store->ListStories(Text("engine room"));
  ASSERT_TRUE(by_text.ok());
  ASSERT_EQ(by_text->size(), 1u);
  EXPECT_EQ((*by_text)[0].article_count, 2u);
  auto autumn = store->ListStories(Text("autumn"));
  ASSERT_TRUE(autumn.ok());
  EXPECT_EQ(autumn->size(), 1u);
  auto spring = store->ListStories(Text("spring"));
  ASSERT_TRUE(spring.ok());
  EXPECT_TRUE(spring->empty()) << "the text before the correction is not indexed";
  auto by_name = store->ListStories(Entity("Ragna Holt"));
  ASSERT_TRUE(by_name.ok());
  EXPECT_EQ(by_name->size(), 1u);
  auto problems = store->CheckIntegrity();
  ASSERT_TRUE(problems.ok());
  EXPECT_TRUE(problems->empty()) << (*problems)[0];
}

}  // namespace
}  // namespace newsfuse::store

namespace newsfuse::store {
namespace {

// Pages reach the database file while the store is open: the background
// checkpointer copies the WAL into it once the WAL passes a few thousand
// frames. (Its connection once had never read the file, so its checkpoints
// were silent no-ops and the WAL grew until the writer stalled on one big
// checkpoint of its own.)
TEST_F(StoreTest, BackgroundCheckpointsCopyTheWalIntoTheFile) {
  auto store = OpenStore();
  ASSERT_TRUE(store);
  static constexpr const char* kWords[] = {"harbour", "council", "ferry",  "budget", "tunnel",  "minister",
                                           "storm",   "bridge",  "report", "vote",   "station", "river"};
  uint64_t x = 88172645463325252ull;  // xorshift: distinct bodies, no two alike
  auto next = [&] {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x;
  };
  for (int batch = 0; batch < 12; ++batch) {
    std::vector<Article> articles;
    for (int i = 0; i < 500; ++i) {
      std::vector<std::string> paragraphs;
      for (int p = 0; p < 6; ++p) {
        std::string text = "Paragraph " + std::to_string(p) + " of report " + std::to_string(batch * 500 + i) + ":";
        for (int w = 0; w < 80; ++w) text += std::string(" ") + kWords[next() % std::size(kWords)];
        paragraphs.push_back(text + ".");
      }
      const std::string id = "load-" + std::to_string(batch * 500 + i);
      articles.push_back(Make(id, "Outlet " + std::to_string(i % 7), "Report " + id, paragraphs));
    }
    auto result = store->Ingest(std::move(articles));
    ASSERT_TRUE(result.ok()) << result.status().ToString();
  }
  // 6,000 articles of ~3 KB: well past the checkpointer's threshold, far
  // below the writer's own. The copy is asynchronous: wait for it.
  uintmax_t size = 0;
  for (int i = 0; i < 100 && size < (8u << 20); ++i) {
    size = std::filesystem::file_size(path_);
    if (size < (8u << 20)) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  EXPECT_GE(size, 8u << 20) << "the database file did not grow while the store was open: no checkpoint ran";
}

}  // namespace
}  // namespace newsfuse::store
