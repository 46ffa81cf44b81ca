#include "eval/brief_eval.h"

#include <gtest/gtest.h>

namespace newsfuse::eval {
namespace {

// A two-source expectation with one item per section.
constexpr char kExpected[] = R"json({
  "sources": {"a1": {"outlet": "Daily", "published": "2020-01-02", "title": ["Storm hits", null]},
              "b2": {"outlet": null, "published": null, "title": null}},
  "boilerplate_never_in_summary_or_facts": ["Subscribe to"],
  "entities": [{"name": "Ann Lee", "type": "PERSON", "titles": ["Mayor"], "sources": ["a", "b"]}],
  "not_entities_of_the_story": ["Getty Images"],
  "quotes": [{"speaker": ["Lee"], "contains": "we will rebuild", "sources": ["a"]}],
  "timeline": [{"date": "2020-01-01", "contains_any": ["storm"], "sources": ["b"]}],
  "discrepancies": [{"subject_any": ["dead", "killed"], "values_any": [["3"], ["5"]]}],
  "consensus_facts": [{"contains_any": ["hit the coast"], "min_sources": 2}],
  "unique_facts": [{"source": "b", "contains_any": ["power"]}]
})json";

constexpr char kBrief[] = R"json({"stories": [
  {"sources": [{"id": "zz"}]},
  {"sources": [{"id": "a1", "outlet": "Daily", "published": "2020-01-02T10:00", "title": "Storm hits town"},
               {"id": "b2"}],
   "summary": [{"text": "A storm hit the coast.", "sources": ["a1", "b2"]},
               {"text": "Three died.", "sources": ["a1"]}, {"text": "Power is out.", "sources": ["b2"]}],
   "facts": [{"text": "The storm hit the coast on Wednesday", "sources": ["a1", "b2"]},
             {"text": "Power is out in the east", "sources": ["b2"]}],
   "entities": [{"name": "Ann Lee", "type": "PERSON", "titles": ["Mayor"], "sources": ["a1", "b2"]}],
   "quotes": [{"text": "We will rebuild", "speaker": "Ann Lee", "sources": ["a1"], "variants": []}],
   "timeline": [{"date": "2020-01-01", "text": "The storm came ashore", "sources": ["b2"]}],
   "discrepancies": [{"subject": "people (killed)", "variants": [{"value": "3", "text": "3 killed"},
                                                                 {"value": "5", "text": "5 killed"}]}]}
]})json";

TEST(BriefEvalTest, ScoresEverySectionLikeTheScript) {
  Result<BriefScore> score = ScoreBrief(kBrief, kExpected);
  ASSERT_TRUE(score.ok()) << score.status().ToString();
  ASSERT_EQ(score->sections.size(), 7u);
  for (const auto& s : score->sections) {
    EXPECT_EQ(s.ok, s.total) << s.name << ": " << (s.misses.empty() ? "" : s.misses[0]);
  }
  EXPECT_EQ(score->total(), 6 + 2 + 1 + 1 + 1 + 2 + 3);
}

TEST(BriefEvalTest, CountsMissesAndNamesThem) {
  std::string brief = kBrief;
  // The consensus fact loses a source; the entity a title; a caption credit
  // becomes an entity.
  auto replace = [&](std::string_view from, std::string_view to) {
    const size_t at = brief.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    brief.replace(at, from.size(), to);
  };
  replace(R"(on Wednesday", "sources": ["a1", "b2"])", R"(on Wednesday", "sources": ["a1"])");
  replace(R"("titles": ["Mayor"])", R"("titles": []}, {"name": "Getty Images", "type": "ORG")");
  Result<BriefScore> score = ScoreBrief(brief, kExpected);
  ASSERT_TRUE(score.ok()) << score.status().ToString();
  for (const auto& s : score->sections) {
    if (s.name == "facts") {
      EXPECT_EQ(s.ok, 1);
      ASSERT_EQ(s.misses.size(), 1u);
      EXPECT_NE(s.misses[0].find("hit the coast"), std::string::npos);
    }
    if (s.name == "entities") {
      EXPECT_EQ(s.ok, 0);
    }
  }
}

TEST(BriefEvalTest, BadJsonIsAnError) {
  EXPECT_FALSE(ScoreBrief("{", kExpected).ok());
  EXPECT_FALSE(ScoreBrief(kBrief, "[]").ok());
}

TEST(BriefEvalTest, SharedCitationCheckNeedsNumbersAndWords) {
  const std::map<std::string, std::string> texts = {
      {"a1", "Storm hits\nA storm hit the coast on Wednesday. Three people died."}, {"b2", "Power is out."}};
  const std::string brief = R"({"stories": [{"summary": [
      {"text": "A storm hit the coast.", "sources": ["a1", "b2"]},
      {"text": "12 homes burned down on the coast.", "sources": ["a1"]}]}]})";
  const CitationScore c = SharedCitationSupport(brief, texts);
  EXPECT_EQ(c.total, 3);
  EXPECT_EQ(c.supported, 1);  // b2 says nothing of the storm; "12" is in no text
}

TEST(BriefEvalTest, EvidenceNeedsTheSourcesOwnSentence) {
  Article a;
  a.id = "a1";
  a.paragraphs.push_back(Paragraph{"A storm hit the coast on Wednesday. Three people died.", false, false, ""});
  Story story;
  story.facts.push_back(Fact{"The storm hit the coast", {"a1"}, {"A storm hit the coast on Wednesday."}, false});
  story.facts.push_back(Fact{"The storm hit the coast", {"a1"}, {"Three people died."}, false});
  story.facts.push_back(Fact{"The storm hit the coast", {"a1"}, {"A storm hit the coast in 2019."}, false});
  story.quotes.push_back(BriefQuote{"we will rebuild", "Lee", {"a1"}, {}});
  const CitationScore c = EvidenceCitationSupport(story, {a});
  EXPECT_EQ(c.total, 4);
  EXPECT_EQ(c.supported, 1);
  ASSERT_EQ(c.misses.size(), 3u);
  EXPECT_NE(c.misses[0].find("does not state"), std::string::npos);
  EXPECT_NE(c.misses[1].find("not in the source"), std::string::npos);
}

TEST(BriefEvalTest, ACountIsEvidencedByTheSameCountHoweverWorded) {
  Article a, b;
  a.id = "a1";
  a.paragraphs.push_back(Paragraph{"The attack left two women dead and a third employee wounded.", false, false, ""});
  b.id = "b2";
  b.paragraphs.push_back(Paragraph{"She killed two workers and wounded two others.", false, false, ""});
  Story story;
  Discrepancy d;
  d.kind = "count";
  d.subject = "number wounded";
  d.variants.push_back(DiscrepancyVariant{"injuring a third", "", {"a1", "b2"}});
  story.discrepancies.push_back(d);
  const CitationScore c = EvidenceCitationSupport(story, {a, b});
  EXPECT_EQ(c.total, 2);
  EXPECT_EQ(c.supported, 1);  // b2 counts two wounded, not one
}

}  // namespace
}  // namespace newsfuse::eval
