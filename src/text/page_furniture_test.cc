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
  EXPECT_EQ(Alone("Council Restores Harbour Wildlife Protections!"), Furniture::kHeadline);
  EXPECT_EQ(Alone("The council restored the harbour protections!"), Furniture::kNone);
}

TEST(PageFurnitureTest, DateLinesAreStamps) {
  EXPECT_EQ(Alone("Sat Nov 12 2011, 01:19 hrs"), Furniture::kPageStamp);
  EXPECT_EQ(Alone("9:53 AM, MON 22 JUL 2013"), Furniture::kPageStamp);
  EXPECT_EQ(Alone("21 July 2013 Last updated at 11:11 GMT"), Furniture::kPageStamp);
  EXPECT_EQ(Alone("Chicago, Nov 11 -"), Furniture::kPageStamp);
  EXPECT_EQ(Alone("PUBLISHED: 16:05 GMT, 9 June 2013 | UPDATED: 06:55 GMT, 10 June 2013"), Furniture::kPageStamp);
  EXPECT_EQ(Alone("Posted on November 15, 2011 6:07:15 PM GMT+01: 0"), Furniture::kPageStamp);
  // A lower-case word other than a date's tells of something.
  EXPECT_EQ(Alone("Mayor Lee resigned on Nov 11."), Furniture::kNone);
  EXPECT_EQ(Alone("Lee Park, 43, of Springfield."), Furniture::kNone);
  // Names and no figure: not a date line.
  EXPECT_EQ(Alone("Fire Chief Ann Lee"), Furniture::kNone);
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
