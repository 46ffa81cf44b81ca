#include "synthesize/figure_subject.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/entity_tagger.h"
#include "synthesize/article_testutil.h"
#include "synthesize/discrepancies.h"

namespace newsfuse::synthesize {
namespace {

// Number discrepancies between two one-sentence articles (people named when
// `tagger` is given).
std::vector<Discrepancy> NumberDiscrepancies(const std::string& first, const std::string& second,
                                             const extract::EntityTagger* tagger = nullptr) {
  const std::vector<Article> articles{OneParagraph("a", first), OneParagraph("b", second)};
  extract::AnalysisOptions options;
  options.threads = 1;
  options.tagger = tagger;
  const auto analyses = extract::AnalyzeArticles(articles, options);
  return FindNumberDiscrepancies({&analyses[0], &analyses[1]});
}

TEST(FigureSubjectTest, SameFigureOfOneThingIsCompared) {
  EXPECT_EQ(NumberDiscrepancies("At least 53 people died in the flood on Monday.",
                                "At least 60 people died in the flood, officials said.")
                .size(),
            1u);
  EXPECT_EQ(NumberDiscrepancies("Unemployment in the region rose to 6 percent of the workforce last year.",
                                "Unemployment in the region reached 9 percent of the workforce last year.")
                .size(),
            1u);
}

TEST(FigureSubjectTest, SmallFigureBesideATenIsCompared) {
  // "nine minutes" / "10 minutes": a count under ten is compared with one of
  // ten or more, not with another under ten.
  EXPECT_EQ(NumberDiscrepancies("She was escorted out of the plant and was outside for nine minutes.",
                                "She was escorted out of the plant and returned 10 minutes later.")
                .size(),
            1u);
  EXPECT_TRUE(NumberDiscrepancies("She was escorted out of the plant and was outside for two minutes.",
                                  "She was escorted out of the plant and returned three minutes later.")
                  .empty());
}

TEST(FigureSubjectTest, SharesOfDifferentThingsAreNotCompared) {
  EXPECT_TRUE(NumberDiscrepancies("The region's spending on roads grew 3 percent and then fell last year.",
                                  "The region's spending on roads is 6 percent of national income.")
                  .empty());
}

TEST(FigureSubjectTest, FiguresOfDifferentPeopleAreNotCompared) {
  auto tagger = extract::EntityTagger::Load(extract::EntityTagger::DefaultModelPath());
  if (!tagger.ok()) GTEST_SKIP() << "no entity model: " << tagger.status().ToString();
  const std::string hiller = "Yvonne Hiller had worked at the plant in Philadelphia for 15 years.";
  EXPECT_TRUE(NumberDiscrepancies(hiller, "Andy Ryan has worked at the plant in Philadelphia for nearly 30 years.",
                                  tagger->get())
                  .empty());
  // The same person's figure, named alike, is compared.
  EXPECT_EQ(NumberDiscrepancies(hiller, "Hiller has worked at the plant in Philadelphia for nearly 30 years.",
                                tagger->get())
                .size(),
            1u);
}

TEST(FigureSubjectTest, DifferentActsOnOneMeasureAreNotCompared) {
  // 30 days finished of a 90-day sentence: the words around each figure differ.
  EXPECT_TRUE(NumberDiscrepancies("The actress has just finished 30 days of treatment at the clinic.",
                                  "The court ordered her to serve 90 days of treatment in a locked facility.")
                  .empty());
}

TEST(FigureSubjectTest, FiguresOneOutletGivesTogetherAreNotCompared) {
  // Outlet b gives this raid's haul and the haul of all raids: two things
  // counted, so a's figure for the raid does not disagree with b's total.
  const std::string raid = "Police seized 12 rifles in the raid on the harbour on Tuesday.";
  EXPECT_EQ(NumberDiscrepancies(raid, "Police seized 30 rifles in the raid on the harbour on Tuesday.").size(), 1u);
  EXPECT_TRUE(NumberDiscrepancies(raid, raid + " So far police have seized 30 rifles in raids on the harbour.")
                  .empty());
}

}  // namespace
}  // namespace newsfuse::synthesize
