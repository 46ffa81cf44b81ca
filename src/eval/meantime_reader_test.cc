#include "eval/meantime_reader.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <set>

namespace newsfuse::eval {
namespace {

// A hand-written fixture in the MEANTIME CoNLL shape (made-up words).
constexpr std::string_view kFixture =
    "#begin document (corpus_alpha/1); part 000\n"
    "corpus_alpha/1\t0\t0\tAcme\t(cross_intra_ORG11\n"
    "corpus_alpha/1\t0\t1\tWidgets\tcross_intra_ORG11)\n"
    "corpus_alpha/1\t0\t2\tsold\t(cross_intra_OTH50)\n"
    "corpus_alpha/1\t0\t3\tZorp\t(cross_intra_PRO20| (cross_intra_ORG11)\n"
    "corpus_alpha/1\t0\t4\tPhone\tcross_intra_PRO20)\n"
    "\n"
    "corpus_alpha/1\t1\t0\tthe\t(intra_ORG11\n"
    "corpus_alpha/1\t1\t1\tcompany\tintra_ORG11)\n"
    "\n"
    "corpus_alpha/1\t2\t0\tNobody\t-\n"
    "corpus_alpha/1\t2\t1\tAcme\t-\n"
    "#end document\n"
    "#begin document (corpus_alpha/2); part 000\n"
    "corpus_alpha/2\t0\t0\tBob\t(cross_PER30\n"
    "corpus_alpha/2\t0\t1\tSmith\tcross_PER30)\n"
    "corpus_alpha/2\t0\t2\tleft\t-\n"
    "corpus_alpha/2\t0\t3\tAcme\t(cross_ORG11)\n"
    "#end document\n"
    "#begin document (corpus_beta/7); part 000\n"
    "corpus_beta/7\t0\t0\tParis\t(cross_intra_LOC40)\n"
    "#end document\n";

TEST(MeantimeReaderTest, TopicsDocumentsAndNamedEntityMentions) {
  auto topics = ParseMeantimeConll(kFixture, "fixture");
  ASSERT_TRUE(topics.ok()) << topics.status().ToString();
  ASSERT_EQ(topics->size(), 2u);
  const CorefTopic& alpha = (*topics)[0];
  EXPECT_EQ(alpha.name, "corpus_alpha");
  ASSERT_EQ(alpha.docs.size(), 2u);
  EXPECT_EQ((*topics)[1].name, "corpus_beta");

  const CorefDoc& d1 = alpha.docs[0];
  EXPECT_EQ(d1.name, "corpus_alpha/1");
  ASSERT_EQ(d1.tokens.size(), 9u);
  EXPECT_EQ(d1.tokens[3], "Zorp");
  EXPECT_EQ(d1.sentence[5], 1);
  // Sentences 0 and 1 carry mentions; sentence 2 none, so it is not annotated.
  EXPECT_EQ(d1.annotated, (std::set<int>{0, 1}));
  // Kept: "Acme Widgets", "Zorp Phone" and the nested "Zorp"; the event
  // ("sold") and the common noun ("the company") are not counted.
  ASSERT_EQ(d1.mentions.size(), 3u);
  int org = 0;
  for (const KeyMention& m : d1.mentions) {
    if (m.chain == "ORG11") ++org;
    if (m.chain == "PRO20") {
      EXPECT_EQ(m.first, 3u);
      EXPECT_EQ(m.last, 4u);
    }
  }
  EXPECT_EQ(org, 2);

  // "cross_ORG11" in the second document is the same instance as
  // "cross_intra_ORG11" in the first: one chain across documents.
  const CorefDoc& d2 = alpha.docs[1];
  ASSERT_EQ(d2.mentions.size(), 2u);
  EXPECT_EQ(d2.mentions[0].chain, "PER30");
  EXPECT_EQ(d2.mentions[0].last, 1u);
  EXPECT_EQ(d2.mentions[1].chain, "ORG11");
}

TEST(MeantimeReaderTest, MalformedInputNamesSourceAndLine) {
  auto bad_columns = ParseMeantimeConll("#begin document (t/1); part 000\nt/1\t0\tAcme\t-\n#end document\n", "x.conll");
  ASSERT_FALSE(bad_columns.ok());
  EXPECT_NE(bad_columns.status().ToString().find("x.conll"), std::string::npos);
  EXPECT_NE(bad_columns.status().ToString().find("line 2"), std::string::npos);

  auto unclosed = ParseMeantimeConll("#begin document (t/1); part 000\nt/1\t0\t0\tAcme\t(cross_ORG1\n#end document\n", "y");
  ASSERT_FALSE(unclosed.ok());
  EXPECT_NE(unclosed.status().ToString().find("never closed"), std::string::npos);

  auto unopened = ParseMeantimeConll("#begin document (t/1); part 000\nt/1\t0\t0\tAcme\tcross_ORG1)\n#end document\n", "y");
  EXPECT_FALSE(unopened.ok());

  auto truncated = ParseMeantimeConll("#begin document (t/1); part 000\nt/1\t0\t0\tAcme\t-\n", "z");
  EXPECT_FALSE(truncated.ok());
}

TEST(MeantimeReaderTest, SharedCopyReads) {
  const std::string path = NEWSFUSE_SHARED_DIR "/data/coref/meantime_en";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no shared data at " << path;
  auto topics = ReadMeantimeConll(path);
  ASSERT_TRUE(topics.ok()) << topics.status().ToString();
  EXPECT_EQ(topics->size(), 4u);
  size_t docs = 0;
  for (const auto& t : *topics) docs += t.docs.size();
  EXPECT_EQ(docs, 120u);
}

}  // namespace
}  // namespace newsfuse::eval
