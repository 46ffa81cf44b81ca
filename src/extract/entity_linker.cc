#include "extract/entity_linker.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "base/strings.h"

namespace newsfuse::extract {

namespace {

using base::AsciiLower;

// Head nouns of titles: a title must contain one.
bool IsTitleHead(std::string_view lower) {
  static const std::unordered_set<std::string_view> kHeads = {
      "president", "minister", "minster", "secretary", "adviser", "advisor", "chief", "spokesman",
      "spokeswoman", "spokesperson", "director", "ambassador", "senator", "sen.", "governor",
      "gov.", "mayor", "general", "gen.", "commander", "chairman", "chairwoman", "chair",
      "leader", "envoy", "head", "king", "queen", "prince", "pope", "judge", "justice",
      "attorney", "ceo", "founder", "representative", "rep.", "speaker", "premier",
      "chancellor", "officer", "coordinator", "negotiator", "counsel", "master", "commissioner",
      "superintendent", "sheriff", "captain", "colonel", "col.", "lt.", "lieutenant", "admiral",
      "marshal", "treasurer", "manager", "editor", "correspondent", "analyst", "professor",
      "economist", "deputy", "councilman", "councilwoman", "lawmaker", "official",
      // Roles outside politics that news gives people as titles.
      "actress", "actor", "singer", "lawyer", "prosecutor", "dispatcher", "physician",
      "nominee", "rector", "vicar", "capt.", "cpl.", "sgt.", "det.", "detective",
      "lt", "capt", "cpl", "sgt"};
  return kHeads.count(lower) > 0;
}

// Words that may stand inside a title besides heads.
bool IsTitleWord(std::string_view lower) {
  static const std::unordered_set<std::string_view> kWords = {
      "national", "security", "press", "state", "foreign", "defense", "defence", "strategic",
      "affairs", "communications", "council", "prime", "vice", "deputy", "senior", "former",
      "acting", "of", "for", "interior", "finance", "health", "homeland", "intelligence",
      "military", "top", "chief", "general", "white", "house", "staff", "joint", "chiefs",
      "economic", "trade", "treasury", "justice", "energy", "transportation", "transit",
      "harbor", "harbour", "public", "relations", "policy", "operations", "assistant",
      "principal", "executive", "managing", "political", "diplomatic", "cabinet", "war",
      "agriculture", "education", "labor", "commerce", "environment", "climate", "city",
      "county", "district", "regional", "federal", "supreme", "high", "armed", "forces",
      "army", "navy", "air", "force", "police", "fire", "spokesperson", "department",
      "surgeon", "associate", "rear", "family", "superior", "court", "homicide", "common", "pleas"};
  return kWords.count(lower) > 0 || IsTitleHead(lower);
}

bool IsHonorific(std::string_view w) {
  static const std::unordered_set<std::string_view> kHon = {
      "Mr",     "Mr.",    "Mrs",  "Mrs.", "Ms",    "Ms.",   "Dr",  "Dr.", "Sir",   "Dame",
      "Doctor", "Sister", "Msgr", "Msgr.", "Rev", "Rev.", "Sr.", "Prof", "Prof."};
  return kHon.count(w) > 0;
}

std::vector<std::string_view> NameWords(std::string_view name) { return base::SplitWords(name); }

std::string JoinTokens(std::string_view text, std::span<const text::Span> tokens, size_t from, size_t to) {
  if (from >= to) return "";
  return std::string(text.substr(tokens[from].begin, tokens[to - 1].end - tokens[from].begin));
}

// Index of the first token starting at or after `offset`.
size_t TokenAt(std::span<const text::Span> tokens, uint32_t offset) {
  return static_cast<size_t>(std::lower_bound(tokens.begin(), tokens.end(), offset,
                                              [](const text::Span& t, uint32_t o) { return t.begin < o; }) -
                             tokens.begin());
}

bool Capitalised(std::string_view w) { return !w.empty() && base::IsAsciiUpper(w[0]); }

// A title read backwards from token `end` (exclusive): the longest run of
// title words, which must end in a head word (the word right before the name)
// or contain one. `blocked[t]` marks tokens inside other entity mentions.
std::string TitleBefore(std::string_view text, std::span<const text::Span> tokens,
                        const std::vector<bool>& blocked, size_t end) {
  // An honorific between title and name ("chief executive officer Sister
  // Carol Keehan") belongs to neither.
  if (end > 0 && IsHonorific(tokens[end - 1].In(text))) --end;
  // "the nation's next Surgeon General, Doctor Regina Benjamin": a title
  // set off by a comma, when it opens with capitals.
  if (end > 1 && tokens[end - 1].In(text) == "," && Capitalised(tokens[end - 2].In(text)) &&
      IsTitleHead(AsciiLower(tokens[end - 2].In(text)))) {
    --end;
  }
  size_t begin = end;
  bool head = false;
  while (begin > 0 && end - begin < 8) {
    const size_t t = begin - 1;
    const std::string_view w = tokens[t].In(text);
    const std::string lower = AsciiLower(w);
    // Another entity stops the title ("Israeli Prime Minister"), unless its
    // words are title words themselves ("White House National Security adviser").
    if (!IsTitleWord(lower)) break;
    (void)blocked;
    head |= IsTitleHead(lower);
    begin = t;
  }
  // Trim function words and modifiers that cannot open a title.
  while (begin < end) {
    const std::string lower = AsciiLower(tokens[begin].In(text));
    if (lower == "of" || lower == "for" || lower == "former" || lower == "top") {
      ++begin;
      continue;
    }
    break;
  }
  if (!head || begin >= end) return "";
  return JoinTokens(text, tokens, begin, end);
}

// "NAME, Israel's minister for strategic affairs," / "NAME, the harbor master."
bool IsDegree(std::string_view w) {
  std::string k;
  for (char c : w) {
    if (c != '.') k.push_back(c);
  }
  return k == "MD" || k == "PhD" || k == "MBA" || k == "DC" || k == "Esq" || k == "Jr" || k == "RN" || k == "DO";
}

std::string TitleAfter(std::string_view text, std::span<const text::Span> tokens,
                       const std::vector<bool>& blocked, size_t after) {
  // Degrees and suffixes before the appositive: "Regina M. Benjamin, MD, a
  // family physician from southern Alabama".
  while (after + 2 < tokens.size() && tokens[after].In(text) == "," && IsDegree(tokens[after + 1].In(text))) {
    after += 2;
  }
  if (after >= tokens.size() || tokens[after].In(text) != ",") return "";
  size_t t = after + 1;
  // Optional determiner or possessor: "the", "a", "Israel 's", "his".
  if (t < tokens.size()) {
    const std::string lower = AsciiLower(tokens[t].In(text));
    if (lower == "the" || lower == "a" || lower == "an" || lower == "his" || lower == "her" || lower == "as") {
      ++t;
    } else if (blocked[t] && t + 1 < tokens.size() &&
               (tokens[t + 1].In(text) == "'s" || tokens[t + 1].In(text) == "\xE2\x80\x99s")) {
      t += 2;
    }
  }
  const size_t begin = t;
  bool head = false;
  while (t < tokens.size() && t - begin < 8 && !blocked[t]) {
    const std::string lower = AsciiLower(tokens[t].In(text));
    if (!IsTitleWord(lower)) break;
    head |= IsTitleHead(lower);
    ++t;
  }
  if (!head || t == begin) return "";
  // The title ends at punctuation, or before "of the ..." / "at the ..."
  // naming where the title holds ("Vicar General of the Archdiocese").
  const std::string next_lower = t < tokens.size() ? AsciiLower(tokens[t].In(text)) : "";
  const bool before_place_phrase =
      t < tokens.size() &&
      ((t > begin + 1 && AsciiLower(tokens[t - 1].In(text)) == "of" && next_lower == "the") ||
       next_lower == "from" || next_lower == "at" || next_lower == "in" || next_lower == "with" || next_lower == "who");
  if (t < tokens.size() && !before_place_phrase) {
    const std::string_view next = tokens[t].In(text);
    if (next != "," && next != "." && next != ";") return "";
  }
  // Drop a trailing "of"/"for" left dangling.
  while (t > begin) {
    const std::string lower = AsciiLower(tokens[t - 1].In(text));
    if (lower != "of" && lower != "for") break;
    --t;
  }
  return JoinTokens(text, tokens, begin, t);
}

std::string Initials(const std::vector<std::string_view>& words) {
  std::string out;
  for (auto w : words) {
    if (Capitalised(w)) out.push_back(w[0]);
  }
  return out;
}

// True when words[first..] opens with a run of title words that ends in a
// head word and is followed by at least one more word: the run is a title,
// not part of the name ("President Biden", but not "National Guard").
bool IsTitleHeadOrTitleChain(const std::vector<std::string_view>& words, size_t first) {
  for (size_t i = first; i + 1 < words.size(); ++i) {
    const std::string lower = AsciiLower(words[i]);
    if (!IsTitleWord(lower)) return false;
    if (IsTitleHead(lower)) return true;
  }
  return false;
}

bool IsDayOrMonth(std::string_view lower) {
  static const std::unordered_set<std::string_view> kWords = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
      "february", "march", "april", "may", "june", "july", "august", "september", "october",
      "november", "december"};
  return kWords.count(lower) > 0;
}

// The tagger sometimes tags only the last words of a person's name
// ("Regina [M. Benjamin]", "AMA President J. [James Rohack]", "LaTonya
// [Sharon Brown]"). A person mention takes in up to two words right before
// it (one space apart, untagged): an initial ("J."), or a capitalised word
// that is not a title, honorific, day or month and that either stands
// inside its sentence or is a word of another person name of the article.
void ExtendCutPersonNames(std::string_view text, std::span<const text::Span> tokens,
                          std::span<const EntityMention> mentions, std::vector<bool>* blocked,
                          std::vector<std::pair<size_t, size_t>>* token_range, std::vector<std::string>* clean) {
  std::unordered_set<std::string_view> person_words;
  for (const auto& m : mentions) {
    if (m.type != EntityType::kPerson) continue;
    for (auto w : NameWords(m.span.In(text))) {
      if (Capitalised(w)) person_words.insert(w);
    }
  }
  for (size_t i = 0; i < mentions.size(); ++i) {
    if (mentions[i].type != EntityType::kPerson) continue;
    size_t b = (*token_range)[i].first;
    const size_t original = b;
    while (b > 0 && original - b < 2) {
      const size_t t = b - 1;
      if ((*blocked)[t] || text.substr(tokens[t].end, tokens[b].begin - tokens[t].end) != " ") break;
      const std::string_view w = tokens[t].In(text);
      const bool initial = w.size() == 2 && base::IsAsciiUpper(w[0]) && w[1] == '.';
      const std::string lower = AsciiLower(w);
      bool ok = initial;
      if (!ok && Capitalised(w) && !IsTitleWord(lower) && !IsHonorific(w) && !IsDayOrMonth(lower)) {
        bool mid_sentence = false;
        if (t > 0) {
          const std::string_view prev = tokens[t - 1].In(text);
          const std::string_view gap = text.substr(tokens[t - 1].end, tokens[t].begin - tokens[t - 1].end);
          mid_sentence = gap.find('\n') == std::string_view::npos && prev != "." && prev != "!" && prev != "?" &&
                         prev != ":" && prev != "\"" && !prev.ends_with("\xE2\x80\x9C");
        }
        ok = mid_sentence || person_words.count(w) > 0;
      }
      if (!ok) break;
      b = t;
    }
    if (b == original) continue;
    for (size_t t = b; t < original; ++t) (*blocked)[t] = true;
    (*token_range)[i].first = b;
    (*clean)[i] = CleanName(text.substr(tokens[b].begin, mentions[i].span.end - tokens[b].begin));
  }
}

}  // namespace

std::string CleanName(std::string_view mention) {
  std::string_view m = base::Trim(mention);
  for (std::string_view suffix : {"'s", "\xE2\x80\x99s", "'"}) {
    if (m.size() > suffix.size() && m.substr(m.size() - suffix.size()) == suffix) {
      m.remove_suffix(suffix.size());
      break;
    }
  }
  auto words = NameWords(m);
  size_t first = 0;
  // Honorifics and titles the tagger took into the name: "Mr. Netanyahu",
  // "President Biden", "Prime Minister Benjamin Netanyahu".
  while (first + 1 < words.size() &&
         (IsHonorific(words[first]) || (IsTitleWord(AsciiLower(words[first])) && words[first] != "Of" &&
                                        Capitalised(words[first]) && first + 1 < words.size() &&
                                        IsTitleHeadOrTitleChain(words, first)))) {
    ++first;
  }
  if (first == 0) return base::CollapseWhitespace(m);
  const size_t start = static_cast<size_t>(words[first].data() - m.data());
  return base::CollapseWhitespace(m.substr(start));
}

LinkResult LinkEntities(std::string_view text, std::span<const text::Span> tokens,
                        std::span<const EntityMention> mentions) {
  LinkResult result;
  result.entity_of_mention.assign(mentions.size(), 0);
  std::vector<bool> blocked(tokens.size(), false);
  std::vector<std::pair<size_t, size_t>> token_range(mentions.size());
  for (size_t i = 0; i < mentions.size(); ++i) {
    const size_t b = TokenAt(tokens, mentions[i].span.begin);
    size_t e = b;
    while (e < tokens.size() && tokens[e].begin < mentions[i].span.end) ++e;
    token_range[i] = {b, e};
    for (size_t t = b; t < e; ++t) blocked[t] = true;
  }

  // Full names first, so that surnames and acronyms find them.
  std::unordered_map<std::string, uint32_t> by_key;
  auto key_of = [](const std::string& name, EntityType type) {
    std::string k = AsciiLower(name);
    k.erase(std::remove(k.begin(), k.end(), '.'), k.end());
    return k + "#" + std::to_string(static_cast<int>(type == EntityType::kPerson));
  };
  std::vector<std::string> clean(mentions.size());
  for (size_t i = 0; i < mentions.size(); ++i) clean[i] = CleanName(mentions[i].span.In(text));
  ExtendCutPersonNames(text, tokens, mentions, &blocked, &token_range, &clean);
  std::vector<size_t> order(mentions.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return NameWords(clean[a]).size() > NameWords(clean[b]).size();
  });

  for (size_t i : order) {
    const EntityMention& m = mentions[i];
    const std::string& name = clean[i];
    if (name.empty()) continue;
    const auto words = NameWords(name);
    int target = -1;
    if (auto it = by_key.find(key_of(name, m.type)); it != by_key.end()) {
      target = static_cast<int>(it->second);
    } else if (m.type == EntityType::kPerson && words.size() == 1) {
      // A surname: the full name in this article that ends with it.
      for (uint32_t e = 0; e < result.entities.size(); ++e) {
        const auto& ent = result.entities[e];
        if (ent.type != EntityType::kPerson) continue;
        const auto ew = NameWords(ent.name);
        if (ew.size() > 1 && (ew.back() == words[0] || ew.front() == words[0])) {
          target = static_cast<int>(e);
          break;
        }
      }
    } else if (words.size() == 1 && words[0].size() >= 2 && words[0].size() <= 6) {
      // An acronym of a longer organisation named in the article: "SCG".
      bool all_caps = true;
      for (char c : words[0]) all_caps &= base::IsAsciiUpper(c);
      if (all_caps) {
        for (uint32_t e = 0; e < result.entities.size(); ++e) {
          const auto ew = NameWords(result.entities[e].name);
          if (ew.size() >= 2 && Initials(ew) == words[0]) {
            target = static_cast<int>(e);
            break;
          }
        }
      }
    }
    if (target < 0) {
      LinkedEntity ent;
      ent.name = name;
      ent.type = m.type;
      target = static_cast<int>(result.entities.size());
      result.entities.push_back(std::move(ent));
      by_key[key_of(name, m.type)] = static_cast<uint32_t>(target);
    }
    LinkedEntity& ent = result.entities[target];
    ent.mentions.push_back(static_cast<uint32_t>(i));
    if (std::find(ent.surface_forms.begin(), ent.surface_forms.end(), name) == ent.surface_forms.end()) {
      ent.surface_forms.push_back(name);
    }
    result.entity_of_mention[i] = static_cast<uint32_t>(target);
    if (m.type == EntityType::kPerson) {
      auto [b, e] = token_range[i];
      // Honorifics inside the mention do not count as part of the name span.
      for (const std::string& title : {TitleBefore(text, tokens, blocked, b), TitleAfter(text, tokens, blocked, e)}) {
        if (!title.empty() && std::find(ent.titles.begin(), ent.titles.end(), title) == ent.titles.end()) {
          ent.titles.push_back(title);
        }
      }
    }
  }
  for (auto& ent : result.entities) std::sort(ent.mentions.begin(), ent.mentions.end());
  return result;
}

}  // namespace newsfuse::extract
