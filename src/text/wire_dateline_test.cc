#include "text/wire_dateline.h"

#include <gtest/gtest.h>

#include <string>

namespace newsfuse::text {
namespace {

std::string_view Rest(std::string_view s) { return s.substr(WireDatelineLength(s)); }

TEST(WireDatelineTest, CutsTheWireDatelinesOfSeveralAgencies) {
  EXPECT_EQ(Rest("PORT ELLIS, Marrow Islands (AP) _ The ferry sank on Tuesday."), "The ferry sank on Tuesday.");
  EXPECT_EQ(Rest("LONDON (Reuters) - Prices rose."), "Prices rose.");
  EXPECT_EQ(Rest("ST. ANSELM, April 1 \xE2\x80\x94 The bridge closed."), "The bridge closed.");
  EXPECT_EQ(Rest("WASHINGTON _ The agency said so."), "The agency said so.");
  EXPECT_EQ(Rest("NEW HAVEN, Conn. -- Voters went to the polls."), "Voters went to the polls.");
}

TEST(WireDatelineTest, LeavesOrdinarySentencesAlone) {
  for (std::string_view s : {"The ferry sank on Tuesday.", "NATO said on Monday it would act.",
                             "US - China talks resumed.", "The UN - led mission left.",
                             "WASHINGTON", "LONDON (Reuters) -", "Rafah - a city of refugees - waits."}) {
    EXPECT_EQ(WireDatelineLength(s), 0u) << s;
  }
}

TEST(WireDatelineTest, ALongRunOfCapitalsIsNotADateline) {
  const std::string shout(90, 'A');
  EXPECT_EQ(WireDatelineLength(shout + " _ and then words."), 0u);
}

}  // namespace
}  // namespace newsfuse::text
