#include "ingest/boilerplate.h"

#include <gtest/gtest.h>

namespace newsfuse::ingest {
namespace {

TEST(BoilerplateTest, ClassifiesPageFurnitureLines) {
  struct Case {
    const char* line;
    BoilerplateKind kind;
  };
  const Case cases[] = {
      {"PHOTO: Ferries wait at the terminal, March 11, 2025.", BoilerplateKind::kPhotoCaption},
      {"Tomas Reyes/Ledger Photo via Getty Images", BoilerplateKind::kCredit},
      {"Haitham Imad/EPA-EFE/Shutterstock", BoilerplateKind::kCredit},
      {"AP", BoilerplateKind::kCredit},
      {"(photo credit: REUTERS/Jane Roe/File Photo)", BoilerplateKind::kCredit},
      {"Boys ride a cart near a destroyed building in the south of the city. AFP",
       BoilerplateKind::kPhotoCaption},
      {"Commuters wait for a ferry. (credit: HARBOR DAILY/Anna Lindqvist)", BoilerplateKind::kPhotoCaption},
      {"A minister at a press conference earlier this month. Photo: Leo Roe/Pool/AFP via Getty Images",
       BoilerplateKind::kPhotoCaption},
      {"Subscribe to The Marrow Point Ledger Newsletter", BoilerplateKind::kNewsletter},
      {"Stay updated with the latest news!", BoilerplateKind::kNewsletter},
      {"Live updates: Follow the latest news on the bridge closure", BoilerplateKind::kPromo},
      {"Powered by automated translation", BoilerplateKind::kPromo},
      {"Go deeper", BoilerplateKind::kPromo},
      {"Go deeper: How the bridges were built", BoilerplateKind::kPromo},
      {"What You Need To Know", BoilerplateKind::kHeader},
  };
  for (const auto& c : cases) {
    auto kind = ClassifyLine(c.line);
    ASSERT_TRUE(kind.has_value()) << c.line;
    EXPECT_EQ(*kind, c.kind) << c.line;
  }
}

TEST(BoilerplateTest, KeepsStoryText) {
  const char* story[] = {
      "Mayor Elena Vasquez said the bridge would remain closed for at least four weeks.",
      "The AP reported the closure first, and officials confirmed it on Tuesday.",
      "Subscribers to the ferry pass will get refunds, the transit agency said on Wednesday after a long meeting.",
      "\"We will not reopen a single lane,\" Vasquez said.",
  };
  for (const char* line : story) EXPECT_FALSE(ClassifyLine(line).has_value()) << line;
}

TEST(BoilerplateTest, OutletFromSignoff) {
  EXPECT_EQ(OutletFromSignoff("Subscribe to The Jerusalem Post Newsletter").value_or(""), "The Jerusalem Post");
  EXPECT_EQ(OutletFromSignoff("\xC2\xA9 2025 Coastline Wire").value_or(""), "Coastline Wire");
  EXPECT_FALSE(OutletFromSignoff("Subscribe to our podcast").has_value());
}

TEST(BoilerplateTest, OutletFromAttributionOnlyAtClauseEnd) {
  EXPECT_EQ(OutletFromAttribution("four officials told Axios.").value_or(""), "Axios");
  EXPECT_EQ(OutletFromAttribution("a U.S. official confirmed to ABC News.").value_or(""), "ABC News");
  EXPECT_FALSE(OutletFromAttribution("Dermer told Netanyahu several times he must go.").has_value());
  EXPECT_FALSE(OutletFromAttribution("The meeting was first reported by Axios.").has_value());
  EXPECT_FALSE(OutletFromAttribution("she told reporters on a call.").has_value());
}

TEST(BoilerplateTest, SignpostsAreHouseStyleLabelsOnly) {
  EXPECT_EQ(SignpostLength("Why it matters: The bridge carries traffic."), 16u);
  EXPECT_EQ(SignpostLength("The big picture: After the vote, he left."), 17u);
  EXPECT_EQ(SignpostLength("Kirby: We do not support it."), 0u);
  EXPECT_EQ(SignpostLength("He said: no."), 0u);
}

}  // namespace
}  // namespace newsfuse::ingest
