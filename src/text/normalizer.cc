#include "text/normalizer.h"

#include <unicode/bytestream.h>
#include <unicode/edits.h>
#include <unicode/normalizer2.h>

#include <cstddef>

#include "base/utf8.h"

namespace newsfuse::text {
namespace {

bool IsUnicodeSpace(char32_t c) {
  return c == 0xA0 || (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

bool IsInvisible(char32_t c) {
  return c == 0xAD || c == 0x200B || c == 0x2060 || c == 0xFEFF;
}

bool IsAscii(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

// Stage 1: valid UTF-8 with spaces and invisibles handled, and its map.
void Sanitize(std::string_view in, const NormalizeOptions& options, std::string* out,
              std::vector<uint32_t>* map) {
  out->reserve(in.size());
  map->reserve(in.size() + 1);
  size_t i = 0;
  while (i < in.size()) {
    const size_t start = i;
    const unsigned char b = static_cast<unsigned char>(in[i]);
    if (b < 0x80) {
      out->push_back(in[i++]);
      map->push_back(static_cast<uint32_t>(start));
      continue;
    }
    // DecodeUtf8 returns U+FFFD and advances one byte on an invalid sequence.
    char32_t c = base::DecodeUtf8(in, &i);
    if (options.drop_invisible && IsInvisible(c)) continue;
    if (options.ascii_spaces) {
      if (IsUnicodeSpace(c)) c = ' ';
      if (c == 0x2028 || c == 0x2029) c = '\n';
    }
    const size_t before = out->size();
    base::AppendUtf8(c, out);
    map->insert(map->end(), out->size() - before, static_cast<uint32_t>(start));
  }
  map->push_back(static_cast<uint32_t>(in.size()));
}

// The ASCII stand-in for typographic quotes and dashes, or 0.
char FoldPunctuation(char32_t c) {
  switch (c) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032: case 0x2035:
    case 0x00B4: case 0x02BC: case '`':
      return '\'';
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033: case 0x00AB:
    case 0x00BB:
      return '"';
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014: case 0x2015:
    case 0x2212:
      return '-';
    default:
      return 0;
  }
}

}  // namespace

NormalizedText Normalize(std::string_view utf8, const NormalizeOptions& options) {
  if (utf8.size() >= UINT32_MAX) utf8 = utf8.substr(0, UINT32_MAX - 1);
  NormalizedText result;
  if (IsAscii(utf8)) {
    // ASCII is already NFC, and holds no Unicode spaces or invisibles.
    result.text.assign(utf8);
    result.norm_to_orig.resize(utf8.size() + 1);
    for (size_t i = 0; i <= utf8.size(); ++i) result.norm_to_orig[i] = static_cast<uint32_t>(i);
    return result;
  }
  std::string pre;
  std::vector<uint32_t> pre_map;
  Sanitize(utf8, options, &pre, &pre_map);

  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_SUCCESS(status) && !nfc->isNormalizedUTF8(pre, status) && U_SUCCESS(status)) {
    std::string out;
    out.reserve(pre.size());
    icu::StringByteSink<std::string> sink(&out);
    icu::Edits edits;
    nfc->normalizeUTF8(0, pre, sink, &edits, status);
    if (U_SUCCESS(status)) {
      std::vector<uint32_t> map(out.size() + 1);
      icu::Edits::Iterator it = edits.getFineIterator();
      while (it.next(status)) {
        const int32_t src = it.sourceIndex();
        const int32_t dst = it.destinationIndex();
        if (!it.hasChange()) {
          for (int32_t k = 0; k < it.oldLength(); ++k) map[dst + k] = pre_map[src + k];
        } else {
          // A recomposed sequence: every output byte points at its start.
          for (int32_t k = 0; k < it.newLength(); ++k) map[dst + k] = pre_map[src];
        }
      }
      map[out.size()] = static_cast<uint32_t>(utf8.size());
      if (U_SUCCESS(status)) {
        result.text = std::move(out);
        result.norm_to_orig = std::move(map);
        return result;
      }
    }
  }
  // Already NFC (or ICU failed, which only happens on allocation failure):
  // the sanitized text is the answer.
  result.text = std::move(pre);
  result.norm_to_orig = std::move(pre_map);
  return result;
}

std::string MatchKey(std::string_view utf8) {
  std::string folded;
  std::string_view src = utf8;
  if (!IsAscii(utf8)) {
    std::string valid;
    if (base::FindInvalidUtf8(utf8) != std::string_view::npos) {
      std::vector<uint32_t> unused;
      Sanitize(utf8, NormalizeOptions{}, &valid, &unused);
      src = valid;
    }
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfkc_cf = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_SUCCESS(status)) {
      icu::StringByteSink<std::string> sink(&folded);
      nfkc_cf->normalizeUTF8(0, src, sink, nullptr, status);
    }
    if (U_FAILURE(status)) folded.assign(src);
    src = folded;
  }
  std::string key;
  key.reserve(src.size());
  bool pending_space = false;
  auto put = [&](char c) {
    if (pending_space && !key.empty()) key.push_back(' ');
    pending_space = false;
    key.push_back(c);
  };
  size_t i = 0;
  while (i < src.size()) {
    const unsigned char b = static_cast<unsigned char>(src[i]);
    if (b < 0x80) {
      ++i;
      if (b == ' ' || (b >= '\t' && b <= '\r')) {
        pending_space = true;
      } else if (const char f = FoldPunctuation(b)) {
        put(f);
      } else {
        put(b >= 'A' && b <= 'Z' ? static_cast<char>(b - 'A' + 'a') : static_cast<char>(b));
      }
      continue;
    }
    const size_t start = i;
    const char32_t c = base::DecodeUtf8(src, &i);
    if (IsUnicodeSpace(c) || c == 0x2028 || c == 0x2029 || c == 0x85) {
      pending_space = true;
    } else if (const char f = FoldPunctuation(c)) {
      put(f);
    } else if (!IsInvisible(c)) {
      put(src[start]);
      key.append(src.substr(start + 1, i - start - 1));
    }
  }
  return key;
}

}  // namespace newsfuse::text
