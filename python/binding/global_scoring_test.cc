#include "python/binding/global_scoring.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cluster/similarity.h"

namespace newsfuse::python {
namespace {

Article MakeArticle(const std::string& id, const std::string& body) {
  Article a;
  a.id = id;
  a.paragraphs.emplace_back().text = body;
  return a;
}

std::vector<fingerprint::RawFingerprint> Raws() {
  fingerprint::Fingerprinter fp;
  std::vector<fingerprint::RawFingerprint> raws;
  raws.push_back(fp.Extract(MakeArticle("a", "Police in Denver arrested Vincent Jackson on Monday. Jackson was released on bail.")));
  raws.push_back(fp.Extract(MakeArticle("b", "Vincent Jackson of the Chargers was arrested in Denver, police said.")));
  raws.push_back(fp.Extract(MakeArticle("c", "The central bank raised interest rates by a quarter point on Tuesday.")));
  return raws;
}

TEST(GlobalScoring, SummedCountsWeighAsTheWholeInput) {
  const std::vector<fingerprint::RawFingerprint> raws = Raws();
  fingerprint::DocumentFrequency whole;
  for (const auto& r : raws) whole.Add(r);
  // Two partitions counted apart, summed, through bytes and back.
  std::vector<DocumentCounts> parts = {CountDocuments(std::span(raws).first(2)),
                                       CountDocuments(std::span(raws).subspan(2))};
  Result<DocumentCounts> decoded = DecodeCounts(EncodeCounts(AddCounts(parts)));
  ASSERT_TRUE(decoded.ok());
  const fingerprint::DocumentFrequency rebuilt = ToDocumentFrequency(*decoded);
  EXPECT_EQ(rebuilt.documents(), 3u);
  size_t checked = 0;
  for (const auto& r : raws) {
    for (const auto& t : r.terms) {
      EXPECT_EQ(rebuilt.TermIdf(t.term), whole.TermIdf(t.term));
      ++checked;
    }
    for (const auto& e : r.entities) EXPECT_EQ(rebuilt.EntityIdf(e.term), whole.EntityIdf(e.term));
  }
  EXPECT_GT(checked, 20u);
  const fingerprint::ArticleVectors a = fingerprint::Weigh(raws[0], whole, {});
  const fingerprint::ArticleVectors b = fingerprint::Weigh(raws[0], rebuilt, {});
  ASSERT_EQ(a.terms.size(), b.terms.size());
  for (size_t k = 0; k < a.terms.size(); ++k) EXPECT_EQ(a.terms[k].weight, b.terms[k].weight);
}

TEST(GlobalScoring, DamagedBytesAreRefused) {
  const std::string counts = EncodeCounts(CountDocuments(Raws()));
  EXPECT_FALSE(DecodeCounts(counts.substr(0, counts.size() - 3)).ok());
  EXPECT_FALSE(DecodeCounts(counts + "x").ok());
  const std::string views = EncodeViews(7, std::vector<ScoredArticle>(2));
  EXPECT_FALSE(DecodeViews(views.substr(0, views.size() - 1)).ok());
}

TEST(GlobalScoring, ViewsKeepTheScores) {
  const std::vector<fingerprint::RawFingerprint> raws = Raws();
  fingerprint::DocumentFrequency df;
  for (const auto& r : raws) df.Add(r);
  const cluster::ClusterOptions options;
  std::vector<ScoredArticle> articles;
  articles.push_back(MakeScoredArticle(raws[0], cluster::kUnknownTime, df, options));
  articles.push_back(MakeScoredArticle(raws[1], cluster::kUnknownTime, df, options));
  articles.push_back(MakeScoredArticle(raws[2], cluster::kUnknownTime, df, options));
  articles.emplace_back();  // a left-out line
  Result<Views> views = DecodeViews(EncodeViews(100, articles));
  ASSERT_TRUE(views.ok());
  EXPECT_EQ(views->first, 100u);
  ASSERT_EQ(views->articles.size(), 4u);
  PairScorer before(options);
  PairScorer after(options);
  const float same_event = before.Score(articles[1], articles[0]);
  EXPECT_EQ(after.Score(views->articles[1], views->articles[0]), same_event);
  EXPECT_GT(same_event, before.Score(articles[1], articles[2]));
  EXPECT_EQ(after.Score(views->articles[3], views->articles[0]), 0.0f);
}

// The clusterer's protagonist conflict: two articles about two people, neither
// naming the other, score protagonist_conflict_factor of their similarity.
TEST(GlobalScoring, ProtagonistConflictAsTheClusterer) {
  cluster::ClusterOptions options;
  ScoredArticle a;
  a.active = true;
  a.minutes = cluster::kUnknownTime;
  a.vectors.terms = {{5, 1.0f}};
  a.protagonist = 11;
  a.names = {{11, 3.0f}};
  ScoredArticle b = a;
  b.protagonist = 22;
  b.names = {{22, 3.0f}};
  PairScorer scorer(options);
  const float apart = scorer.Score(a, b);
  EXPECT_FLOAT_EQ(apart, (1.0f - options.entity_weight) * options.protagonist_conflict_factor);
  b.names = {{11, 1.0f}, {22, 3.0f}};  // b names a's protagonist
  EXPECT_FLOAT_EQ(scorer.Score(a, b), 1.0f - options.entity_weight);
}

}  // namespace
}  // namespace newsfuse::python
