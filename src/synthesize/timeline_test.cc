#include "synthesize/timeline.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "extract/article_analysis.h"
#include "newsfuse/article.h"

namespace newsfuse::synthesize {
namespace {

// An article of one sentence a paragraph, published on 2013-07-22.
Article Paragraphs(const std::string& id, const std::vector<std::string>& texts) {
  Article a;
  a.id = id;
  a.published = CivilDate{2013, 7, 22};
  for (const auto& t : texts) {
    Paragraph p;
    p.text = t;
    a.paragraphs.push_back(std::move(p));
  }
  return a;
}

std::vector<TimelineEntry> TimelineOf(const std::vector<Article>& articles) {
  extract::AnalysisOptions options;
  options.threads = 1;
  const std::vector<extract::ArticleAnalysis> analyses = extract::AnalyzeArticles(articles, options);
  std::vector<const extract::ArticleAnalysis*> pointers;
  for (const auto& a : analyses) pointers.push_back(&a);
  return BuildTimeline(pointers);
}

// The page's stamps date the page, not an event: only the reported
// sentence is an entry.
TEST(TimelineTest, PageStampsAreNoEvents) {
  const auto timeline = TimelineOf({Paragraphs(
      "a0", {"21 July 2013 Last updated at 11:11 GMT", "9:53 AM, MON 22 JUL 2013",
             "Posted on July 22, 2013 6:07:15 PM GMT+01: 0",
             "The fire service was called to the store on Sunday, July 21."})});
  ASSERT_EQ(timeline.size(), 1u);
  EXPECT_EQ(timeline[0].date, "2013-07-21");
  EXPECT_EQ(timeline[0].text, "The fire service was called to the store on Sunday, July 21.");
}

}  // namespace
}  // namespace newsfuse::synthesize
