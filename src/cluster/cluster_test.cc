#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cluster/cluster_articles.h"
#include "cluster/cluster_eval.h"
#include "cluster/similarity.h"
#include "cluster/story_clusterer.h"

namespace newsfuse::cluster {
namespace {

// Invented reports of three events: two of one kind (a footballer's arrest),
// one of another (a bridge closure).
Article Make(std::string id, std::string date, std::string title, std::string body,
             std::string outlet = "example.com") {
  Article a;
  a.id = std::move(id);
  a.published = std::move(date);
  a.title = std::move(title);
  a.outlet = std::move(outlet);
  Paragraph p;
  p.text = std::move(body);
  a.paragraphs.push_back(std::move(p));
  return a;
}

std::string Jackson() {
  return "San Diego Chargers receiver Vincent Jackson was arrested early Saturday on suspicion "
         "of drunken driving, police said. Jackson was stopped by officers after his car was "
         "seen weaving on Interstate 5. The Chargers said they were aware of the arrest of "
         "Vincent Jackson and would not comment further.";
}
std::string Williams() {
  return "Chargers defensive tackle Jamal Williams was arrested on suspicion of drunken driving "
         "in downtown San Diego, police said. Williams was booked into county jail and released "
         "on bail. It is the second arrest of Jamal Williams this year, his agent said.";
}
std::string Bridge() {
  return "The harbour authority closed the northern bridge on Tuesday after inspectors found "
         "cracks in two of its steel cables. Traffic was diverted through the tunnel and ferries "
         "added crossings for commuters while engineers plan repairs.";
}

ClusterOptions TestOptions() {
  ClusterOptions o;
  o.reference_minutes = 29000000;  // 2025-02-19: the test dates are all before it
  return o;
}

TEST(StoryClustererTest, CopiesJoinTheirOriginalAndEventsStayApart) {
  StoryClusterer c(TestOptions());
  Assignment a = c.Assign(Make("a", "2009-02-02T10:00", "Chargers receiver arrested", Jackson()));
  std::string edited = Jackson();
  edited.replace(edited.find("early Saturday"), 14, "on Saturday");
  Assignment b = c.Assign(Make("b", "2009-02-02T11:00", "Jackson held on DUI charge", edited,
                               "wire.example"));
  Assignment d = c.Assign(Make("d", "2009-02-02T12:00", "Harbour bridge closed", Bridge()));
  EXPECT_TRUE(a.new_story);
  EXPECT_EQ(b.story_id, a.story_id);
  ASSERT_TRUE(b.duplicate_of.has_value());
  EXPECT_EQ(*b.duplicate_of, a.index);
  EXPECT_EQ(b.duplicate_of_id, "a");
  EXPECT_NE(d.story_id, a.story_id);
  EXPECT_TRUE(d.new_story);
}

TEST(StoryClustererTest, BadInputIsCountedNotFatal) {
  StoryClusterer c(TestOptions());
  c.Assign(Make("x", "", "No date here", Bridge()));
  c.Assign(Make("y", "2999-01-01", "From the future", Bridge()));
  c.Assign(Make("z", "not a date", "Bad date", ""));
  Assignment dup = c.Assign(Make("x", "2009-01-01", "Same id again", Jackson()));
  Article empty;
  empty.id = "e";
  Assignment e = c.Assign(empty);
  const InputIssueCounts& n = c.issue_counts();
  EXPECT_EQ(n.no_date, 4u);  // x, y (future), z (bad), e
  EXPECT_EQ(n.future_date, 1u);
  EXPECT_EQ(n.bad_date, 1u);
  EXPECT_EQ(n.empty_body, 2u);
  EXPECT_EQ(n.empty_article, 1u);
  EXPECT_EQ(n.duplicate_id, 1u);
  EXPECT_TRUE(dup.issues & kDuplicateId);
  EXPECT_TRUE(e.new_story);
}

TEST(StoryClustererTest, StoriesOutsideTheWindowAreFrozenAndLeaveMemory) {
  ClusterOptions o = TestOptions();
  o.window_hours = 24;
  StoryClusterer c(o);
  std::vector<FrozenStory> frozen;
  c.set_on_frozen([&](FrozenStory&& s) { frozen.push_back(std::move(s)); });
  c.Assign(Make("old", "2009-01-01T00:00", "Harbour bridge closed", Bridge()));
  // Enough later articles to trigger a sweep.
  for (int i = 0; i < 5000; ++i) {
    c.Assign(Make("n" + std::to_string(i), "2009-01-10T00:00", "Chargers receiver arrested",
                  Jackson() + " Update " + std::to_string(i) + "."));
  }
  ASSERT_FALSE(frozen.empty());
  EXPECT_EQ(frozen[0].article_ids, std::vector<std::string>{"old"});
  EXPECT_EQ(frozen[0].headline, "Harbour bridge closed");
  EXPECT_LT(c.articles_in_window(), 5001u);
  c.FreezeAll();
  EXPECT_EQ(c.open_stories(), 0u);
  EXPECT_EQ(c.articles_in_window(), 0u);
}

// The merge pass: with a join threshold no second article can meet, each
// report starts its own story; at the end the two reports of the bridge
// closure are folded together, and the arrest stays apart.
TEST(StoryClustererTest, MergePassFoldsAStoryThatStartedTwice) {
  ClusterOptions o = TestOptions();
  o.assign_threshold = 2.0f;  // nothing joins on arrival
  // Another outlet's own words on the closure: similar, not a copy.
  const std::string other =
      "Commuters faced long detours after the northern bridge was shut by the harbour authority. "
      "Inspectors had found cracks in steel cables, engineers said, and repairs are being planned "
      "while ferries run extra crossings and traffic uses the tunnel.";
  std::vector<std::pair<uint64_t, uint64_t>> merges;
  std::vector<std::vector<std::string>> frozen;
  auto run = [&](float merge_threshold) {
    o.stream_merge_threshold = merge_threshold;
    StoryClusterer c(o);
    merges.clear();
    frozen.clear();
    c.set_on_merged([&](uint64_t story, uint64_t into) { merges.push_back({story, into}); });
    c.set_on_frozen([&](FrozenStory&& s) { frozen.push_back(s.article_ids); });
    c.Assign(Make("b1", "2025-02-11T08:00", "Harbour bridge closed", Bridge()));
    c.Assign(Make("j", "2025-02-11T09:00", "Chargers receiver arrested", Jackson()));
    c.Assign(Make("b2", "2025-02-11T10:00", "Cracks close the harbour bridge", other, "other.example"));
    c.FreezeAll();
  };
  run(0.0f);
  EXPECT_TRUE(merges.empty());
  EXPECT_EQ(frozen.size(), 3u);
  run(0.17f);
  ASSERT_EQ(merges.size(), 1u);
  ASSERT_EQ(frozen.size(), 2u);
  std::vector<std::string> bridge = frozen[0].size() == 2 ? frozen[0] : frozen[1];
  EXPECT_EQ(bridge, (std::vector<std::string>{"b1", "b2"}));
}

TEST(ClusterArticlesTest, GroupsEventsAndMarksCopies) {
  std::vector<Article> in = {
      Make("j1", "2009-02-02", "Chargers receiver arrested", Jackson()),
      Make("w1", "2009-02-04", "Chargers lineman arrested", Williams()),
      Make("j2", "2009-02-02", "Jackson arrested", Jackson(), "other.example"),
      Make("b1", "2009-02-03", "Bridge closed", Bridge()),
      Make("w2", "2009-02-05", "Williams faces charges",
           "Jamal Williams of the Chargers faces drunken driving charges after his arrest in San "
           "Diego. Williams, a defensive tackle, was released on bail."),
      Make("j1", "2009-02-02", "repeated id", Bridge()),
  };
  ClusterReport report;
  std::vector<StoryGroup> groups = ClusterArticles(in, TestOptions(), &report);
  EXPECT_EQ(report.duplicate_ids, 1u);
  std::vector<int> story(in.size(), -1);
  for (size_t g = 0; g < groups.size(); ++g) {
    for (size_t k = 0; k < groups[g].members.size(); ++k) {
      story[groups[g].members[k]] = static_cast<int>(g);
      if (groups[g].members[k] == 2) {
        ASSERT_TRUE(groups[g].duplicate_of[k].has_value());
        EXPECT_EQ(*groups[g].duplicate_of[k], 0u);
      }
    }
  }
  EXPECT_EQ(story[0], story[2]);
  EXPECT_EQ(story[1], story[4]);
  // Two arrests of two players of one team: most words and names shared
  // ("Chargers", "San Diego", "drunken driving"), the protagonist differs.
  EXPECT_NE(story[0], story[1]);
  EXPECT_NE(story[3], story[0]);
  EXPECT_EQ(story[5], -1);
  EXPECT_EQ(groups[story[0]].first_published, "2009-02-02T00:00");
  EXPECT_EQ(groups[story[0]].outlets.size(), 2u);
}

TEST(ClusterEvalTest, ContingencyScores) {
  // gold {a,a,a,b,b}, predicted {x,x,y,y,y}
  ClusteringScores s = ScoreClustering({"a", "a", "a", "b", "b"}, {"x", "x", "y", "y", "y"});
  // B3 P = (2*2/2 + 1*1/3 + 2*2/3)/5 = (2 + 1/3 + 4/3)/5
  EXPECT_NEAR(s.bcubed_precision, (2.0 + 1.0 / 3 + 4.0 / 3) / 5, 1e-9);
  // B3 R = (4/3 + 1/3 + 4/2)/5
  EXPECT_NEAR(s.bcubed_recall, (4.0 / 3 + 1.0 / 3 + 2.0) / 5, 1e-9);
  // pairs: tp = C(2,2)+C(2,2) = 2, predicted 1+3 = 4, gold 3+1 = 4
  EXPECT_NEAR(s.pairwise_precision, 0.5, 1e-9);
  EXPECT_NEAR(s.pairwise_recall, 0.5, 1e-9);
  EXPECT_EQ(s.gold_clusters, 2u);
  EXPECT_EQ(s.predicted_clusters, 2u);
}

TEST(SimilarityTest, TimeFactorDecaysPastTheGraceAndStopsAtTheFloor) {
  ClusterOptions o;
  o.time_floor = 0.5f;
  EXPECT_EQ(TimeFactor(kUnknownTime, 0, 0, o), 1.0f);
  EXPECT_EQ(TimeFactor(60, 0, 0, o), 1.0f);
  EXPECT_LT(TimeFactor(60 * 24 * 10, 0, 0, o), 1.0f);
  EXPECT_EQ(TimeFactor(60 * 24 * 1000, 0, 0, o), o.time_floor);
  EXPECT_EQ(FormatMinutes(0), "1970-01-01T00:00");
}

}  // namespace
}  // namespace newsfuse::cluster
