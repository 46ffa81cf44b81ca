#include "cluster/window_regrouper.h"

#include <gtest/gtest.h>

#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "cluster/cluster_articles.h"
#include "eval/cluster_eval.h"

namespace newsfuse::cluster {
namespace {

Article Make(std::string id, std::string date, std::string title, std::string body) {
  Article a;
  a.id = std::move(id);
  a.published = ParseIsoDate(date);
  a.title = std::move(title);
  a.outlet = "example.com";
  Paragraph p;
  p.text = std::move(body);
  a.paragraphs.push_back(std::move(p));
  return a;
}

// Invented reports of three events: two arrests of two players of one team
// (twin events), and a bridge closure, each told a few ways.
std::vector<Article> Corpus() {
  const std::string jackson =
      "San Diego Chargers receiver Vincent Jackson was arrested on suspicion of drunken driving, "
      "police said. Jackson was stopped by officers on Interstate 5. ";
  const std::string williams =
      "Chargers defensive tackle Jamal Williams was arrested on suspicion of drunken driving in "
      "downtown San Diego. Williams was booked into county jail and released on bail. ";
  const std::string bridge =
      "The harbour authority closed the northern bridge after inspectors found cracks in two of "
      "its steel cables. Traffic was diverted through the tunnel. ";
  return {
      Make("j1", "2009-02-02T10:00", "Chargers receiver arrested", jackson + "The team declined to comment."),
      Make("b1", "2009-02-02T11:00", "Harbour bridge closed", bridge + "Ferries added crossings."),
      Make("j2", "2009-02-02T12:00", "Jackson held", jackson + "His agent said Jackson would cooperate."),
      Make("w1", "2009-02-03T09:00", "Williams arrested", williams + "The Chargers said they knew."),
      Make("b2", "2009-02-03T10:00", "Bridge cables cracked", bridge + "Engineers plan repairs for weeks."),
      Make("w2", "2009-02-03T11:00", "Tackle booked", williams + "Williams is due in court next month."),
      Make("j3", "2009-02-04T08:00", "Receiver to face charge", jackson + "Prosecutors will decide soon."),
      Make("w3", "2009-02-04T09:00", "Second arrest", williams + "It is his second arrest this year."),
  };
}

ClusterOptions TestOptions() {
  ClusterOptions o;
  o.reference_minutes = 29000000;
  return o;
}

// Story of each article after feeding `articles` in batches of `batch`,
// following every move.
std::vector<int64_t> Regroup(const std::vector<Article>& articles, size_t batch, const ClusterOptions& options) {
  WindowRegrouper regrouper(options);
  fingerprint::Fingerprinter fp(options.fingerprint);
  std::vector<int64_t> story(articles.size());
  std::unordered_map<std::string, size_t> index;
  int64_t next = 1;
  for (size_t begin = 0; begin < articles.size(); begin += batch) {
    const size_t end = std::min(articles.size(), begin + batch);
    std::vector<fingerprint::RawFingerprint> raw;
    for (size_t i = begin; i < end; ++i) raw.push_back(fp.Extract(articles[i]));
    regrouper.Propose(std::span(articles).subspan(begin, end - begin), raw);
    for (size_t i = begin; i < end; ++i) {
      index[articles[i].id] = i;
      story[i] = regrouper.Place(i - begin, next);
      if (story[i] == next) ++next;
    }
    for (const WindowRegrouper::Move& m : regrouper.Settle(&next)) {
      EXPECT_EQ(story[index[m.article_id]], m.from) << m.article_id;
      story[index[m.article_id]] = m.story;
    }
  }
  return story;
}

// Pairs of articles in one story, as a set of "a|b".
template <typename Label>
std::set<std::string> SamePairs(const std::vector<Article>& articles, const std::vector<Label>& label) {
  std::set<std::string> out;
  for (size_t i = 0; i < articles.size(); ++i) {
    for (size_t j = i + 1; j < articles.size(); ++j) {
      if (label[i] == label[j]) out.insert(articles[i].id + "|" + articles[j].id);
    }
  }
  return out;
}

TEST(WindowRegrouperTest, AfterEveryBatchSizeTheStoriesAreTheBatchClusterersOnes) {
  const std::vector<Article> articles = Corpus();
  std::vector<size_t> batch_story(articles.size());
  const std::vector<StoryGroup> groups = ClusterArticles(articles, TestOptions());
  for (size_t g = 0; g < groups.size(); ++g) {
    for (size_t i : groups[g].members) batch_story[i] = g;
  }
  const std::set<std::string> expected = SamePairs(articles, batch_story);
  ASSERT_FALSE(expected.empty());
  for (size_t batch : {1, 2, 3, 8}) {
    EXPECT_EQ(SamePairs(articles, Regroup(articles, batch, TestOptions())), expected) << "batch " << batch;
  }
}

// A regrouper over Corpus() whose window holds articles placed beforehand.
struct Window {
  ClusterOptions options = TestOptions();
  std::vector<Article> all = Corpus();
  WindowRegrouper regrouper{options};
  fingerprint::Fingerprinter fp{options.fingerprint};
  void Keep(size_t i, int64_t story) { regrouper.Keep(all[i], fp.Extract(all[i]), story); }
  void Propose(std::vector<size_t> indices) {
    std::vector<Article> arrivals;
    std::vector<fingerprint::RawFingerprint> raw;
    for (size_t i : indices) {
      arrivals.push_back(all[i]);
      raw.push_back(fp.Extract(all[i]));
    }
    regrouper.Propose(arrivals, raw);
  }
};

TEST(WindowRegrouperTest, AStoryStartedTwiceIsJoinedByMovingItsArticles) {
  // A stream put two reports of one arrest in two stories (40 and 41);
  // with a third report the batch clusterer groups all three, and the
  // younger story's article moves into the older one.
  Window w;
  w.Keep(0, 40);  // j1
  w.Keep(2, 41);  // j2
  w.Propose({6});  // j3
  int64_t next = 42;
  EXPECT_EQ(w.regrouper.Place(0, next), 40);
  const std::vector<WindowRegrouper::Move> moves = w.regrouper.Settle(&next);
  ASSERT_EQ(moves.size(), 1u);
  EXPECT_EQ(moves[0].article_id, "j2");
  EXPECT_EQ(moves[0].from, 41);
  EXPECT_EQ(moves[0].story, 40);
  EXPECT_EQ(next, 42);
}

TEST(WindowRegrouperTest, KeepsTheMostRecentArticlesOnly) {
  ClusterOptions options = TestOptions();
  options.regroup_window_articles = 3;
  options.regroup_kept_stories = 0;
  WindowRegrouper regrouper(options);
  fingerprint::Fingerprinter fp(options.fingerprint);
  int64_t next = 1;
  for (const Article& a : Corpus()) {
    fingerprint::RawFingerprint raw = fp.Extract(a);
    regrouper.Propose({&a, 1}, {&raw, 1});
    if (regrouper.Place(0, next) == next) ++next;
    regrouper.Settle(&next);
  }
  EXPECT_EQ(regrouper.size(), 3u);
}

// A story whose articles have all left the recent window keeps its newest
// article as a representative, so a later report still joins it.
TEST(WindowRegrouperTest, AStoryPastTheRecentArticlesIsStillJoined) {
  const std::vector<Article> all = Corpus();
  const std::vector<Article> feed = {all[0], all[1], all[4], all[2]};  // j1, b1, b2, j2
  ClusterOptions options = TestOptions();
  options.regroup_window_articles = 2;
  const std::vector<int64_t> kept = Regroup(feed, 1, options);
  EXPECT_EQ(kept[3], kept[0]) << "j2 joins j1's story";
  EXPECT_EQ(kept[2], kept[1]);
  options.regroup_kept_stories = 0;
  const std::vector<int64_t> forgotten = Regroup(feed, 1, options);
  EXPECT_NE(forgotten[3], forgotten[0]) << "without representatives j1 is gone when j2 arrives";
}

TEST(WindowRegrouperTest, ReplayedArticlesKeepTheirStoryWhenTheGroupingAgrees) {
  Window w;
  w.Keep(0, 40);  // Jackson
  w.Keep(1, 41);  // bridge
  w.Propose({2, 4});
  int64_t next = 42;
  EXPECT_EQ(w.regrouper.Place(0, next), 40);  // another Jackson report
  EXPECT_EQ(w.regrouper.Place(1, next), 41);  // another bridge report
  EXPECT_TRUE(w.regrouper.Settle(&next).empty());
  EXPECT_EQ(next, 42);
}

}  // namespace
}  // namespace newsfuse::cluster
