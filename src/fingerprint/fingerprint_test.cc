#include <gtest/gtest.h>

#include <functional>
#include <string>
#include <vector>

#include "fingerprint/entities.h"
#include "fingerprint/fingerprinter.h"
#include "fingerprint/minhash.h"
#include "fingerprint/tokens.h"

namespace newsfuse::fingerprint {
namespace {

std::vector<Token> Tokens(std::string_view text) {
  std::vector<Token> out;
  ForEachToken(text, [&](const Token& t) { out.push_back(t); });
  return out;
}

Article MakeArticle(std::string title, std::vector<std::string> paragraphs) {
  Article a;
  a.id = "a";
  a.title = std::move(title);
  for (std::string& p : paragraphs) {
    Paragraph para;
    para.text = std::move(p);
    a.paragraphs.push_back(std::move(para));
  }
  return a;
}

// A body long enough for shingles to mean something (invented text).
std::string WireText() {
  return "The harbour authority closed the northern bridge on Tuesday after inspectors found "
         "cracks in two of its steel cables, officials said. Traffic was diverted through the "
         "tunnel and ferries added extra crossings for commuters. The authority said repairs "
         "could take three weeks and that the bridge had passed its last inspection in March. "
         "Engineers from the city and the state will meet on Thursday to decide on a plan.";
}

TEST(TokensTest, ViewsIntoTextWithCaseFoldedHashes) {
  std::string text = "Lohan checks in. LOHAN, lohan!";
  std::vector<Token> t = Tokens(text);
  ASSERT_EQ(t.size(), 5u);
  EXPECT_EQ(t[0].text, "Lohan");
  EXPECT_EQ(t[0].text.data(), text.data());
  EXPECT_EQ(t[0].hash, t[3].hash);
  EXPECT_EQ(t[0].hash, t[4].hash);
  EXPECT_TRUE(t[0].capitalised);
  EXPECT_TRUE(t[0].sentence_initial);
  EXPECT_FALSE(t[1].sentence_initial);
  EXPECT_TRUE(t[3].sentence_initial);
  EXPECT_TRUE(t[3].all_caps);
  EXPECT_FALSE(t[4].capitalised);
}

TEST(TokensTest, CurlyQuotesSeparateAndStopwordsAreMarked) {
  std::vector<Token> t = Tokens("Hollywood\xE2\x80\x99s \xE2\x80\x9Cthe\xE2\x80\x9D star");
  ASSERT_EQ(t.size(), 4u);
  EXPECT_EQ(t[0].text, "Hollywood");
  EXPECT_EQ(t[1].text, "s");
  EXPECT_EQ(t[2].text, "the");
  EXPECT_TRUE(t[2].stopword);
  EXPECT_FALSE(t[3].stopword);
}

TEST(TokensTest, StemJoinsInflections) {
  auto stem = [](std::string_view w) { return Tokens(w)[0].stem_hash; };
  EXPECT_EQ(stem("arrested"), stem("arrest"));
  EXPECT_EQ(stem("arrests"), stem("arrest"));
  EXPECT_EQ(stem("checking"), stem("check"));
  EXPECT_NE(stem("bus"), stem("bu"));
}

TEST(MinHashTest, IdenticalTextsMatchAndEditsStayClose) {
  MinHashBuilder b;
  b.AddText(WireText());
  MinHash a = b.Finish();
  b.AddText(WireText());
  MinHash same = b.Finish();
  EXPECT_DOUBLE_EQ(EstimateJaccard(a, same), 1.0);

  std::string edited = WireText();
  edited.replace(edited.find("three weeks"), 11, "a month");
  b.AddText(edited);
  MinHash near = b.Finish();
  EXPECT_GT(EstimateJaccard(a, near), 0.6);

  b.AddText("Stock markets in Asia fell sharply on Monday as investors weighed new trade data "
            "from the region and a weaker currency outlook for exporters in the coming months.");
  MinHash other = b.Finish();
  EXPECT_LT(EstimateJaccard(a, other), 0.2);
}

TEST(MinHashTest, EmptyTextIsNeverADuplicate) {
  MinHashBuilder b;
  MinHash empty = b.Finish();
  EXPECT_TRUE(empty.empty);
  EXPECT_EQ(EstimateJaccard(empty, empty), 0.0);
}

TEST(FingerprinterTest, NamesAreCapitalisedRunsWithTheirWords) {
  Fingerprinter fp;
  RawFingerprint raw =
      fp.Extract(MakeArticle("", {"Actress Lindsay Lohan checked into the Betty Ford Center on "
                                  "Friday, her lawyer said."}));
  auto has = [&](std::string_view name) {
    uint64_t h = EntityHash(name);
    uint32_t id = static_cast<uint32_t>(h ^ (h >> 32));
    for (const TermCount& e : raw.entities) {
      if (e.term == id) return true;
    }
    return false;
  };
  EXPECT_TRUE(has("Actress Lindsay Lohan"));
  EXPECT_TRUE(has("Lohan"));
  EXPECT_TRUE(has("Betty Ford Center"));
  EXPECT_FALSE(has("Friday"));
  EXPECT_FALSE(raw.minhash.empty);
}

// A stand-in for the tagger: reports fixed names, each once.
class FixedNames : public EntitySource {
 public:
  explicit FixedNames(std::vector<std::string> names) : names_(std::move(names)) {}
  void ForEachEntity(const Article&,
                     const std::function<void(std::string_view, float)>& on_entity) const override {
    for (const std::string& n : names_) on_entity(n, 1.0f);
  }

 private:
  std::vector<std::string> names_;
};

bool HasEntity(const RawFingerprint& raw, std::string_view name) {
  const uint64_t h = EntityHash(name);
  const auto id = static_cast<uint32_t>(h ^ (h >> 32));
  for (const TermCount& e : raw.entities) {
    if (e.term == id) return true;
  }
  return false;
}

TEST(FingerprinterTest, EntitySourceReplacesOrAddsToTheProxy) {
  const Article article = MakeArticle("", {"Lindsay Lohan checked in on Friday. Lohan is well, Lohan said."});
  const FixedNames source({"Tara Reid", "Reid", "Reid"});
  FingerprintOptions options;
  options.entity_source = &source;
  Fingerprinter replacing(options);
  RawFingerprint replaced = replacing.Extract(article);
  EXPECT_TRUE(HasEntity(replaced, "Tara Reid"));
  EXPECT_TRUE(HasEntity(replaced, "Reid"));  // a word of a longer name, as the proxy gives
  EXPECT_FALSE(HasEntity(replaced, "Lindsay Lohan"));
  options.entity_source_adds = true;
  Fingerprinter adding(options);
  RawFingerprint added = adding.Extract(article);
  EXPECT_TRUE(HasEntity(added, "Tara Reid"));
  EXPECT_TRUE(HasEntity(added, "Lindsay Lohan"));
  // The protagonist: the source's names vote when they replace the proxy's
  // (Reid), the proxy's alone when they are added (Lohan).
  const RawFingerprint proxy_only = Fingerprinter().Extract(article);
  EXPECT_NE(proxy_only.protagonist, 0u);
  EXPECT_EQ(added.protagonist, proxy_only.protagonist);
  EXPECT_NE(replaced.protagonist, 0u);
  EXPECT_NE(replaced.protagonist, proxy_only.protagonist);
}

// Its capitalised words wait for ResolveHeadlineNames (headline_names_test.cc).
TEST(FingerprinterTest, TitleCaseHeadlineGivesNoNamesYet) {
  Fingerprinter fp;
  RawFingerprint raw = fp.Extract(MakeArticle("Saints Place Running Back On Injured Reserve", {}));
  EXPECT_TRUE(raw.entities.empty());
  EXPECT_FALSE(raw.headline_words.empty());
  EXPECT_TRUE(fp.Extract(MakeArticle("Saints place running back on injured reserve", {})).headline_words.empty());
  EXPECT_FALSE(raw.terms.empty());
  EXPECT_TRUE(raw.minhash.empty);
  EXPECT_EQ(raw.body_bytes, 0u);
}

TEST(FingerprinterTest, LongBodyIsTruncatedAndSaysSo) {
  FingerprintOptions options;
  options.max_body_bytes = 100;
  Fingerprinter fp(options);
  RawFingerprint raw = fp.Extract(MakeArticle("t", {WireText(), WireText()}));
  EXPECT_TRUE(raw.truncated);
  EXPECT_EQ(raw.body_bytes, 2 * WireText().size());
}

TEST(FingerprinterTest, WeighGivesUnitVectorsAndCosineOrdersTopics) {
  Fingerprinter fp;
  DocumentFrequency df;
  std::vector<RawFingerprint> raws = {
      fp.Extract(MakeArticle("Bridge closed after cable cracks", {WireText()})),
      fp.Extract(MakeArticle("Harbour bridge shut for repairs",
                             {"Inspectors found cracks in steel cables of the northern bridge, "
                              "and the harbour authority closed it for repairs."})),
      fp.Extract(MakeArticle("Asian stocks fall", {"Stock markets in Asia fell on Monday."}))};
  for (const auto& r : raws) df.Add(r);
  std::vector<ArticleVectors> v;
  for (const auto& r : raws) v.push_back(Weigh(r, df, fp.options()));
  EXPECT_NEAR(Dot(v[0].terms, v[0].terms), 1.0f, 1e-4);
  EXPECT_GT(Dot(v[0].terms, v[1].terms), Dot(v[0].terms, v[2].terms));
}

}  // namespace
}  // namespace newsfuse::fingerprint
