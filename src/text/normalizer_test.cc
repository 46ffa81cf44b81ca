#include "text/normalizer.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "base/utf8.h"

namespace newsfuse::text {
namespace {

// Checks the invariants every NormalizedText must hold.
void ExpectWellFormed(std::string_view source, const NormalizedText& n) {
  ASSERT_EQ(n.norm_to_orig.size(), n.text.size() + 1);
  EXPECT_EQ(n.norm_to_orig.back(), source.size());
  for (size_t i = 1; i < n.norm_to_orig.size(); ++i) {
    EXPECT_LE(n.norm_to_orig[i - 1], n.norm_to_orig[i]) << "at " << i;
  }
  for (uint32_t o : n.norm_to_orig) EXPECT_LE(o, source.size());
  EXPECT_EQ(base::FindInvalidUtf8(n.text), std::string_view::npos);
}

TEST(NormalizerTest, AsciiIsUnchangedWithIdentityMap) {
  const std::string s = "Mr. Smith went to Washington.";
  NormalizedText n = Normalize(s);
  EXPECT_EQ(n.text, s);
  ExpectWellFormed(s, n);
  for (size_t i = 0; i <= s.size(); ++i) EXPECT_EQ(n.norm_to_orig[i], i);
}

TEST(NormalizerTest, ComposesToNfcAndMapsBack) {
  // "Cafe" + COMBINING ACUTE ACCENT + " ok"
  const std::string s = "Cafe\xCC\x81 ok";
  NormalizedText n = Normalize(s);
  EXPECT_EQ(n.text, "Caf\xC3\xA9 ok");
  ExpectWellFormed(s, n);
  // "é" (2 bytes at 3..5) came from "e" + U+0301 (3 bytes at 3..6).
  EXPECT_EQ(n.norm_to_orig[3], 3u);
  EXPECT_EQ(n.norm_to_orig[4], 3u);
  EXPECT_EQ(n.norm_to_orig[5], 6u);  // the space
  EXPECT_EQ(n.ToOriginal(Span{0, 5}), (Span{0, 6}));
  EXPECT_EQ(n.ToOriginal(Span{6, 8}).In(s), "ok");
}

TEST(NormalizerTest, KeepsTypographicQuotesInDisplayText) {
  const std::string s = "\xE2\x80\x9CIt\xE2\x80\x99s over,\xE2\x80\x9D she said.";
  NormalizedText n = Normalize(s);
  EXPECT_EQ(n.text, s);
  ExpectWellFormed(s, n);
}

TEST(NormalizerTest, SpacesBecomeAsciiAndInvisiblesAreDropped) {
  // NBSP, soft hyphen inside a word, zero-width space, BOM.
  const std::string s = "\xEF\xBB\xBF" "a\xC2\xA0" "b co\xC2\xAD" "op\xE2\x80\x8B!";
  NormalizedText n = Normalize(s);
  EXPECT_EQ(n.text, "a b coop!");
  ExpectWellFormed(s, n);
  EXPECT_EQ(n.norm_to_orig[0], 3u);              // "a" after the BOM
  // "coop": a dropped character belongs to the span that ends where it was.
  EXPECT_EQ(n.ToOriginal(Span{4, 8}).In(s), "co\xC2\xAD" "op\xE2\x80\x8B");
  NormalizeOptions keep;
  keep.ascii_spaces = false;
  keep.drop_invisible = false;
  EXPECT_EQ(Normalize(s, keep).text, s);
}

TEST(NormalizerTest, InvalidBytesBecomeReplacementCharacters) {
  // A lone continuation byte, a truncated 3-byte sequence, an overlong '/'.
  const std::string s = std::string("a\x80" "b\xE2\x82" "c\xC0\xAF" "d\xC3\xA9");
  NormalizedText n = Normalize(s);
  const std::string fffd = "\xEF\xBF\xBD";
  EXPECT_EQ(n.text, "a" + fffd + "b" + fffd + fffd + "c" + fffd + fffd + "d\xC3\xA9");
  ExpectWellFormed(s, n);
  // The first U+FFFD (bytes 1..4) maps to the bad byte at 1; "b" to 2.
  EXPECT_EQ(n.norm_to_orig[1], 1u);
  EXPECT_EQ(n.norm_to_orig[3], 1u);
  EXPECT_EQ(n.norm_to_orig[4], 2u);
  EXPECT_EQ(n.ToOriginal(Span{static_cast<uint32_t>(n.text.size() - 3),
                              static_cast<uint32_t>(n.text.size())}).In(s),
            "d\xC3\xA9");
}

TEST(NormalizerTest, MapStaysMonotonicOnRandomBytes) {
  std::mt19937 rng(42);
  const std::string alphabet[] = {"a", " ", "e\xCC\x81", "\xC3\xA9", "\x80", "\xE2\x80",
                                  "\xC2\xA0", "\xE2\x80\x8B", "\xEF\xAC\x81", "\xE1\x84\x80\xE1\x85\xA1",
                                  "\xCC\xA3\xCC\x87", "\xF0\x9F\x98\x80", "\xFF"};
  for (int round = 0; round < 300; ++round) {
    std::string s;
    const int len = rng() % 40;
    for (int k = 0; k < len; ++k) s += alphabet[rng() % std::size(alphabet)];
    NormalizedText n = Normalize(s);
    ExpectWellFormed(s, n);
  }
}

struct MatchKeyCase {
  const char* input;
  const char* key;
};

TEST(MatchKeyTest, FoldsCaseQuotesDashesAndSpace) {
  const MatchKeyCase cases[] = {
      {"Hello   World", "hello world"},
      {"  The\tU.S.\nArmy  ", "the u.s. army"},
      {"\xE2\x80\x9CIt\xE2\x80\x99s over,\xE2\x80\x9D she said.", "\"it's over,\" she said."},
      {"\"It's over,\" she said.", "\"it's over,\" she said."},
      {"1990\xE2\x80\x93" "2000 \xE2\x80\x94 a\xC2\xA0" "decade", "1990-2000 - a decade"},
      {"\xC3\x89LYS\xC3\x89" "E", "\xC3\xA9lys\xC3\xA9" "e"},
      {"E\xCC\x81lyse\xCC\x81" "e", "\xC3\xA9lys\xC3\xA9" "e"},  // decomposed input, same key
      {"\xEF\xAC\x81nal", "final"},                                 // "fi" ligature (NFKC)
      {"\xC2\xABNon\xC2\xBB", "\"non\""},
      {"", ""},
  };
  for (const MatchKeyCase& c : cases) EXPECT_EQ(MatchKey(c.input), c.key) << c.input;
}

TEST(MatchKeyTest, SurvivesInvalidUtf8) {
  EXPECT_EQ(MatchKey("A\xFF" "B"), "a\xEF\xBF\xBD" "b");
}

}  // namespace
}  // namespace newsfuse::text
