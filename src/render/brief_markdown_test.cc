#include "render/brief_markdown.h"

#include <gtest/gtest.h>

#include "render/brief_json.h"
#include "render/brief_json_reader.h"

namespace newsfuse::render {
namespace {

Brief SampleBrief() {
  Story st;
  st.id = "story-1";
  st.headline = "Bridge *shut* after ship strike";
  SourceInfo a;
  a.id = "md|1";
  a.outlet = "Harbor Ledger";
  a.title = "[click](javascript:alert(1)) <script>";
  a.published = "2025-03-11";
  SourceInfo b;
  b.id = "b2";
  b.outlet = "Coast_Wire";
  b.duplicate_of = "md|1";
  st.sources = {a, b};
  st.summary.push_back({"A ship hit the bridge; AT&T said &lt;nothing&gt;.", {"md|1", "b2"}, {"x", "y"}});
  Fact f;
  f.text = "Repairs cost $120 million.";
  f.sources = {"md|1", "b2"};
  f.consensus = true;
  st.facts.push_back(f);
  st.entities.push_back({"Ana Vasquez", "PERSON", {"mayor"}, {"Vasques"}, {"md|1"}, 3});
  st.quotes.push_back({"We will reopen it", "Ana Vasquez", {"md|1"}, {{"We'll reopen it", {"b2"}}}});
  TimelineEntry t;
  t.date = "2025-03-11";
  t.text = "The ship struck the bridge.";
  t.sources = {"md|1"};
  st.timeline.push_back(t);
  st.discrepancies.push_back({"repair cost", "number", "conflict", {{"$120 million", "costs $120 million", {"md|1"}},
                                                                     {"$100 million", "costs $100 million", {"b2"}}}});
  st.contributions.push_back({"md|1", {"The mayor spoke."}, {}});
  st.notes.push_back("article md|1: 5,200 sentences, analysed the first 5,000");
  Brief brief;
  brief.stories.push_back(st);
  return brief;
}

TEST(BriefMarkdownTest, ArticleTextIsEscaped) {
  const std::string md = BriefToMarkdown(SampleBrief());
  EXPECT_NE(md.find("# Bridge \\*shut\\* after ship strike\n"), std::string::npos) << md;
  EXPECT_NE(md.find("| md\\|1 | Harbor Ledger | 2025-03-11 | \\[click\\](javascript:alert(1)) \\<script\\> |"),
            std::string::npos)
      << md;
  EXPECT_EQ(md.find("<script>"), std::string::npos);
  EXPECT_NE(md.find("[Harbor Ledger; Coast_Wire]"), std::string::npos) << md;  // inside a word: no emphasis
  // "&" only where it would start a character reference.
  EXPECT_NE(md.find("AT&T said \\&lt;nothing\\&gt;."), std::string::npos) << md;
}

TEST(BriefMarkdownTest, StoredJsonGivesTheSameMarkdown) {
  const Brief brief = SampleBrief();
  Result<Brief> back = BriefFromJson(BriefToJson(brief), "test");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(BriefToMarkdown(*back), BriefToMarkdown(brief));
  EXPECT_FALSE(BriefFromJson("[1,2]", "x.json").ok());
  EXPECT_FALSE(BriefFromJson("not json", "x.json").ok());
}

TEST(BriefJsonTest, RanksSurviveTheStoredJson) {
  Brief brief = SampleBrief();
  Story& st = brief.stories.front();
  st.facts[0].rank = 1;
  st.entities[0].rank = 2;
  st.quotes[0].rank = 3;
  st.timeline[0].rank = 4;
  st.discrepancies[0].rank = 5;
  const std::string json = BriefToJson(brief, /*indent=*/0);
  EXPECT_NE(json.find("\"rank\":5"), std::string::npos) << json;
  Result<Brief> back = BriefFromJson(json, "test");
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  const Story& b = back->stories.at(0);
  EXPECT_EQ(b.facts.at(0).rank, 1);
  EXPECT_EQ(b.entities.at(0).rank, 2);
  EXPECT_EQ(b.quotes.at(0).rank, 3);
  EXPECT_EQ(b.timeline.at(0).rank, 4);
  EXPECT_EQ(b.discrepancies.at(0).rank, 5);
  // A briefing stored before ranks existed reads with rank 0.
  std::string old = json;
  for (size_t at; (at = old.find(",\"rank\":")) != std::string::npos;) old.erase(at, 9);
  Result<Brief> unranked = BriefFromJson(old, "old");
  ASSERT_TRUE(unranked.ok()) << unranked.status().ToString() << old;
  EXPECT_EQ(unranked->stories.at(0).discrepancies.at(0).rank, 0);
}

TEST(BriefMarkdownTest, LongSectionsFoldAfterTheFirstFew) {
  Brief brief = SampleBrief();
  Story& st = brief.stories.front();
  const std::string first = st.sources.at(0).id, second = st.sources.at(1).id;
  st.facts.clear();
  for (int i = 0; i < 40; ++i) st.facts.push_back(Fact{"Fact number " + std::to_string(i) + ".", {first, second}, {}, false});
  const std::string md = BriefToMarkdown(brief);
  EXPECT_NE(md.find("Fact number 0."), std::string::npos);
  EXPECT_EQ(md.find("Fact number 39."), std::string::npos);
  EXPECT_NE(md.find("more facts (all in `--format json`)"), std::string::npos) << md;
  // The JSON keeps every fact.
  EXPECT_NE(BriefToJson(brief).find("Fact number 39."), std::string::npos);
}

}  // namespace
}  // namespace newsfuse::render
