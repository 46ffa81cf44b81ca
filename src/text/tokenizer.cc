// Tokenizer: one pass over the bytes. The text is cut into white-space
// separated chunks; a chunk that is a URL, an e-mail address or a domain is
// kept whole (minus surrounding punctuation), and any other chunk is scanned
// left to right, where a word grows through the few inner marks that belong
// to it ("-", "." in abbreviations and numbers, "," and ":" in numbers, "'" in
// names) and stops before clitics. Decisions look at most a few bytes ahead,
// so the work is linear and nothing is allocated.
#include "text/tokenizer.h"

#include <algorithm>
#include <array>
#include <cstdint>

#include "text/chars.h"

namespace newsfuse::text {
namespace {


// The scanner over one range of the text.
class Scanner {
 public:
  Scanner(std::string_view s, size_t end, std::vector<Span>* out) : s_(s), end_(end), out_(out) {}

  // Length of the white space character at `i`, 0 if it is not one.
  size_t SpaceAt(size_t i) const {
    const char c = s_[i];
    if (static_cast<unsigned char>(c) < 0x80) return (c == ' ' || (c >= '\t' && c <= '\r')) ? 1 : 0;
    size_t len;
    const char32_t cp = DecodeUtf8(s_.substr(0, end_), i, &len);
    return IsUnicodeSpace(cp) ? len : 0;
  }

  // True if a word character starts at `i` (i < end_).
  bool WordAt(size_t i) const {
    if (i >= end_) return false;
    const char c = s_[i];
    if (static_cast<unsigned char>(c) < 0x80) return IsAsciiAlnum(c);
    size_t len;
    const char32_t cp = DecodeUtf8(s_.substr(0, end_), i, &len);
    return !IsUnicodeSpace(cp) && !IsUnicodePunct(cp);
  }

  // Length of an apostrophe ("'" or U+2019) at `i`, else 0.
  size_t ApostropheAt(size_t i) const { return text::ApostropheAt(s_.substr(0, end_), i); }

  void Emit(size_t b, size_t e) {
    if (e > b) out_->push_back(Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
  }

  void Run(size_t begin) {
    size_t i = begin;
    while (i < end_) {
      const size_t sp = SpaceAt(i);
      if (sp) {
        i += sp;
        continue;
      }
      size_t chunk_end = i;
      while (chunk_end < end_ && !SpaceAt(chunk_end)) {
        size_t len;
        DecodeUtf8(s_.substr(0, end_), chunk_end, &len);
        chunk_end += len;
      }
      Chunk(i, chunk_end);
      i = chunk_end;
    }
  }

 private:
  // A white-space free run [b, e).
  void Chunk(size_t b, size_t e) {
    size_t mb, me;
    if (FindUrlLike(b, e, &mb, &me)) {
      Pieces(b, mb);
      Emit(mb, me);
      Pieces(me, e);
    } else {
      Pieces(b, e);
    }
  }

  static bool IsOpener(char c) { return c == '(' || c == '[' || c == '{' || c == '"' || c == '\'' || c == '<'; }
  static bool IsCloser(char c) {
    return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ')' || c == ']' ||
           c == '}' || c == '"' || c == '\'' || c == '>';
  }
  // True for the 3-byte curly quotes U+2018..U+201D at `i`.
  bool CurlyQuoteAt(size_t i, size_t e) const { return text::CurlyQuoteAt(s_.substr(0, e), i); }

  // Finds a URL, e-mail address or bare domain inside [b, e), returned as
  // [*mb, *me) once leading openers and trailing closers are stripped.
  bool FindUrlLike(size_t b, size_t e, size_t* mb, size_t* me) const {
    if (e - b < 4) return false;
    // Cheap reject: URL-likes contain "." or "/" or "@".
    bool has_mark = false;
    for (size_t i = b; i < e; ++i) {
      const char c = s_[i];
      if (c == '.' || c == '/' || c == '@') {
        has_mark = true;
        break;
      }
    }
    if (!has_mark) return false;
    size_t x = b, y = e;
    while (x < y) {
      if (IsOpener(s_[x])) {
        ++x;
      } else if (CurlyQuoteAt(x, y)) {
        x += 3;
      } else {
        break;
      }
    }
    while (y > x) {
      if (IsCloser(s_[y - 1])) {
        --y;
      } else if (y - x >= 3 && CurlyQuoteAt(y - 3, y)) {
        y -= 3;
      } else {
        break;
      }
    }
    if (y - x < 4) return false;
    const std::string_view m = s_.substr(x, y - x);
    auto starts_ci = [&](std::string_view p) {
      if (m.size() <= p.size()) return false;
      for (size_t k = 0; k < p.size(); ++k) {
        if (AsciiLower(m[k]) != p[k]) return false;
      }
      return true;
    };
    bool url = starts_ci("http://") || starts_ci("https://") || starts_ci("ftp://") || starts_ci("www.");
    if (!url) {
      // E-mail: word@word.word
      const size_t at = m.find('@');
      if (at != std::string_view::npos && at > 0 && IsAsciiAlnum(m[at - 1]) && at + 1 < m.size() &&
          IsAsciiAlnum(m[at + 1]) && m.find('.', at) != std::string_view::npos) {
        url = true;
      }
    }
    if (!url) url = IsDomain(m);
    if (!url) return false;
    *mb = x;
    *me = y;
    return true;
  }

  // "reuters.com", "bbc.co.uk/news": letters, digits and hyphens in dot
  // separated labels, the first of two or more characters, ending in a
  // common top-level domain, optionally followed by a path.
  static bool IsDomain(std::string_view m) {
    size_t host_end = m.find('/');
    if (host_end == std::string_view::npos) host_end = m.size();
    const std::string_view host = m.substr(0, host_end);
    const size_t first_dot = host.find('.');
    if (first_dot == std::string_view::npos || first_dot < 2) return false;
    for (char c : host) {
      if (!IsAsciiAlnum(c) && c != '-' && c != '.') return false;
    }
    const size_t last_dot = host.rfind('.');
    std::string_view tld = host.substr(last_dot + 1);
    static constexpr std::array<std::string_view, 18> kTlds = {
        "com", "org", "net", "gov", "edu", "int", "mil", "info", "io",
        "uk",  "de",  "fr",  "biz", "news", "tv", "eu", "ca",  "au"};
    if (tld.size() < 2 || tld.size() > 4) return false;
    char lower[4];
    for (size_t k = 0; k < tld.size(); ++k) {
      lower[k] = AsciiLower(tld[k]);
    }
    const std::string_view t(lower, tld.size());
    return std::find(kTlds.begin(), kTlds.end(), t) != kTlds.end();
  }

  // Tokens of [b, e) that is not a URL.
  void Pieces(size_t b, size_t e) {
    size_t i = b;
    while (i < e) {
      if (WordAtIn(i, e)) {
        i = Word(i, e);
        continue;
      }
      const char c = s_[i];
      // @handle, #hashtag.
      if ((c == '@' || c == '#') && WordAtIn(i + 1, e)) {
        i = Word(i + 1, e, /*begin=*/i);
        continue;
      }
      // '90s: an elided century.
      const size_t apo = ApostropheAt(i);
      if (apo && i + apo + 1 < e && IsAsciiDigit(s_[i + apo]) && IsAsciiDigit(s_[i + apo + 1])) {
        i = Word(i + apo, e, /*begin=*/i);
        continue;
      }
      // .5 as a number.
      if (c == '.' && i + 1 < e && IsAsciiDigit(s_[i + 1]) && (i == b || !IsAsciiDigit(s_[i - 1]))) {
        i = Word(i + 1, e, /*begin=*/i);
        continue;
      }
      size_t len;
      DecodeUtf8(s_.substr(0, e), i, &len);
      size_t j = i + len;
      if (len == 1 && (c == '.' || c == '-' || c == '!' || c == '?' || c == '*' || c == '=' || c == '_' ||
                       c == '~' || c == '#')) {
        // A run of one mark ("...", "--"), with "!" and "?" mixing ("?!").
        const bool exclam = c == '!' || c == '?';
        while (j < e && (s_[j] == c || (exclam && (s_[j] == '!' || s_[j] == '?')))) ++j;
      } else if (len == 1 && c == '`' && j < e && s_[j] == '`') {
        ++j;  // `` as an opening quote
      } else if (len == 1 && c == '\'' && j < e && s_[j] == '\'') {
        ++j;  // '' as a closing quote
      }
      Emit(i, j);
      i = j;
    }
  }

  bool WordAtIn(size_t i, size_t e) const { return i < e && WordAt(i); }

  // Advances over word characters from `i`, returns the end.
  size_t WordChars(size_t i, size_t e) const {
    while (i < e) {
      const char c = s_[i];
      if (static_cast<unsigned char>(c) < 0x80) {
        if (!IsAsciiAlnum(c)) break;
        ++i;
        continue;
      }
      size_t len;
      const char32_t cp = DecodeUtf8(s_.substr(0, e), i, &len);
      if (IsUnicodeSpace(cp) || IsUnicodePunct(cp)) break;
      i += len;
    }
    return i;
  }

  // True if nothing but closing marks and white space follow `i` up to the
  // end of the tokenized range: a period there ends the sentence.
  bool OnlyClosersAfter(size_t i) const {
    while (i < end_) {
      const char c = s_[i];
      if (c == '"' || c == '\'' || c == ')' || c == ']' || SpaceAt(i)) {
        i += SpaceAt(i) ? SpaceAt(i) : 1;
      } else if (CurlyQuoteAt(i, end_)) {
        i += 3;
      } else {
        return false;
      }
    }
    return true;
  }

  // Abbreviations that keep their period. `sentence_final` is true for
  // those that may also close a sentence with it ("Inc.", "Jr.", "etc.").
  static bool IsAbbreviation(std::string_view w, bool* may_end_sentence) {
    struct Abbrev {
      std::string_view word;
      bool may_end;
    };
    static constexpr Abbrev kAbbrevs[] = {
        {"Mr", false},    {"Mrs", false},   {"Ms", false},    {"Dr", false},   {"Prof", false},
        {"Gen", false},   {"Lt", false},    {"Col", false},   {"Maj", false},  {"Capt", false},
        {"Cmdr", false},  {"Adm", false},   {"Sgt", false},   {"Cpl", false},  {"Pvt", false},
        {"Rep", false},   {"Sen", false},   {"Gov", false},   {"Pres", false}, {"Rev", false},
        {"Hon", false},   {"Msgr", false},  {"Fr", false},    {"Supt", false}, {"Atty", false},
        {"Sec", false},   {"Sr", true},     {"Jr", true},     {"St", false},   {"Mt", false},
        {"Ft", false},    {"Inc", true},    {"Corp", true},   {"Co", true},    {"Ltd", true},
        {"Bros", true},   {"Assn", true},   {"Dept", false},  {"Univ", false}, {"No", false},
        {"Nos", false},   {"vs", false},    {"etc", true},    {"Jan", false},  {"Feb", false},
        {"Mar", false},   {"Apr", false},   {"Jun", false},   {"Jul", false},  {"Aug", false},
        {"Sep", false},   {"Sept", false},  {"Oct", false},   {"Nov", false},  {"Dec", false},
        {"Ala", true},    {"Ariz", true},   {"Ark", true},    {"Calif", true}, {"Colo", true},
        {"Conn", true},   {"Del", false},   {"Fla", true},    {"Ga", false},   {"Ill", true},
        {"Ind", false},   {"Kan", true},    {"Ky", true},     {"La", false},   {"Md", true},
        {"Mass", false},  {"Mich", true},   {"Minn", true},   {"Miss", false}, {"Mo", false},
        {"Mont", true},   {"Neb", true},    {"Nev", true},    {"Okla", true},  {"Ore", true},
        {"Pa", true},     {"Tenn", true},   {"Tex", true},    {"Va", true},    {"Vt", true},
        {"Wash", false},  {"Wis", true},    {"Wyo", true},    {"Ave", true},   {"Blvd", true},
        {"Rd", true},     {"approx", false}, {"est", false},  {"fig", false},  {"Fig", false},
        {"vol", false},   {"Vol", false},   {"al", true},     {"cf", false},   {"ca", false}};
    for (const Abbrev& a : kAbbrevs) {
      if (a.word == w) {
        *may_end_sentence = a.may_end;
        return true;
      }
    }
    return false;
  }

  // A word starting at `i` (a word character), of which the token begins at
  // `begin` (earlier when a "@", "#", "'" or "." prefix was taken). Emits the
  // word and any clitic split off it; returns where scanning resumes.
  size_t Word(size_t i, size_t e, size_t begin = SIZE_MAX) {
    if (begin == SIZE_MAX) begin = i;
    size_t q = WordChars(i, e);
    bool inner_period = false;  // "U.S", "Ph.D": an abbreviation with dots
    while (q < e) {
      const char c = s_[q];
      const char prev = s_[q - 1];
      const char next = q + 1 < e ? s_[q + 1] : '\0';
      if (c == '-' && WordAtIn(q + 1, e)) {
        q = WordChars(q + 1, e);
        continue;
      }
      if (c == ',' && IsAsciiDigit(prev) && q + 3 < e && IsAsciiDigit(s_[q + 1]) && IsAsciiDigit(s_[q + 2]) &&
          IsAsciiDigit(s_[q + 3]) && (q + 4 >= e || !IsAsciiDigit(s_[q + 4]))) {
        q = WordChars(q + 1, e);  // 1,200: exactly three digits follow
        continue;
      }
      if ((c == ':' || c == '/') && IsAsciiDigit(prev) && IsAsciiDigit(next)) {
        q = WordChars(q + 1, e);
        continue;
      }
      if (c == '&' && IsAsciiUpper(prev) && IsAsciiUpper(next)) {
        q = WordChars(q + 1, e);
        continue;
      }
      if (c == '.') {
        if (IsAsciiDigit(prev) && IsAsciiDigit(next)) {
          q = WordChars(q + 1, e);
          continue;
        }
        // "U.S", "a.m", "Ph.D": a single letter follows, then another period.
        if (IsAsciiAlpha(next) && q + 2 < e && s_[q + 2] == '.') {
          inner_period = true;
          q += 2;
          continue;
        }
        const std::string_view w = s_.substr(begin, q - begin);
        bool attach = false;
        if (inner_period) {
          attach = true;
        } else if (w.size() == 1 && IsAsciiUpper(w[0])) {
          attach = !OnlyClosersAfter(q + 1);  // an initial, unless it ends the sentence
        } else {
          bool may_end = false;
          if (IsAbbreviation(w, &may_end)) attach = may_end || !OnlyClosersAfter(q + 1);
        }
        if (attach) {
          ++q;
          if (q < e && s_[q] == '-' && WordAtIn(q + 1, e)) {  // "U.S.-led"
            q = WordChars(q + 1, e);
            continue;
          }
        }
        break;
      }
      const size_t apo = ApostropheAt(q);
      if (apo) {
        const size_t r = q + apo;
        size_t t = r;
        while (t < e && IsAsciiAlpha(s_[t])) ++t;
        const std::string_view after = s_.substr(r, t - r);
        const bool word_ends = !WordAtIn(t, e);
        auto eq = [](std::string_view a, std::string_view b) {
          if (a.size() != b.size()) return false;
          for (size_t k = 0; k < a.size(); ++k) {
            if (AsciiLower(a[k]) != b[k]) return false;
          }
          return true;
        };
        if (word_ends && eq(after, "t") && (prev == 'n' || prev == 'N') && q - 1 > begin) {
          Emit(begin, q - 1);  // "do" + "n't"
          Emit(q - 1, t);
          return t;
        }
        if (word_ends && (eq(after, "s") || eq(after, "m") || eq(after, "d") || eq(after, "re") ||
                          eq(after, "ve") || eq(after, "ll"))) {
          Emit(begin, q);  // "Netanyahu" + "'s"
          Emit(q, t);
          return t;
        }
        if (t > r && !(word_ends && eq(after, "t"))) {
          q = WordChars(r, e);  // O'Brien, rock'n'roll
          continue;
        }
        break;  // "students'": the apostrophe becomes its own token
      }
      break;
    }
    Emit(begin, q);
    return q;
  }

  std::string_view s_;
  size_t end_;
  std::vector<Span>* out_;
};

}  // namespace

void TokenizeRange(std::string_view text, Span range, std::vector<Span>* out) {
  const size_t end = std::min<size_t>(range.end, text.size());
  if (range.begin >= end) return;
  Scanner scanner(text, end, out);
  scanner.Run(range.begin);
}

void Tokenize(std::string_view text, std::vector<Span>* out) {
  TokenizeRange(text, Span{0, static_cast<uint32_t>(text.size())}, out);
}

}  // namespace newsfuse::text
