#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "eval/conll_eval.h"
#include "eval/conll_reader.h"
#include "extract/ner_features.h"

namespace newsfuse::extract {
namespace {

using ner::kNumTags;

TEST(ConllReaderTest, ParsesDocumentsSentencesAndIob1Chunks) {
  const std::string text =
      "-DOCSTART- -X- O O\n"
      "\n"
      "Anna NNP I-NP I-PER\n"
      "Berg NNP I-NP I-PER\n"
      "visited VBD I-VP O\n"
      "Oslo NNP I-NP I-LOC\n"
      ". . O O\n"
      "\n"
      "Acme NNP I-NP I-ORG\n"
      "Mobile NNP I-NP B-ORG\n"
      "\n"
      "-DOCSTART- -X- O O\n"
      "\n"
      "Hi UH O O\n";
  Result<ConllCorpus> corpus = ParseConll(text, "mini");
  ASSERT_TRUE(corpus.ok()) << corpus.status().ToString();
  ASSERT_EQ(corpus->documents.size(), 2u);
  EXPECT_EQ(corpus->num_sentences, 3u);
  EXPECT_EQ(corpus->num_tokens, 8u);
  const ConllSentence& s0 = corpus->documents[0].sentences[0];
  EXPECT_EQ(s0.words[3], "Oslo");
  ASSERT_EQ(s0.chunks.size(), 2u);
  EXPECT_EQ(s0.chunks[0], (TokenChunk{0, 2, EntityType::kPerson}));
  EXPECT_EQ(s0.chunks[1], (TokenChunk{3, 4, EntityType::kLocation}));
  // B- between two adjacent entities of one type starts a second entity.
  const ConllSentence& s1 = corpus->documents[0].sentences[1];
  ASSERT_EQ(s1.chunks.size(), 2u);
  EXPECT_EQ(s1.chunks[1], (TokenChunk{1, 2, EntityType::kOrganization}));
}

TEST(ConllReaderTest, ReportsTheLineOfABadRow) {
  Result<ConllCorpus> corpus = ParseConll("Anna I-PER\nlonely\n", "bad.conll");
  ASSERT_FALSE(corpus.ok());
  EXPECT_NE(corpus.status().ToString().find("bad.conll: line 2"), std::string::npos)
      << corpus.status().ToString();
}

TEST(ConllReaderTest, ReadsIob2AndBioes) {
  EXPECT_EQ(ChunksFromTags({"B-PER", "I-PER", "B-PER", "O", "B-LOC"}),
            (std::vector<TokenChunk>{{0, 2, EntityType::kPerson}, {2, 3, EntityType::kPerson},
                                     {4, 5, EntityType::kLocation}}));
  EXPECT_EQ(ChunksFromTags({"S-ORG", "B-MISC", "E-MISC", "I-LOC", "I-ORG"}),
            (std::vector<TokenChunk>{{0, 1, EntityType::kOrganization}, {1, 3, EntityType::kOther},
                                     {3, 4, EntityType::kLocation}, {4, 5, EntityType::kOrganization}}));
}

TEST(ConllEvalTest, CountsExactSpanAndTypeMatchesOnly) {
  ConllEvaluator eval;
  eval.AddSentence({{0, 2, EntityType::kPerson}, {3, 4, EntityType::kLocation}},
                   {{0, 2, EntityType::kPerson}, {3, 4, EntityType::kOrganization}, {5, 6, EntityType::kOther}}, 6,
                   4);
  EXPECT_EQ(eval.Overall().gold, 2u);
  EXPECT_EQ(eval.Overall().predicted, 3u);
  EXPECT_EQ(eval.Overall().correct, 1u);
  EXPECT_NEAR(eval.Overall().F1(), 40.0, 1e-9);
  EXPECT_EQ(eval.ForType(EntityType::kLocation).correct, 0u);
  EXPECT_NE(eval.Report().find("FB1:  40.00"), std::string::npos) << eval.Report();
}

TEST(NerTagsTest, BilouRoundTripsAndTransitionsFollowTheScheme) {
  const std::vector<TokenChunk> chunks = {{0, 1, EntityType::kPerson}, {1, 4, EntityType::kOrganization},
                                          {5, 7, EntityType::kOther}};
  const std::vector<int> tags = ner::BilouFromChunks(chunks, 8);
  EXPECT_EQ(ner::ChunksFromBilou(tags), chunks);
  using ner::MakeTag;
  using ner::TagPart;
  EXPECT_TRUE(ner::AllowedTransition(-1, MakeTag(EntityType::kPerson, TagPart::kBegin)));
  EXPECT_FALSE(ner::AllowedTransition(-1, MakeTag(EntityType::kPerson, TagPart::kInside)));
  EXPECT_FALSE(ner::AllowedTransition(MakeTag(EntityType::kPerson, TagPart::kBegin), ner::kTagO));
  EXPECT_FALSE(ner::AllowedTransition(MakeTag(EntityType::kPerson, TagPart::kBegin),
                                      MakeTag(EntityType::kLocation, TagPart::kLast)));
  EXPECT_TRUE(ner::AllowedTransition(MakeTag(EntityType::kPerson, TagPart::kInside),
                                     MakeTag(EntityType::kPerson, TagPart::kLast)));
  EXPECT_TRUE(ner::AllowedTransition(MakeTag(EntityType::kPerson, TagPart::kUnit), -1));
  EXPECT_FALSE(ner::AllowedTransition(MakeTag(EntityType::kPerson, TagPart::kBegin), -1));
  EXPECT_EQ(kNumTags, 17);
}

}  // namespace
}  // namespace newsfuse::extract
