#include "ingest/plain_text_reader.h"

#include <gtest/gtest.h>

namespace newsfuse::ingest {
namespace {

std::string AllText(const Article& a) {
  std::string out;
  for (const auto& p : a.paragraphs) out += p.text + "\n";
  return out;
}

TEST(PlainTextReaderTest, ReadsHeadlineStandfirstDatelineAndBody) {
  const char* text =
      "Cargo ship strikes bridge, closing the main crossing\n\n"
      "Officials say the span will stay shut for a month.\n\n"
      "March 11, 2025, 6:42 PM\n\n"
      "A cargo ship struck a pier of the bridge early Tuesday, officials told The Ledger.\n\n"
      "PHOTO: The freighter rests against a pier, March 11, 2025.\n"
      "The freighter rests against a pier, March 11, 2025.\n"
      "Tomas Reyes/Ledger Photo via Getty Images\n\n"
      "No one was killed.\n";
  auto a = ParsePlainTextArticle("01", "01.txt", text);
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->title.value_or(""), "Cargo ship strikes bridge, closing the main crossing");
  EXPECT_EQ(a->subtitle.value_or(""), "Officials say the span will stay shut for a month.");
  EXPECT_EQ(OptionalDateString(a->published).value_or(""), "2025-03-11T18:42");
  EXPECT_EQ(a->outlet.value_or(""), "The Ledger");
  ASSERT_EQ(a->paragraphs.size(), 2u);
  EXPECT_EQ(AllText(*a).find("PHOTO"), std::string::npos);
  EXPECT_EQ(AllText(*a).find("Getty"), std::string::npos);
  size_t captions = 0;
  for (const auto& d : a->dropped) captions += d.kind == BoilerplateKind::kPhotoCaption || d.kind == BoilerplateKind::kCredit;
  EXPECT_EQ(captions, 3u);
}

TEST(PlainTextReaderTest, NoHeadlineWhenFirstLineIsBody) {
  const char* text =
      "A cargo ship crashed into the bridge on Tuesday, and officials closed the crossing. \n\n"
      "The freighter lost propulsion after leaving the terminal.\n";
  auto a = ParsePlainTextArticle("03", "03.txt", text);
  ASSERT_TRUE(a.ok());
  EXPECT_FALSE(a->title.has_value());
  EXPECT_FALSE(a->published.has_value());
  EXPECT_FALSE(a->outlet.has_value());
  EXPECT_EQ(a->paragraphs.size(), 2u);
}

TEST(PlainTextReaderTest, CaptionDatesAreNeverThePublicationDate) {
  const char* text =
      "Ferries carry commuters after bridge closure\n\n"
      "Commuters board a ferry at the terminal, in Marrow Point, March 11, 2025. (credit: WIRE/Ann Roe)\n"
      "Commuters board a ferry at the terminal, in Marrow Point, March 11, 2025.\n\n"
      "The transit agency doubled ferry service on Wednesday.\n";
  auto a = ParsePlainTextArticle("x", "x.txt", text);
  ASSERT_TRUE(a.ok());
  EXPECT_FALSE(a->published.has_value());
  EXPECT_EQ(a->paragraphs.size(), 1u);
}

TEST(PlainTextReaderTest, DatelineAtTheEndAndAltTextBesideCaption) {
  const char* text =
      "Bridge closure: the city turns to ferries\n\n"
      " A ferry leaves the terminal in the harbor on March 11, 2025.\n\n"
      "A ferry leaves the harbor terminal this week. Photo: Ann Roe/Pool/AFP via Getty Images\n\n"
      "The transit agency said on Wednesday that it was doubling ferry service.\n\n"
      "Updated: March 12, 2025, 9:15 AM\n";
  auto a = ParsePlainTextArticle("x", "x.txt", text);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(OptionalDateString(a->published).value_or(""), "2025-03-12T09:15");
  ASSERT_EQ(a->paragraphs.size(), 1u);
  EXPECT_EQ(a->paragraphs[0].text.substr(0, 20), "The transit agency s");
}

TEST(PlainTextReaderTest, KeepsBulletsDropsHeadersAndPromos) {
  const char* text =
      "What You Need To Know\n\n"
      "  \xE2\x80\xA2 The bridge is closed for four weeks.\n"
      "  \xE2\x80\xA2 Ferries run every 20 minutes.\n\n"
      "Live updates: Follow the latest news on the closure\n\n"
      "Why it matters: The bridge carries 40,000 vehicles a day.\n\n"
      "Subscribe to The Harbor Times Newsletter\n\n"
      "Go deeper\n";
  auto a = ParsePlainTextArticle("x", "x.txt", text);
  ASSERT_TRUE(a.ok());
  ASSERT_EQ(a->paragraphs.size(), 3u);
  EXPECT_TRUE(a->paragraphs[0].is_list_item);
  EXPECT_EQ(a->paragraphs[0].text, "The bridge is closed for four weeks.");
  EXPECT_EQ(a->paragraphs[2].label, "Why it matters");
  EXPECT_EQ(a->paragraphs[2].text, "The bridge carries 40,000 vehicles a day.");
  EXPECT_EQ(a->outlet.value_or(""), "The Harbor Times");
}

TEST(PlainTextReaderTest, RejectsBadBytesWithTheFileNamed) {
  struct Case {
    std::string bytes;
    const char* message;
  };
  const Case cases[] = {
      {"", "a.txt: empty article (no text)"},
      {"  \n\n\t\n", "a.txt: empty article (no text)"},
      {std::string("PK\x03\x04\0\0\0", 7), "a.txt: binary data, not text"},
      {"Good start \xC3\x28 bad", "a.txt: invalid UTF-8 at byte 11"},
      {"PHOTO: only a caption\nAP\n", "a.txt: no article text left after removing page furniture"},
  };
  for (const auto& c : cases) {
    auto a = ParsePlainTextArticle("a", "a.txt", c.bytes);
    ASSERT_FALSE(a.ok());
    EXPECT_EQ(a.status().ToString(), c.message);
  }
}

TEST(PlainTextReaderTest, ProseCheckTellsNewsFromAToolsFile) {
  const std::string news =
      "A cargo ship struck the Harbor Bridge on Tuesday, closing it for at least a month, the port "
      "authority said. Repairs will cost $120 million, officials said, and 40,000 vehicles a day must "
      "now take the ferry or the long way round through the valley towns.";
  EXPECT_TRUE(CheckLooksLikeProse("n.txt", news).ok());
  std::string cache = "# This is the CMakeCache file.\n";
  for (int i = 0; i < 12; ++i) {
    cache += "//Path to a program.\nCMAKE_TOOL_" + std::to_string(i) + ":FILEPATH=/usr/bin/tool" + std::to_string(i) + "\n";
  }
  const Status s = CheckLooksLikeProse("CMakeCache.txt", cache);
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(s.ToString().rfind("CMakeCache.txt: not news text: only ", 0), 0u) << s.ToString();
  EXPECT_TRUE(CheckLooksLikeProse("short.txt", "a=b c=d").ok());  // too short to judge
}

TEST(PlainTextReaderTest, NonUtf8TextIsReadAsWindows1252) {
  EXPECT_FALSE(DecodeNonUtf8Text("already UTF-8: caf\xC3\xA9").has_value());
  EXPECT_FALSE(DecodeNonUtf8Text("").has_value());
  std::optional<std::string> d = DecodeNonUtf8Text("caf\xE9 \x93quoted\x94 \x80" "5");
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(*d, "caf\xC3\xA9 \xE2\x80\x9Cquoted\xE2\x80\x9D \xE2\x82\xAC" "5");
}

}  // namespace
}  // namespace newsfuse::ingest
