#include "fingerprint/headline_names.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "fingerprint/entities.h"
#include "fingerprint/fingerprinter.h"

namespace newsfuse::fingerprint {
namespace {

// Invented reports of one event; the last names the celebrity in its
// Title Case headline only.
Article MakeArticle(std::string title, std::string body) {
  Article a;
  a.id = title;
  a.title = std::move(title);
  Paragraph p;
  p.text = std::move(body);
  a.paragraphs.push_back(std::move(p));
  return a;
}

const std::vector<Article>& Others() {
  static const std::vector<Article> others = {
      MakeArticle("Actress enters rehab", "Actress Lindsay Lohan checked into rehab on Friday, her lawyer said."),
      MakeArticle("Lawyer: star checks into clinic", "The lawyer for Lindsay Lohan said she checks into a clinic today."),
      MakeArticle("Judge hears rehab plea", "A judge was told that Lohan is in rehab; the clinic checks patients."),
  };
  return others;
}

Article HeadlineOnlyNamesHer() {
  return MakeArticle("Lindsay Lohan Checks Into Rehab, Checks Out Two Minutes Later",
                     "The lawyer Mark Heller said LiLo was in rehab. LiLo left two minutes later.");
}

float Count(const RawFingerprint& raw, std::string_view name) {
  const uint64_t h = EntityHash(name);
  const auto id = static_cast<uint32_t>(h ^ (h >> 32));
  for (const TermCount& e : raw.entities) {
    if (e.term == id) return e.count;
  }
  return 0;
}

TEST(HeadlineNamesTest, WordsOtherArticlesWriteCapitalisedBecomeNames) {
  Fingerprinter fp;
  DocumentFrequency df;
  for (const Article& a : Others()) df.Add(fp.Extract(a));
  RawFingerprint raw = fp.Extract(HeadlineOnlyNamesHer());
  df.Add(raw);
  EXPECT_EQ(Count(raw, "Lohan"), 0);
  ResolveHeadlineNames(df, /*df_counts_article=*/true, &raw);
  EXPECT_EQ(Count(raw, "Lindsay Lohan"), 1);
  EXPECT_EQ(Count(raw, "Lohan"), 1);
  EXPECT_EQ(Count(raw, "Lindsay"), 1);
  // Written in lower case elsewhere (or nowhere else): not names.
  EXPECT_EQ(Count(raw, "Checks"), 0);
  EXPECT_EQ(Count(raw, "Rehab"), 0);
  EXPECT_EQ(Count(raw, "Minutes"), 0);
  EXPECT_EQ(Count(raw, "Later"), 0);
  EXPECT_EQ(Count(raw, "Lindsay Lohan Checks"), 0);
  EXPECT_TRUE(raw.headline_words.empty());
  // Once resolved, a second call adds nothing.
  const std::vector<TermCount> before = raw.entities;
  ResolveHeadlineNames(df, true, &raw);
  EXPECT_EQ(raw.entities.size(), before.size());
  EXPECT_EQ(Count(raw, "Lohan"), 1);
}

TEST(HeadlineNamesTest, SameNamesWhetherOrNotTheArticleIsCountedYet) {
  Fingerprinter fp;
  DocumentFrequency df;
  for (const Article& a : Others()) df.Add(fp.Extract(a));
  RawFingerprint before_counting = fp.Extract(HeadlineOnlyNamesHer());
  ResolveHeadlineNames(df, /*df_counts_article=*/false, &before_counting);
  RawFingerprint after_counting = fp.Extract(HeadlineOnlyNamesHer());
  df.Add(after_counting);
  ResolveHeadlineNames(df, /*df_counts_article=*/true, &after_counting);
  for (std::string_view name : {"Lindsay Lohan", "Lohan", "Checks", "Heller"}) {
    EXPECT_EQ(Count(before_counting, name), Count(after_counting, name)) << name;
  }
  EXPECT_EQ(Count(before_counting, "Lohan"), 1);
}

TEST(HeadlineNamesTest, TheArticlesOwnBodyCountsAndAHeadlineNameAddsToIt) {
  Fingerprinter fp;
  DocumentFrequency df;
  RawFingerprint raw = fp.Extract(MakeArticle("Kestrel Crash Shuts Harbour Bridge",
                                              "The ship Kestrel hit the bridge, and the crash shut it."));
  df.Add(raw);
  const float in_body = Count(raw, "Kestrel");
  ASSERT_GT(in_body, 0);
  ResolveHeadlineNames(df, true, &raw);
  EXPECT_EQ(Count(raw, "Kestrel"), in_body + 1);
  EXPECT_EQ(Count(raw, "Crash"), 0);
  EXPECT_EQ(Count(raw, "Harbour Bridge"), 0);
}

}  // namespace
}  // namespace newsfuse::fingerprint
