#include "synthesize/story_builder.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "cluster/near_copies.h"
#include "extract/article_analysis.h"
#include "extract/entity_tagger.h"

namespace newsfuse::synthesize {
namespace {

// Invented articles, analysed without an entity tagger unless one is set.
struct Fixture {
  std::vector<Article> articles;
  std::vector<extract::ArticleAnalysis> analyses;
  const extract::EntityTagger* tagger = nullptr;

  void Add(const std::string& id, const std::string& published, const std::vector<std::string>& paragraphs) {
    Article a;
    a.id = id;
    a.outlet = "Outlet " + id;
    if (!published.empty()) a.published = ParseIsoDate(published);
    for (const auto& p : paragraphs) {
      Paragraph para;
      para.text = p;
      a.paragraphs.push_back(std::move(para));
    }
    articles.push_back(std::move(a));
  }

  Story Build() {
    extract::AnalysisOptions options;
    options.threads = 1;
    options.tagger = tagger;
    analyses = extract::AnalyzeArticles(articles, options);
    std::vector<const extract::ArticleAnalysis*> members;
    for (const auto& a : analyses) members.push_back(&a);
    return BuildStory("s", members, cluster::FindNearCopies(articles));
  }
};

const Discrepancy* FindKind(const Story& st, const std::string& kind) {
  for (const auto& d : st.discrepancies) {
    if (d.kind == kind) return &d;
  }
  return nullptr;
}

bool Has(const std::vector<std::string>& v, const std::string& x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

TEST(StoryBuilderTest, NegatedClaimIsAConflict) {
  Fixture f;
  f.Add("a", "2025-05-06",
        {"Foreign minister Ana Duarte met the rebel commander Tomas Reyes in the border town of Vardo on "
         "Tuesday.",
         "The harbour of Vardo reopened to fishing boats after the storm."});
  f.Add("b", "2025-05-06",
        {"Foreign minister Ana Duarte did not meet the rebel commander Tomas Reyes in the border town of "
         "Vardo on Tuesday.",
         "Farmers in the valley counted their losses after the storm."});
  const Story st = f.Build();
  const Discrepancy* d = FindKind(st, "claim");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->label, "conflict");
  ASSERT_EQ(d->variants.size(), 2u);
  EXPECT_EQ(d->variants[0].value, "met");
  EXPECT_EQ(d->variants[0].sources, std::vector<std::string>{"a"});
  EXPECT_EQ(d->variants[1].value, "did not meet");
  EXPECT_EQ(d->variants[1].sources, std::vector<std::string>{"b"});
}

TEST(StoryBuilderTest, AMemberThatStatesAnotherClaimIsItsOwnFact) {
  // Aligned for the names they share, the second outlet's sentence says
  // something else of them: it is not cited for the first claim, and it is
  // still a fact (its outlet's own).
  Fixture f;
  f.Add("a", "2025-05-06",
        {"Rosa Vance hopped on a chartered private jet late Wednesday, flying with two bodyguards, her personal chef and a "
         "stylist to the Marlow Harbor Clinic in Newport Beach, where smoking is allowed on the terraces.",
         "The harbour reopened to fishing boats after the storm.", "Farmers counted their losses in the valley.",
         "A new bridge over the river opened to traffic."});
  f.Add("b", "2025-05-06",
        {"Lawyer Mark Heller told Judge Ann Dabney that Rosa Vance was settling in at the Marlow Harbor Clinic "
         "in Newport Beach.",
         "The city council voted on the budget for schools.", "Rain is expected across the north this weekend.",
         "The museum showed paintings by local artists."});
  const Story st = f.Build();
  bool own = false;
  for (const Fact& fact : st.facts) {
    const bool cites_b = std::find(fact.sources.begin(), fact.sources.end(), "b") != fact.sources.end();
    if (fact.text.find("hopped") != std::string::npos) {
      EXPECT_FALSE(cites_b);
    }
    own |= fact.text.find("settling") != std::string::npos && fact.sources == std::vector<std::string>{"b"};
  }
  EXPECT_TRUE(own);
}

TEST(StoryBuilderTest, DifferentDayForOneEventIsADateConflict) {
  Fixture f;
  f.Add("a", "2025-03-06",
        {"The summit of the coastal mayors opened in the old harbour hall of Lisbon on March 3, 2025.",
         "The mayors discussed ferry links and fishing quotas."});
  f.Add("b", "2025-03-05",
        {"The summit of the coastal mayors opened in the old harbour hall of Lisbon on March 4, 2025.",
         "Protesters gathered outside to demand cheaper ferries."});
  const Story st = f.Build();
  const Discrepancy* d = FindKind(st, "date");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->label, "conflict");
  ASSERT_EQ(d->variants.size(), 2u);
  EXPECT_EQ(d->variants[0].value, "2025-03-03");
  EXPECT_EQ(d->variants[0].sources, std::vector<std::string>{"a"});
  EXPECT_EQ(d->variants[1].value, "2025-03-04");
  EXPECT_EQ(d->variants[1].sources, std::vector<std::string>{"b"});
}

TEST(StoryBuilderTest, OneActOnOneNamedPlaceDatedApartIsADateConflict) {
  // Worded apart, but both check into the Harbor View Clinic: late Thursday
  // in one, early Friday in the other.
  Fixture f;
  f.Add("a", "2025-05-09",
        {"Early Friday morning, around 1:30 a.m., the singer checked into Harbor View Clinic in Marlow.",
         "Fans waited outside the gates."});
  f.Add("b", "2025-05-08",
        {"Rosa Vance finally checked into court-ordered rehab at the Harbor View Clinic late Thursday.",
         "Her lawyer thanked the judge."});
  const Story st = f.Build();
  const Discrepancy* d = FindKind(st, "date");
  ASSERT_NE(d, nullptr);
  ASSERT_EQ(d->variants.size(), 2u);
  EXPECT_EQ(d->variants[0].value, "2025-05-08");
  EXPECT_EQ(d->variants[0].sources, std::vector<std::string>{"b"});
  EXPECT_EQ(d->variants[1].value, "2025-05-09");
  EXPECT_EQ(d->variants[1].sources, std::vector<std::string>{"a"});
}

TEST(StoryBuilderTest, OneActOfDifferentPeopleDatedApartIsNoDateConflict) {
  // Two arrests, one in each outlet: Vance's on March 3, Okafor's on March 4.
  auto tagger = extract::EntityTagger::Load(extract::EntityTagger::DefaultModelPath());
  if (!tagger.ok()) GTEST_SKIP() << "no entity model: " << tagger.status().ToString();
  auto build = [&](const std::string& second) {
    Fixture f;
    f.tagger = tagger->get();
    f.Add("a", "2025-03-06",
          {"Police said Rosa Vance was arrested in the old harbour hall of Lisbon on March 3, 2025."});
    f.Add("b", "2025-03-06", {second});
    return f.Build();
  };
  EXPECT_EQ(FindKind(build("Police said Peter Okafor was arrested in the old harbour hall of Lisbon on March 4, 2025."),
                     "date"),
            nullptr);
  EXPECT_NE(FindKind(build("Police said Vance was arrested in the old harbour hall of Lisbon on March 4, 2025."), "date"),
            nullptr);
}

TEST(StoryBuilderTest, ClockTimeAloneDatesNoEvent) {
  // "at about 7 p.m." takes its day from the publication date: no outlet
  // gave that day, so two publication days are no conflict.
  Fixture f;
  f.Add("a", "2025-05-09",
        {"The cyclist was hit while riding along parked cars on Elm Street and Fifth Avenue at about 7 p.m.",
         "Witnesses called an ambulance."});
  f.Add("b", "2025-05-10",
        {"The cyclist was hit while riding along parked cars on Elm Street and Fifth Avenue at about 7 p.m.",
         "The driver fled north."});
  const Story st = f.Build();
  EXPECT_EQ(FindKind(st, "date"), nullptr);
}

TEST(StoryBuilderTest, PlannedDayMovedInLaterReportsIsAnUpdate) {
  Fixture f;
  f.Add("a", "2025-03-01",
        {"The summit of the coastal mayors will open in the old harbour hall of Lisbon on March 3, 2025.",
         "The mayors will discuss ferry links and fishing quotas."});
  f.Add("b", "2025-03-02",
        {"The summit of the coastal mayors will open in the old harbour hall of Lisbon on March 4, 2025.",
         "Protesters plan to gather outside to demand cheaper ferries."});
  const Story st = f.Build();
  const Discrepancy* d = FindKind(st, "date");
  ASSERT_NE(d, nullptr);
  EXPECT_EQ(d->label, "update");
  for (const auto& t : st.timeline) EXPECT_TRUE(t.planned) << t.date << " " << t.text;
}

TEST(StoryBuilderTest, TimelineSaysPlannedOrHappened) {
  Fixture f;
  f.Add("a", "2025-03-10",
        {"The port workers will strike on March 14, 2025, the union said on Monday.",
         "\"We will not give in,\" the union leader said at a news conference on Monday afternoon.",
         "The union held a vote of its members on March 8, 2025."});
  const Story st = f.Build();
  bool planned = false, happened = false, told = true;
  int told_entries = 0;
  for (const auto& t : st.timeline) {
    if (t.date == "2025-03-14") planned = t.planned;
    if (t.date == "2025-03-08") happened = !t.planned;
    if (t.date == "2025-03-10") {  // the days the union spoke
      told = told && !t.planned;
      ++told_entries;
    }
  }
  EXPECT_TRUE(planned);
  EXPECT_TRUE(happened);
  EXPECT_TRUE(told);
  EXPECT_EQ(told_entries, 2);
}

// The timeline holds exactly one entry on `date`, told as happened, cited
// to both the "early" and the "late" article, and worded with `word`.
void ExpectOneHappenedEntry(const Story& st, const std::string& date, const std::string& word) {
  int entries = 0;
  for (const auto& t : st.timeline) {
    if (t.date != date) continue;
    ++entries;
    EXPECT_FALSE(t.planned) << t.text;
    EXPECT_TRUE(Has(t.sources, "early") && Has(t.sources, "late")) << t.text;
    EXPECT_NE(t.text.find(word), std::string::npos) << t.text;
  }
  EXPECT_EQ(entries, 1) << date;
}

// One event that an early report announces and a later one reports done is
// one timeline entry, happened, with both outlets; not a planned entry and a
// happened entry side by side.
TEST(StoryBuilderTest, PlannedThenHappenedIsOneTimelineEntry) {
  Fixture f;
  f.Add("early", "2025-03-09",
        {"The transport ministers of Spain and Portugal will sign a treaty on the high-speed rail line "
         "between Madrid and Lisbon on Monday.",
         "Engineers expect the line to cut the journey to three hours."});
  f.Add("late", "2025-03-11",
        {"Spain and Portugal signed the rail treaty at a ceremony in Lisbon on Monday, ending years of talks "
         "over the route.",
         "Protesters gathered outside the ceremony hall."});
  ExpectOneHappenedEntry(f.Build(), "2025-03-10", "");
}

// The same, told in compound sentences that share little as a whole: the
// clause holding the day is what matches.
TEST(StoryBuilderTest, PlannedThenHappenedMatchesByClause) {
  Fixture f;
  f.Add("early", "2025-09-02",
        {"What's next: Federal inspectors are expected to reach the dam on Wednesday, and the regional "
         "council will hold an emergency session on the flood defences of the coastal plain and the harbour wall on Thursday.",
         "Farmers downstream have moved their cattle to higher ground."});
  f.Add("late", "2025-09-04",
        {"Governor Lena Marsh said the valley road would stay shut for at least two weeks, and federal "
         "inspectors reached the dam on Wednesday.",
         "Schools in the valley reopened after three days."});
  const Story st = f.Build();
  ExpectOneHappenedEntry(st, "2025-09-03", "reached");
  // Thursday's session stays planned: nobody reports it held.
  bool session_planned = false;
  for (const auto& t : st.timeline) session_planned |= t.date == "2025-09-04" && t.planned;
  EXPECT_TRUE(session_planned);
}

// "Last week" is a period, not a day: one entry for the week, cited to
// both outlets. The Sunday paper's "last week" is the week just ended (news
// weeks start on Sunday), the same week as the Monday paper's.
TEST(StoryBuilderTest, LastWeekIsAWeekEntryAcrossOutlets) {
  Fixture f;
  f.Add("early", "2025-05-11",  // a Sunday
        {"The minister last week cancelled the delegation's trip to Geneva in protest against the council vote.",
         "Officials expect talks to resume."});
  f.Add("late", "2025-05-12",  // the Monday after
        {"The delegation's trip to Geneva was cancelled by the minister last week in protest against the vote.",
         "Council officials met the delegation in a video call on Monday."});
  const Story st = f.Build();
  int weeks = 0;
  for (const auto& t : st.timeline) {
    if (t.precision != "week") continue;
    ++weeks;
    EXPECT_EQ(t.date, "2025-05-05") << "the Monday of the week both papers mean: " << t.text;
    EXPECT_TRUE(Has(t.sources, "early") && Has(t.sources, "late")) << t.text;
  }
  EXPECT_EQ(weeks, 1);
  bool monday = false;
  for (const auto& t : st.timeline) monday |= t.date == "2025-05-12" && t.precision == "day";
  EXPECT_TRUE(monday);
}

// "A day later" counts from the event just told ("last week ... a day
// later"), not from the publication date: no timeline entry on the day after
// the article, which would put last week's news in the future.
TEST(StoryBuilderTest, ADayLaterIsNoDayAfterPublication) {
  Fixture f;
  f.Add("a", "2025-05-06",
        {"Last week, the minister cancelled the delegation's trip to Geneva in protest against the vote.",
         "A day later, the minister sent quiet messages to the council asking to reschedule the trip.",
         "The delegation met council officials in a video call on Tuesday."});
  const Story st = f.Build();
  bool tuesday = false;
  for (const auto& t : st.timeline) {
    EXPECT_EQ(t.text.find("A day later"), std::string::npos) << t.date << " " << t.text;
    EXPECT_NE(t.date, "2025-05-07") << t.text;
    tuesday |= t.date == "2025-05-06" && t.text.find("video call") != std::string::npos;
  }
  EXPECT_TRUE(tuesday);
}

// Two outlets' wordings of one meeting, aligned as one fact but sharing too
// few words as whole sentences for the timeline's own test: one entry.
TEST(StoryBuilderTest, AlignedFactIsOneTimelineEntry) {
  Fixture f;
  f.Add("a", "2025-10-07",
        {"Officials of Norland and Vestia held virtual talks on Monday about the army's offensive in the "
         "border city of Kessel, a government spokesman confirmed to the state radio station late in the evening "
         "after a cabinet session.",
         "The harbour of Kessel has been closed to shipping since August.",
         "Farmers in the northern hills have lost most of their harvest to the drought.",
         "The central bank left its interest rate unchanged at four percent.",
         "The cabinet will sit again in a special session on Friday evening."});
  f.Add("b", "2025-10-07",
        {"Officials of Norland and Vestia met virtually on Monday to discuss a possible offensive in Kessel, "
         "one week after the prime minister cancelled a visit by his delegation to the capital for security "
         "reasons after threats.",
         "Aid groups warned of shortages of fuel and medicine in the city.",
         "A new railway tunnel under the southern mountains opened to freight trains.",
         "Teachers in the capital ended a strike over pay after two weeks.",
         "Police cited security reasons and threats for closing the railway tunnel."});
  const Story st = f.Build();
  int entries = 0;
  for (const auto& t : st.timeline) {
    if (t.date != "2025-10-06") continue;
    ++entries;
    EXPECT_TRUE(Has(t.sources, "a") && Has(t.sources, "b")) << t.text;
  }
  EXPECT_EQ(entries, 1);
}

TEST(StoryBuilderTest, ReprintsCountOnceAndContributionsNameWhatEachAdds) {
  const std::vector<std::string> wire = {
      "The regional parliament voted on Thursday to build a second rail bridge over the river Tagus near "
      "the town of Alverca.",
      "The bridge will cost about 400 million euros and should open in 2031, the transport minister said.",
      "Engineers say the old bridge carries twice the traffic it was designed for.",
      "Residents of Alverca have complained about noise from freight trains for a decade."};
  std::vector<std::string> reprint = wire;
  reprint.push_back("The newspaper's own reporter counted eleven freight trains in one hour on Wednesday night.");
  Fixture f;
  f.Add("wire", "2025-06-05", wire);
  f.Add("reprint", "2025-06-06", reprint);
  f.Add("local", "2025-06-05",
        {"Lawmakers in the regional parliament approved a second rail bridge over the Tagus near Alverca on "
         "Thursday.",
         "The transport minister put the cost of the bridge at about 400 million euros.",
         "Fishermen fear the building work will drive fish away from the estuary."});
  const Story st = f.Build();
  ASSERT_EQ(st.sources.size(), 3u);
  EXPECT_FALSE(st.sources[0].duplicate_of.has_value());
  ASSERT_TRUE(st.sources[1].duplicate_of.has_value());
  EXPECT_EQ(*st.sources[1].duplicate_of, "wire");
  EXPECT_FALSE(st.sources[2].duplicate_of.has_value());

  // The fact the wire and its reprint share, and the local paper does not,
  // is the wire's alone: the reprint does not make it a second outlet's.
  const auto& contributions = st.contributions;
  ASSERT_EQ(contributions.size(), 3u);
  const auto& wire_adds = contributions[0].unique_facts;
  EXPECT_TRUE(std::any_of(wire_adds.begin(), wire_adds.end(),
                          [](const std::string& s) { return s.find("old bridge") != std::string::npos; }));
  const auto& reprint_adds = contributions[1].unique_facts;
  EXPECT_EQ(reprint_adds.size(), 1u);
  EXPECT_TRUE(std::any_of(reprint_adds.begin(), reprint_adds.end(),
                          [](const std::string& s) { return s.find("freight trains in one hour") != std::string::npos; }));
  const auto& local_adds = contributions[2].unique_facts;
  EXPECT_TRUE(std::any_of(local_adds.begin(), local_adds.end(),
                          [](const std::string& s) { return s.find("Fishermen") != std::string::npos; }));
  // The vote, reported by all three, is consensus; the wire's alone is not.
  bool vote_consensus = false;
  for (const auto& fact : st.facts) {
    if (fact.text.find("old bridge") != std::string::npos) {
      EXPECT_FALSE(fact.consensus);
    }
    if (Has(fact.sources, "local") && Has(fact.sources, "wire") && fact.text.find("bridge") != std::string::npos &&
        fact.consensus) {
      vote_consensus = true;
    }
  }
  EXPECT_TRUE(vote_consensus);
  // The local paper leaves out no consensus fact it could have; the reprint
  // is not asked to repeat the wire's own facts.
  EXPECT_TRUE(std::none_of(contributions[1].missing_consensus.begin(), contributions[1].missing_consensus.end(),
                           [](const std::string& s) { return s.find("old bridge") != std::string::npos; }));
}

// The summary quotes what happened, not where the wire filed from: an
// article's opening dateline is left out of its summary line.
TEST(StoryBuilderTest, SummaryLeavesTheWireDatelineOut) {
  Fixture f;
  f.Add("a", "2025-05-06",
        {"PORT ELLIS, Marrow Islands (AP) _ A ferry carrying 80 passengers sank off Port Ellis on Tuesday.",
         "All passengers were rescued by fishing boats, the coast guard said."});
  f.Add("b", "2025-05-06",
        {"PORT ELLIS (Reuters) - A passenger ferry sank off Port Ellis on Tuesday with 80 people aboard.",
         "Fishing boats rescued every passenger, according to the coast guard."});
  const Story st = f.Build();
  ASSERT_FALSE(st.summary.empty());
  bool ferry = false;
  for (const auto& line : st.summary) {
    EXPECT_EQ(line.text.find("PORT ELLIS"), std::string::npos) << line.text;
    ferry |= line.text.rfind("A ferry", 0) == 0 || line.text.rfind("A passenger ferry", 0) == 0;
  }
  EXPECT_TRUE(ferry) << "the lead, without its dateline";
}

TEST(StoryBuilderTest, StandsAloneUnlessItPointsBackOrOpensWithAQuote) {
  EXPECT_TRUE(StandsAlone("The ferry sank off Port Ellis on Tuesday."));
  EXPECT_TRUE(StandsAlone("Italy sent two rescue boats."));
  EXPECT_TRUE(StandsAlone("Theirs was the last boat out, the captain said."));
  EXPECT_FALSE(StandsAlone("But the ferry had been inspected in May."));
  EXPECT_FALSE(StandsAlone("It sank within minutes."));
  EXPECT_FALSE(StandsAlone("They were rescued by fishermen."));
  EXPECT_FALSE(StandsAlone("``We did everything we could,'' he said."));
  EXPECT_FALSE(StandsAlone("\"We did everything we could,\" he said."));
  EXPECT_FALSE(StandsAlone("\xE2\x80\x9CWe did everything we could,\xE2\x80\x9D he said."));
}

// A cut inside a summary sentence (DUC's first 100 words) must know which
// stems the words before it hold: "U.S.-led" is one word and three stems.
TEST(StoryBuilderTest, SummaryUnitsKnowTheStemsBeforeEachWord) {
  Fixture f;
  f.Add("a", "2025-05-06", {"GENEVA (AP) _ The U.S.-led coalition met on Tuesday in Geneva."});
  f.Build();
  std::vector<const extract::ArticleAnalysis*> members = {&f.analyses[0]};
  StemIds stems;
  const auto units = SummaryUnits(members, StatementSentences(members), stems);
  ASSERT_EQ(units.size(), 1u);
  EXPECT_EQ(units[0].words, 8u) << "the dateline is not counted";
  EXPECT_EQ(units[0].stems_before_word, (std::vector<uint32_t>{0, 1, 4, 5, 6, 7, 8, 9}));
  EXPECT_EQ(units[0].sentence.stems.size(), 10u);
}

}  // namespace
}  // namespace newsfuse::synthesize
