// Sentence boundary detection: one left-to-right pass over the bytes.
//
// The rules follow the "Golden Rules" of pragmatic_segmenter (TM-Town) and
// pySBD, re-derived for news text:
//
//  * A terminator is a run of '.', '?', '!' or '…' with no space inside,
//    followed by closing quotes/brackets. If anything other than white space
//    follows the run ("1.4", "Jane.Doe@x.com", "Jr.'s", "mean...see"), it is
//    word-internal and never a boundary.
//  * '?' and '!' end a sentence unless the next word is lower case ("Yahoo! in").
//  * After a '.', the word before it decides:
//      - titles before names (Mr., Gen., Sen., Dr., Mt., vs., e.g.): never;
//      - number words (No., p., pp., Vol.) and months (Oct., Sept.) before a
//        digit: never;
//      - other abbreviations (Inc., Co., Jr., etc., U.S., E.U., Ph.D.) and an
//        initial after a name ("Jonas E."): only when the next word is one that
//        typically starts a sentence ("The", "He", "But", ...) or a quotation
//        opens, so "the U.S. Government" stays whole and "the U.S. How" splits;
//      - a.m./p.m.: when a capitalized word that is not a weekday, month or
//        time zone follows, unless the sentence so far is only a fronted time
//        phrase ("At 5 a.m. Mr. Smith went ...");
//      - any other word: when the next word is not lower case.
//  * Ellipses: "..." / "…" end a sentence only before a capital; a spaced
//    ". . ." never does, a fourth spaced dot is a period; "word. . . . Next"
//    ends after "word." and the ellipsis opens the next sentence.
//  * Lists: a marker ("1.", "2)", "3.)", "a.") at the start of a line or after
//    a bullet begins a list item, and its punctuation is not a terminator; a
//    later marker continuing the sequence (same style, next number or letter)
//    starts a new item even mid-line. A bullet ("•", "⁃", ...) starts an item.
//  * Newlines: a blank line always ends a sentence. A single newline ends one
//    before or after a list item, and after a line that ends without
//    terminal or continuing punctuation (a headline) when the next line does
//    not start in lower case; otherwise it is a space.
#include "text/sentence_splitter.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "base/utf8.h"

namespace newsfuse::text {
namespace {

using std::string_view;

// ---------------------------------------------------------------------------
// Word lists. Matching is case-sensitive unless noted: "Co." and "co." are both
// listed where both occur in text, while "Mass." (the state) must not match "mass.".

// Titles and other words that precede a name or a noun: never a boundary.
constexpr string_view kPrefixAbbrevs[] = {
    "Adm",   "Amb",  "Asst", "Atty", "Const", "Dep", "Ofc", "Spc", "Brig", "Capt",  "Cdr",    "Cmdr",  "Col",    "Cpl",  "Det",
    "Dr",    "Drs",  "Fr",   "Ft",   "Gen",   "Gens",   "Gov",   "Govs",   "Hon",  "Insp",
    "Lt",    "Maj",  "Messrs", "Mmes", "Mr",  "Mrs",    "Ms",    "Msgr",   "Mt",   "Mx",
    "Pfc",   "Pres", "Prof", "Profs", "Pvt",  "Rep",    "Reps",  "Rev",    "Sen",  "Sens",
    "Sgt",   "St",   "Supt", "Ste",  "approx", "cf",    "e.g",   "i.e",    "v",    "viz",
    "vs",    "Vs",   "E.g",  "I.e",
};

// Words that precede a number ("No. 5", "p. 55", "Vol. 3"): no boundary
// before a digit.
constexpr string_view kNumberAbbrevs[] = {
    "Art", "Ch", "Fig", "No",  "Nos", "Nr",  "N\xC2\xB0", "N\xC2\xBA", "Op",  "Para",
    "Vol", "art", "ch",  "fig", "no",  "nos", "p",         "pp",        "para", "sec",
    "vol", "Sec", "Ex",  "ex",  "Pp",  "P",
};
// Of those, the ones that are also ordinary words ("He said no. Then ...").
constexpr string_view kNumberAbbrevsThatAreWords[] = {"No", "no", "P", "Ex", "ex"};

constexpr string_view kMonthAbbrevs[] = {
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
};

constexpr string_view kMonthNames[] = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December",
};

// Abbreviations that may end a sentence ("... & Co. It closed").
constexpr string_view kOtherAbbrevs[] = {
    // Companies and people.
    "Assn", "Bros", "Co", "Corp", "Cos", "Dept", "Esq", "Inc", "Intl", "Jr", "Ltd", "Mfg",
    "Natl", "Sr", "Univ", "co", "corp", "dept", "inc", "jr", "ltd", "sr", "al", "etc", "est",
    // Streets.
    "Ave", "Blvd", "Hwy", "Rd", "Pl", "Sq", "ave", "blvd", "rd", "st",
    // U.S. states in AP style.
    "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind", "Kan", "Ky",
    "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa",
    "Penn", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
    // Units and other short forms.
    "approx", "dept", "ft", "hr", "hrs", "lb", "lbs", "mi", "min", "mins", "mo", "mos", "oz",
    "sq", "yd", "yds", "yr", "yrs", "Gov't", "govt", "Govt", "Mon", "Tue", "Tues", "Wed", "Thu",
    "Thurs", "Fri", "Sat", "Sun",
};

// Words that usually begin a sentence (after pragmatic_segmenter's list,
// extended with frequent sentence openers in news). A capitalized word not in
// this list after "U.S." or "Co." is more likely a name ("U.S. Government").
constexpr string_view kSentenceStarters[] = {
    "A",       "After",   "Also",     "Although", "An",     "And",     "As",     "At",
    "Because", "Before",  "Being",    "Both",     "But",    "By",      "Did",    "During",
    "Each",    "Even",    "For",      "He",       "Her",    "Here",    "His",    "How",
    "However", "I",       "If",       "In",       "It",     "Its",     "Many",   "Meanwhile",
    "Millions", "More",   "Most",     "My",       "No",     "Now",     "On",     "Once",
    "Our",     "She",     "Since",    "So",       "Some",   "Still",   "That",   "The",
    "Their",   "Then",    "There",    "These",    "They",   "This",    "Those",  "Thus",
    "To",      "Today",   "Under",    "Until",    "We",     "What",    "When",   "Where",
    "While",   "Who",     "Why",      "With",     "Yesterday", "Yet",  "You",    "Your",
};

// Words after "5 p.m." that continue the time expression.
constexpr string_view kTimeFollowers[] = {
    "BST",     "CDT",      "CEST",    "CET",      "CST",    "Central", "EDT",    "EST",
    "ET",      "Eastern",  "GMT",     "Friday",   "MDT",    "MST",     "MT",     "Monday",
    "Mountain", "PDT",     "PST",     "PT",       "Pacific", "Saturday", "Sunday", "Thursday",
    "Tuesday", "UTC",      "Wednesday", "January", "February", "March", "April",  "May",
    "June",    "July",     "August",  "September", "October", "November", "December", "Jan",
    "Feb",     "Mar",      "Apr",     "Jun",      "Jul",    "Aug",     "Sep",    "Sept",
    "Oct",     "Nov",      "Dec",     "Mon",      "Tue",    "Wed",     "Thu",    "Fri",
    "Sat",     "Sun",      "HKT",     "IST",      "JST",    "AEST",    "AEDT",   "WIB",
};

// Prepositions that open a fronted time phrase ("At 5 a.m. Mr. Smith ...").
constexpr string_view kTimePrepositions[] = {
    "About", "After", "Around", "At", "Before", "By", "From", "Since", "Till", "Until",
};

// The lists above merged into one sorted table of words with flag bits, so
// that classifying a word costs one binary search.
enum WordFlag : uint16_t {
  kPrefix = 1 << 0,
  kNumber = 1 << 1,
  kNumberWord = 1 << 2,
  kMonthAbbrev = 1 << 3,
  kMonthName = 1 << 4,
  kOther = 1 << 5,
  kStarter = 1 << 6,
  kTimeFollower = 1 << 7,
  kTimePreposition = 1 << 8,
};

struct WordEntry {
  string_view word;
  uint16_t flags;
};

class WordTable {
 public:
  WordTable() {
    Add(kPrefixAbbrevs, kPrefix);
    Add(kNumberAbbrevs, kNumber);
    Add(kNumberAbbrevsThatAreWords, kNumberWord);
    Add(kMonthAbbrevs, kMonthAbbrev);
    Add(kMonthNames, kMonthName);
    Add(kOtherAbbrevs, kOther);
    Add(kSentenceStarters, kStarter);
    Add(kTimeFollowers, kTimeFollower);
    Add(kTimePrepositions, kTimePreposition);
    std::sort(entries_.begin(), entries_.end(),
              [](const WordEntry& a, const WordEntry& b) { return a.word < b.word; });
    // Merge the flags of words that are in several lists.
    std::vector<WordEntry> merged;
    for (const WordEntry& e : entries_) {
      if (!merged.empty() && merged.back().word == e.word) {
        merged.back().flags |= e.flags;
      } else {
        merged.push_back(e);
      }
    }
    entries_ = std::move(merged);
  }

  uint16_t Flags(string_view word) const {
    if (word.empty() || word.size() > kMaxWordSize) return 0;
    auto it = std::lower_bound(entries_.begin(), entries_.end(), word,
                               [](const WordEntry& e, string_view w) { return e.word < w; });
    return it != entries_.end() && it->word == word ? it->flags : 0;
  }

 private:
  static constexpr size_t kMaxWordSize = 12;
  template <size_t N>
  void Add(const string_view (&list)[N], uint16_t flag) {
    for (string_view w : list) entries_.push_back(WordEntry{w, flag});
  }
  std::vector<WordEntry> entries_;
};

const WordTable& Words() {
  static const WordTable* const table = new WordTable();  // never destroyed
  return *table;
}

bool Has(string_view word, uint16_t flag) { return (Words().Flags(word) & flag) != 0; }

// ---------------------------------------------------------------------------
// Character classes over code points.

struct CodePoint {
  char32_t c = 0;
  uint32_t len = 0;  // bytes; 0 at the end of the text
};

bool IsNewlineChar(char32_t c) { return c == '\n' || c == 0x2028 || c == 0x2029; }

bool IsSpaceChar(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
         c == 0xA0 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
         c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

bool IsTerminalChar(char32_t c) {
  return c == '.' || c == '?' || c == '!' || c == 0x2026 /* … */ || c == 0x203C /* ‼ */ ||
         c == 0x2047 || c == 0x2048 || c == 0x2049 || c == 0xFF01 || c == 0xFF1F;
}

bool IsClosingChar(char32_t c) {
  return c == '"' || c == '\'' || c == ')' || c == ']' || c == '}' || c == 0x201D /* ” */ ||
         c == 0x2019 /* ’ */ || c == 0xBB /* » */ || c == 0x203A /* › */;
}

bool IsOpeningChar(char32_t c) {
  return c == '"' || c == '\'' || c == '(' || c == '[' || c == '{' || c == 0x201C /* “ */ ||
         c == 0x2018 /* ‘ */ || c == 0x201E /* „ */ || c == 0xAB /* « */ ||
         c == 0x2039 /* ‹ */ || c == 0xBF /* ¿ */ || c == 0xA1 /* ¡ */;
}

bool IsOpeningDoubleQuote(char32_t c) {
  return c == '"' || c == 0x201C || c == 0x201E || c == 0xAB;
}

bool IsBulletChar(char32_t c) {
  return c == 0x2022 /* • */ || c == 0x2043 /* ⁃ */ || c == 0x2023 /* ‣ */ ||
         c == 0x25E6 /* ◦ */ || c == 0x25CF /* ● */ || c == 0x25AA /* ▪ */ ||
         c == 0x25A0 /* ■ */ || c == 0x25BA /* ► */ || c == 0x25B6 /* ▶ */ ||
         c == 0x2219 /* ∙ */ || c == 0x27A2 /* ➢ */;
}

bool IsLower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return u_islower(static_cast<UChar32>(c));
}

bool IsUpper(char32_t c) {
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  return u_isupper(static_cast<UChar32>(c)) || u_istitle(static_cast<UChar32>(c));
}

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }

// Printable ASCII other than white space and '.', '?', '!'.
constexpr std::array<bool, 256> kPlainAscii = [] {
  std::array<bool, 256> table{};
  for (int c = 0x21; c < 0x7F; ++c) table[c] = c != '.' && c != '?' && c != '!';
  return table;
}();

// ---------------------------------------------------------------------------

enum class ListStyle : uint8_t { kNone, kNumberDot, kNumberParen, kNumberDotParen, kLetterDot, kLetterParen };

struct ListMarker {
  ListStyle style = ListStyle::kNone;
  int value = 0;
  size_t end = 0;  // byte after the marker's punctuation
};

class Splitter {
 public:
  explicit Splitter(string_view text) : t_(text), n_(text.size()) {}

  std::vector<Span> Run();

 private:
  CodePoint At(size_t i) const {
    if (i >= n_) return {};
    const unsigned char b = static_cast<unsigned char>(t_[i]);
    if (b < 0x80) return {b, 1};
    size_t p = i;
    const char32_t c = base::DecodeUtf8(t_, &p);
    return {c, static_cast<uint32_t>(p - i)};
  }
  // The code point that ends just before byte `i` (REQUIRES: i > 0).
  CodePoint Before(size_t i) const {
    const unsigned char b = static_cast<unsigned char>(t_[i - 1]);
    if (b < 0x80) return {b, 1};
    size_t start = i - 1;
    while (start > 0 && i - start < 4 && (static_cast<unsigned char>(t_[start]) & 0xC0) == 0x80) {
      --start;
    }
    CodePoint cp = At(start);
    if (start + cp.len != i) return {0xFFFD, 1};
    return cp;
  }
  bool SpaceAt(size_t i) const { return i < n_ && IsSpaceChar(At(i).c); }
  bool SpaceBefore(size_t i) const { return i > 0 && IsSpaceChar(Before(i).c); }
  size_t SkipSpaces(size_t i, int* newlines) const {
    while (i < n_) {
      CodePoint cp = At(i);
      if (!IsSpaceChar(cp.c)) break;
      if (newlines != nullptr && IsNewlineChar(cp.c)) ++*newlines;
      i += cp.len;
    }
    return i;
  }
  size_t SkipClosers(size_t i) const {
    while (i < n_) {
      CodePoint cp = At(i);
      if (!IsClosingChar(cp.c)) break;
      i += cp.len;
    }
    return i;
  }
  size_t SkipOpeners(size_t i) const {
    while (i < n_) {
      CodePoint cp = At(i);
      if (!IsOpeningChar(cp.c)) break;
      i += cp.len;
    }
    return i;
  }
  // Start of the white-space-delimited token that ends at `end`.
  size_t TokenStart(size_t end, size_t floor) const {
    size_t b = end;
    while (b > floor && !SpaceBefore(b)) b -= Before(b).len;
    return b;
  }

  // The ASCII letters of the word at `j`, after opening quotes and brackets.
  string_view WordAt(size_t j) const {
    j = SkipOpeners(j);
    size_t e = j;
    while (e < n_ && IsAsciiAlpha(t_[e])) ++e;
    return t_.substr(j, e - j);
  }
  // The first code point of the next word, after opening quotes and brackets.
  CodePoint FirstOfNext(size_t j) const { return At(SkipOpeners(j)); }
  bool NextIsLower(size_t j) const { return IsLower(FirstOfNext(j).c); }
  bool NextIsUpper(size_t j) const { return IsUpper(FirstOfNext(j).c); }
  bool NextIsDigit(size_t j) const {
    return j < n_ && (IsAsciiDigit(t_[j]) || t_[j] == '#' ||
                      (t_[j] == '(' && j + 1 < n_ && IsAsciiDigit(t_[j + 1])));
  }
  // "R." : a capital letter and a period, then a space.
  bool NextIsInitial(size_t j) const {
    CodePoint cp = At(j);
    if (!IsUpper(cp.c)) return false;
    const size_t k = j + cp.len;
    return k < n_ && t_[k] == '.' && (k + 1 == n_ || SpaceAt(k + 1));
  }
  bool NextStartsSentence(size_t j) const {
    if (IsOpeningDoubleQuote(At(j).c)) return true;
    return Has(WordAt(j), kStarter);
  }

  ListMarker ParseMarker(size_t i) const;
  bool IsBulletAt(size_t i) const { return IsBulletChar(At(i).c); }

  // Length of a spaced ellipsis ". . ." whose first dot is at `i`: the number
  // of dots separated by single spaces, and the byte after the last one.
  int SpacedDots(size_t i, size_t* end) const {
    int k = 0;
    size_t p = i;
    *end = i;
    while (p < n_ && t_[p] == '.' && (p + 1 >= n_ || t_[p + 1] != '.')) {
      ++k;
      *end = p + 1;
      if (p + 2 < n_ && t_[p + 1] == ' ' && t_[p + 2] == '.') {
        p += 2;
      } else {
        break;
      }
    }
    return k;
  }

  size_t HandleTerminal(size_t i);
  bool DecideAfterPeriod(size_t word_begin, size_t dot, size_t j, bool newline) const;
  bool FrontedTimePhrase(size_t word_begin) const;
  bool SpacedDecimalPoint(string_view word, size_t dot, size_t j, bool newline) const;
  bool SplitAtNewline(size_t nl, size_t next) const;

  void Break(size_t pos) {
    if (pos <= sentence_start_) return;
    size_t b = SkipSpaces(sentence_start_, nullptr);
    size_t e = pos;
    while (e > b && SpaceBefore(e)) e -= Before(e).len;
    if (e > b) out_.push_back(Span{static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
    sentence_start_ = pos;
  }

  const string_view t_;
  const size_t n_;
  std::vector<Span> out_;
  size_t sentence_start_ = 0;
  // Where the last terminator (with its closers) ended, so that the newline
  // rule does not second-guess a decision made there.
  size_t last_terminal_end_ = static_cast<size_t>(-1);
  ListStyle list_style_ = ListStyle::kNone;
  int list_next_ = 0;
  bool line_is_item_ = false;
};

ListMarker Splitter::ParseMarker(size_t i) const {
  ListMarker m;
  if (i >= n_) return m;
  size_t j = i;
  bool letter = false;
  int value = 0;
  if (IsAsciiDigit(t_[j])) {
    while (j < n_ && IsAsciiDigit(t_[j]) && j - i < 3) value = value * 10 + (t_[j++] - '0');
    if (j - i > 2 || (j < n_ && IsAsciiDigit(t_[j]))) return m;
  } else if (t_[j] >= 'a' && t_[j] <= 'z') {
    letter = true;
    value = t_[j] - 'a' + 1;
    ++j;
  } else {
    return m;
  }
  if (j >= n_) return m;
  ListStyle style;
  if (t_[j] == '.' && j + 1 < n_ && t_[j + 1] == ')') {
    if (letter) return m;
    style = ListStyle::kNumberDotParen;
    j += 2;
  } else if (t_[j] == '.') {
    style = letter ? ListStyle::kLetterDot : ListStyle::kNumberDot;
    j += 1;
  } else if (t_[j] == ')') {
    // "(1)" is an inline enumeration, not an item that starts a line.
    if (i > 0 && t_[i - 1] == '(') return m;
    style = letter ? ListStyle::kLetterParen : ListStyle::kNumberParen;
    j += 1;
  } else {
    return m;
  }
  if (j < n_ && !SpaceAt(j)) return m;
  m.style = style;
  m.value = value;
  m.end = j;
  return m;
}

// True when the sentence so far is only "At 5" / "By about 6" before a.m./p.m.
bool Splitter::FrontedTimePhrase(size_t word_begin) const {
  size_t p = SkipSpaces(sentence_start_, nullptr);
  if (!Has(WordAt(p), kTimePreposition)) return false;
  int words = 0;
  bool in_word = false;
  // Counting stops early so that a long sentence costs nothing here.
  for (size_t k = p; k < word_begin && words <= 3; ++k) {
    const bool space = t_[k] == ' ' || t_[k] == '\t' || t_[k] == '\n';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words <= 3;
}

// A decimal point written with a space, as some corpora detokenise "5.9":
// "magnitude 5. 9", "at 9. 25 a.m.", "€1. 6m", "magnitude-6. 0", "Dh472. 72bn":
// a word ending in a figure of one to three digits, the period, one space
// and a digit. A year may end a sentence ("in 2005. 10 ..." splits),
// while news style does not open a sentence with a small figure.
bool Splitter::SpacedDecimalPoint(string_view word, size_t dot, size_t j, bool newline) const {
  if (newline || j != dot + 2 || t_[dot + 1] != ' ' || !IsAsciiDigit(t_[j])) return false;
  size_t digits = 0;
  for (size_t k = word.size(); k > 0 && IsAsciiDigit(word[k - 1]); --k) ++digits;
  return digits > 0 && digits <= 3;
}

// Decides whether the period at `dot` ends a sentence, given the word before
// it (from `word_begin`) and the next non-space text at `j`.
bool Splitter::DecideAfterPeriod(size_t word_begin, size_t dot, size_t j, bool newline) const {
  const size_t wb = SkipOpeners(word_begin);
  const string_view word = wb < dot ? t_.substr(wb, dot - wb) : string_view();
  const bool next_lower = NextIsLower(j);
  // The rule for abbreviations that may also end a sentence.
  const bool starter_rule = !next_lower && (newline || NextStartsSentence(j));

  if (word.empty()) return !next_lower;
  if (SpacedDecimalPoint(word, dot, j, newline)) return false;

  // The word before `word_begin`, inside this sentence.
  size_t prev_end = word_begin;
  while (prev_end > sentence_start_ && SpaceBefore(prev_end)) prev_end -= Before(prev_end).len;
  string_view prev;
  if (prev_end > sentence_start_ && prev_end < word_begin) {
    const size_t pb = SkipOpeners(TokenStart(prev_end, sentence_start_));
    if (pb < prev_end) prev = t_.substr(pb, prev_end - pb);
  }
  const bool prev_capitalized = !prev.empty() && IsUpper(At(prev_end - prev.size()).c);

  const uint16_t flags = Words().Flags(word);
  if (flags & kPrefix) {
    // "Main St. The ..." / "Elm Dr. He": after a name these are street types.
    if ((word == "St" || word == "Dr" || word == "Ave") && prev_capitalized) return starter_rule;
    return false;
  }
  if (flags & kNumber) {
    if (NextIsDigit(j)) return false;
    if (flags & kNumberWord) return !next_lower;
    return starter_rule;
  }
  if (flags & kMonthAbbrev) {
    if (NextIsDigit(j)) return false;
    return starter_rule;
  }
  // "May. 3": a stray period inside a date.
  if ((flags & kMonthName) && NextIsDigit(j) && !newline) return false;
  if (word.size() == 3 && word[1] == '.' &&
      ((word[0] | 0x20) == 'a' || (word[0] | 0x20) == 'p') && (word[2] | 0x20) == 'm') {
    // a.m. / p.m.
    if (next_lower) return false;
    if (Has(WordAt(j), kTimeFollower)) return false;
    if (newline) return true;
    if (!NextIsUpper(j)) return true;
    return !FrontedTimePhrase(word_begin);
  }
  if (flags & kOther) return starter_rule;

  // Multi-period abbreviations: "U.S", "U.S.A", "Ph.D", "N.Y".
  {
    bool pattern = word.find('.') != string_view::npos;
    size_t seg = 0;
    for (char c : word) {
      if (c == '.') {
        if (seg == 0) pattern = false;
        seg = 0;
      } else if (IsAsciiAlpha(c)) {
        if (++seg > 2) pattern = false;
      } else {
        pattern = false;
      }
    }
    if (seg == 0) pattern = false;
    if (pattern) return starter_rule;
  }

  // A single capital is an initial ("Jonas E. Smith", "named H. Rap Brown",
  // "J. R. R. Tolkien"), except the pronoun "I" after a lower-case word ("you
  // and I. Did"); "Plan B. The" still splits by the starter rule.
  {
    CodePoint cp = At(wb);
    if (cp.len == word.size() && IsUpper(cp.c)) {
      if (NextIsInitial(j)) return false;
      const bool prev_is_name = prev_capitalized || (prev.size() >= 2 && prev.back() == '.');
      if (word == "I" && !prev_is_name && !prev.empty()) return !next_lower;
      return starter_rule;
    }
  }
  return !next_lower;
}

// Handles the terminator run starting at `i`; returns where scanning resumes.
size_t Splitter::HandleTerminal(size_t i) {
  size_t run_end = i;
  int dots = 0;
  bool question_or_bang = false;
  bool ellipsis_char = false;
  while (run_end < n_) {
    CodePoint cp = At(run_end);
    if (cp.c == '.') {
      ++dots;
    } else if (cp.c == 0x2026) {
      ellipsis_char = true;
    } else if (IsTerminalChar(cp.c)) {
      question_or_bang = true;
    } else {
      break;
    }
    run_end += cp.len;
  }
  size_t after = SkipClosers(run_end);
  if (after < n_ && !SpaceAt(after)) {
    // Word-internal: "1.4", "Jane.Doe", "U.S.A", "Jr.'s", "mean...see".
    return run_end;
  }
  // "[...]": an omission mark inside brackets.
  if ((dots >= 3 || ellipsis_char) && i > 0 && (t_[i - 1] == '[' || t_[i - 1] == '(') &&
      run_end < n_ && (t_[run_end] == ']' || t_[run_end] == ')')) {
    return after;
  }
  if (after >= n_) return after;
  int newlines = 0;
  size_t j = SkipSpaces(after, &newlines);
  // Closing quotes cut off by a space or a newline, alone at the end of a
  // line or of the text ("party girl. \"\nWhile"), belong to this sentence.
  if (newlines <= 1 && j < n_) {
    size_t q = j;
    while (q < n_) {
      const CodePoint cp = At(q);
      if (cp.c != '"' && cp.c != 0x201D && cp.c != 0x2019 && cp.c != '\'') break;
      q += cp.len;
    }
    if (q > j) {
      int nl = 0;
      const size_t k = SkipSpaces(q, &nl);
      // A comma or semicolon after the quotes: they close a quoted sentence
      // inside a longer one (`the subtitle "Top Doc? ", was published`).
      if (nl == 0 && k < n_ && (t_[k] == ',' || t_[k] == ';')) {
        last_terminal_end_ = q;
        return q;
      }
      if (k == n_ || nl > 0) {
        after = q;
        newlines = 0;
        j = SkipSpaces(after, &newlines);
      }
    }
  }
  last_terminal_end_ = after;
  if (j >= n_) return j;
  if (newlines >= 2) {
    Break(after);
    return j;
  }
  const bool newline = newlines == 1;

  if (question_or_bang) {
    // "E! News", "Yahoo! Inc.": a bang right after a one-letter word is a name.
    const bool one_letter = i >= 1 && IsAsciiAlpha(t_[i - 1]) && (i == 1 || SpaceBefore(i - 1)) &&
                            run_end == i + 1 && t_[i] == '!';
    if (one_letter) {
      if (!NextIsLower(j) && (newline || NextStartsSentence(j))) Break(after);
      return after;
    }
    if (!NextIsLower(j)) Break(after);
    return after;
  }
  if (dots >= 3 || ellipsis_char) {
    if (NextIsUpper(j) || (newline && !NextIsLower(j))) Break(after);
    return after;
  }
  // A single period.
  if (i > 0 && SpaceBefore(i)) {
    // A spaced ellipsis ". . ." never ends a sentence; a fourth dot is a period.
    size_t end;
    const int k = SpacedDots(i, &end);
    if (k >= 4) {
      const size_t a = SkipClosers(end);
      if (a >= n_) return a;
      if (!SpaceAt(a)) return end;
      int nl = 0;
      const size_t jj = SkipSpaces(a, &nl);
      if (jj < n_ && (nl >= 2 || !NextIsLower(jj))) Break(a);
      return a;
    }
    if (k == 3) return end;
    if (!NextIsLower(j)) Break(after);
    return after;
  }
  if (!newline && (t_[j] == '.' || At(j).c == 0x2026)) {
    // "word. . . . Next" / "word. ... Next": the period ends the sentence and
    // the ellipsis opens the next one; "complex. . . .”" at the end, or before
    // a lower-case word, keeps the ellipsis.
    size_t end;
    int k = SpacedDots(j, &end);
    if (k < 3) {
      end = j;
      while (end < n_ && t_[end] == '.') ++end;
      k = static_cast<int>(end - j);
      if (At(j).c == 0x2026) {
        k = 3;
        end = j + 3;
      }
    }
    if (k >= 3) {
      const size_t a = SkipClosers(end);
      int nl = 0;
      const size_t jj = SkipSpaces(a, &nl);
      if (jj < n_ && (a == n_ || SpaceAt(a)) && NextIsUpper(jj)) Break(after);
      return a;
    }
  }
  if (DecideAfterPeriod(TokenStart(i, sentence_start_), i, j, newline)) Break(after);
  return after;
}

// A single newline between `nl` and the next line's text at `next`.
bool Splitter::SplitAtNewline(size_t nl, size_t next) const {
  if (IsBulletAt(next) || ParseMarker(next).style != ListStyle::kNone) return true;
  if (line_is_item_) return true;
  // The line's last visible character.
  size_t e = nl;
  while (e > sentence_start_ && SpaceBefore(e)) e -= Before(e).len;
  if (e <= sentence_start_) return false;
  if (e == last_terminal_end_) return false;  // decided by the terminator rules
  // Look through closing quotes: `“We will win,”` continues.
  size_t k = e;
  while (k > sentence_start_ && IsClosingChar(Before(k).c)) k -= Before(k).len;
  if (k <= sentence_start_) return false;
  const char32_t last = Before(k).c;
  if (last == ',' || last == ';' || last == ':' || last == '-' || last == 0x2013 ||
      last == 0x2014 || last == '(' || last == '&' || last == '/') {
    return false;
  }
  return !NextIsLower(next);
}

std::vector<Span> Splitter::Run() {
  // Where the current token stands: at a line start, right after a bullet, or
  // inside a line. List markers count as item openers only in the first two.
  enum class Context : uint8_t { kLineStart, kAfterBullet, kInLine };
  Context context = Context::kLineStart;
  size_t i = 0;
  while (i < n_) {
    const CodePoint cp = At(i);
    if (IsSpaceChar(cp.c)) {
      int newlines = 0;
      const size_t j = SkipSpaces(i, &newlines);
      if (newlines >= 2) {
        Break(i);
      } else if (newlines == 1 && j < n_ && SplitAtNewline(i, j)) {
        Break(i);
      }
      if (newlines > 0) {
        context = Context::kLineStart;
        line_is_item_ = false;
      }
      i = j;
      continue;
    }
    const bool token_start = i == 0 || SpaceBefore(i) || context == Context::kAfterBullet;
    if (token_start) {
      const bool dash_bullet = context == Context::kLineStart &&
                               (cp.c == '-' || cp.c == '*' || cp.c == 0x2013) && SpaceAt(i + 1);
      if (context != Context::kAfterBullet && (IsBulletChar(cp.c) || dash_bullet)) {
        Break(i);
        if (context == Context::kLineStart) line_is_item_ = true;
        list_style_ = ListStyle::kNone;
        context = Context::kAfterBullet;
        i += cp.len;
        continue;
      }
      const ListMarker m = ParseMarker(i);
      if (m.style != ListStyle::kNone) {
        if (context != Context::kInLine) {
          if (context == Context::kLineStart) {
            Break(i);
            line_is_item_ = true;
          }
          list_style_ = m.style;
          list_next_ = m.value + 1;
          context = Context::kInLine;
          i = m.end;
          continue;
        }
        if (m.style == list_style_ && m.value == list_next_) {
          Break(i);
          ++list_next_;
          i = m.end;
          continue;
        }
      } else if (context == Context::kLineStart) {
        // A line that is not a list item ends the list.
        list_style_ = ListStyle::kNone;
      }
    }
    context = Context::kInLine;
    if (IsTerminalChar(cp.c)) {
      i = HandleTerminal(i);
      continue;
    }
    i += cp.len;
    // The rest of a word rarely matters: skip printable ASCII that is neither
    // white space nor a terminator in one tight loop.
    while (i < n_ && kPlainAscii[static_cast<unsigned char>(t_[i])]) ++i;
  }
  Break(n_);
  return std::move(out_);
}

}  // namespace

std::vector<Span> SplitSentences(std::string_view text) {
  // Spans hold 32-bit offsets; callers split documents, not corpora.
  if (text.size() > UINT32_MAX) text = text.substr(0, UINT32_MAX);
  return Splitter(text).Run();
}

}  // namespace newsfuse::text
