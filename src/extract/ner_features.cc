// Token values for the feature templates. Everything here runs once per
// token of every tagged document, so it works on views and stack buffers.
#include "extract/ner_features.h"

#include <algorithm>
#include <cstring>

#define XXH_INLINE_ALL
#include <xxhash.h>

namespace newsfuse::extract::ner {

bool AllowedTransition(int from, int to) {
  // Inside an entity (after B or I) only I or L of the same type may follow.
  const bool from_open = from > 0 && (TagPartOf(from) == TagPart::kBegin || TagPartOf(from) == TagPart::kInside);
  if (to < 0) return !from_open;
  if (from_open) {
    return to > 0 && TagType(to) == TagType(from) &&
           (TagPartOf(to) == TagPart::kInside || TagPartOf(to) == TagPart::kLast);
  }
  return to == kTagO || TagPartOf(to) == TagPart::kBegin || TagPartOf(to) == TagPart::kUnit;
}

std::vector<TokenChunk> ChunksFromBilou(std::span<const int> tags) {
  std::vector<TokenChunk> chunks;
  int open = -1;
  EntityType open_type = EntityType::kOther;
  auto close = [&](size_t end) {
    if (open >= 0) chunks.push_back(TokenChunk{static_cast<uint32_t>(open), static_cast<uint32_t>(end), open_type});
    open = -1;
  };
  for (size_t i = 0; i < tags.size(); ++i) {
    const int tag = tags[i];
    if (tag <= 0) {
      close(i);
      continue;
    }
    const EntityType type = TagType(tag);
    const TagPart part = TagPartOf(tag);
    if (part == TagPart::kBegin || part == TagPart::kUnit || open < 0 || open_type != type) {
      close(i);
      open = static_cast<int>(i);
      open_type = type;
    }
    if (part == TagPart::kLast || part == TagPart::kUnit) close(i + 1);
  }
  close(tags.size());
  return chunks;
}

std::vector<int> BilouFromChunks(std::span<const TokenChunk> chunks, size_t n) {
  std::vector<int> tags(n, kTagO);
  for (const TokenChunk& c : chunks) {
    if (c.end <= c.begin || c.end > n) continue;
    if (c.end - c.begin == 1) {
      tags[c.begin] = MakeTag(c.type, TagPart::kUnit);
      continue;
    }
    tags[c.begin] = MakeTag(c.type, TagPart::kBegin);
    for (uint32_t k = c.begin + 1; k + 1 < c.end; ++k) tags[k] = MakeTag(c.type, TagPart::kInside);
    tags[c.end - 1] = MakeTag(c.type, TagPart::kLast);
  }
  return tags;
}

uint64_t HashBytes(std::string_view s, uint64_t seed) { return XXH3_64bits_withSeed(s.data(), s.size(), seed); }

uint64_t HashLower(std::string_view s) {
  // A long token is hashed in 128-byte pieces folded from the last piece to
  // the first: h(piece 0) mixed with the hash of the rest, the same value a
  // recursion over the rest would give, without a stack depth set by the
  // input (one 6 MiB word once overflowed it).
  constexpr size_t kPiece = 128;
  const size_t pieces = s.empty() ? 1 : (s.size() + kPiece - 1) / kPiece;
  uint64_t h = 0;
  for (size_t p = pieces; p-- > 0;) {
    char buf[kPiece];
    const std::string_view piece = s.substr(p * kPiece, kPiece);
    for (size_t k = 0; k < piece.size(); ++k) {
      const char c = piece[k];
      buf[k] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    const uint64_t own = XXH3_64bits(buf, piece.size());
    h = p + 1 == pieces ? own : Mix64(own + h);
  }
  return h;
}

uint32_t ClusterLevel(uint32_t cluster, int level) {
  if (cluster == 0) return 0;
  const uint32_t code = cluster - 1;
  switch (level) {
    case 0:
      return 1 + code / (kClusterBranching[1] * kClusterBranching[2]);
    case 1:
      return 1000 + code / kClusterBranching[2];
    default:
      return 100000 + code;
  }
}

namespace {

enum CapClass : uint8_t {
  kLowerCase = 0,
  kInitCap = 1,
  kAllCaps = 2,
  kMixedCase = 3,
  kAlnum = 4,
  kNumber = 5,
  kPunct = 6,
  kSingleCap = 7,
};

// Character classes of a token, with Latin-1 supplement letters (the
// accented capitals of European names) counted as letters.
struct CharStats {
  bool has_upper = false, has_lower = false, has_digit = false, first_upper = false;
  bool rest_upper = false;  // an upper-case letter after the first character
  int letters = 0;
};

// Appends the shape of `w` to `shape` (X, x, d, marks as themselves;
// a run of one class is cut at 4, the short shape collapses each run to one).
void Shapes(std::string_view w, char* shape, size_t* shape_len, char* short_shape, size_t* short_len,
            CharStats* st) {
  size_t n = 0, m = 0;
  char last = 0;
  int run = 0;
  for (size_t k = 0; k < w.size();) {
    const auto c = static_cast<unsigned char>(w[k]);
    char cls;
    size_t len = 1;
    if (c >= 'A' && c <= 'Z') {
      cls = 'X';
    } else if (c >= 'a' && c <= 'z') {
      cls = 'x';
    } else if (c >= '0' && c <= '9') {
      cls = 'd';
    } else if (c >= 0x80) {
      len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 1;
      // U+00C0..U+00DE (except U+00D7) are capitals.
      const auto c2 = k + 1 < w.size() ? static_cast<unsigned char>(w[k + 1]) : 0;
      cls = (c == 0xC3 && c2 >= 0x80 && c2 <= 0x9E && c2 != 0x97) ? 'X' : (c >= 0xE2 && c <= 0xE3 ? '~' : 'x');
    } else {
      cls = static_cast<char>(c);
    }
    if (cls == 'X') {
      st->has_upper = true;
      if (k == 0) st->first_upper = true;
      else st->rest_upper = true;
      ++st->letters;
    } else if (cls == 'x') {
      st->has_lower = true;
      ++st->letters;
    } else if (cls == 'd') {
      st->has_digit = true;
    }
    run = cls == last ? run + 1 : 1;
    if (run <= 4 && n < 32) shape[n++] = cls;
    if (run == 1 && m < 16) short_shape[m++] = cls;
    last = cls;
    k += len;
  }
  *shape_len = n;
  *short_len = m;
}

// The training data (CoNLL-2003) writes quotes, apostrophes, dashes and
// ellipses in ASCII; news text mostly in typographic form. Features see the
// ASCII form, so "’s" and "“" behave like "'s" and '"'. Returns `w` itself
// when there is nothing to replace (or no room in `buf`).
std::string_view AsciiPunctuation(std::string_view w, char* buf, size_t cap) {
  if (w.find('\xE2') == std::string_view::npos && w.find('\xC2') == std::string_view::npos) return w;
  size_t n = 0;
  for (size_t k = 0; k < w.size();) {
    std::string_view rep;
    size_t len = 1;
    if (w.compare(k, 3, "\xE2\x80\x98") == 0 || w.compare(k, 3, "\xE2\x80\x99") == 0) {
      rep = "'";
      len = 3;
    } else if (w.compare(k, 3, "\xE2\x80\x9C") == 0 || w.compare(k, 3, "\xE2\x80\x9D") == 0 ||
               w.compare(k, 3, "\xE2\x80\x9E") == 0) {
      rep = "\"";
      len = 3;
    } else if (w.compare(k, 2, "\xC2\xAB") == 0 || w.compare(k, 2, "\xC2\xBB") == 0) {
      rep = "\"";
      len = 2;
    } else if (w.compare(k, 3, "\xE2\x80\x93") == 0) {
      rep = "-";
      len = 3;
    } else if (w.compare(k, 3, "\xE2\x80\x94") == 0) {
      rep = "--";
      len = 3;
    } else if (w.compare(k, 3, "\xE2\x80\xA6") == 0) {
      rep = "...";
      len = 3;
    } else {
      rep = w.substr(k, 1);
    }
    if (n + rep.size() > cap) return w;
    std::memcpy(buf + n, rep.data(), rep.size());
    n += rep.size();
    k += len;
  }
  return std::string_view(buf, n);
}

}  // namespace

void PrepareDocument(std::span<const std::string_view> words, std::span<const uint32_t> sentence_ends,
                     const Lexicon& lexicon, const Gazetteer& gazetteer,
                     const HashMap64<uint8_t>* gazetteer_exclude, DocFeatures* doc) {
  const size_t n = words.size();
  doc->tokens.assign(n, TokenInfo{});
  doc->sentence_ends.assign(sentence_ends.begin(), sentence_ends.end());
  if (doc->sentence_ends.empty() || doc->sentence_ends.back() != n) doc->sentence_ends.push_back(n);

  // Per token values.
  for (size_t i = 0; i < n; ++i) {
    char ascii[128];
    const std::string_view w = AsciiPunctuation(words[i], ascii, sizeof ascii);
    TokenInfo& t = doc->tokens[i];
    t.word = HashBytes(w);
    t.lower = HashLower(w);
    char shape[32], short_shape[16];
    size_t shape_len, short_len;
    CharStats st;
    Shapes(w, shape, &shape_len, short_shape, &short_len, &st);
    t.shape = HashBytes(std::string_view(shape, shape_len), 7);
    t.short_shape = HashBytes(std::string_view(short_shape, short_len), 11);
    t.has_upper = st.has_upper;
    if (st.letters == 0) {
      t.cap_class = st.has_digit ? kNumber : kPunct;
    } else if (st.has_digit) {
      t.cap_class = kAlnum;
    } else if (!st.has_upper) {
      t.cap_class = kLowerCase;
    } else if (!st.has_lower) {
      t.cap_class = st.letters == 1 ? kSingleCap : kAllCaps;
    } else if (st.first_upper && !st.rest_upper) {
      t.cap_class = kInitCap;
    } else {
      t.cap_class = kMixedCase;
    }
    const size_t len = w.size();
    t.length_class = len <= 4 ? static_cast<uint8_t>(len) : len <= 6 ? 5 : len <= 9 ? 6 : 7;
    if (len <= 64) {
      char lower[64];
      for (size_t k = 0; k < len; ++k) {
        const char c = w[k];
        lower[k] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
      }
      for (size_t k = 0; k < 4; ++k) {
        if (len > k + 1) {
          t.prefix[k] = HashBytes(std::string_view(lower, k + 1), 100 + k);
          t.suffix[k] = HashBytes(std::string_view(lower + len - k - 1, k + 1), 200 + k);
        }
      }
    }
    const WordStats* exact = lexicon.words.Find(t.word);
    const WordStats* low = lexicon.words.Find(t.lower ^ Lexicon::kLowerSeed);
    if (exact && exact->cluster) {
      t.cluster = exact->cluster;
    } else if (low) {
      t.cluster = low->cluster;
    }
    if (low) {
      t.cap_bucket = low->cap_bucket;
      t.freq_bucket = low->freq_bucket;
    }
  }

  // Sentence-level flags and gazetteer matches.
  struct Match {
    uint32_t begin, len;
    int type;
  };
  std::vector<Match> matches;
  uint32_t sb = 0;
  for (uint32_t se : doc->sentence_ends) {
    int caps = 0, alpha = 0;
    for (uint32_t i = sb; i < se; ++i) {
      const TokenInfo& t = doc->tokens[i];
      if (t.cap_class == kLowerCase || t.cap_class == kInitCap || t.cap_class == kAllCaps ||
          t.cap_class == kMixedCase) {
        ++alpha;
        if (t.cap_class == kAllCaps) ++caps;
      }
    }
    const bool all_caps = alpha >= 2 && caps * 10 >= alpha * 6;
    for (uint32_t i = sb; i < se; ++i) {
      TokenInfo& t = doc->tokens[i];
      t.sentence_all_caps = all_caps;
      t.sentence_initial = i == sb || (i == sb + 1 && doc->tokens[sb].cap_class == kPunct);
    }
    // Gazetteer: every phrase of up to max_words tokens that starts and ends
    // with a capitalized token; the longest match wins per type.
    matches.clear();
    for (uint32_t b = sb; b < se; ++b) {
      if (!doc->tokens[b].has_upper) continue;
      uint64_t h = 0;
      for (uint32_t len = 1; len <= static_cast<uint32_t>(gazetteer.max_words) && b + len <= se; ++len) {
        const TokenInfo& last = doc->tokens[b + len - 1];
        h = PhraseStep(h, last.lower);
        if (!last.has_upper) continue;
        const uint8_t* mask = gazetteer.phrases.Find(h);
        if (!mask) continue;
        uint8_t m = *mask;
        if (gazetteer_exclude) {
          if (const uint8_t* ex = gazetteer_exclude->Find(h)) m &= static_cast<uint8_t>(~*ex);
        }
        for (int type = 0; type < kNumEntityTypes; ++type) {
          if (m & (1u << type)) matches.push_back(Match{b, len, type});
        }
      }
    }
    std::stable_sort(matches.begin(), matches.end(), [](const Match& a, const Match& b) { return a.len > b.len; });
    for (const Match& mt : matches) {
      bool free = true;
      for (uint32_t k = mt.begin; k < mt.begin + mt.len; ++k) free = free && doc->tokens[k].gaz[mt.type] == 0;
      if (!free) continue;
      for (uint32_t k = mt.begin; k < mt.begin + mt.len; ++k) {
        TagPart part = mt.len == 1              ? TagPart::kUnit
                       : k == mt.begin          ? TagPart::kBegin
                       : k + 1 == mt.begin + mt.len ? TagPart::kLast
                                                    : TagPart::kInside;
        doc->tokens[k].gaz[mt.type] = static_cast<uint8_t>(1 + static_cast<int>(part));
      }
    }
    sb = se;
  }

  // How the lowercase form is written elsewhere in the document, inside
  // sentences that are not all capitals.
  doc->doc_cap_counts.Reset(n);
  for (size_t i = 0; i < n; ++i) {
    const TokenInfo& t = doc->tokens[i];
    if (t.sentence_initial || t.sentence_all_caps) continue;
    if (t.cap_class == kInitCap) doc->doc_cap_counts[t.lower] |= 1;
    if (t.cap_class == kLowerCase) doc->doc_cap_counts[t.lower] |= 2;
  }
  for (size_t i = 0; i < n; ++i) {
    TokenInfo& t = doc->tokens[i];
    if (t.cap_class > kMixedCase) continue;
    if (const uint16_t* c = doc->doc_cap_counts.Find(t.lower)) t.doc_cap = static_cast<uint8_t>(*c);
  }
}

void AggregatePredictions(std::span<const std::string_view> words, std::span<const int> pass1_tags,
                          DocFeatures* doc) {
  const size_t n = doc->tokens.size();
  doc->agg_index.Reset(n);
  doc->agg_counts.clear();
  for (size_t i = 0; i < n; ++i) {
    TokenInfo& t = doc->tokens[i];
    std::fill(std::begin(t.agg), std::end(t.agg), 0);
    if (!t.has_upper) continue;
    uint32_t& idx = doc->agg_index[t.lower];
    if (idx == 0) {
      doc->agg_counts.push_back({});
      idx = static_cast<uint32_t>(doc->agg_counts.size());
    }
    const int tag = pass1_tags[i];
    const int cls = tag <= 0 ? 0 : 1 + static_cast<int>(TagType(tag));
    auto& counts = doc->agg_counts[idx - 1];
    if (counts[cls] < 0xFFFF) ++counts[cls];
  }
  for (size_t i = 0; i < n; ++i) {
    TokenInfo& t = doc->tokens[i];
    if (!t.has_upper) continue;
    const uint32_t* idx = doc->agg_index.Find(t.lower);
    const auto& counts = doc->agg_counts[*idx - 1];
    const int tag = pass1_tags[i];
    const int own = tag <= 0 ? 0 : 1 + static_cast<int>(TagType(tag));
    t.pass1_class = static_cast<uint8_t>(own);
    for (int k = 0; k <= kNumEntityTypes; ++k) t.agg[k] = static_cast<uint16_t>(counts[k] - (k == own ? 1 : 0));
  }
}

}  // namespace newsfuse::extract::ner
