#include "eval/quote_eval.h"

#include <gtest/gtest.h>

#include <iostream>
#include <string>

#include "base/file_io.h"
#include "eval/polnear_reader.h"

namespace newsfuse::extract {
namespace {

// Offsets in .ann files count code points; the curly quotes below are one
// code point and three bytes each.
const std::string kText =
    "\xE2\x80\x9CWe will win,\xE2\x80\x9D Smith said. Jones said the plan was a \"disaster\" today.";
// Code points: “ 0, "We will win," 1..13, ” 13, " Smith" 14..20, " said" 20..25 ...
const std::string kAnn =
    "T1\tContent 0 14\t\xE2\x80\x9CWe will win,\xE2\x80\x9D\n"
    "T2\tSource 15 20\tSmith\n"
    "T3\tCue 21 25\tsaid\n"
    "T4\tAttribution 21 25\tsaid\n"
    "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2\n"
    "T5\tSource 27 32\tJones\n"
    "T6\tCue 33 37\tsaid\n"
    "T7\tContent 38 66\tthe plan was a \"disaster\" today\n"
    "#1\tAnnotatorNotes T7\ta note\n"
    "E2\tAttribution:T6 Content:T7 Cue:T6 Source:T5\n";

TEST(PolnearReaderTest, ConvertsCodePointOffsetsToBytes) {
  Result<PolnearDocument> doc = ParsePolnearAnn("x_4b22.ann", kText, kAnn);
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  EXPECT_EQ(doc->name, "x_4b22");
  ASSERT_EQ(doc->attributions.size(), 2u);
  EXPECT_EQ(doc->attributions[0].source[0].In(doc->text), "Smith");
  EXPECT_EQ(doc->attributions[0].cue[0].In(doc->text), "said");
  EXPECT_EQ(doc->attributions[1].source[0].In(doc->text), "Jones");
}

TEST(PolnearReaderTest, RejectsBadInput) {
  EXPECT_FALSE(ParsePolnearAnn("a.ann", "short", "T1\tContent 0 99\tx\n").ok());
  EXPECT_FALSE(ParsePolnearAnn("a.ann", "short", "T1\tContent x y\tx\n").ok());
  EXPECT_FALSE(ParsePolnearAnn("a.ann", "short", "E1\tAttribution:T9\n").ok());
  EXPECT_FALSE(ReadPolnearDir("/nonexistent/polnear").ok());
}

TEST(QuoteEvalTest, GoldQuotesAreTheQuotedStretches) {
  Result<PolnearDocument> doc = ParsePolnearAnn("x_4b22.ann", kText, kAnn);
  ASSERT_TRUE(doc.ok());
  std::vector<GoldQuote> gold = GoldQuotes(*doc);
  ASSERT_EQ(gold.size(), 2u);
  EXPECT_EQ(gold[0].quote.In(doc->text), "We will win,");
  EXPECT_EQ(gold[0].source.In(doc->text), "Smith");
  EXPECT_EQ(gold[1].quote.In(doc->text), "disaster");
  EXPECT_EQ(gold[1].source.In(doc->text), "Jones");
}

TEST(QuoteEvalTest, PerfectPredictionScoresOne) {
  Result<PolnearDocument> doc = ParsePolnearAnn("x_4b22.ann", kText, kAnn);
  ASSERT_TRUE(doc.ok());
  QuoteScores s = ScoreQuotes(*doc, FindQuotes(doc->text));
  EXPECT_EQ(s.gold_quotes, 2u);
  EXPECT_DOUBLE_EQ(s.quote_exact.F1(), 1.0);
  EXPECT_DOUBLE_EQ(s.quote_overlap.F1(), 1.0);
  EXPECT_DOUBLE_EQ(s.speaker_exact.F1(), 1.0);
  EXPECT_DOUBLE_EQ(s.speaker_overlap.F1(), 1.0);
}

TEST(QuoteEvalTest, WrongSpeakerAndPartialSpan) {
  Result<PolnearDocument> doc = ParsePolnearAnn("x_4b22.ann", kText, kAnn);
  ASSERT_TRUE(doc.ok());
  std::vector<Quote> pred = FindQuotes(doc->text);
  ASSERT_EQ(pred.size(), 2u);
  // Shorten the first quote ("We will" of "We will win,") and give the second
  // a speaker mention that only overlaps the gold one ("Jones said").
  pred[0].quote.end = pred[0].quote.begin + 7;
  pred[1].speaker_mention.end += 5;
  QuoteScores s = ScoreQuotes(*doc, pred);
  EXPECT_DOUBLE_EQ(s.quote_exact.Precision(), 0.5);
  EXPECT_DOUBLE_EQ(s.quote_exact.Recall(), 0.5);
  // Tokens: predicted {We, will, disaster}, gold {We, will, win, disaster}.
  EXPECT_DOUBLE_EQ(s.quote_overlap.Precision(), 1.0);
  EXPECT_DOUBLE_EQ(s.quote_overlap.Recall(), 0.75);
  EXPECT_DOUBLE_EQ(s.speaker_exact.Recall(), 0.5);
  EXPECT_DOUBLE_EQ(s.speaker_overlap.Recall(), 1.0);
}

constexpr double kSpeakerExactFloor = 0.74;
constexpr double kSpeakerOverlapFloor = 0.80;
constexpr double kQuoteExactFloor = 0.91;
constexpr double kQuoteOverlapFloor = 0.94;

// The dev split of PolNeAR, when ../shared is present. The floors sit a little
// below what the finder scored when this test was written (speaker F1 77.1
// exact / 82.8 overlap, quote span 93.8 / 96.6), so that a regression fails it.
TEST(QuoteEvalTest, PolnearDevFloor) {
  const std::string dir = NEWSFUSE_SHARED_DIR "/data/quotes/polnear/dev";
  if (!base::IsDirectory(dir)) GTEST_SKIP() << "PolNeAR dev split not found at " << dir;
  Result<std::vector<PolnearDocument>> docs = ReadPolnearDir(dir);
  ASSERT_TRUE(docs.ok()) << docs.status().ToString();
  QuoteScores s = EvaluateQuotes(*docs);
  std::cout << FormatQuoteScores(s);
  EXPECT_GE(s.speaker_exact.F1(), kSpeakerExactFloor);
  EXPECT_GE(s.speaker_overlap.F1(), kSpeakerOverlapFloor);
  EXPECT_GE(s.quote_exact.F1(), kQuoteExactFloor);
  EXPECT_GE(s.quote_overlap.F1(), kQuoteOverlapFloor);
}

}  // namespace
}  // namespace newsfuse::extract
