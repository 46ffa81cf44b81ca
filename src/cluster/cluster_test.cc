#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cluster/cluster_articles.h"
#include "eval/cluster_eval.h"
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
  if (!date.empty()) a.published = ParseIsoDate(date);
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
  // Readers give only real days; a caller can still build one that is not.
  Article bad = Make("z", "", "Bad date", "");
  bad.published = CivilDate{.year = 2024, .month = 2, .day = 31};
  c.Assign(bad);
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

// Twin events that average link joins: two arrests of two players of one
// club, where the later reports recall the earlier arrest by name; and one
// event with two protagonists (a title fight), each report naming both.
std::vector<Article> TwinArrestsAndAFight() {
  const char* dvorsky[] = {
      "Harbor City goalkeeper Marek Dvorsky was arrested on suspicion of assault after a fight "
      "outside a bar, police said. Dvorsky was released on bail. Dvorsky denies the charge.",
      "Police arrested Marek Dvorsky, the goalkeeper, on suspicion of assault outside a bar "
      "near the harbour. Dvorsky spent the night in a cell and was released on bail.",
      "The goalkeeper Dvorsky was arrested after a fight outside a bar, police said, and faces "
      "an assault charge. Dvorsky's lawyer said he would plead not guilty.",
      "Marek Dvorsky was held on suspicion of assault after police were called to a fight at a "
      "bar. The club said Dvorsky would train as usual while police investigate.",
  };
  const char* ruud[] = {
      "Harbor City winger Tomas Ruud was arrested on suspicion of assault after a fight outside "
      "a bar, police said. Ruud was released on bail, months after goalkeeper Dvorsky's arrest.",
      "Police arrested Tomas Ruud, the winger, on suspicion of assault outside a bar near the "
      "harbour. Ruud was released on bail. The club has now seen Dvorsky and Ruud arrested.",
      "The winger Ruud was arrested after a fight outside a bar, police said. Ruud faces an "
      "assault charge; his lawyer said Ruud would plead not guilty, as Dvorsky did.",
      "Tomas Ruud was held on suspicion of assault after police were called to a fight at a "
      "bar. It is the club's second such arrest after Dvorsky; Ruud will train as usual.",
  };
  const char* fight[] = {
      "Ana Kell beat Rosa Oduya on points to keep her title. Kell landed the heavier blows and "
      "Kell said she wanted a rematch with Oduya in the spring.",
      "Rosa Oduya lost her title fight to Ana Kell on points. Oduya said the judges were wrong "
      "and Oduya asked Kell for a rematch.",
      "Kell kept the title against Oduya after twelve rounds. Kell was cut in the ninth round "
      "and Kell needed stitches, Oduya was unhurt.",
      "Oduya, the challenger, said she had beaten Kell. Oduya will appeal the judges' decision "
      "while Oduya's team studies the tape.",
      "Kell defended her title against Oduya in front of a full arena. Kell won on all three "
      "cards, and Oduya left the ring before Kell was announced.",
      "Oduya's corner said Oduya had won the late rounds. Oduya wants a rematch; Kell said she "
      "would think about it.",
  };
  std::vector<Article> in;
  for (int k = 0; k < 4; ++k) {
    in.push_back(Make("d" + std::to_string(k), "", "Goalkeeper arrested", dvorsky[k]));
    in.push_back(Make("r" + std::to_string(k), "", "Winger arrested", ruud[k]));
  }
  for (const char* text : fight) {
    in.push_back(Make("f" + std::to_string(in.size()), "", "Title fight", text));
  }
  return in;
}

TEST(ClusterArticlesTest, SplitPassCutsTwinEventsButNotAnEventWithTwoProtagonists) {
  std::vector<Article> in = TwinArrestsAndAFight();
  auto stories = [&](const ClusterOptions& o) {
    std::vector<int> story(in.size(), -1);
    std::vector<StoryGroup> groups = ClusterArticles(in, o);
    for (size_t g = 0; g < groups.size(); ++g) {
      for (size_t i : groups[g].members) story[i] = static_cast<int>(g);
    }
    return story;
  };
  ClusterOptions off = TestOptions();
  off.split_min_articles = 0;
  std::vector<int> merged = stories(off);
  // Without the split pass the two arrests are one story (what the pass is for).
  ASSERT_EQ(merged[0], merged[1]);
  std::vector<int> split = stories(TestOptions());
  for (int k = 0; k < 4; ++k) {
    EXPECT_EQ(split[2 * k], split[0]) << k;      // Dvorsky
    EXPECT_EQ(split[2 * k + 1], split[1]) << k;  // Ruud
  }
  for (size_t k = 8; k < in.size(); ++k) EXPECT_EQ(split[k], split[8]) << k;  // the fight
  EXPECT_NE(split[0], split[1]);
  EXPECT_NE(split[0], split[8]);
  EXPECT_NE(split[1], split[8]);
}

// Reports made of overlapping runs of a pool of sentences: report k takes
// `take` sentences from sentence k on (wrapping), so neighbours share most.
std::vector<std::string> Reports(const std::vector<std::string>& pool, size_t count, size_t take) {
  std::vector<std::string> out;
  for (size_t k = 0; k < count; ++k) {
    std::string text;
    for (size_t s = 0; s < take; ++s) text += pool[(k + s) % pool.size()] + " ";
    out.push_back(text);
  }
  return out;
}

// Story of each article of `in` clustered with `o`.
std::vector<int> StoryOf(const std::vector<Article>& in, const ClusterOptions& o) {
  std::vector<int> story(in.size(), -1);
  std::vector<StoryGroup> groups = ClusterArticles(in, o);
  for (size_t g = 0; g < groups.size(); ++g) {
    for (size_t i : groups[g].members) story[i] = static_cast<int>(g);
  }
  return story;
}

// Twin events of one protagonist, undated (so time cannot part them): a
// coach hired, and the same coach fired years later. Each side's reports
// share most of their sentences; across, only the club, the coach and the
// job. The split pass cannot help (one protagonist on both sides).
std::vector<Article> HiredAndFired() {
  const std::vector<std::string> hired = {
      "The Harbor City Comets hired Lena Brandt as head coach on a three-year contract.",
      "Brandt replaces Piet Olsen, who retired after nine seasons on the bench.",
      "Brandt was introduced at a crowded press conference at the arena on Monday.",
      "Brandt promised a faster, younger team and more minutes for the rookies.",
      "The contract is worth four million dollars, the club confirmed.",
      "General manager Ruth Abara called Brandt the best candidate she interviewed.",
  };
  const std::vector<std::string> fired = {
      "The Harbor City Comets fired head coach Lena Brandt after eleven straight losses.",
      "Assistant Milan Kovac will lead the team for the rest of the season.",
      "Brandt was dismissed hours after a home defeat to Westport on Sunday.",
      "Players said the locker room had turned against Brandt weeks ago.",
      "The Comets sit last in the league with four wins in thirty games.",
      "Owner Dario Vesz said the losing streak left him no choice.",
  };
  std::vector<Article> in;
  for (const std::string& text : Reports(hired, 6, 4)) {
    in.push_back(Make("h" + std::to_string(in.size()), "", "Comets hire Brandt", text));
  }
  for (const std::string& text : Reports(fired, 6, 4)) {
    in.push_back(Make("f" + std::to_string(in.size()), "", "Comets fire Brandt", text));
  }
  return in;
}

// One event told from many angles: every report gives the same core facts
// and one detail of its own; half add a word on the rescue, half on the
// damage. The two halves are tighter than the whole, but only a little: the
// facts they share are most of what each says.
std::vector<Article> OneFloodTwoAngles() {
  // Each sentence opens with a function word: the name proxy reads a
  // capitalised opener as a name, and here every name is the event's.
  const char* details[] = {
      "The crews used boats to reach families trapped on rooftops.",
      "The divers searched the flooded underpass for a missing driver.",
      "The schools stayed open overnight as shelters for evacuees.",
      "The volunteers filled sandbags outside the cathedral all night.",
      "The hospitals moved patients from ground floor wards upstairs.",
      "The army sent two helicopters and a field kitchen.",
      "The insurers said claims could reach record levels for the region.",
      "The farmers lost most of the barley harvest in the lower valley.",
      "The railway line to the coast was cut by a landslide.",
      "The engineers inspected the old stone bridge for cracks.",
      "The power was out for eight thousand homes across the district.",
      "The mayor asked the national government for emergency funds.",
  };
  std::vector<Article> in;
  for (size_t k = 0; k < 12; ++k) {
    const char* angle = k < 6 ? "The rescue went on. " : "The damage was high. ";
    in.push_back(Make("v" + std::to_string(k), "2024-05-14", "Flood in Vellmar",
                      std::string("The river Aller burst its banks after three days of storms and "
                                  "flooded the town of Vellmar, where two people drowned. ") +
                          angle + details[k]));
  }
  return in;
}

TEST(ClusterArticlesTest, CohesionTestKeepsTwinEventsApartAndOneEventWhole) {
  const std::vector<Article> twins = HiredAndFired();
  ClusterOptions on = TestOptions();
  // Reports that share most sentences would be near-copies, which start
  // as one group whose inner pairs are not scored (no cohesion to test).
  on.duplicate_jaccard = 2;
  ClusterOptions off = on;
  off.cohesion_ratio = 0;
  // Without the test the twins are one story: their average link clears
  // merge_threshold (what the test is for).
  ASSERT_EQ(StoryOf(twins, off)[0], StoryOf(twins, off)[6]);
  ClusterOptions candidates = on;
  candidates.exact_pairs_limit = 0;  // the word-index path, which pushes refused pairs again
  for (const ClusterOptions& o : {on, candidates}) {
    std::vector<int> story = StoryOf(twins, o);
    for (size_t k = 0; k < 6; ++k) {
      EXPECT_EQ(story[k], story[0]) << k;
      EXPECT_EQ(story[6 + k], story[6]) << k;
    }
    EXPECT_NE(story[0], story[6]);
  }
  // The flood's halves meet at an average link near their cohesion (about
  // 0.95 of it): whole at the default ratio, cut in two only by a ratio
  // above that (which shows the test ran on it).
  const std::vector<Article> flood = OneFloodTwoAngles();
  for (const ClusterOptions& o : {on, candidates}) {
    std::vector<int> story = StoryOf(flood, o);
    for (size_t k = 0; k < flood.size(); ++k) EXPECT_EQ(story[k], story[0]) << k;
  }
  ClusterOptions strict = on;
  strict.cohesion_ratio = 1.0f;
  std::vector<int> story = StoryOf(flood, strict);
  EXPECT_NE(story[0], story[6]);
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
