// The work bounds of issue 15: what a bound cuts is noted, the rest goes on.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/article_analysis.h"
#include "synthesize/article_testutil.h"
#include "synthesize/fact_aligner.h"
#include "synthesize/story_builder.h"
#include "synthesize/story_sections.h"

namespace newsfuse::synthesize {
namespace {

std::string Repeat(const std::string& s, size_t n) {
  std::string out;
  for (size_t i = 0; i < n; ++i) out += s;
  return out;
}

bool AnyContains(const std::vector<std::string>& notes, const std::string& part) {
  for (const auto& n : notes) {
    if (n.find(part) != std::string::npos) return true;
  }
  return false;
}

TEST(WorkBounds, ArticleKeepsItsFirstSentencesAndSaysSo) {
  const Article a = OneParagraph("a1", Repeat("The bridge reopened on Monday after repairs. ", 120));
  extract::AnalysisOptions options;
  options.limits.max_sentences = 100;
  const extract::ArticleAnalysis an = extract::AnalyzeArticle(a, options);
  EXPECT_EQ(an.doc.sentences.size(), 100u);
  EXPECT_EQ(an.doc.text.size(), an.doc.sentences.back().span.end);
  ASSERT_EQ(an.notes.size(), 1u);
  EXPECT_EQ(an.notes[0], "article a1: 120 sentences, analysed the first 100");
}

TEST(WorkBounds, ArticleTextIsCutAtACharacterBoundary) {
  // "é" is two bytes: a cut at an odd byte would split one.
  const Article a = OneParagraph("a2", Repeat("é", 1000));
  extract::AnalysisOptions options;
  options.limits.max_text_bytes = 101;
  const extract::ArticleAnalysis an = extract::AnalyzeArticle(a, options);
  EXPECT_EQ(an.doc.text.size(), 100u);
  ASSERT_FALSE(an.notes.empty());
  EXPECT_EQ(an.notes[0], "article a2: 2,000 bytes of text, analysed the first 100");
}

TEST(WorkBounds, OverlongSentenceIsCutIntoPiecesAtSpaces) {
  const Article a = OneParagraph("a3", Repeat("word ", 1000));  // no end punctuation
  extract::AnalysisOptions options;
  options.limits.max_sentence_bytes = 100;
  const extract::ArticleAnalysis an = extract::AnalyzeArticle(a, options);
  ASSERT_GT(an.doc.sentences.size(), 40u);
  for (size_t i = 0; i < an.doc.sentences.size(); ++i) {
    const auto& s = an.doc.sentences[i];
    EXPECT_LE(s.span.size(), 100u);
    if (i + 1 < an.doc.sentences.size()) {
      EXPECT_EQ(an.doc.text[s.span.end - 1], ' ') << "cut inside a word";
    }
  }
  EXPECT_TRUE(AnyContains(an.notes, "longer than 100 bytes, cut into pieces"));
}

TEST(WorkBounds, OrdinaryArticleHasNoNote) {
  const Article a = OneParagraph("a4", "The bridge reopened on Monday. Traffic was light.");
  EXPECT_TRUE(extract::AnalyzeArticle(a, {}).notes.empty());
}

TEST(WorkBounds, AlignerStopsAtItsPairBudgetAndKeepsEveryUnit) {
  // Twenty copies of one vector: every pair is a candidate.
  const std::vector<SparseVector> vectors(20, SparseVector{{0, 0.6f}, {1, 0.8f}});
  const std::vector<uint32_t> article_of(20, 0);
  AlignOptions options;
  options.max_kept_pairs = 30;
  AlignStats stats;
  const std::vector<FactGroup> groups = AlignFacts(article_of, vectors, options, &stats);
  EXPECT_EQ(stats.units, 20u);
  EXPECT_LT(stats.compared_units, 20u);
  EXPECT_GT(stats.compared_units, 5u);
  size_t members = 0;
  for (const auto& g : groups) members += g.members.size();
  EXPECT_EQ(members, 20u);  // the units past the budget are facts of their own
  AlignStats unbounded;
  AlignFacts(article_of, vectors, {}, &unbounded);
  EXPECT_EQ(unbounded.compared_units, 20u);
}

TEST(WorkBounds, RepeatedSentenceStoryIsBuiltWithANote) {
  std::vector<Article> articles{
      OneParagraph("r1", Repeat("The council said the bridge will reopen on Monday after repairs. ", 6000))};
  extract::AnalysisOptions options;
  options.threads = 1;
  const auto analyses = extract::AnalyzeArticles(articles, options);
  const Story story = BuildStory("s", {&analyses[0]}, /*copy_of=*/{});
  EXPECT_FALSE(story.facts.empty());
  EXPECT_TRUE(AnyContains(story.notes, "article r1: 6,000 sentences, analysed the first 5,000"));
}

TEST(WorkBounds, NumberCandidatesPastTheBoundAreNoted) {
  std::vector<Article> articles{OneParagraph("n1", Repeat("At least 53 people died. ", 50)),
                                OneParagraph("n2", Repeat("At least 60 people died. ", 50))};
  extract::AnalysisOptions options;
  options.threads = 1;
  const auto analyses = extract::AnalyzeArticles(articles, options);
  std::vector<std::string> notes;
  const auto found = FindNumberDiscrepancies({&analyses[0], &analyses[1]}, &notes, 60);
  EXPECT_EQ(found.size(), 1u);
  EXPECT_TRUE(AnyContains(notes, "numbers: 100 figures, compared the first 60"));
}

}  // namespace
}  // namespace newsfuse::synthesize
