#include "text/page_furniture.h"

#include <gtest/gtest.h>

#include <string>

namespace newsfuse::text {
namespace {

Furniture Alone(std::string_view s) { return FurnitureOf(s, s); }

TEST(PageFurnitureTest, ReportedSentencesAreStoryText) {
  EXPECT_EQ(Alone("The report, published on March 3, 2013, said the bridge would reopen."), Furniture::kNone);
  EXPECT_EQ(Alone("Police said the driver fled the scene at about 7 p.m. on Friday."), Furniture::kNone);
  EXPECT_EQ(Alone("A judge may order a new trial."), Furniture::kGenericAdvice);
  EXPECT_EQ(Alone("A judge in Queens may order a new trial."), Furniture::kNone);  // a name
  EXPECT_EQ(Alone("A hearing could come on May 3."), Furniture::kNone);  // a date
  EXPECT_EQ(Alone("He named the site (http://www.example.org/) in his speech."), Furniture::kNone);
  EXPECT_EQ(Alone("She gave her blessing to an official Web site, www.example.com."), Furniture::kNone);
  EXPECT_EQ(Alone("The firm posted on its website that service was restored at 10:57 on 11 October 2011."),
            Furniture::kNone);
}

TEST(PageFurnitureTest, StampsLinksAndCallsToTheReader) {
  EXPECT_EQ(Alone("On behalf of Smith & Jones, LLP. posted in Car Accidents on Friday, September 20, 2013."),
            Furniture::kPageStamp);
  EXPECT_EQ(Alone("Friday, Sep 10, 2010 | Updated 8:52 PM EDT"), Furniture::kPageStamp);
  EXPECT_EQ(Alone("Her biography appears at: http: / / www. example. gov / bio. html."), Furniture::kLink);
  EXPECT_EQ(Alone("Women, start making your moves today!"), Furniture::kReaderAddress);
  EXPECT_EQ(Alone("Even if you don't know who hit you, there are ways to obtain compensation."),
            Furniture::kReaderAddress);
  EXPECT_EQ(Alone("Here is the transcript of the announcement."), Furniture::kPointer);
  EXPECT_EQ(Alone("Hiller Feuded with Co-Workers Prior to Shooting; Risk Factors and Prevention"), Furniture::kHeadline);
}

TEST(PageFurnitureTest, TheReaderIsNotAddressedInsideQuotedSpeech) {
  const std::string paragraph =
      "\"It's a crapshoot,\" he said. \"If you wait, you lose. There's nothing more you can do.\"";
  EXPECT_EQ(FurnitureOf("If you wait, you lose.", paragraph), Furniture::kNone);
  EXPECT_EQ(FurnitureOf("If you wait, you lose.", "If you wait, you lose."), Furniture::kReaderAddress);
}

TEST(PageFurnitureTest, CutsATrailingCrossReference) {
  const std::string s = "She accused them of spraying her with a deer scent (see related story).";
  EXPECT_EQ(s.substr(0, WithoutCrossReference(s)), "She accused them of spraying her with a deer scent");
  const std::string t = "He was held (in Queens) overnight.";
  EXPECT_EQ(WithoutCrossReference(t), t.size());
  const std::string u = "She returned (with a gun).";
  EXPECT_EQ(WithoutCrossReference(u), u.size());
}

}  // namespace
}  // namespace newsfuse::text
