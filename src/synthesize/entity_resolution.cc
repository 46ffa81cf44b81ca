#include "synthesize/entity_resolution.h"

#include <algorithm>
#include <array>
#include <unordered_map>
#include <unordered_set>

#include "base/strings.h"
#include "text/chars.h"

namespace newsfuse::synthesize {

using extract::EntityType;

std::string BestSpelling(const std::map<std::string, std::vector<uint32_t>>& spellings) {
  std::string best;
  size_t count = 0, words = 0;
  for (const auto& [name, arts] : spellings) {
    const size_t w = base::SplitWords(name).size();
    if (best.empty() || w > words || (w == words && (arts.size() > count || (arts.size() == count && name.size() > best.size())))) {
      words = w;
      best = name;
      count = arts.size();
    }
  }
  return best;
}

size_t EditDistance(std::string_view a, std::string_view b, size_t cap) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > cap) return cap + 1;
  std::vector<size_t> prev(a.size() + 1), cur(a.size() + 1);
  for (size_t i = 0; i <= a.size(); ++i) prev[i] = i;
  for (size_t j = 1; j <= b.size(); ++j) {
    cur[0] = j;
    size_t row_min = cur[0];
    for (size_t i = 1; i <= a.size(); ++i) {
      cur[i] = std::min({prev[i] + 1, cur[i - 1] + 1, prev[i - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      row_min = std::min(row_min, cur[i]);
    }
    if (row_min > cap) return cap + 1;
    std::swap(prev, cur);
  }
  return prev[a.size()];
}

namespace {

constexpr int kPerson = static_cast<int>(EntityType::kPerson);
constexpr int kOrg = static_cast<int>(EntityType::kOrganization);
constexpr int kPlace = static_cast<int>(EntityType::kLocation);

// Lower case, no dots or apostrophes: the form names are compared in.
std::string Fold(std::string_view name) {
  std::string k;
  for (char c : name) {
    if (c == '.' || c == '\'') continue;
    k.push_back(base::IsAsciiUpper(c) ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return k;
}

// The key names cluster on: "U.N." = "UN", "the White House" = "White
// House", "TMZ.com" = "TMZ. com" = "TMZ" (a web outlet named by its address).
std::string FoldKey(std::string_view name) {
  std::string k = base::CollapseWhitespace(Fold(name));
  if (k.rfind("the ", 0) == 0) k.erase(0, 4);
  for (std::string_view suffix : {" com", "com"}) {
    if (k.size() > suffix.size() + 1 && k.ends_with(suffix) &&
        (suffix[0] == ' ' || name.find(".com") != std::string_view::npos)) {
      k.resize(k.size() - suffix.size());
      while (!k.empty() && k.back() == ' ') k.pop_back();
      break;
    }
  }
  return k;
}

template <size_t N>
bool InSet(const std::array<std::string_view, N>& set, std::string_view lower) {
  return std::find(set.begin(), set.end(), lower) != set.end();
}

// Head words that make a name an organisation: its kind is in its last word.
constexpr auto kOrgHeads = std::to_array<std::string_view>({
    "academy", "administration", "agency", "airlines", "archdiocese", "association", "authority",
    "bank", "board", "bureau", "cathedral", "center", "centre", "church", "clinic", "club", "co",
    "college", "commission", "committee", "company", "corp", "corporation", "council", "court",
    "department", "foods", "foundation", "fund", "group", "hospital", "inc", "institute",
    "institutes", "journal", "league", "llc", "ltd", "ministry", "network", "news", "party",
    "police", "post", "press", "school", "service", "services", "society", "tribune", "trust",
    "union", "university"});
// Head words that make a name a place.
constexpr auto kPlaceHeads = std::to_array<std::string_view>({
    "ave", "avenue", "beach", "blvd", "boulevard", "bridge", "county", "drive", "expressway",
    "highway", "lane", "parkway", "plaza", "rd", "road", "square", "st", "street", "township"});
// Words an organisation's name never ends in but the tagger takes along:
// a title after it ("Philadelphia Homicide Capt."), a day or month.
constexpr auto kTrailingNoise = std::to_array<std::string_view>({
    "attorney", "capt", "chief", "city", "cpl", "deputy", "det", "friday", "judge", "lt",
    "monday", "officer", "saturday", "sgt", "sunday", "thursday", "tuesday", "wednesday"});
// Words that only qualify an organisation's kind: two names of one
// organisation that differ only in these are the same ("Betty Ford Center",
// "Betty Ford Clinic", "Betty Ford Treatment Center").
constexpr auto kOrgQualifiers = std::to_array<std::string_view>({
    "center", "centre", "clinic", "co", "corp", "corporation", "company", "inc", "llc", "ltd",
    "medical", "recovery", "rehab", "treatment"});
constexpr auto kMonths = std::to_array<std::string_view>({
    "april", "august", "december", "february", "january", "july", "june", "march", "november",
    "october", "september"});
// Compass words that name a part of a place ("Northeast Philadelphia",
// "South Richmond Hill").
constexpr auto kCompass = std::to_array<std::string_view>({
    "central", "east", "north", "northeast", "northwest", "south", "southeast", "southwest", "west"});
// Words left out of an acronym ("American Medical Association" = "AMA").
constexpr auto kAcronymSkip = std::to_array<std::string_view>({"and", "for", "in", "of", "the", "&"});

std::string LowerWord(std::string_view w) { return Fold(w); }

std::vector<std::string> FoldedWords(std::string_view name) {
  std::vector<std::string> out;
  for (auto w : base::SplitWords(name)) out.push_back(LowerWord(w));
  return out;
}

// A name the tagger ran on: ", in X" / " at X" cut off an organisation
// ("Bayou La Batre Rural Health Clinic in Alabama"), trailing titles and days
// cut off organisations and places.
std::string CleanResolvedName(std::string_view name, EntityType type) {
  auto words = base::SplitWords(name);
  if (words.empty()) return "";
  size_t end = words.size();
  if (type != EntityType::kPerson) {
    for (size_t i = 1; i + 1 < words.size(); ++i) {
      if (words[i] == "in" || words[i] == "at") {
        end = i;
        break;
      }
    }
    while (end > 1 && InSet(kTrailingNoise, LowerWord(words[end - 1]))) --end;
  }
  if (end == words.size()) return std::string(name);
  const char* b = words.front().data();
  const char* e = words[end - 1].data() + words[end - 1].size();
  return std::string(b, static_cast<size_t>(e - b));
}

bool IsTitleCase(std::string_view line) {
  int long_words = 0, capitalised = 0;
  for (auto w : base::SplitWords(line)) {
    if (w.size() < 4 || !base::IsAsciiAlpha(w[0])) continue;
    ++long_words;
    capitalised += base::IsAsciiUpper(w[0]);
  }
  return long_words >= 3 && capitalised * 5 >= long_words * 4;
}

bool FollowedByWord(std::string_view text, size_t at, std::string_view word) {
  if (text.substr(at, word.size()) != word) return false;
  const size_t after = at + word.size();
  return after >= text.size() || !base::IsAsciiAlpha(text[after]);
}

// A broadcast station's name: North American call letters ("KYW", "WPVI")
// or a network's letters with the channel ("NBC10", "FOX29"). A person
// named as such a station's ("NBC10's Jane Smith") is its reporter: unlike a
// network's or a company's, a local station's people are not the news.
bool IsStationName(std::string_view w) {
  size_t letters = 0;
  while (letters < w.size() && base::IsAsciiUpper(w[letters])) ++letters;
  size_t digits = letters;
  while (digits < w.size() && base::IsAsciiDigit(w[digits])) ++digits;
  if (digits != w.size() || letters < 2) return false;
  if (digits > letters) return letters <= 5 && digits - letters <= 2;
  return (w[0] == 'K' || w[0] == 'W') && (letters == 3 || letters == 4);
}

// True when `span` follows "<station>'s " (straight or curly apostrophe).
bool AfterStationPossessive(std::string_view text, size_t begin) {
  std::string_view before = text.substr(0, begin);
  if (!before.ends_with(' ')) return false;
  before.remove_suffix(1);
  const size_t possessive = text::PossessiveSuffixLength(before);
  if (possessive == 0) return false;
  const std::string_view head = before.substr(0, before.size() - possessive);
  size_t start = head.size();
  while (start > 0 && text::IsAsciiAlnum(head[start - 1])) --start;
  return IsStationName(head.substr(start));
}

// A byline or credit, not a person of the story: "KYW's Pat Loeb reports
// that ...", "told NBC10's Jane Smith", "By Jane Smith", "On behalf of
// Newman, Anzalone & Newman".
bool IsCreditMention(std::string_view text, text::Span span) {
  for (std::string_view verb : {" reports", " reported", " contributed", " contributes"}) {
    if (FollowedByWord(text, span.end, verb)) return true;
  }
  if (AfterStationPossessive(text, span.begin)) return true;
  const std::string_view before = text.substr(0, span.begin);
  const size_t line_start = before.find_last_of('\n') == std::string_view::npos ? 0 : before.find_last_of('\n') + 1;
  const std::string_view lead = before.substr(line_start);
  return lead == "By " || lead == "by " || lead.ends_with("On behalf of ") || lead.ends_with("on behalf of ");
}

// True when one of the article's time expressions covers `span`.
bool InTimeExpression(const extract::ArticleAnalysis& a, text::Span span) {
  for (const auto& t : a.times) {
    if (t.span.begin <= span.begin && span.end <= t.span.end) return true;
  }
  return false;
}

// The outlet's own name: "NBC Philadelphia" for nbcphiladelphia.com.
bool IsOwnOutlet(const Article& article, std::string_view name) {
  std::string key = FoldKey(name);
  std::erase(key, ' ');
  if (key.size() < 2) return false;
  for (const auto* field : {&article.outlet, &article.url}) {
    if (!field->has_value()) continue;
    std::string host = Fold(**field);
    for (std::string_view scheme : {"https://", "http://"}) {
      if (host.rfind(scheme, 0) == 0) host.erase(0, scheme.size());
    }
    if (host.rfind("www", 0) == 0) host.erase(0, 3);
    host = host.substr(0, host.find('/'));
    // The host's labels without the top-level one: "nbcphiladelphiacom" has
    // lost its dots in Fold, so compare prefixes.
    if (host.rfind(key, 0) == 0 && (host.size() == key.size() || host.substr(key.size()) == "com" ||
                                    host.substr(key.size()) == "org" || host.substr(key.size()) == "net")) {
      return true;
    }
  }
  return false;
}

struct Cluster {
  std::map<std::string, std::vector<uint32_t>> spellings;  // surface -> articles (may repeat)
  std::array<int, 4> votes{};
  std::vector<std::string> titles;
  std::vector<uint32_t> articles;
  int mentions = 0;
  int body_mentions = 0;  // outside title-case headline lines
  int speaks = 0;         // mentions followed by a speech verb
  bool alive = true;
  int type = kPerson;

  void AddArticle(uint32_t a) {
    if (std::find(articles.begin(), articles.end(), a) == articles.end()) articles.push_back(a);
  }
  bool Has(uint32_t a) const { return std::find(articles.begin(), articles.end(), a) != articles.end(); }
};

std::string BestSpelling(const Cluster& c) { return synthesize::BestSpelling(c.spellings); }

int MajorityVote(const std::array<int, 4>& v) {
  int best = 0;
  for (int t = 1; t < 4; ++t) {
    if (v[t] > v[best]) best = t;
  }
  return best;
}

class Resolution {
 public:
  Resolution(const std::vector<const extract::ArticleAnalysis*>& articles, const extract::PlaceGazetteer& places,
             const ResolutionOptions& options)
      : articles_(articles), places_(places), options_(options) {}

  EntityResolution Run() {
    CollectCandidates();
    CountCapitalisation();
    DropNonEntities();
    AssignTypes();
    JoinMiddleNames();
    JoinAcronyms();
    JoinShortForms();
    JoinSurnames();
    JoinSpellingVariants();
    JoinCompassParts();
    RetypeByHeads();
    RecoverMissedMentions();
    return Output();
  }

 private:
  // Steps 1 and 2: one cluster per folded cleaned name.
  void CollectCandidates() {
    std::unordered_map<std::string, size_t> by_key;
    cluster_of_.resize(articles_.size());
    for (uint32_t ai = 0; ai < articles_.size(); ++ai) {
      const auto& a = *articles_[ai];
      const std::string_view text = a.doc.text;
      const auto& linked = a.entities.entities;
      cluster_of_[ai].assign(linked.size(), SIZE_MAX);
      for (size_t e = 0; e < linked.size(); ++e) {
        const auto& ent = linked[e];
        const std::string name = CleanResolvedName(ent.name, ent.type);
        const std::string key = FoldKey(name);
        if (key.size() < 2) continue;
        if (a.article != nullptr && IsOwnOutlet(*a.article, name)) continue;
        bool all_credits = !ent.mentions.empty();
        bool all_times = !ent.mentions.empty();
        int body = 0, speaks = 0;
        for (uint32_t m : ent.mentions) {
          const text::Span span = a.mentions[m].span;
          all_credits = all_credits && IsCreditMention(text, span);
          all_times = all_times && InTimeExpression(a, span);
          body += !InHeadline(a, span);
          for (std::string_view verb : {" said", " says", " told", " announced", " declined", " put out", " went on",
                                        " has said", " has made", " confirmed", " insisted"}) {
            speaks += FollowedByWord(text, span.end, verb);
          }
        }
        // Bylines, and days the tagger took for names ("Christmas", "Labor
        // Day": the time expressions of the article hold every mention).
        if (all_credits || all_times) continue;
        size_t c;
        if (auto it = by_key.find(key); it != by_key.end()) {
          c = it->second;
        } else {
          c = clusters_.size();
          clusters_.emplace_back();
          by_key[key] = c;
        }
        Cluster& cl = clusters_[c];
        cl.spellings[name].push_back(ai);
        cl.votes[static_cast<int>(ent.type)] += static_cast<int>(ent.mentions.size());
        for (const auto& t : ent.titles) {
          if (std::find(cl.titles.begin(), cl.titles.end(), t) == cl.titles.end()) cl.titles.push_back(t);
        }
        cl.AddArticle(ai);
        cl.mentions += static_cast<int>(ent.mentions.size());
        cl.body_mentions += body;
        cl.speaks += speaks;
        cluster_of_[ai][e] = c;
      }
    }
    NumberClustersByKey(by_key);
    redirect_.resize(clusters_.size());
    for (size_t i = 0; i < redirect_.size(); ++i) redirect_[i] = i;
  }

  // The join steps below walk the clusters in index order and take the first
  // match; numbering clusters by their folded name (not by the article that
  // named them first) makes the story's entities the same whatever order its
  // articles come in.
  void NumberClustersByKey(const std::unordered_map<std::string, size_t>& by_key) {
    std::vector<std::pair<std::string_view, size_t>> keyed;
    keyed.reserve(by_key.size());
    for (const auto& [key, c] : by_key) keyed.emplace_back(key, c);
    std::sort(keyed.begin(), keyed.end());
    std::vector<size_t> new_index(clusters_.size());
    std::vector<Cluster> numbered;
    numbered.reserve(clusters_.size());
    for (const auto& [key, c] : keyed) {
      new_index[c] = numbered.size();
      numbered.push_back(std::move(clusters_[c]));
    }
    clusters_ = std::move(numbered);
    for (auto& of : cluster_of_) {
      for (size_t& c : of) {
        if (c != SIZE_MAX) c = new_index[c];
      }
    }
  }

  static bool InHeadline(const extract::ArticleAnalysis& a, text::Span span) {
    const std::string_view text = a.doc.text;
    size_t b = text.rfind('\n', span.begin);
    b = b == std::string_view::npos ? 0 : b + 1;
    size_t e = text.find('\n', span.end);
    if (e == std::string_view::npos) e = text.size();
    return IsTitleCase(text.substr(b, e - b));
  }

  // How often each word of a one-word name is written in lower case and
  // capitalised inside a sentence, over the whole story.
  void CountCapitalisation() {
    for (const auto& cl : clusters_) {
      for (const auto& [name, arts] : cl.spellings) {
        for (const auto& w : FoldedWords(name)) case_counts_.emplace(w, std::array<int, 2>{0, 0});
      }
    }
    for (const auto* a : articles_) {
      uint32_t sentence = 0;
      for (uint32_t t = 0; t < a->tokens.size(); ++t) {
        while (sentence < a->sentence_token_end.size() && a->sentence_token_end[sentence] <= t) ++sentence;
        const bool first = t == 0 || (sentence > 0 && a->sentence_token_end[sentence - 1] == t);
        const std::string_view w = a->tokens[t].In(a->doc.text);
        if (w.empty() || !base::IsAsciiAlpha(w[0])) continue;
        auto it = case_counts_.find(LowerWord(w));
        if (it == case_counts_.end()) continue;
        if (base::IsAsciiLower(w[0])) {
          ++it->second[0];
        } else if (!first) {
          ++it->second[1];
        }
      }
    }
  }

  // A word the story writes in lower case at least as often as capitalised
  // mid-sentence is a common word, not a name ("Strategic", "UPDATED").
  bool IsCommonWord(const std::string& lower_word) const {
    auto it = case_counts_.find(lower_word);
    return it != case_counts_.end() && it->second[0] > 0 && it->second[0] >= options_.common_word_ratio * it->second[1];
  }

  void DropNonEntities() {
    for (auto& cl : clusters_) {
      // Seen only in title-case headlines ("Queens Hit-And-Run").
      if (cl.body_mentions == 0) {
        cl.alive = false;
        continue;
      }
      const auto words = FoldedWords(BestSpelling(cl));
      bool all_common = !words.empty();
      for (const auto& w : words) all_common = all_common && IsCommonWord(w);
      // "Federal Bureau of Investigation", "Mortgage Bankers Association":
      // common words, but capitalised around a kind of organisation they
      // name one ("National Security Adviser" names a post, not a body).
      if (all_common && !NamesAnOrganisationKind(words)) cl.alive = false;
    }
  }

  // A name of two words or more whose head is a kind of organisation: its
  // last word, or the word before its first "of" ("Department of ...").
  static bool NamesAnOrganisationKind(const std::vector<std::string>& words) {
    if (words.size() < 2) return false;
    if (InSet(kOrgHeads, words.back())) return true;
    const auto of = std::find(words.begin() + 1, words.end(), "of");
    return of != words.end() && InSet(kOrgHeads, *(of - 1));
  }

  bool HasHead(const std::string& name, const auto& heads) const {
    const auto words = FoldedWords(name);
    return words.size() >= 2 && InSet(heads, words.back());
  }

  // Step 3: the tagger's vote, corrected by the name's head word, the place
  // list and speech.
  void AssignTypes() {
    for (auto& cl : clusters_) {
      if (!cl.alive) continue;
      cl.type = MajorityVote(cl.votes);
      const std::string name = BestSpelling(cl);
      const size_t words = base::SplitWords(name).size();
      if (HasHead(name, kOrgHeads)) {
        cl.type = kOrg;
      } else if (HasHead(name, kPlaceHeads)) {
        cl.type = kPlace;
      } else if (places_.Contains(name) && (cl.type != kPerson || words >= 2)) {
        cl.type = kPlace;
      }
      // Places do not speak: a "place" that is mostly the subject of speech
      // verbs ("Kraft said") is an organisation acting through its people.
      if (cl.type == kPlace && cl.speaks >= options_.speaking_place_share * cl.mentions && cl.speaks > 0) {
        cl.type = kOrg;
      }
    }
  }

  void Absorb(size_t into, size_t from, bool keep_type) {
    Cluster& a = clusters_[into];
    Cluster& b = clusters_[from];
    for (const auto& [n, v] : b.spellings) {
      auto& dst = a.spellings[n];
      dst.insert(dst.end(), v.begin(), v.end());
    }
    if (!keep_type) {
      for (int t = 0; t < 4; ++t) a.votes[t] += b.votes[t];
    }
    for (const auto& t : b.titles) {
      if (std::find(a.titles.begin(), a.titles.end(), t) == a.titles.end()) a.titles.push_back(t);
    }
    for (uint32_t x : b.articles) a.AddArticle(x);
    a.mentions += b.mentions;
    a.body_mentions += b.body_mentions;
    b.alive = false;
    redirect_[from] = into;
    if (into < fresh_.size()) fresh_[into] = 0;
  }

  void Reserve(size_t c) const {
    if (c < fresh_.size()) return;
    fresh_.resize(clusters_.size(), 0);
    best_words_.resize(clusters_.size());
    spelling_words_.resize(clusters_.size());
  }

  // FoldedWords(BestSpelling(cluster c)). The reference lives as long as the
  // Resolution; its value changes when cluster c absorbs another.
  const std::vector<std::string>& Words(size_t c) const {
    Reserve(c);
    if (!(fresh_[c] & 1)) {
      best_words_[c] = FoldedWords(BestSpelling(clusters_[c]));
      fresh_[c] |= 1;
    }
    return best_words_[c];
  }

  // FoldedWords of each of cluster c's spellings, in the spellings' order.
  const std::vector<std::vector<std::string>>& SpellingWords(size_t c) const {
    Reserve(c);
    if (!(fresh_[c] & 2)) {
      spelling_words_[c].clear();
      for (const auto& [n, arts] : clusters_[c].spellings) spelling_words_[c].push_back(FoldedWords(n));
      fresh_[c] |= 2;
    }
    return spelling_words_[c];
  }

  size_t Final(size_t c) const {
    while (redirect_[c] != c) c = redirect_[c];
    return c;
  }

  std::vector<size_t> Alive(int type) const {
    std::vector<size_t> out;
    for (size_t c = 0; c < clusters_.size(); ++c) {
      if (clusters_[c].alive && (type < 0 || clusters_[c].type == type)) out.push_back(c);
    }
    return out;
  }

  // "Mark Jay Heller" = "Mark Heller", "Regina M. Benjamin" = "Regina
  // Benjamin": same first and last word, the shorter's middle words a part of
  // the longer's. Only when the short form extends to one longer name.
  void JoinMiddleNames() {
    const auto people = Alive(kPerson);
    for (size_t c : people) {
      if (!clusters_[c].alive) continue;
      const auto& a = Words(c);
      if (a.size() < 2) continue;
      int match = -1;
      bool ambiguous = false;
      for (size_t d : people) {
        if (d == c || !clusters_[d].alive) continue;
        const auto& b = Words(d);
        if (b.size() <= a.size() || b.front() != a.front() || b.back() != a.back()) continue;
        // a's middle words appear in b's middle, in order.
        size_t j = 1;
        for (size_t i = 1; i + 1 < b.size() && j + 1 < a.size(); ++i) j += b[i] == a[j];
        if (j + 1 != a.size()) continue;
        if (match >= 0) ambiguous = true;
        match = static_cast<int>(d);
      }
      if (match >= 0 && !ambiguous) Absorb(static_cast<size_t>(match), c, false);
    }
  }

  static std::string Initials(const std::vector<std::string>& words) {
    std::string out;
    for (const auto& w : words) {
      if (!InSet(kAcronymSkip, w) && !w.empty()) out.push_back(w[0]);
    }
    return out;
  }

  static bool IsAcronym(std::string_view name) {
    std::string letters;
    for (char c : name) {
      if (c == '.') continue;
      if (!base::IsAsciiUpper(c)) return false;
      letters.push_back(c);
    }
    return letters.size() >= 2 && letters.size() <= 6;
  }

  // "AMA" = "American Medical Association", "U.S." = "United States": an
  // acronym joins the one multi-word organisation or place whose initials it is.
  void JoinAcronyms() {
    for (size_t c : Alive(-1)) {
      if (!clusters_[c].alive || clusters_[c].type == kPerson) continue;
      bool acronym = false;
      for (const auto& [n, arts] : clusters_[c].spellings) acronym = acronym || IsAcronym(n);
      if (!acronym) continue;
      const std::string letters = FoldKey(BestSpelling(clusters_[c]));
      // The expansion the story uses: the only one, or one reported by at
      // least three times as many articles as all others together.
      int match = -1;
      size_t others = 0;
      for (size_t d : Alive(-1)) {
        if (d == c || clusters_[d].type == kPerson) continue;
        const auto& words = Words(d);
        if (words.size() < 2 || Initials(words) != letters) continue;
        if (match < 0 || clusters_[d].articles.size() > clusters_[match].articles.size()) {
          if (match >= 0) others += clusters_[match].articles.size();
          match = static_cast<int>(d);
        } else {
          others += clusters_[d].articles.size();
        }
      }
      if (match >= 0 && static_cast<double>(clusters_[match].articles.size()) >= options_.acronym_dominance * static_cast<double>(others)) Absorb(static_cast<size_t>(match), c, true);
    }
    JoinAcronymLedNames();
  }

  // "LA Superior Court" / "L.A. Superior Court" = "Los Angeles Superior
  // Court": a name that opens with an acronym of the other's first words.
  void JoinAcronymLedNames() {
    for (size_t c : Alive(-1)) {
      if (!clusters_[c].alive || clusters_[c].type == kPerson) continue;
      const std::string name = BestSpelling(clusters_[c]);
      const auto raw = base::SplitWords(name);
      if (raw.size() < 2 || !IsAcronym(raw[0])) continue;
      const auto w = FoldedWords(name);
      for (size_t d : Alive(-1)) {
        if (d == c || clusters_[d].type == kPerson) continue;
        const auto& l = Words(d);
        const size_t rest = w.size() - 1;
        if (l.size() <= rest + 1 || !std::equal(w.begin() + 1, w.end(), l.end() - static_cast<long>(rest))) continue;
        const std::vector<std::string> head(l.begin(), l.end() - static_cast<long>(rest));
        if (Initials(head) != w[0]) continue;
        Absorb(d, c, true);
        break;
      }
    }
  }

  // True when `longer` is `shorter` followed by more words.
  static bool ExtendsAsPrefix(const std::vector<std::string>& shorter, const std::vector<std::string>& longer) {
    if (longer.size() <= shorter.size()) return false;
    return std::equal(shorter.begin(), shorter.end(), longer.begin());
  }

  // Two names of one organisation: equal once the kind qualifiers are left out.
  static bool SameOrgCore(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    auto core = [](const std::vector<std::string>& w) {
      std::vector<std::string> out;
      for (const auto& x : w) {
        if (!InSet(kOrgQualifiers, x)) out.push_back(x);
      }
      return out;
    };
    return core(a) == core(b);
  }

  // What a longer name adds to a short one says whether both name one
  // organisation: kind words ("Kraft" + "Foods", "Betty Ford" + "Center",
  // "Morningside" + "Recovery Center") or a place ("Xavier University" +
  // "of Louisiana"). A short name that already ends in a kind word takes only
  // qualifiers or a place ("Jamaica Hospital" + "Medical Center"), never
  // another body ("American Medical Association" + "Board of Trustees").
  bool AddsOnlyKindOrPlace(const std::vector<std::string>& s, const std::vector<std::string>& l) const {
    const bool complete = InSet(kOrgHeads, s.back());
    size_t i = s.size();
    for (; i < l.size(); ++i) {
      if (l[i] == "of" || l[i] == "in") break;
      if (!InSet(kOrgQualifiers, l[i]) && (complete || !InSet(kOrgHeads, l[i]))) return false;
    }
    if (i == l.size()) return true;
    std::string place;
    for (size_t k = i + 1; k < l.size(); ++k) place += (k > i + 1 ? " " : "") + l[k];
    return !place.empty() && places_.Contains(place);
  }

  // A one-word name the tagger called a person may still be a short form of
  // an organisation or place ("Cliffside" / "Cliffside Rehab Center") when no
  // person of the story has that word in their name.
  bool CouldBeShortForm(size_t c, const std::vector<std::string>& s) const {
    // "American" (an adjective the tagger calls OTHER) is no short form of
    // "American Medical Association".
    if (clusters_[c].type == static_cast<int>(EntityType::kOther)) return false;
    if (clusters_[c].type != kPerson) return true;
    if (s.size() != 1) return false;
    for (size_t d : Alive(kPerson)) {
      const auto& w = Words(d);
      if (w.size() >= 2 && (w.front() == s[0] || w.back() == s[0])) return false;
    }
    return true;
  }

  // Share of the articles using cluster `c` that also use one of `others`.
  double CoOccurrence(size_t c, const std::vector<size_t>& others) const {
    int together = 0;
    for (uint32_t a : clusters_[c].articles) {
      for (size_t d : others) {
        if (clusters_[d].Has(a)) {
          ++together;
          break;
        }
      }
    }
    return clusters_[c].articles.empty() ? 0 : static_cast<double>(together) / clusters_[c].articles.size();
  }

  // "Kraft" / "Kraft Foods", "Xavier University" / "Xavier University of
  // Louisiana", "Betty Ford" / "Betty Ford Center" / "Betty Ford Clinic": a
  // short name joins the longer names it opens when they add only kind words
  // or a place and all name one thing (each a prefix of the other or equal
  // but for kind qualifiers); "Superior Court" joins "Los Angeles Superior
  // Court" (a place before it). A short name that is a known place joins
  // only where most articles that use it also use the longer name (a short
  // form there), so "Jamaica" stays apart from "Jamaica Hospital" in a story
  // about Jamaica; a multi-word place never joins.
  void JoinShortForms() {
    auto alive = Alive(-1);
    std::sort(alive.begin(), alive.end(), [&](size_t x, size_t y) {
      return Words(x).size() < Words(y).size();
    });
    for (size_t c : alive) {
      if (!clusters_[c].alive) continue;
      const std::string short_name = BestSpelling(clusters_[c]);
      const auto& s = Words(c);
      if (s.empty() || !CouldBeShortForm(c, s)) continue;
      const bool place = places_.Contains(short_name);
      if (place && s.size() >= 2) continue;
      std::vector<size_t> longer;
      for (size_t d : Alive(-1)) {
        if (d == c || clusters_[d].type == kPerson) continue;
        const auto& l = Words(d);
        if (ExtendsAsPrefix(s, l) && AddsOnlyKindOrPlace(s, l)) {
          longer.push_back(d);
        } else if (l.size() > s.size() && std::equal(s.rbegin(), s.rend(), l.rbegin()) && s.size() >= 2) {
          std::string before;
          for (size_t k = 0; k + s.size() < l.size(); ++k) before += (k ? " " : "") + l[k];
          if (places_.Contains(before)) longer.push_back(d);
        }
      }
      if (longer.empty()) continue;
      bool one_thing = true;
      for (size_t i = 0; i < longer.size() && one_thing; ++i) {
        for (size_t j = i + 1; j < longer.size() && one_thing; ++j) {
          const auto& x = Words(longer[i]);
          const auto& y = Words(longer[j]);
          one_thing = ExtendsAsPrefix(x, y) || ExtendsAsPrefix(y, x) || SameOrgCore(x, y);
        }
      }
      if (!one_thing) continue;
      if (place && CoOccurrence(c, longer) < options_.place_short_form_together) continue;
      // Into the longer name most articles use; the others follow.
      size_t into = longer[0];
      for (size_t d : longer) {
        if (clusters_[d].articles.size() > clusters_[into].articles.size()) into = d;
      }
      for (size_t d : longer) {
        if (d != into && clusters_[d].alive) Absorb(into, d, false);
      }
      Absorb(into, c, true);
    }
  }

  // A one-word name joins the one multi-word person whose surname it is.
  void JoinSurnames() {
    for (size_t c : Alive(-1)) {
      if (!clusters_[c].alive) continue;
      const auto& words = Words(c);
      if (words.size() != 1) continue;
      int match = -1;
      bool ambiguous = false;
      for (size_t d : Alive(kPerson)) {
        if (d == c) continue;
        const auto& dw = Words(d);
        if (dw.size() < 2 || dw.back() != words[0]) continue;
        if (match >= 0) ambiguous = true;
        match = static_cast<int>(d);
      }
      if (match < 0 || ambiguous) continue;
      // "Ramsey" the town is not Charles Ramsey unless the articles that
      // write it also name him.
      if (clusters_[c].type != kPerson && CoOccurrence(c, {static_cast<size_t>(match)}) < options_.surname_together) continue;
      Absorb(static_cast<size_t>(match), c, true);
    }
  }

  // Spellings a letter or two off: people whose full names differ in one
  // word by at most two edits ("Latoya" / "Latonya Brown", "Brian" /
  // "Bryant Dalton"), compared spelling by spelling (so "Bryant A. Dalton"
  // does not hide "Bryant Dalton"); one-word places or organisations of six
  // letters or more one edit apart ("Schnectady"), unless some article
  // writes both (then they are two names).
  bool SpellingVariant(const std::vector<std::string>& a, const std::vector<std::string>& b, bool person) const {
    if (a.size() != b.size() || a == b) return false;
    if (person) {
      if (a.size() < 2 || a.back().size() < static_cast<size_t>(options_.person_spelling_min_letters)) return false;
      const size_t edits = static_cast<size_t>(options_.person_spelling_edits);
      size_t differing = 0, distance = 0;
      for (size_t k = 0; k < a.size(); ++k) {
        if (a[k] == b[k]) continue;
        ++differing;
        distance += EditDistance(a[k], b[k], edits);
      }
      return differing == 1 && distance <= edits;
    }
    return a.size() == 1 && a[0].size() >= static_cast<size_t>(options_.other_spelling_min_letters) &&
           EditDistance(a[0], b[0], 1) <= 1;
  }

  bool AnySpellingVariant(size_t x, size_t y, bool person) const {
    for (const auto& a : SpellingWords(x)) {
      for (const auto& b : SpellingWords(y)) {
        if (SpellingVariant(a, b, person)) return true;
      }
    }
    return false;
  }

  void JoinSpellingVariants() {
    auto alive = Alive(-1);
    for (size_t i = 0; i < alive.size(); ++i) {
      const size_t c = alive[i];
      if (!clusters_[c].alive) continue;
      for (size_t j = i + 1; j < alive.size(); ++j) {
        const size_t d = alive[j];
        if (!clusters_[d].alive || clusters_[c].type != clusters_[d].type) continue;
        const bool person = clusters_[c].type == kPerson;
        if (!AnySpellingVariant(c, d, person)) continue;
        if (!person) {
          bool side_by_side = false;
          for (uint32_t x : clusters_[c].articles) side_by_side = side_by_side || clusters_[d].Has(x);
          if (side_by_side) continue;
        }
        const bool c_major = clusters_[c].articles.size() >= clusters_[d].articles.size();
        Absorb(c_major ? c : d, c_major ? d : c, false);
        if (!c_major) break;
      }
    }
  }

  // "South Richmond Hill" is told as "Richmond Hill" by other outlets: a
  // place named by a compass word and another place's name of two words or
  // more joins it (a one-word rest, "South Korea" / "Korea", does not).
  void JoinCompassParts() {
    for (size_t c : Alive(kPlace)) {
      if (!clusters_[c].alive) continue;
      const auto& w = Words(c);
      if (w.size() < 3 || !InSet(kCompass, w[0])) continue;
      const std::vector<std::string> rest(w.begin() + 1, w.end());
      for (size_t d : Alive(kPlace)) {
        if (d != c && Words(d) == rest) {
          Absorb(d, c, false);
          break;
        }
      }
    }
  }

  // Joined clusters take the type their names' head words give, if any
  // ("Morningside" + "Morningside Recovery Center" is an organisation).
  void RetypeByHeads() {
    for (size_t c : Alive(-1)) {
      Cluster& cl = clusters_[c];
      if (cl.type == kPerson) continue;
      bool org = false, place = false;
      for (const auto& [n, arts] : cl.spellings) {
        org = org || HasHead(n, kOrgHeads);
        place = place || HasHead(n, kPlaceHeads);
      }
      if (org) {
        cl.type = kOrg;
      } else if (place) {
        cl.type = kPlace;
      }
    }
  }

  // Step 5: articles that write a resolved name without the tagger tagging
  // it. Searched: every multi-word spelling, one-word names of organisations
  // and places (not common words), and a person's surname when no other
  // person of the story has it; capitalised, as whole tokens, not inside a
  // longer capitalised name.
  void RecoverMissedMentions() {
    std::unordered_map<std::string, int> surname_owners;
    for (size_t c : Alive(kPerson)) {
      const auto& w = Words(c);
      if (w.size() >= 2) ++surname_owners[w.back()];
    }
    std::vector<TokenIndex> words;
    words.reserve(articles_.size());
    for (const auto* a : articles_) words.push_back(IndexTokens(*a));
    for (size_t c : Alive(-1)) {
      Cluster& cl = clusters_[c];
      std::vector<std::vector<std::string_view>> forms;
      std::vector<std::string> owned;  // keeps the surname strings alive
      owned.reserve(cl.spellings.size() + 1);
      for (const auto& [n, arts] : cl.spellings) {
        const auto w = base::SplitWords(n);
        if (w.size() >= 2 || (cl.type != kPerson && w.size() == 1 && w[0].size() >= 3 && !IsCommonWord(LowerWord(w[0])))) {
          forms.push_back(w);
        }
        // "Los Angeles Superior Court" is written "Superior Court" (or "LA
        // Superior Court") too: an organisation named after its place is
        // searched without it.
        if (cl.type == kOrg && w.size() >= 3 && HasHead(n, kOrgHeads)) {
          for (size_t k = 1; k + 2 <= w.size(); ++k) {
            std::string place;
            for (size_t j = 0; j < k; ++j) place += (j ? " " : "") + std::string(w[j]);
            if (places_.Contains(place)) forms.emplace_back(w.begin() + static_cast<long>(k), w.end());
          }
        }
      }
      if (cl.type == kPerson) {
        const std::string best = BestSpelling(cl);
        const auto w = base::SplitWords(best);
        if (w.size() >= 2 && w.back().size() >= 3 && surname_owners[LowerWord(w.back())] == 1) {
          owned.emplace_back(w.back());
          forms.push_back({std::string_view(owned.back())});
        }
      }
      std::vector<std::string> first_words;  // each form's first word, lower-cased
      for (const auto& form : forms) first_words.push_back(form.empty() ? std::string() : base::AsciiLower(form[0]));
      for (uint32_t ai = 0; ai < articles_.size(); ++ai) {
        if (cl.Has(ai)) continue;
        for (size_t f = 0; f < forms.size(); ++f) {
          if (Writes(*articles_[ai], words[ai], forms[f], first_words[f], cl.type == kPlace)) {
            cl.AddArticle(ai);
            cl.mentions += 1;
            break;
          }
        }
      }
    }
  }

  // An article's tokens, looked up by word: Writes is asked for every
  // entity's forms in every article, and scanning every token for each
  // (clusters x articles x tokens) was most of a 200-article story's time.
  struct TokenIndex {
    std::vector<bool> sentence_start;
    // ASCII-lower-cased word -> the tokens whose first word of a form it may
    // be (the token itself; without a possessive "'s"; each part after an
    // inner hyphen, "victims-LaTonya"), ascending.
    std::unordered_map<std::string, std::vector<uint32_t>> starts;
  };

  static TokenIndex IndexTokens(const extract::ArticleAnalysis& a) {
    const std::string_view text = a.doc.text;
    const auto& tk = a.tokens;
    TokenIndex index;
    index.sentence_start.assign(tk.size(), false);
    if (!tk.empty()) index.sentence_start[0] = true;
    for (uint32_t e : a.sentence_token_end) {
      if (e < tk.size()) index.sentence_start[e] = true;
    }
    auto add = [&](std::string_view key, uint32_t t) {
      if (key.empty()) return;
      auto& at = index.starts[base::AsciiLower(key)];
      if (at.empty() || at.back() != t) at.push_back(t);
    };
    for (uint32_t t = 0; t < tk.size(); ++t) {
      const std::string_view w = tk[t].In(text);
      add(w, t);
      if (const size_t possessive = text::PossessiveSuffixLength(w)) add(w.substr(0, w.size() - possessive), t);
      for (size_t i = 1; i + 1 < w.size(); ++i) {
        if (w[i] == '-') add(w.substr(i + 1), t);
      }
    }
    return index;
  }

  // True when `a` has the token sequence `form` (a one-word form as written,
  // a longer one in any case: "LaTonya Brown" = "Latonya Brown"; a
  // possessive "'s" allowed on the last word), not inside a longer name and
  // not in a title-case headline line. `index` is IndexTokens(a);
  // `first_word` is form[0] lower-cased.
  static bool Writes(const extract::ArticleAnalysis& a, const TokenIndex& index,
                     const std::vector<std::string_view>& form, const std::string& first_word, bool place) {
    const std::string_view text = a.doc.text;
    const auto& tk = a.tokens;
    const std::vector<bool>& sentence_start = index.sentence_start;
    if (form.empty()) return false;
    const auto starts = index.starts.find(first_word);
    if (starts == index.starts.end()) return false;
    // A neighbour that makes the match part of a longer name: capitalised,
    // not opening its sentence ("A Schenectady man"), not a day or month
    // ("Queens Friday"), not a compass word before a place ("Northeast
    // Philadelphia" is Philadelphia).
    auto name_like = [&](size_t t, bool before) {
      const std::string_view w = tk[t].In(text);
      if (w.empty() || !base::IsAsciiUpper(w[0]) || sentence_start[t]) return false;
      const std::string lower = LowerWord(w);
      if (InSet(kTrailingNoise, lower) || InSet(kMonths, lower)) return false;
      return !(before && place && InSet(kCompass, lower));
    };
    auto same = [&](std::string_view got, std::string_view want, bool last, bool first) {
      // "victims-LaTonya Brown": a word glued to the name by a hyphen.
      if (first && got.size() > want.size() + 1 && got[got.size() - want.size() - 1] == '-') {
        got.remove_prefix(got.size() - want.size());
      }
      if (last) {
        const size_t possessive = text::PossessiveSuffixLength(got);
        if (possessive != 0 && got.size() - possessive == want.size() && !want.empty()) got.remove_suffix(possessive);
      }
      return form.size() == 1 ? got == want : base::EqualsIgnoreCase(got, want);
    };
    for (const uint32_t t : starts->second) {
      if (t + form.size() > tk.size()) break;
      bool match = true;
      for (size_t k = 0; k < form.size() && match; ++k) {
        match = same(tk[t + k].In(text), form[k], k + 1 == form.size(), k == 0 && form.size() > 1);
      }
      if (!match) continue;
      const size_t end = t + form.size();
      const bool joined_before = t > 0 && name_like(t - 1, true) &&
                                 text.substr(tk[t - 1].end, tk[t].begin - tk[t - 1].end).find('\n') == std::string_view::npos;
      const bool joined_after = end < tk.size() && name_like(end, false) && tk[end].begin <= tk[end - 1].end + 1;
      // A longer name that holds a multi-word one still names it ("American
      // Medical Association Board of Trustees"); a one-word one must stand alone.
      if (form.size() == 1 && (joined_before || joined_after)) continue;
      // Headline capitals make a one-word match unreliable; a full name in a
      // headline still names the entity ("Lindsay Lohan Checks Into Rehab").
      if (form.size() == 1 && InHeadline(a, text::Span{tk[t].begin, tk[end - 1].end})) continue;
      return true;
    }
    return false;
  }

  EntityResolution Output() const {
    EntityResolution out;
    std::vector<int> index(clusters_.size(), -1);
    for (size_t c = 0; c < clusters_.size(); ++c) {
      if (!clusters_[c].alive) continue;
      const Cluster& cl = clusters_[c];
      ResolvedEntity e;
      e.type = static_cast<EntityType>(cl.type);
      e.spellings = cl.spellings;
      e.titles = cl.titles;
      e.articles = cl.articles;
      std::sort(e.articles.begin(), e.articles.end());
      e.mentions = cl.mentions;
      index[c] = static_cast<int>(out.entities.size());
      out.entities.push_back(std::move(e));
    }
    out.entity_of_linked.resize(articles_.size());
    for (size_t ai = 0; ai < articles_.size(); ++ai) {
      for (size_t c : cluster_of_[ai]) {
        out.entity_of_linked[ai].push_back(c == SIZE_MAX ? -1 : index[Final(c)]);
      }
    }
    return out;
  }

  const std::vector<const extract::ArticleAnalysis*>& articles_;
  const extract::PlaceGazetteer& places_;
  const ResolutionOptions& options_;
  std::vector<Cluster> clusters_;
  std::vector<std::vector<size_t>> cluster_of_;  // per article, per linked entity (SIZE_MAX: none)
  std::vector<size_t> redirect_;                 // per cluster: the one it joined (itself if none)
  std::unordered_map<std::string, std::array<int, 2>> case_counts_;  // word -> {lower, capitalised mid-sentence}
  // Per cluster, Words(c) and SpellingWords(c) as last computed; stale once
  // Absorb adds spellings. The join steps compare every pair of clusters:
  // folding each name once per change instead of once per pair.
  mutable std::vector<uint8_t> fresh_;  // bit 0: best_words_, bit 1: spelling_words_
  mutable std::vector<std::vector<std::string>> best_words_;
  mutable std::vector<std::vector<std::vector<std::string>>> spelling_words_;
};

}  // namespace

EntityResolution ResolveEntities(const std::vector<const extract::ArticleAnalysis*>& articles,
                                 const extract::PlaceGazetteer& places, const ResolutionOptions& options) {
  return Resolution(articles, places, options).Run();
}

}  // namespace newsfuse::synthesize
