#include "synthesize/quote_merger.h"

#include <gtest/gtest.h>

#include <string>

#include "extract/place_gazetteer.h"
#include "synthesize/article_testutil.h"
#include "synthesize/entity_merger.h"

namespace newsfuse::synthesize {
namespace {

// "Who said what" lists what someone said: a quotation that no outlet
// attributes (a film's title, a line of unattributed speech) is none.
TEST(QuoteMergerTest, AQuotationWithoutASpeakerIsLeftOut) {
  const auto texts = AnalyseTexts({
      "\"We will rebuild the old bridge by the spring,\" Mayor Ann Lee said on Monday.",
      "She starred in \"Take Me Out to the Ball Game,\" a film of 1949.\n\n"
      "\"We have handed out tents, blankets and water to the families.\"",
  });
  const auto places = extract::PlaceGazetteer::FromNames({});
  const MergedEntities merged = MergeEntities(texts->pointers, places);
  const auto quotes = MergeQuotes(texts->pointers, merged);
  ASSERT_EQ(quotes.size(), 1u);
  EXPECT_NE(quotes[0].speaker.find("Lee"), std::string::npos);
  EXPECT_EQ(quotes[0].text, "We will rebuild the old bridge by the spring,");
}

}  // namespace
}  // namespace newsfuse::synthesize
