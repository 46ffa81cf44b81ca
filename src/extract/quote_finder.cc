// Rule-based quote finding and attribution. The text is cut once into word,
// punctuation and quote-mark tokens (byte spans, no copies); quote marks are
// paired per paragraph; each pair's sentence is searched for a speech verb,
// first after the quote (the usual news order), then before it, then the
// previous quote or sentence. Speaker noun phrases are read off the tokens
// next to the verb with a few lexicons (titles, roles, adverbs), because a
// parser would cost more than the whole finder and news attribution is
// formulaic enough for this to hold up (see eval/quote_eval.h for the figures).
#include "extract/quote_finder.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>

#include "text/chars.h"

namespace newsfuse::extract {
namespace {

using text::Span;

// ---------------------------------------------------------------------------
// Lexicons. Small sorted arrays of lower-case words; lookups lower-case the
// token into a stack buffer first.

template <size_t N>
bool InList(const std::array<std::string_view, N>& list, std::string_view lower) {
  return std::binary_search(list.begin(), list.end(), lower);
}

// Finite speech verbs and the "-ing" forms (participles are told apart by
// their ending).
constexpr auto kCueWords = std::to_array<std::string_view>({
    "accuse", "accused", "accuses", "accusing", "acknowledged", "acknowledges", "acknowledging",
    "add", "added", "adding", "adds", "admits", "admitted", "admitting", "advised", "affirmed",
    "agreed", "agrees", "announced", "announces", "announcing", "answered", "answers", "argue",
    "argued", "argues", "arguing", "ask", "asked", "asking", "asks", "assert", "asserted",
    "asserting", "asserts", "blamed", "blasted", "blasting", "boasted", "boasting", "boasts",
    "branded", "branding", "called", "calling", "calls", "cautioned", "cautioning", "chanted",
    "chanting", "characterized", "charged", "cited", "claim", "claimed", "claiming", "claims",
    "coined", "commented", "complained", "complaining", "conceded", "conceding", "concluded",
    "confided", "confirmed", "contend", "contended", "contends", "continued", "continues",
    "countered", "cried", "criticized", "criticizing", "declared", "declares", "declaring",
    "decried", "decrying", "deemed", "demanded", "demanding", "denounced", "denouncing",
    "described", "describing", "disagreed", "dismissed", "dismissing", "dubbed", "echoed",
    "echoing", "emailed", "emphasized", "exclaimed", "explained", "explaining", "explains",
    "hailed", "hailing", "insist", "insisted", "insisting", "insists", "joked", "joking",
    "labeled", "labeling", "labelled", "lamented", "lamenting", "lauded", "lauding", "maintained", "mocked", "mocking",
    "mused", "muses", "note", "noted", "notes", "noting", "observed", "opined", "pleaded",
    "pledged", "pledging", "posted", "praised", "praising", "predicted", "predicting",
    "proclaimed", "promised", "promising", "questioned", "questioning", "quipped", "read",
    "reads", "recalled", "recalling", "recalls", "recounted", "recounting", "referred",
    "referring", "reiterated", "reiterating", "remarked", "replied", "replies", "reported",
    "reports", "responded", "responding", "retorted", "said", "say", "saying", "says", "screamed",
    "shouted", "shouting", "slammed", "slamming", "snapped", "speculated", "stated",
    "stressed", "stressing", "suggested", "suggesting", "suggests", "tell", "telling", "tells",
    "termed", "testified", "texted", "thanked", "thanking", "thundered", "told", "touted",
    "touting", "tweeted", "tweeting", "urged", "urging", "vowed", "vowing",
    "warn", "warned", "warning", "warns", "wonder", "wondered", "write", "writes", "writing",
    "wrote", "yelled",
});

// Words skipped between a subject and its verb ("Smith also said").
constexpr auto kAuxWords = std::to_array<std::string_view>({
    "again", "already", "also", "always", "did", "does", "earlier", "even", "finally", "first",
    "further", "had", "has", "have", "is", "just", "last", "later", "never", "not", "now",
    "often", "once", "only", "previously", "quickly", "recently", "repeatedly", "still", "then",
    "today", "tonight", "ultimately", "was", "will", "would", "yesterday",
});

constexpr auto kPronouns = std::to_array<std::string_view>({
    "he", "i", "it", "she", "they", "we", "you",
});

// Capitalised words that start sentences but are not names.
constexpr auto kCapStopWords = std::to_array<std::string_view>({
    "a", "about", "according", "after", "again", "all", "also", "although", "an", "and",
    "another", "any", "april", "as", "asked", "at", "august", "because", "before", "both", "but",
    "by", "december", "despite", "during", "each", "earlier", "even", "every", "february", "for",
    "friday", "from", "he", "her", "here", "his", "how", "however", "i", "if", "in", "indeed",
    "instead", "it", "its", "january", "july", "june", "last", "later", "like", "march", "may",
    "meanwhile", "monday", "more", "most", "my", "no", "not", "november", "now", "october", "of",
    "on", "once", "one", "or", "our", "over", "saturday", "september", "she", "since", "so",
    "some", "speaking", "still", "sunday", "that", "the", "their", "then", "there", "these",
    "they", "this", "those", "though", "thursday", "to", "today", "tuesday", "under", "until",
    "we", "wednesday", "what", "when", "where", "whether", "which", "while", "who", "why", "with",
    "without", "yes", "yet", "you",
});

// Lower-case role words that belong to a speaker's mention when they come
// right before a name ("press secretary Karine Jean-Pierre").
constexpr auto kRoleWords = std::to_array<std::string_view>({
    "activist", "adviser", "advisor", "aide", "ambassador", "analyst", "anchor", "attorney",
    "author", "billionaire", "boss", "businessman", "campaign", "candidate", "ceo", "chair",
    "chairman", "chairwoman", "chief", "co-anchor", "co-founder", "coach", "columnist",
    "commentator", "commissioner", "congressman", "congresswoman", "conservative", "constituent",
    "consultant", "contender", "correspondent", "counsel", "critic", "delegate", "democratic",
    "deputy", "detective", "director", "doctor", "economist", "editor", "entrepreneur", "envoy",
    "executive", "fellow", "former", "founder", "front-runner", "frontrunner", "governor", "head",
    "historian", "hopeful", "host", "journalist", "lawmaker", "lawyer", "leader", "liberal",
    "manager", "mayor", "member", "minister", "mogul", "nominee", "officer", "official",
    "operative", "organizer", "owner", "party", "political", "pollster", "president",
    "presidential", "press", "producer", "professor", "prosecutor", "reporter", "representative",
    "republican", "researcher", "rival", "scientist", "secretary", "senator", "senior", "sheriff",
    "speaker", "spokesman", "spokesperson", "spokeswoman", "strategist", "student",
    "superintendent", "supporter", "surrogate", "top", "veteran", "voter", "writer",
});

// Leading words dropped from a name to make the canonical speaker.
constexpr auto kTitleWords = std::to_array<std::string_view>({
    "adm.", "attorney", "chairman", "chief", "col.", "commissioner", "congressman",
    "congresswoman", "democrat", "democratic", "dr.", "former", "gen.", "general", "gop", "gov.",
    "governor", "judge", "justice", "lt.", "minister", "mr.", "mrs.", "ms.", "president", "press",
    "prime", "prof.", "rep.", "representative", "republican", "rev.", "secretary", "sen.",
    "senator", "sgt.", "speaker", "vice",
});

// A capitalised run containing one of these names an organisation.
constexpr auto kOrgWords = std::to_array<std::string_view>({
    "administration", "agency", "ap", "association", "bank", "board", "bureau", "campaign",
    "center", "cia", "cnn", "coalition", "commission", "committee", "company", "congress", "corp",
    "corp.", "council", "court", "democrats", "department", "dnc", "fbi", "foundation", "fund",
    "government", "group", "house", "inc", "inc.", "institute", "journal", "kremlin", "ministry",
    "nato", "network", "news", "office", "organization", "party", "pentagon", "police", "post",
    "republicans", "reuters", "rnc", "senate", "service", "times", "union", "university",
});

constexpr auto kDeterminers = std::to_array<std::string_view>({
    "a", "an", "another", "her", "his", "its", "many", "my", "one", "other", "our", "several",
    "some", "that", "the", "their", "these", "this", "those", "two", "your",
});

// Words that open a sentence with a subordinate clause, whose own subject
// is not the sentence's ("When asked ..., X said").
constexpr auto kIntroClauseWords = std::to_array<std::string_view>({
    "after", "although", "as", "asked", "because", "before", "despite", "if", "once", "since",
    "though", "unless", "until", "when", "whereas", "while",
});

// Prepositions that put a name inside a noun phrase without making it the
// phrase's head ("a spokesman for the Pentagon").
constexpr auto kPrepositions = std::to_array<std::string_view>({
    "at", "for", "from", "in", "of", "to", "with",
});

// Words that end a noun phrase read backwards from a verb.
constexpr auto kClauseWords = std::to_array<std::string_view>({
    "after", "although", "and", "as", "because", "before", "but", "if", "or", "since", "so",
    "than", "that", "though", "when", "where", "whether", "which", "while", "who", "whom",
});

// Words that end a noun phrase read forwards after a verb ("said Smith in").
constexpr auto kForwardStop = std::to_array<std::string_view>({
    "about", "after", "and", "as", "at", "because", "before", "but", "during", "in", "on",
    "since", "that", "to", "when", "which", "while", "who", "with",
});

// Words that make the subject of the previous sentence the speaker of a
// quote that follows with no cue of its own.
constexpr auto kSpeechEvents = std::to_array<std::string_view>({
    "addressed", "briefing", "interview", "remarks", "speaking", "speaks", "speech", "spoke", "statement",
});

constexpr auto kArticles = std::to_array<std::string_view>({"a", "an", "the"});
constexpr auto kParticles = std::to_array<std::string_view>({"al", "da", "de", "del", "la", "le", "van", "von"});

constexpr auto kAbbreviations = std::to_array<std::string_view>({
    "adm", "atty", "capt", "co", "col", "corp", "dr", "ft", "gen", "gov", "inc", "jr", "lt",
    "ltd", "mr", "mrs", "ms", "mt", "no", "prof", "rep", "rev", "sen", "sgt", "sr", "st", "vs",
});

constexpr auto kMaleNames = std::to_array<std::string_view>({
    "barack", "ben", "bernie", "bill", "bob", "brian", "carl", "charles", "chris", "dan",
    "daniel", "david", "donald", "eric", "frank", "gary", "george", "harry", "jack", "james",
    "jason", "jeb", "jeff", "jim", "joe", "john", "jon", "joseph", "kevin", "marco", "mark",
    "matt", "michael", "mike", "mitch", "paul", "peter", "richard", "rick", "robert", "ron",
    "rudy", "scott", "steve", "steven", "ted", "thomas", "tim", "tom", "vladimir", "william",
});

constexpr auto kFemaleNames = std::to_array<std::string_view>({
    "amy", "angela", "ann", "anna", "barbara", "betsy", "carly", "chelsea", "claire", "elizabeth",
    "emily", "hillary", "ivanka", "jane", "jennifer", "jessica", "jill", "julia", "karine",
    "kate", "katie", "kellyanne", "laura", "linda", "lisa", "maria", "mary", "megyn", "melania",
    "michelle", "nancy", "nikki", "rachel", "sarah", "susan", "theresa",
});

static_assert(std::is_sorted(kCueWords.begin(), kCueWords.end()));
static_assert(std::is_sorted(kAuxWords.begin(), kAuxWords.end()));
static_assert(std::is_sorted(kPronouns.begin(), kPronouns.end()));
static_assert(std::is_sorted(kIntroClauseWords.begin(), kIntroClauseWords.end()));
static_assert(std::is_sorted(kPrepositions.begin(), kPrepositions.end()));
static_assert(std::is_sorted(kCapStopWords.begin(), kCapStopWords.end()));
static_assert(std::is_sorted(kRoleWords.begin(), kRoleWords.end()));
static_assert(std::is_sorted(kTitleWords.begin(), kTitleWords.end()));
static_assert(std::is_sorted(kOrgWords.begin(), kOrgWords.end()));
static_assert(std::is_sorted(kDeterminers.begin(), kDeterminers.end()));
static_assert(std::is_sorted(kClauseWords.begin(), kClauseWords.end()));
static_assert(std::is_sorted(kForwardStop.begin(), kForwardStop.end()));
static_assert(std::is_sorted(kAbbreviations.begin(), kAbbreviations.end()));
static_assert(std::is_sorted(kMaleNames.begin(), kMaleNames.end()));
static_assert(std::is_sorted(kFemaleNames.begin(), kFemaleNames.end()));

// ---------------------------------------------------------------------------
// Tokens.

enum class TokKind : uint8_t { kWord, kPunct, kMark };
enum class Mark : uint8_t { kNone, kStraight, kOpen, kClose };

struct Tok {
  uint32_t begin = 0;
  uint32_t end = 0;
  TokKind kind = TokKind::kPunct;
  Mark mark = Mark::kNone;
  bool newline_before = false;  // a line break since the previous token
  bool space_before = false;    // white space (or text start) right before
  bool cap = false;             // word starting with a capital letter
  bool sentence_start = false;
};

// Character classes are the text stage's (text/chars.h); a line break is
// not a space here because it can start a sentence.
bool IsSpaceByte(unsigned char c) { return c != '\n' && text::IsAsciiSpace(static_cast<char>(c)); }
bool IsAlnum(unsigned char c) { return text::IsAsciiAlnum(static_cast<char>(c)); }
// U+2000..U+206F: dashes, curly quotes, ellipsis.
size_t GeneralPunctAt(std::string_view t, size_t i) { return text::GeneralPunctuationAt(t, i); }

bool IsWordByteAt(std::string_view t, size_t i) {
  unsigned char c = static_cast<unsigned char>(t[i]);
  if (IsAlnum(c)) return true;
  if (c < 0x80) return false;
  if (GeneralPunctAt(t, i) != 0) return false;
  // U+00A0..U+00BF (no-break space, guillemets, signs) are not letters.
  if (c == 0xC2 && i + 1 < t.size()) return false;
  return true;
}

// Lower-cases an ASCII token into `buf` (stack); non-ASCII bytes stay.
std::string_view Lower(std::string_view s, std::array<char, 40>& buf) {
  if (s.size() > buf.size()) return {};
  for (size_t i = 0; i < s.size(); ++i) buf[i] = text::AsciiLower(s[i]);
  return std::string_view(buf.data(), s.size());
}

class Tokens {
 public:
  explicit Tokens(std::string_view text) : text_(text) { Cut(); MarkSentences(); }

  const std::vector<Tok>& toks() const { return toks_; }
  size_t size() const { return toks_.size(); }
  const Tok& operator[](size_t i) const { return toks_[i]; }
  std::string_view Text(size_t i) const { return text_.substr(toks_[i].begin, toks_[i].end - toks_[i].begin); }
  bool IsWord(int i) const { return toks_[i].kind == TokKind::kWord; }
  bool IsPunct(int i, char c) const {
    return toks_[i].kind == TokKind::kPunct && toks_[i].end - toks_[i].begin == 1 && text_[toks_[i].begin] == c;
  }
  // Em or en dash, horizontal bar, or "--".
  bool IsDash(int i) const {
    std::string_view s = Text(i);
    return s == "\xE2\x80\x94" || s == "\xE2\x80\x93" || s == "\xE2\x80\x95" || s == "--";
  }
  // Lower-case text of token i (empty if too long).
  std::string_view LowerText(int i, std::array<char, 40>& buf) const { return Lower(Text(i), buf); }
  template <size_t N>
  bool Is(int i, const std::array<std::string_view, N>& list) const {
    if (i < 0 || i >= static_cast<int>(toks_.size()) || toks_[i].kind != TokKind::kWord) return false;
    std::array<char, 40> buf;
    return InList(list, LowerText(i, buf));
  }
  bool IsWordEq(int i, std::string_view lower) const {
    if (i < 0 || i >= static_cast<int>(toks_.size()) || toks_[i].kind != TokKind::kWord) return false;
    std::array<char, 40> buf;
    return LowerText(i, buf) == lower;
  }

 private:
  void Cut();
  void MarkSentences();

  std::string_view text_;
  std::vector<Tok> toks_;
};

void Tokens::Cut() {
  const std::string_view t = text_;
  const size_t n = t.size();
  toks_.reserve(n / 5 + 1);
  bool newline = true;
  bool space = true;
  size_t i = 0;
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(t[i]);
    if (c == '\n') { newline = true; space = true; ++i; continue; }
    if (IsSpaceByte(c) || c == 0) { space = true; ++i; continue; }
    if (text::NoBreakSpaceAt(t, i)) { space = true; i += 2; continue; }
    Tok tok;
    tok.begin = static_cast<uint32_t>(i);
    tok.newline_before = newline;
    tok.space_before = space;
    newline = false;
    space = false;
    size_t gp = GeneralPunctAt(t, i);
    if (gp != 0) {
      unsigned char c2 = static_cast<unsigned char>(t[i + 2]);
      // U+2028/2029 line and paragraph separators break lines.
      if (static_cast<unsigned char>(t[i + 1]) == 0x80 && (c2 == 0xA8 || c2 == 0xA9)) {
        newline = true; space = true; i += 3; continue;
      }
      if (static_cast<unsigned char>(t[i + 1]) == 0x80 && (c2 == 0x8B || c2 == 0x8C || c2 == 0x8D)) {
        i += 3; continue;  // zero-width characters
      }
      tok.kind = TokKind::kPunct;
      if (static_cast<unsigned char>(t[i + 1]) == 0x80) {
        if (c2 == 0x9C || c2 == 0x9E) { tok.kind = TokKind::kMark; tok.mark = Mark::kOpen; }
        if (c2 == 0x9D) { tok.kind = TokKind::kMark; tok.mark = Mark::kClose; }
      }
      i += 3;
    } else if (c == '"') {
      tok.kind = TokKind::kMark;
      tok.mark = Mark::kStraight;
      ++i;
    } else if (IsWordByteAt(t, i)) {
      tok.kind = TokKind::kWord;
      tok.cap = (c >= 'A' && c <= 'Z') ||
                (c == 0xC3 && i + 1 < n && static_cast<unsigned char>(t[i + 1]) >= 0x80 &&
                 static_cast<unsigned char>(t[i + 1]) <= 0x9E);
      bool has_inner_dot = false;
      while (i < n) {
        if (IsWordByteAt(t, i)) { ++i; continue; }
        unsigned char d = static_cast<unsigned char>(t[i]);
        // Joiners inside a word: don't, Jean-Pierre, U.S, AT&T, O’Brien.
        size_t joiner = text::ApostropheAt(t, i);
        if (d == '-' || d == '.' || d == '&') joiner = 1;
        if (joiner != 0 && i + joiner < n && IsAlnum(static_cast<unsigned char>(t[i + joiner]))) {
          if (d == '.') has_inner_dot = true;
          i += joiner;
          continue;
        }
        break;
      }
      // A trailing period belongs to abbreviations and initials.
      if (i < n && t[i] == '.') {
        std::string_view w = t.substr(tok.begin, i - tok.begin);
        std::array<char, 40> buf;
        if (has_inner_dot || (w.size() == 1 && tok.cap) || InList(kAbbreviations, Lower(w, buf))) ++i;
      }
    } else {
      tok.kind = TokKind::kPunct;
      // One UTF-8 sequence (or one byte when invalid).
      size_t len = text::Utf8LeadLength(c);
      if (i + len > n) len = 1;
      i += len;
    }
    tok.end = static_cast<uint32_t>(i);
    toks_.push_back(tok);
  }
}

void Tokens::MarkSentences() {
  auto closer = [&](size_t j) {
    return toks_[j].mark == Mark::kClose || toks_[j].mark == Mark::kStraight || IsPunct(static_cast<int>(j), ')');
  };
  // The last token before i that is not a closing mark or bracket (0 when
  // none is): kept as i advances rather than looked for back from each
  // token, which was quadratic in a run of 100,000 marks or parentheses.
  size_t before_closers = 0;
  for (size_t i = 0; i < toks_.size(); ++i) {
    Tok& tok = toks_[i];
    const size_t j = before_closers;
    if (i > 0 && !closer(i)) before_closers = i;
    if (i == 0 || tok.newline_before) { tok.sentence_start = true; continue; }
    // Before the closing marks and brackets: . ? ! ends a sentence.
    bool end_punct = IsPunct(static_cast<int>(j), '.') || IsPunct(static_cast<int>(j), '?') ||
                     IsPunct(static_cast<int>(j), '!') || Text(j) == "\xE2\x80\xA6";
    if (!end_punct) continue;
    if (tok.kind == TokKind::kMark || (tok.kind == TokKind::kWord && (tok.cap || IsAlnum(text_[tok.begin]) == false ||
                                                                      (text_[tok.begin] >= '0' && text_[tok.begin] <= '9')))) {
      if (tok.space_before || tok.kind == TokKind::kMark) tok.sentence_start = true;
    }
  }
}

// ---------------------------------------------------------------------------
// Quote-mark pairing.

struct Region {
  int open = 0;        // token index of the opening mark
  int close = -1;      // token index of the closing mark, -1 when unclosed
  int first = 0;       // first token inside
  int last = -1;       // last token inside (first > last: empty)
};

bool CloseHint(const Tokens& tk, int i) {
  const Tok& t = tk[i];
  bool space_before = t.space_before || i == 0;
  bool space_after = i + 1 >= static_cast<int>(tk.size()) || tk[i + 1].space_before ||
                     (tk[i + 1].kind == TokKind::kPunct && !tk.IsDash(i + 1) && !tk.IsPunct(i + 1, '('));
  return !space_before && space_after;
}

// Texts laid out one sentence a line (ECB+, wire copy run through a
// sentence splitter) break a quote of several sentences over lines that do
// not reopen it: '"She is in rehab.' / 'Nothing bad will happen," he said.'
// The quote opened before token `i` (the first of a new line, no mark of
// its own) runs on when one of the next few lines holds its closing mark:
// the first line with marks has an odd number of them (or opens with a
// closing curly mark), and the lines before it have none.
bool ClosesInComingParagraphs(const Tokens& tk, int i) {
  constexpr int kMaxLines = 4;
  const int n = static_cast<int>(tk.size());
  int lines = 0, marks = 0;
  bool first_is_close = false;
  for (int k = i; k < n; ++k) {
    if (k > i && tk[k].newline_before) {
      if (marks > 0) break;
      if (++lines >= kMaxLines) return false;
    }
    if (tk[k].kind != TokKind::kMark) continue;
    if (marks == 0) first_is_close = tk[k].mark == Mark::kClose;
    ++marks;
  }
  return marks % 2 == 1 || first_is_close;
}

std::vector<Region> PairMarks(const Tokens& tk) {
  std::vector<Region> out;
  const int n = static_cast<int>(tk.size());
  bool inside = false;
  Region cur;
  auto finish = [&](int close, int last) {
    cur.close = close;
    cur.last = last;
    if (cur.last >= cur.first) out.push_back(cur);
    inside = false;
  };
  for (int i = 0; i < n; ++i) {
    const Tok& t = tk[i];
    if (inside && t.newline_before) {
      bool opening = t.mark == Mark::kOpen || (t.mark == Mark::kStraight && !CloseHint(tk, i));
      if (opening) continue;  // the quote continues in this paragraph
      if (ClosesInComingParagraphs(tk, i)) continue;  // one sentence a line: the quote runs on
      finish(-1, i - 1);
    }
    if (t.kind != TokKind::kMark) continue;
    if (!inside) {
      // A detokeniser may shift a mark to the end of the line before the
      // quote ('... facilities."' / 'She's in rehab.' / 'Nothing bad will
      // happen. "'): a straight mark that ends a line and closes nothing
      // opens the next line's quote when a coming line closes it.
      if (t.mark == Mark::kStraight && CloseHint(tk, i) && !t.newline_before && i + 1 < n &&
          tk[i + 1].newline_before && tk[i + 1].kind != TokKind::kMark && ClosesInComingParagraphs(tk, i + 1)) {
        cur = Region{};
        cur.open = i;
        cur.first = i + 1;
        inside = true;
        continue;
      }
      if (t.mark == Mark::kClose) continue;                          // stray
      if (t.mark == Mark::kStraight && CloseHint(tk, i) && !t.newline_before) continue;  // stray
      cur = Region{};
      cur.open = i;
      cur.first = i + 1;
      inside = true;
    } else if (t.mark == Mark::kOpen) {
      finish(-1, i - 1);  // the previous quote was never closed
      cur = Region{};
      cur.open = i;
      cur.first = i + 1;
      inside = true;
    } else {
      finish(i, i - 1);
    }
  }
  if (inside) finish(-1, n - 1);
  return out;
}

// ---------------------------------------------------------------------------
// Attribution.

struct NounPhrase {
  int first = -1;  // token range of the mention, inclusive
  int last = -1;
  int name_first = -1;  // the capitalised name inside it, if any
  int name_last = -1;
  bool pronoun = false;
  bool valid() const { return first >= 0 && last >= first; }
};

struct NameEntry {
  int first;  // token range after title stripping
  int last;
  bool person;         // looks like a person (several words, no organisation word)
  bool sure_person;    // tagged, a known first name, or a title or role before it
  bool org;
  int gender;  // 0 unknown, 1 male, 2 female
};

// The attribution found for one quote: the speaker's mention, the cue verb
// (or "according to") if one was seen, and the canonical speaker name.
struct Attribution {
  NounPhrase np;
  int cue_first = -1;
  int cue_last = -1;
  std::string speaker;
};

// Where one quote sits: the token bounds every attribution step searches in.
struct QuoteSite {
  const Region& reg;
  int after;       // first token after the quote
  int sent_start;  // first token of the quote's sentence
  int next_open;   // opening mark of the next quote, or the end of the text
  int prev_close;  // last token of the previous quote, or -1
};

class Attributor {
 public:
  Attributor(std::string_view text, const Tokens& tk, std::span<const NamedSpan> names)
      : text_(text), tk_(tk), n_(static_cast<int>(tk.size())) {
    // Map tagger spans onto tokens: the tag of each token, if any.
    tag_.assign(tk.size(), 0);
    for (const NamedSpan& ns : names) {
      if (ns.type != 'P' && ns.type != 'O') continue;
      if (ns.span.end > text.size() || ns.span.begin >= ns.span.end) continue;
      auto lo = std::lower_bound(tk.toks().begin(), tk.toks().end(), ns.span.begin,
                                 [](const Tok& t, uint32_t b) { return t.end <= b; });
      for (auto it = lo; it != tk.toks().end() && it->begin < ns.span.end; ++it) {
        tag_[it - tk.toks().begin()] = ns.type;
      }
    }
    CollectNames();
    sentence_.resize(tk.size());
    int number = 0;
    for (size_t i = 0; i < tk.size(); ++i) {
      number += tk[i].sentence_start;
      sentence_[i] = number;
    }
  }

  void Attribute(const std::vector<Region>& regions, std::vector<Quote>* out);

 private:
  // The attribution steps, in the order Attribute tries them, and their helpers.
  void CueAfterQuote(const QuoteSite& s, Attribution* f) const;
  NounPhrase PlainStretch(int t, int v) const;
  void CueBeforeQuote(const QuoteSite& s, Attribution* f) const;
  void CueLaterInSentence(const QuoteSite& s, Attribution* f) const;
  QuoteKind KindOf(const Region& reg) const;
  void CueInPreviousSentence(const QuoteSite& s, const Attribution* prev, Attribution* f) const;
  void CueInNextSentence(const QuoteSite& s, Attribution* f) const;
  void CueInSentenceBefore(const QuoteSite& s, int prev_start, Attribution* f) const;
  void Record(Attribution* f, Quote* q);

  bool IsNameWord(int i) const;
  // A lower-case word that can stand in a role before a name ("resident",
  // "deputy director"), not a verb cue or a word that ends the phrase.
  bool IsLowerNoun(int i) const {
    if (i < 0 || i >= n_ || tk_[i].kind != TokKind::kWord || tk_[i].cap) return false;
    return !tk_.Is(i, kCueWords) && !tk_.Is(i, kForwardStop) && !tk_.Is(i, kClauseWords) &&
           !tk_.Is(i, kAuxWords) && !tk_.Is(i, kPronouns) && !IsParticiple(i);
  }
  bool IsPossessive(int i) const {
    return text::PossessiveSuffixLength(tk_.Text(i)) != 0;
  }
  // "17-year-old".
  bool IsAgeWord(int i) const { return tk_[i].kind == TokKind::kWord && tk_.Text(i).ends_with("-year-old"); }
  bool IsCue(int i) const { return tk_.Is(i, kCueWords); }
  bool IsParticiple(int i) const {
    std::string_view s = tk_.Text(i);
    return s.size() > 4 && s.substr(s.size() - 3) == "ing";
  }
  int SentenceStart(int i) const {
    while (i > 0 && !tk_[i].sentence_start) --i;
    return i;
  }
  // Index of the token that ends the sentence containing i (exclusive bound).
  int SentenceEnd(int i) const {
    ++i;
    while (i < n_ && !tk_[i].sentence_start) ++i;
    return i;
  }
  void CollectNames();
  void InferGenderFromPronouns();
  NounPhrase NameBackward(int i, int bound) const;
  NounPhrase SubjectBefore(int verb, int bound) const;
  NounPhrase SubjectAfter(int first, int limit) const;
  NounPhrase SentenceSubject(int start, int limit) const;
  int ExtendAppositive(int last, int limit) const;
  std::string Canonical(const NounPhrase& np) const;
  std::string NameText(int first, int last) const {
    return std::string(text_.substr(tk_[first].begin, tk_[last].end - tk_[first].begin));
  }
  void StripTitles(int* first, int last) const;
  int Gender(int first, int last) const;

  std::string_view text_;
  const Tokens& tk_;
  int n_;
  std::vector<char> tag_;
  std::vector<NameEntry> names_;  // capitalised runs in text order
  std::vector<int> sentence_;     // sentence number of each token
  int current_open_ = -1;         // marks of the quote being attributed
  int current_close_ = -1;
  std::vector<std::string_view> speaker_surnames_;  // of named speakers so far
  bool IsSpeakerSurname(std::string_view w) const {
    return std::find(speaker_surnames_.begin(), speaker_surnames_.end(), w) != speaker_surnames_.end();
  }
};

bool Attributor::IsNameWord(int i) const {
  if (i < 0 || i >= n_) return false;
  if (tag_[i] != 0) return true;
  const Tok& t = tk_[i];
  if (t.kind != TokKind::kWord || !t.cap) return false;
  // Sentence-initial and calendar words are not names; a lone capital "I" is a pronoun.
  if (tk_.Is(i, kCapStopWords)) return false;
  // A sentence-initial adverb ("Hastily, ...").
  if (t.sentence_start && tk_.Text(i).ends_with("ly")) return false;
  return true;
}

void Attributor::StripTitles(int* first, int last) const {
  // Everything up to the last title word goes ("Fire Chief Dan Olsen",
  // "Secretary of State X", "Minister of Finance X"), keeping one word.
  int f = *first;
  for (int k = *first; k <= last; ++k) {
    if (tk_.Is(k, kOrgWords)) return;  // "Democratic National Committee"
  }
  for (int k = *first; k < last; ++k) {
    if (!tk_.Is(k, kTitleWords) && !tk_.Is(k, kRoleWords)) continue;
    int after = k + 1;
    if (after + 1 < last && tk_.IsWordEq(after, "of")) after += 2;
    if (after <= last) f = after;
  }
  *first = f;
}

int Attributor::Gender(int first, int last) const {
  for (int i = first; i <= last; ++i) {
    if (tk_.Is(i, kMaleNames)) return 1;
    if (tk_.Is(i, kFemaleNames)) return 2;
  }
  return 0;
}

void Attributor::CollectNames() {
  int i = 0;
  while (i < n_) {
    if (!IsNameWord(i)) { ++i; continue; }
    int j = i;
    while (j + 1 < n_ && !tk_[j + 1].newline_before &&
           (IsNameWord(j + 1) || (tk_.IsWordEq(j + 1, "of") && IsNameWord(j + 2)))) {
      j += tk_.IsWordEq(j + 1, "of") ? 2 : 1;
    }
    NameEntry e{i, j, false, false, false, 0};
    StripTitles(&e.first, e.last);
    bool tagged_p = false, tagged_o = false;
    for (int k = i; k <= j; ++k) {
      if (tag_[k] == 'P') tagged_p = true;
      if (tag_[k] == 'O') tagged_o = true;
      if (tk_.Is(k, kOrgWords)) e.org = true;
    }
    if (tagged_o) e.org = true;
    if (tagged_p) e.org = false;
    // "Melania Baker of Columbus": a person of a place.
    if (!e.org) {
      for (int k = e.first + 2; k < e.last; ++k) {
        if (tk_.IsWordEq(k, "of")) { e.last = k - 1; break; }
      }
    }
    e.gender = Gender(e.first, e.last);
    // A person: tagged, or two or more words that are not an organisation, or
    // a known first name.
    bool possessive = false;
    for (int k = i; k < j; ++k) possessive = possessive || IsPossessive(k);
    e.person = tagged_p || (!e.org && !possessive && (e.last > e.first || e.gender != 0 || e.first > i));
    e.sure_person = tagged_p || (!e.org && !possessive &&
                                 (e.gender != 0 || e.first > i || (i > 0 && tk_.Is(i - 1, kRoleWords))));
    names_.push_back(e);
    i = j + 1;
  }
  InferGenderFromPronouns();
}

// A name whose gender no first name tells takes it from the first personal
// pronoun after it in its sentence, before any other name ("Detective
// Dominic Mangoni ... said he asked", "Dr. Benjamin's position ... discussed
// it with her"); names with the same last word share what is learnt.
// A scan ends at the next name that is not a possessive.
void Attributor::InferGenderFromPronouns() {
  for (size_t k = 0; k < names_.size(); ++k) {
    NameEntry& e = names_[k];
    if (e.gender != 0 || !e.person) continue;
    // A possessive name in between ("at Hiller's hearing") only modifies.
    size_t next = k + 1;
    while (next < names_.size() && IsPossessive(names_[next].last)) ++next;
    const int end = next < names_.size() ? names_[next].first : n_;
    // Bounded by the next name, so the scans add up to one pass.
    for (int t = e.last + 1; t < end && t < n_ && !tk_[t].sentence_start; ++t) {
      std::array<char, 40> buf;
      const std::string_view w = tk_.LowerText(t, buf);
      if (w == "he" || w == "him" || w == "his") { e.gender = 1; break; }
      if (w == "she" || w == "her" || w == "hers") { e.gender = 2; break; }
    }
  }
  for (NameEntry& e : names_) {
    if (e.gender != 0) continue;
    for (const NameEntry& f : names_) {
      if (f.gender != 0 && tk_.Text(f.last) == tk_.Text(e.last)) { e.gender = f.gender; break; }
    }
  }
}

NounPhrase Attributor::NameBackward(int i, int bound) const {
  NounPhrase np;
  if (!IsNameWord(i)) return np;
  int f = i;
  while (f - 1 >= bound && !tk_[f].newline_before &&
         (IsNameWord(f - 1) || (tk_.IsWordEq(f - 1, "of") && f - 2 >= bound && IsNameWord(f - 2)))) {
    f -= tk_.IsWordEq(f - 1, "of") ? 2 : 1;
  }
  np.first = f;
  np.last = i;
  np.name_first = f;
  np.name_last = i;
  // Role words, the names that qualify them ("White House press secretary",
  // "Trump's campaign manager"), name particles ("de Blasio") and a
  // determiner before the name belong to the mention.
  int g = f;
  bool qualifier = false;  // inside names that qualify a role word
  while (g - 1 >= bound && !tk_[g].newline_before) {
    if (tk_.Is(g - 1, kRoleWords) || IsAgeWord(g - 1)) {
      --g;
      qualifier = false;
    } else if ((tk_.Is(g, kRoleWords) || tk_.Is(g, kTitleWords)) && IsLowerNoun(g - 1) &&
               !tk_.Text(g - 1).ends_with("ed") && !tk_.Is(g - 1, kArticles) && !tk_.Is(g - 1, kDeterminers)) {
      // "Tulsa police Chief X", "panel Chairman X", "communications director
      // X": nouns that qualify a role or title.
      --g;
      qualifier = true;
    } else if ((qualifier || tk_.Is(g, kRoleWords)) && IsNameWord(g - 1)) {
      --g;
      qualifier = true;
    } else if (tk_.Is(g - 1, kParticles) && g == f && !tk_[g - 1].newline_before) {
      // "Bill de Blasio": a particle and the given names before it.
      --g;
      while (g - 1 >= bound && !tk_[g].newline_before && IsNameWord(g - 1)) --g;
      f = g;
      np.name_first = g;
    } else {
      break;
    }
  }
  if (g - 1 >= bound && !tk_[g].newline_before && tk_.Is(g - 1, kArticles)) --g;
  np.first = g;
  return np;
}

NounPhrase Attributor::SubjectBefore(int verb, int bound) const {
  NounPhrase np;
  int i = verb - 1;
  while (i >= bound && tk_[i].kind == TokKind::kWord && !tk_[i].cap &&
         (tk_.Is(i, kAuxWords) || (tk_.Text(i).size() > 4 && tk_.Text(i).substr(tk_.Text(i).size() - 2) == "ly"))) {
    --i;
  }
  if (i < bound || tk_[verb].newline_before) return np;
  if (i > bound && tk_.IsPunct(i, ')')) {
    // "Sen. Marco Rubio (R-Fla.) said": the name before a parenthesis.
    int k = i - 1;
    while (k > bound && k > i - 10 && !tk_.IsPunct(k, '(')) --k;
    if (tk_.IsPunct(k, '(')) {
      NounPhrase name = NameBackward(k - 1, bound);
      if (name.valid()) {
        name.last = i;
        return name;
      }
    }
    return np;
  }
  if (tk_.Is(i, kPronouns)) {
    np.first = np.last = i;
    np.pronoun = true;
    return np;
  }
  if (tk_.IsWordEq(i, "who")) {
    // "Smith, who said ...": the relative pronoun is the mention, the name
    // before it the speaker.
    int k = i - 1;
    if (k >= bound && tk_.IsPunct(k, ',')) --k;
    NounPhrase name = NameBackward(k, bound);
    np.first = np.last = i;
    np.name_first = name.name_first;
    np.name_last = name.name_last;
    return np;
  }
  if (tk_.Is(i, kClauseWords) || tk_.Is(i, kForwardStop) || tk_.Is(i, kCueWords)) return np;
  if (tk_.IsPunct(i, ',')) {
    // "Smith, the mayor of X, said": the name before an appositive.
    for (int j = i - 1; j >= bound && j >= i - 30; --j) {
      if (tk_[j].kind == TokKind::kMark || tk_[j].newline_before) break;
      if (tk_.IsPunct(j, ',')) {
        // "Smith, 45, of Ohio, said": the name may sit several commas back.
        NounPhrase name = NameBackward(j - 1, bound);
        if (!name.valid()) continue;
        // "from Sumter, South Carolina,": a place continues; look further.
        const int before = name.name_first - 1;
        if (IsNameWord(j + 1) && (tk_.IsWordEq(before, "from") || tk_.IsWordEq(before, "in"))) continue;
        // ", during an interview," is an aside, not an appositive.
        if (!tk_.Is(j + 1, kForwardStop) && !IsParticiple(j + 1)) name.last = i - 1;
        return name;
      }
    }
    return np;
  }
  if (IsNameWord(i)) {
    // A possessive right before the verb ("Trump's "..." said") is a
    // modifier that lost its noun, not a speaker.
    if (IsPossessive(i)) return np;
    NounPhrase name = NameBackward(i, bound);
    // "Stacy Baker of Columbia, South Carolina says": the person before a
    // place, not the place.
    int f = name.name_first;
    if (f - 2 >= bound && tk_.IsPunct(f - 1, ',') && IsNameWord(f - 2)) {
      NounPhrase place = NameBackward(f - 2, bound);
      // The name run may already hold "Stacy Baker of Columbia".
      int of = -1;
      for (int k = place.name_first + 1; k < f - 2; ++k) {
        if (tk_.IsWordEq(k, "of")) of = k;
      }
      int p = place.name_first;
      if (of > 0) {
        NounPhrase person = place;
        person.name_last = of - 1;
        person.last = i;
        return person;
      }
      if (p - 2 >= bound && (tk_.IsWordEq(p - 1, "of") || tk_.IsWordEq(p - 1, "from")) && IsNameWord(p - 2)) {
        NounPhrase person = NameBackward(p - 2, bound);
        if (person.valid()) {
          person.last = i;
          return person;
        }
      }
    }
    return name;
  }
  if (tk_[i].kind != TokKind::kWord) return np;
  // A common noun phrase: read back to a clause boundary.
  int f = i;
  while (f - 1 >= bound && f > i - 10 && tk_[f - 1].kind == TokKind::kWord && !tk_[f].newline_before &&
         !tk_.Is(f - 1, kClauseWords) && !tk_.Is(f - 1, kCueWords)) {
    --f;
  }
  // Skip sentence-initial words that are not part of the phrase.
  while (f < i && tk_[f].cap && tk_.Is(f, kCapStopWords) && !tk_.Is(f, kDeterminers)) ++f;
  int det = -1;
  for (int k = f; k <= i; ++k) {
    if (tk_.Is(k, kDeterminers)) { det = k; break; }
  }
  if (det >= 0) {
    f = det;
  } else if (i - f >= 3) {
    f = i - 1;  // no determiner: keep a short bare plural ("campaign officials")
  }
  if (tk_.Is(i, kDeterminers) || tk_.Is(i, kPronouns)) return np;
  np.first = f;
  np.last = i;
  // A name inside the phrase after a preposition ("a spokesman for the
  // Pentagon", "an aide to Senator X"); a name that only modifies the head
  // ("a senior Israeli official", "the Kremlin spokesman") is not the
  // speaker: the phrase is.
  bool after_preposition = false;
  for (int k = i; k >= f; --k) {
    if (tk_.Is(k, kPrepositions)) after_preposition = true;
    if (IsNameWord(k) && k != f && after_preposition) {
      NounPhrase inner = NameBackward(k, f);
      np.name_first = inner.name_first;
      np.name_last = inner.name_last;
      break;
    }
  }
  return np;
}

NounPhrase Attributor::SubjectAfter(int first, int limit) const {
  NounPhrase np;
  int i = first;
  if (i >= limit || i >= n_ || tk_[i].kind != TokKind::kWord) return np;
  if (tk_.Is(i, kForwardStop) || tk_.Is(i, kClauseWords)) return np;
  if (tk_.Is(i, kPronouns)) {
    np.first = np.last = i;
    np.pronoun = true;
    return np;
  }
  // Determiner and role words, then a name or common nouns.
  int j = i;
  while (j < limit && j < i + 10 && tk_[j].kind == TokKind::kWord && !tk_[j].newline_before) {
    if (IsNameWord(j)) {
      int k = j;
      while (k + 1 < limit && !tk_[k + 1].newline_before &&
             (IsNameWord(k + 1) || (tk_.IsWordEq(k + 1, "of") && k + 2 < limit && IsNameWord(k + 2)))) {
        k += tk_.IsWordEq(k + 1, "of") ? 2 : 1;
      }
      np.first = i;
      np.last = k;
      np.name_first = j;
      np.name_last = k;
      // "Clinton campaign manager Robby Mook", "South Richmond Hill
      // resident Suri Charanjit": qualifier names before a role (a listed
      // role word, or up to three lower-case words) and the person's name.
      int m = k + 1;
      while (m < limit && tk_.Is(m, kRoleWords)) ++m;
      if (m == k + 1) {
        int r = m;
        while (r < limit && r < m + 3 && IsLowerNoun(r)) ++r;
        if (r > m && r < limit && IsNameWord(r) && !tk_[r].newline_before) m = r;
      }
      if (m > k + 1 && m < limit && IsNameWord(m)) {
        int e = m;
        while (e + 1 < limit && IsNameWord(e + 1) && !tk_[e + 1].newline_before) ++e;
        np.last = np.name_last = e;
        np.name_first = m;
      } else if (m > k + 1) {
        np.last = m - 1;  // "a Florida Republican strategist"
      }
      np.last = ExtendAppositive(np.last, limit);
      return np;
    }
    if (j > i && tk_.Is(j, kForwardStop)) {
      // "a source close to the campaign", "an adviser to Trump".
      bool hop = (tk_.IsWordEq(j, "to") || tk_.IsWordEq(j, "with") || tk_.IsWordEq(j, "at")) &&
                 j + 1 < limit && (tk_.Is(j + 1, kDeterminers) || IsNameWord(j + 1));
      if (!hop) break;
    }
    if (tk_.Is(j, kCueWords)) break;
    ++j;
  }
  if (j == i || !tk_.Is(i, kDeterminers)) {
    // Bare nouns after the verb ("said officials") are accepted only short.
    if (j == i || j - i > 2) return np;
  }
  np.first = i;
  np.last = j - 1;
  // "said her nephew, Ravi Singh, 32": the name in apposition is the speaker.
  if (j + 1 < limit && tk_.IsPunct(j, ',') && IsNameWord(j + 1) && !tk_[j + 1].newline_before) {
    int e = j + 1;
    while (e + 1 < limit && IsNameWord(e + 1) && !tk_[e + 1].newline_before) ++e;
    if (e + 1 >= limit || tk_.IsPunct(e + 1, ',') || tk_.IsPunct(e + 1, '.') || tk_[e + 1].kind == TokKind::kMark) {
      np.name_first = j + 1;
      np.name_last = e;
      np.last = e;
    }
  }
  return np;
}

// A parenthesis ("(D-Minn.)") or an appositive (", a Republican strategist",
// ", who ...") after a postposed name runs to the end of the sentence, the
// next quotation mark or a semicolon. Returns the new last token.
int Attributor::ExtendAppositive(int last, int limit) const {
  int k = last + 1;
  if (k < limit && tk_.IsPunct(k, '(')) {
    int e = k + 1;
    while (e < limit && e < k + 8 && !tk_.IsPunct(e, ')')) ++e;
    if (e < limit && tk_.IsPunct(e, ')')) last = e;
    k = last + 1;
  }
  if (k + 1 < limit && tk_.IsPunct(k, ',') && tk_[k + 1].kind == TokKind::kWord && !tk_.Is(k + 1, kCueWords) &&
      !IsParticiple(k + 1) &&
      ((!tk_.Is(k + 1, kForwardStop) && !tk_.Is(k + 1, kPronouns)) || tk_.IsWordEq(k + 1, "who"))) {
    // The appositive ends at the next comma, except inside a place name
    // ("of Englewood, New Jersey").
    int e = k + 1;
    // A period with a comma right after it ends an abbreviation ("R-Wis.,"),
    // not the sentence.
    auto sentence_period = [&](int p) {
      return tk_.IsPunct(p, '.') && !(p + 1 < limit && tk_.IsPunct(p + 1, ',') && tk_[p].begin == tk_[p - 1].end);
    };
    while (e + 1 < limit && tk_[e + 1].kind != TokKind::kMark && !tk_[e + 1].newline_before &&
           !tk_.IsPunct(e + 1, ';') && !sentence_period(e + 1) && !tk_.IsPunct(e + 1, ':') &&
           !(tk_.IsPunct(e + 1, ',') && e + 2 < limit &&
             (IsParticiple(e + 2) || tk_.Is(e + 2, kCueWords) || tk_.IsWordEq(e + 2, "according") ||
              tk_.IsWordEq(e + 2, "and") || tk_.IsWordEq(e + 2, "but") ||
              (!tk_[e + 2].cap && tk_.Text(e + 2).size() > 4 && tk_.Text(e + 2).ends_with("ed")) ||
              (tk_.Is(e + 2, kForwardStop) && !tk_.Is(e + 2, kClauseWords))))) {
      ++e;
    }
    last = e;
  }
  return last;
}

// The subject at the start of the sentence: the first name or pronoun.
// A sentence that opens with a subordinate clause ("When asked by reporters
// at the White House briefing why ..., press secretary X pointed to ...,
// saying ...") has its subject after the comma that closes the clause.
NounPhrase Attributor::SentenceSubject(int start, int limit) const {
  if (tk_.Is(start, kIntroClauseWords)) {
    for (int i = start + 1; i < limit; ++i) {
      if (tk_[i].kind == TokKind::kMark) break;
      if (tk_.IsPunct(i, ',')) {
        start = i + 1;
        break;
      }
    }
  }
  for (int i = start; i < limit && i < start + 8; ++i) {
    if (tk_[i].kind == TokKind::kMark) break;
    if (tk_.Is(i, kPronouns)) {
      NounPhrase np;
      np.first = np.last = i;
      np.pronoun = true;
      return np;
    }
    if (IsNameWord(i)) {
      int k = i;
      while (k + 1 < limit && IsNameWord(k + 1) && !tk_[k + 1].newline_before) ++k;
      // "Republican presidential candidate Donald Trump".
      int m = k + 1;
      while (m < limit && tk_.Is(m, kRoleWords)) ++m;
      if (m > k + 1 && m < limit && IsNameWord(m)) {
        k = m;
        while (k + 1 < limit && IsNameWord(k + 1) && !tk_[k + 1].newline_before) ++k;
      }
      NounPhrase np = NameBackward(k, start);
      np.last = ExtendAppositive(np.last, limit);
      return np;
    }
    if (tk_.Is(i, kDeterminers)) {
      // "The statement pointed to ...": a common noun subject.
      // After a name only role words and names go on ("The Florida
      // senator"); a past-tense word is the verb ("the statement pointed").
      int k = i + 1;
      bool named = false;
      while (k < limit && k < i + 6 && tk_[k].kind == TokKind::kWord && !tk_.Is(k, kCueWords) &&
             !tk_.Is(k, kForwardStop) && !tk_.Is(k, kAuxWords) && !tk_.Text(k).ends_with("ed")) {
        if (named && !tk_[k].cap && !tk_.Is(k, kRoleWords)) break;
        named = named || tk_[k].cap;
        ++k;
      }
      if (k == i + 1) return {};
      NounPhrase np;
      np.first = i;
      np.last = k - 1;
      return np;
    }
  }
  return {};
}

std::string Attributor::Canonical(const NounPhrase& np) const {
  if (!np.valid()) return {};
  const uint32_t pos = tk_[np.first].begin;
  auto longest_with_last = [&](std::string_view last_word, int name_idx_limit) -> std::string {
    std::string best;
    int best_len = -1;
    for (const NameEntry& e : names_) {
      if (tk_[e.first].begin > pos && best_len >= 0) break;
      if (static_cast<int>(&e - names_.data()) > name_idx_limit) break;
      std::string_view lw = tk_.Text(e.last);
      if (lw == last_word && (e.last - e.first) >= best_len) {
        best_len = e.last - e.first;
        best = NameText(e.first, e.last);
      }
    }
    return best;
  };
  auto surname = [&](int idx) {
    std::string_view w = tk_.Text(idx);
    // Possessives: "Trump's" -> "Trump".
    if (w.size() > 2 && w.substr(w.size() - 2) == "'s") w.remove_suffix(2);
    if (w.size() > 4 && w.substr(w.size() - 4) == "\xE2\x80\x99s") w.remove_suffix(4);
    return w;
  };
  if (np.pronoun) {
    std::array<char, 40> buf;
    std::string_view p = tk_.LowerText(np.first, buf);
    int want = p == "he" ? 1 : p == "she" ? 2 : 0;
    bool want_person = want != 0 || p == "i";
    // The last fitting name before the pronoun.
    for (int k = static_cast<int>(names_.size()) - 1; k >= 0; --k) {
      const NameEntry& e = names_[k];
      if (tk_[e.first].begin >= pos) continue;
      // A name inside the quote being attributed is what the speaker talks
      // about, not who "he" or "she" after it is.
      if (e.first > current_open_ && e.last < current_close_) continue;
      if (want_person) {
        // "Republican", "Democratic": adjectives, not people.
        if (tk_.Is(e.last, kRoleWords) || tk_.Is(e.last, kOrgWords)) continue;
        // A person the text has shown to be one (a known first name, a title,
        // a role, or a speaker of an earlier quote) anywhere before; a mere
        // capitalised pair only in this or the previous sentence.
        bool person = e.sure_person || IsSpeakerSurname(tk_.Text(e.last)) ||
                      (e.person && sentence_[np.first] == sentence_[e.last]);
        if (!person && !e.org && e.first == e.last) {
          // A single word is a person when it ends a longer person's name.
          std::string full = longest_with_last(surname(e.last), k);
          person = !full.empty() && full != NameText(e.first, e.last);
        }
        if (!person) continue;
        int g = e.gender;
        if (g == 0) {
          std::string full = longest_with_last(surname(e.last), k);
          // The gender of the full name's first word, if that is known.
          for (const NameEntry& f : names_) {
            if (NameText(f.first, f.last) == full) { g = f.gender; break; }
          }
        }
        if (want != 0 && g != 0 && g != want) continue;
        // A full name stands for itself ("Melania Trump" is not "Donald
        // Trump"); a lone surname takes the fullest form seen.
        if (e.last > e.first) return NameText(e.first, e.last);
        std::string full = longest_with_last(surname(e.last), k);
        return full.empty() ? NameText(e.first, e.last) : full;
      }
      if (e.org) return NameText(e.first, e.last);
    }
    return std::string(tk_.Text(np.first));
  }
  if (np.name_first >= 0) {
    int f = np.name_first;
    int l = np.name_last;
    StripTitles(&f, l);
    std::string_view last = surname(l);
    std::string best = longest_with_last(last, static_cast<int>(names_.size()) - 1);
    std::string own = std::string(text_.substr(tk_[f].begin, last.data() + last.size() - text_.data() - tk_[f].begin));
    if (best.size() > own.size()) return best;
    // "the White House": keep the article that introduces an organisation.
    if (f == np.name_first && f > 0 && tk_.IsWordEq(f - 1, "the") && f - 1 >= np.first) {
      return NameText(f - 1, l);
    }
    return own;
  }
  return NameText(np.first, np.last);
}

// Step 1. After the quote: ", she said." / ", said Smith." / ", according to X."
void Attributor::CueAfterQuote(const QuoteSite& s, Attribution* f) const {
  const Region& reg = s.reg;
  if (reg.close < 0) return;
  int end = std::min(SentenceEnd(reg.close), s.next_open);
  int t = s.after;
  const bool dash = t < end && tk_.IsDash(t);
  if (t < end && (tk_.IsPunct(t, ',') || tk_.IsDash(t))) ++t;
  if (t >= end || tk_[t].newline_before) return;
  if (dash && IsNameWord(t)) {
    // '"...," ― Pamela Padilla': a name alone after a dash signs the quote.
    int e = t;
    while (e + 1 < end && !tk_[e + 1].newline_before && IsNameWord(e + 1)) ++e;
    if (e + 1 >= end || tk_[e + 1].newline_before || tk_.IsPunct(e + 1, ',') || tk_.IsPunct(e + 1, '.')) {
      f->np = NameBackward(e, t);
      if (f->np.valid()) f->cue_first = f->cue_last = t - 1;
      return;
    }
  }
  if (IsCue(t) && !IsParticiple(t)) {
    f->np = SubjectAfter(t + 1, end);
    if (f->np.valid()) f->cue_first = f->cue_last = t;
  } else if (tk_.IsWordEq(t, "according") && tk_.IsWordEq(t + 1, "to")) {
    f->np = SubjectAfter(t + 2, end);
    if (f->np.valid()) { f->cue_first = t; f->cue_last = t + 1; }
  } else {
    for (int v = t + 1; v < end && v <= t + 18; ++v) {
      if (tk_[v].kind == TokKind::kMark) break;
      if (!IsCue(v) || IsParticiple(v)) continue;
      NounPhrase np = SubjectBefore(v, t);
      if ((!np.valid() || np.first > t + 1) && tk_.Is(t, kDeterminers) && v - t <= 10) {
        NounPhrase whole = PlainStretch(t, v);
        if (whole.valid()) np = whole;
      }
      if (np.valid() && np.first <= t + 1) {
        f->np = np;
        f->cue_first = f->cue_last = v;
      }
      break;
    }
  }
}

// "a readout of the meeting from the White House read": the whole stretch
// [t, v) is the subject when it holds no clause; invalid when it does.
NounPhrase Attributor::PlainStretch(int t, int v) const {
  bool plain = true;
  for (int k = t; k < v; ++k) {
    plain = plain && tk_[k].kind == TokKind::kWord && !tk_.Is(k, kClauseWords) && !IsCue(k);
  }
  if (!plain) return {};
  NounPhrase whole;
  whole.first = t;
  whole.last = v - 1;
  for (int k = v - 1; k > t; --k) {
    if (!IsNameWord(k)) continue;
    NounPhrase inner = NameBackward(k, t + 1);
    whole.name_first = inner.name_first;
    whole.name_last = inner.name_last;
    break;
  }
  return whole;
}

// Step 2. Before the quote, in its sentence, back to the previous quote.
void Attributor::CueBeforeQuote(const QuoteSite& s, Attribution* f) const {
  const Region& reg = s.reg;
  int bound = std::max(s.sent_start, s.prev_close + 1);
  for (int v = reg.open - 1; v >= bound; --v) {
    if (tk_.IsWordEq(v, "according") && tk_.IsWordEq(v + 1, "to")) {
      NounPhrase np = SubjectAfter(v + 2, reg.open);
      if (np.valid()) { f->np = np; f->cue_first = v; f->cue_last = v + 1; }
      break;
    }
    if (!IsCue(v)) continue;
    NounPhrase np;
    if (IsParticiple(v)) {
      np = SentenceSubject(bound, v);
    } else {
      np = SubjectBefore(v, bound);
      if (!np.valid() && v > bound && tk_.IsWordEq(v - 1, "and")) np = SentenceSubject(s.sent_start, v);
      // "said Smith, "..."": a postposed subject before the quote.
      if (!np.valid() && v + 1 < reg.open && (IsNameWord(v + 1) || tk_.Is(v + 1, kPronouns))) {
        np = SubjectAfter(v + 1, reg.open);
      }
    }
    if (np.valid()) {
      f->np = np;
      f->cue_first = f->cue_last = v;
      break;
    }
    // "X said the world lost a voice that said "..."": a relative
    // clause's verb has no subject of its own; the main verb's counts.
    if (!(v > bound && (tk_.IsWordEq(v - 1, "that") || tk_.IsWordEq(v - 1, "which")))) break;
  }
}

// Step 1b. A quote opening its sentence with the attribution later on:
// ""..." if she loses, said X." / ""..." about the plan, X said."
void Attributor::CueLaterInSentence(const QuoteSite& s, Attribution* f) const {
  const Region& reg = s.reg;
  if (reg.close < 0 || !tk_[reg.open].sentence_start) return;
  int end = std::min(SentenceEnd(reg.close), s.next_open);
  for (int c = s.after; c + 1 < end && c < s.after + 30; ++c) {
    if (!tk_.IsPunct(c, ',')) continue;
    int t = c + 1;
    if (IsCue(t) && !IsParticiple(t) && (IsNameWord(t + 1) || tk_.Is(t + 1, kDeterminers))) {
      NounPhrase np = SubjectAfter(t + 1, end);
      if (np.valid()) { f->np = np; f->cue_first = f->cue_last = t; }
      break;
    }
    if (IsNameWord(t) || tk_.Is(t, kPronouns)) {
      int v = t + 1;
      while (v < end && v < t + 5 && IsNameWord(v)) ++v;
      if (v < end && IsCue(v) && !IsParticiple(v) && (v + 1 >= end || tk_.IsPunct(v + 1, '.'))) {
        NounPhrase np = SubjectBefore(v, t);
        if (np.valid()) { f->np = np; f->cue_first = f->cue_last = v; }
        break;
      }
    }
  }
}

// Full, partial or scare quote: a quote that opens a sentence or reads as one
// is full; one or two words are scare quotes; the rest are partial.
QuoteKind Attributor::KindOf(const Region& reg) const {
  const bool opens_sentence = tk_[reg.open].sentence_start ||
                              (reg.open > 0 && (tk_.IsPunct(reg.open - 1, ':') ||
                                                (tk_.IsPunct(reg.open - 1, ',') && tk_[reg.first].cap)));
  int words = 0;
  for (int k = reg.first; k <= reg.last && words < 3; ++k) words += tk_[k].kind == TokKind::kWord;
  const bool sentence_like = tk_[reg.first].cap && words >= 3 &&
                             (tk_.IsPunct(reg.last, '.') || tk_.IsPunct(reg.last, ',') ||
                              tk_.IsPunct(reg.last, '?') || tk_.IsPunct(reg.last, '!'));
  return (opens_sentence || sentence_like) ? QuoteKind::kFull
         : words <= 2                      ? QuoteKind::kScare
                                           : QuoteKind::kPartial;
}

// Step 3. A quote opening a sentence with no cue: the previous sentence ends
// with a colon, or continues the previous quote, or names the speaker.
// `prev` is the previous quote's attribution, null for the first quote.
void Attributor::CueInPreviousSentence(const QuoteSite& s, const Attribution* prev, Attribution* f) const {
  const Region& reg = s.reg;
  if (!tk_[reg.open].sentence_start || reg.open <= 0) return;
  int prev_start = SentenceStart(reg.open - 1);
  if (tk_.IsPunct(reg.open - 1, ':')) {
    for (int v = reg.open - 2; v >= prev_start; --v) {
      if (!IsCue(v)) continue;
      NounPhrase np = IsParticiple(v) ? SentenceSubject(prev_start, v) : SubjectBefore(v, prev_start);
      if (np.valid()) { f->np = np; f->cue_first = f->cue_last = v; }
      break;
    }
  }
  // A sentence of its own between the previous quote and this one that
  // names a speaker ("Dr. Benjamin said in the announcement that ...")
  // speaks this quote, not the previous quote's speaker.
  if (!f->np.valid() && s.prev_close < prev_start) {
    CueInSentenceBefore(s, prev_start, f);
    // A pronoun there ("..., he said.") most often continues the previous
    // quote's speaker, which the steps below give.
    if (f->np.valid() && f->np.pronoun && prev != nullptr && prev->np.valid()) f->np = NounPhrase{};
  }
  if (!f->np.valid() && prev != nullptr && prev->np.valid()) {
    // The previous quote ends in the previous sentence or this one's
    // neighbour: "..." he said. "...".
    int sentences_between = 0;
    for (int k = s.prev_close + 1; k < reg.open; ++k) sentences_between += tk_[k].sentence_start;
    if (sentences_between <= 1) {
      f->np = prev->np;
      f->speaker = prev->speaker;
    }
  }
  if (!f->np.valid()) CueInSentenceBefore(s, prev_start, f);
}

// The speaker named with a speech verb or event in the sentence before the
// quote (after the previous quote, if that ends inside it).
void Attributor::CueInSentenceBefore(const QuoteSite& s, int prev_start, Attribution* f) const {
  const int prev_first = std::max(prev_start, s.prev_close + 1);
  for (int v = s.reg.open - 1; v >= prev_first; --v) {
    if (IsCue(v)) {
      NounPhrase np = IsParticiple(v) ? SentenceSubject(prev_start, v) : SubjectBefore(v, prev_first);
      if (np.valid()) f->np = np;
      break;
    }
    // "X spoke to reporters on Friday." / "X, in an interview, ..."
    if (tk_.Is(v, kSpeechEvents) && prev_first == prev_start) {
      NounPhrase np = SentenceSubject(prev_start, v);
      if (np.valid()) f->np = np;
      break;
    }
  }
}

// Writes the found speaker and cue into the quote, and remembers a named
// speaker's surname so later bare surnames resolve to them.
void Attributor::Record(Attribution* f, Quote* q) {
  if (!f->np.valid()) return;
  if (f->speaker.empty()) f->speaker = Canonical(f->np);
  // Remember the speaker as a person when the name heads the mention
  // (not "the South Carolina primary") and names no organisation.
  if (!f->np.pronoun && f->np.name_last >= 0 &&
      (f->np.name_last == f->np.last || tk_[f->np.name_last + 1].kind != TokKind::kWord) &&
      !tk_.Is(f->np.name_last, kOrgWords) && !tk_.Is(f->np.name_last, kRoleWords) &&
      f->np.name_last > f->np.name_first) {
    speaker_surnames_.push_back(tk_.Text(f->np.name_last));
  }
  q->speaker_mention.begin = tk_[f->np.first].begin;
  q->speaker_mention.end = tk_[f->np.last].end;
  q->speaker = f->speaker;
  if (f->cue_first >= 0) {
    q->cue.begin = tk_[f->cue_first].begin;
    q->cue.end = tk_[f->cue_last].end;
  }
}

// Each quote, in text order, tries the attribution patterns from the most to
// the least certain and stops at the first that finds a cue; later quotes may
// inherit an earlier quote's speaker, so `found` keeps every result.
// Step 4. A quote that makes a sentence of its own, with no speaker from the
// steps before (no previous quote or sentence to continue), followed by one
// that opens with a name and a speech verb: '"She's a hard worker." /
// Kenneth Dorsey says the woman ...'.
void Attributor::CueInNextSentence(const QuoteSite& s, Attribution* f) const {
  const Region& reg = s.reg;
  if (reg.close < 0 || !(reg.open == 0 || tk_[reg.open].sentence_start || tk_[reg.open].newline_before)) return;
  const int t = reg.close + 1;
  if (t >= n_ || t >= s.next_open || !(tk_[t].sentence_start || tk_[t].newline_before) || !IsNameWord(t)) return;
  int e = t;
  while (e + 1 < n_ && IsNameWord(e + 1) && !tk_[e + 1].newline_before) ++e;
  int v = e + 1;
  while (v < n_ && tk_.Is(v, kAuxWords)) ++v;
  if (v >= n_ || !IsCue(v) || IsParticiple(v) || tk_[v].newline_before) return;
  f->np = NounPhrase{t, e, t, e, false};
  f->cue_first = f->cue_last = v;
}

void Attributor::Attribute(const std::vector<Region>& regions, std::vector<Quote>* out) {
  std::vector<Attribution> found(regions.size());
  for (size_t r = 0; r < regions.size(); ++r) {
    const Region& reg = regions[r];
    Quote q;
    q.quote.begin = tk_[reg.first].begin;
    q.quote.end = tk_[reg.last].end;
    const QuoteSite site{
        .reg = reg,
        .after = reg.close >= 0 ? reg.close + 1 : reg.last + 1,
        .sent_start = SentenceStart(reg.open),
        .next_open = r + 1 < regions.size() ? regions[r + 1].open : n_,
        .prev_close = r > 0 ? (regions[r - 1].close >= 0 ? regions[r - 1].close : regions[r - 1].last) : -1,
    };
    const Attribution* prev = r > 0 ? &found[r - 1] : nullptr;
    current_open_ = reg.open;
    current_close_ = reg.close >= 0 ? reg.close : reg.last + 1;
    Attribution f;
    CueAfterQuote(site, &f);
    if (f.cue_first < 0) CueBeforeQuote(site, &f);
    if (f.cue_first < 0) CueLaterInSentence(site, &f);
    // A second quote in the sentence of an attributed one shares its speaker
    // ("X said he is "..." because "...").
    if (f.cue_first < 0 && prev != nullptr && prev->np.valid() &&
        SentenceStart(regions[r - 1].open) == site.sent_start && !tk_[reg.open].sentence_start) {
      f = *prev;
    }
    q.kind = KindOf(reg);
    if (f.cue_first < 0) CueInPreviousSentence(site, prev, &f);
    if (f.cue_first < 0 && !f.np.valid()) CueInNextSentence(site, &f);
    Record(&f, &q);
    found[r] = f;
    out->push_back(std::move(q));
  }
}

}  // namespace

std::string_view QuoteKindName(QuoteKind kind) {
  switch (kind) {
    case QuoteKind::kFull: return "full";
    case QuoteKind::kPartial: return "partial";
    case QuoteKind::kScare: return "scare";
  }
  return "full";
}

std::vector<QuotedRegion> FindQuotedRegions(std::string_view text) {
  if (text.size() >= std::numeric_limits<uint32_t>::max()) text = text.substr(0, std::numeric_limits<uint32_t>::max() - 1);
  Tokens tk(text);
  std::vector<QuotedRegion> out;
  for (const Region& r : PairMarks(tk)) {
    QuotedRegion q;
    q.inner = {tk[r.first].begin, tk[r.last].end};
    q.outer = {tk[r.open].begin, r.close >= 0 ? tk[r.close].end : tk[r.last].end};
    q.closed = r.close >= 0;
    out.push_back(q);
  }
  return out;
}

std::vector<Quote> FindQuotes(std::string_view text, std::span<const NamedSpan> names) {
  if (text.size() >= std::numeric_limits<uint32_t>::max()) text = text.substr(0, std::numeric_limits<uint32_t>::max() - 1);
  Tokens tk(text);
  std::vector<Region> regions = PairMarks(tk);
  std::vector<Quote> out;
  if (regions.empty()) return out;
  out.reserve(regions.size());
  Attributor attributor(text, tk, names);
  attributor.Attribute(regions, &out);
  return out;
}

}  // namespace newsfuse::extract
