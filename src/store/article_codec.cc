#include "store/article_codec.h"

#include <simdjson.h>
#include <xxhash.h>

#include <algorithm>
#include <array>
#include <unordered_set>

#include "base/json_writer.h"
#include "fingerprint/entities.h"
#include "fingerprint/tokens.h"

namespace newsfuse::store {
namespace {

constexpr size_t kMaxNameTokens = 96;
constexpr size_t kMaxRunWords = 5;

// Field separators for the record hash: a length before each field, so that
// moving bytes between two fields changes the hash.
void HashField(XXH3_state_t* state, std::string_view s) {
  const uint64_t n = s.size();
  XXH3_64bits_update(state, &n, sizeof n);
  XXH3_64bits_update(state, s.data(), s.size());
}

void HashOptional(XXH3_state_t* state, const std::optional<std::string>& s) {
  const char present = s ? 1 : 0;
  XXH3_64bits_update(state, &present, 1);
  if (s) HashField(state, *s);
}

// True when splitting the joined body on "\n\n" gives the paragraphs back.
bool PlainLayout(const Article& article) {
  for (const Paragraph& p : article.paragraphs) {
    if (p.is_heading || p.is_list_item || !p.label.empty() || p.text.empty()) return false;
    if (p.text.front() == '\n' || p.text.back() == '\n') return false;
    if (p.text.find("\n\n") != std::string::npos) return false;
  }
  return true;
}

std::string AsciiLowerCopy(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}


// Function words that start a capitalised run at a sentence start ("The
// White House", "In Marlow") but are not part of the name.
constexpr const char* kLeadWords[] = {
    "the", "a", "an", "in", "on", "at", "of", "for", "to", "and", "but", "or", "as", "by", "with",
    "from", "this", "that", "these", "those", "it", "he", "she", "they", "we", "i", "his", "her",
    "their", "its", "our", "after", "before", "when", "while", "if", "there", "here", "what", "who",
    "which", "where", "why", "how", "mr", "mrs", "ms", "dr", "said", "says", "not", "no", "so",
    "then", "now", "all", "some", "one", "two", "under", "over", "during", "about", "according"};

bool IsLeadWord(uint64_t hash) {
  static const std::vector<uint64_t> hashes = [] {
    std::vector<uint64_t> v;
    for (const char* w : kLeadWords) v.push_back(fingerprint::HashLower(w));
    std::sort(v.begin(), v.end());
    return v;
  }();
  return std::binary_search(hashes.begin(), hashes.end(), hash);
}

// Byte classes for the name scanner: a table lookup per byte instead of
// a chain of comparisons (this loop runs over every byte ingested).
enum : uint8_t { kSep = 0, kLower = 1, kUpper = 2, kHigh = 3 };
constexpr std::array<uint8_t, 256> kByteClass = [] {
  std::array<uint8_t, 256> t{};
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLower;
  for (int c = '0'; c <= '9'; ++c) t[c] = kLower;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kUpper;
  for (int c = 0x80; c < 0x100; ++c) t[c] = kHigh;
  return t;
}();

bool IsWordByte(const unsigned char* p, const unsigned char* end) {
  const uint8_t k = kByteClass[*p];
  if (k != kHigh) return k != kSep;
  // U+2000..U+206F (curly quotes, dashes) and NBSP / guillemets separate words.
  if (*p == 0xE2 && p + 1 < end && (p[1] == 0x80 || p[1] == 0x81)) return false;
  if (*p == 0xC2 && p + 1 < end && (p[1] == 0xA0 || p[1] == 0xAB || p[1] == 0xBB)) return false;
  return true;
}

// One pass over the text that hashes only capitalised words (a tenth of the
// words of news text): the fingerprinter's full token description would cost
// as much again as fingerprinting.
// The distinct name tokens found so far, space separated, with their hashes
// for the duplicate check (no string per token: this runs per article).
struct NameSink {
  std::string out;
  size_t count = 0;
  // Open addressing over the tokens' hashes (0 = empty slot), four times as
  // many slots as tokens kept: a probe or two per token, where a linear
  // search of the kept ones cost ~40 compares a token.
  static constexpr size_t kSlots = 512;
  static_assert(kSlots >= 4 * kMaxNameTokens && (kSlots & (kSlots - 1)) == 0);
  std::array<uint64_t, kSlots> slots{};
  std::string token;  // scratch

  bool full() const { return count >= kMaxNameTokens; }

  void Add(std::string_view t) {
    if (full()) return;
    const uint64_t h = XXH3_64bits(t.data(), t.size()) | 1;  // never 0
    size_t i = h & (kSlots - 1);
    while (slots[i] != 0) {
      if (slots[i] == h) return;
      i = (i + 1) & (kSlots - 1);
    }
    slots[i] = h;
    ++count;
    if (!out.empty()) out.push_back(' ');
    out += t;
  }
};

void AppendLower(std::string_view s, std::string& out) {
  const size_t at = out.size();
  out.append(s);
  for (size_t i = at; i < out.size(); ++i) {
    if (out[i] >= 'A' && out[i] <= 'Z') out[i] = static_cast<char>(out[i] - 'A' + 'a');
  }
}

void AddNames(std::string_view text, NameSink& sink) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  std::string_view run[kMaxRunWords];  // the current run of name words
  size_t run_size = 0;
  bool run_initial = false;           // the run's first word starts a sentence
  const unsigned char* last_end = nullptr;
  auto flush = [&] {
    // A lone capitalised word at a sentence start is usually just the first
    // word ("Officials said ..."): not a name.
    if (run_size > 0 && !(run_size == 1 && run_initial)) {
      std::string& joined = sink.token;
      joined.clear();
      for (size_t i = 0; i < run_size; ++i) {
        if (i > 0) joined.push_back('_');
        AppendLower(run[i], joined);
      }
      sink.Add(joined);
      if (run_size > 1) {
        for (size_t i = 0; i < run_size; ++i) {
          joined.clear();
          AppendLower(run[i], joined);
          sink.Add(joined);
        }
      }
    }
    run_size = 0;
  };
  bool sentence_start = true;
  while (p < end) {
    if (!IsWordByte(p, end)) {
      const unsigned char c = *p;
      if (c == '.' || c == '!' || c == '?' || c == ':' || c == '\n') sentence_start = true;
      ++p;
      if (c >= 0x80) {
        while (p < end && (*p & 0xC0) == 0x80) ++p;
      }
      continue;
    }
    const auto* begin = p;
    ++p;
    while (p < end && kByteClass[*p] == kLower) ++p;  // the common case: plain letters
    while (p < end && IsWordByte(p, end)) ++p;
    const bool initial = sentence_start;
    sentence_start = false;
    const std::string_view word(reinterpret_cast<const char*>(begin), static_cast<size_t>(p - begin));
    bool name = *begin >= 'A' && *begin <= 'Z' && word.size() >= 2;
    if (name) {
      const uint64_t h = fingerprint::HashLower(word);
      name = !fingerprint::IsEntityStopword(h) && !IsLeadWord(h);
    }
    if (!name) {
      flush();
      continue;
    }
    // Words of one name are separated by exactly one space.
    const bool joins = run_size > 0 && run_size < kMaxRunWords && begin == last_end + 1 && *last_end == ' ';
    if (!joins) {
      flush();
      run_initial = initial;
    }
    run[run_size++] = word;
    last_end = p;
  }
  flush();
}

}  // namespace

// Cuts `body` to at most `max_bytes`, back to a space so that no word is
// split (a half word would be a token that matches nothing).
std::string_view SearchPrefix(std::string_view body, size_t max_bytes) {
  if (max_bytes == 0 || body.size() <= max_bytes) return body;
  const size_t cut = body.rfind(' ', max_bytes);
  return body.substr(0, cut == std::string_view::npos ? max_bytes : cut);
}

std::string BodyText(const Article& article) {
  std::string body;
  size_t n = 0;
  for (const Paragraph& p : article.paragraphs) n += p.text.size() + 2;
  body.reserve(n);
  for (const Paragraph& p : article.paragraphs) {
    if (!body.empty()) body += "\n\n";
    body += p.text;
  }
  return body;
}

namespace {

// The names of EncodedArticle::names: tokens space separated (a token never
// holds a space).
std::string NamesString(const Article& article) {
  NameSink sink;
  if (article.title) AddNames(*article.title, sink);
  for (const Paragraph& p : article.paragraphs) {
    if (sink.full()) break;
    AddNames(p.text, sink);
  }
  return std::move(sink.out);
}

}  // namespace

std::vector<std::string> NameTokens(const Article& article) {
  std::vector<std::string> out;
  const std::string names = NamesString(article);
  size_t i = 0;
  while (i < names.size()) {
    size_t j = names.find(' ', i);
    if (j == std::string::npos) j = names.size();
    out.emplace_back(names, i, j - i);
    i = j + 1;
  }
  return out;
}

std::string NameToken(std::string_view name) {
  std::string token;
  fingerprint::ForEachToken(name, [&](const fingerprint::Token& t) {
    if (!token.empty()) token.push_back('_');
    token += AsciiLowerCopy(t.text);
  });
  return token;
}

std::string TextQuery(std::string_view text) {
  std::string query;
  fingerprint::ForEachToken(text, [&](const fingerprint::Token& t) {
    if (!query.empty()) query.push_back(' ');
    query.push_back('"');
    query += t.text;  // word characters only: no '"' to escape
    query.push_back('"');
  });
  return query;
}

EncodedArticle EncodeArticle(const Article& article, size_t search_body_bytes) {
  EncodedArticle e;
  e.body = BodyText(article);
  if (!e.body.empty()) {
    e.body_hash = XXH3_64bits(e.body.data(), e.body.size());
    if (e.body_hash == 0) e.body_hash = 1;  // 0 means "no body"
  }
  if (!PlainLayout(article)) {
    base::JsonWriter w(&e.layout);
    w.BeginArray();
    for (const Paragraph& p : article.paragraphs) {
      w.BeginArray();
      w.Int(static_cast<int64_t>(p.text.size()));
      w.Int((p.is_heading ? 1 : 0) | (p.is_list_item ? 2 : 0));
      w.String(p.label);
      w.EndArray();
    }
    w.EndArray();
  }
  if (!article.dropped.empty()) {
    base::JsonWriter w(&e.dropped_json);
    w.BeginArray();
    for (const DroppedLine& d : article.dropped) {
      w.BeginObject();
      w.Key("k");
      w.Int(static_cast<int>(d.kind));
      w.Field("t", d.text);
      w.EndObject();
    }
    w.EndArray();
  }
  XXH3_state_t* state = XXH3_createState();
  XXH3_64bits_reset(state);
  HashField(state, article.id);
  HashOptional(state, article.outlet);
  HashOptional(state, article.url);
  HashOptional(state, article.title);
  HashOptional(state, article.subtitle);
  HashOptional(state, OptionalDateString(article.published));
  HashOptional(state, article.language);
  HashField(state, e.body);
  HashField(state, e.layout);
  HashField(state, e.dropped_json);
  e.record_hash = XXH3_64bits_digest(state);
  XXH3_freeState(state);

  e.search_body = std::string(SearchPrefix(e.body, search_body_bytes));
  e.names = NamesString(article);
  return e;
}

Status DecodeBody(std::string_view body, std::string_view layout, std::string_view where, Article* article) {
  article->paragraphs.clear();
  if (layout.empty()) {
    size_t i = 0;
    while (i < body.size()) {
      size_t j = body.find("\n\n", i);
      if (j == std::string_view::npos) j = body.size();
      article->paragraphs.push_back({std::string(body.substr(i, j - i)), false, false, ""});
      i = j + 2;
    }
    return Status::Ok();
  }
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element doc;
  simdjson::dom::array items;
  if (parser.parse(layout.data(), layout.size()).get(doc) != simdjson::SUCCESS ||
      doc.get_array().get(items) != simdjson::SUCCESS) {
    return Status::DataLoss(where, "stored paragraph layout is not a JSON list");
  }
  size_t at = 0;
  for (simdjson::dom::element item : items) {
    simdjson::dom::array fields;
    int64_t bytes = 0, flags = 0;
    std::string_view label;
    if (item.get_array().get(fields) != simdjson::SUCCESS || fields.at(0).get_int64().get(bytes) ||
        fields.at(1).get_int64().get(flags) || fields.at(2).get_string().get(label) || bytes < 0 ||
        at + static_cast<size_t>(bytes) > body.size()) {
      return Status::DataLoss(where, "stored paragraph layout does not fit the body");
    }
    Paragraph p;
    p.text = std::string(body.substr(at, static_cast<size_t>(bytes)));
    p.is_heading = (flags & 1) != 0;
    p.is_list_item = (flags & 2) != 0;
    p.label = std::string(label);
    article->paragraphs.push_back(std::move(p));
    at += static_cast<size_t>(bytes) + 2;
  }
  return Status::Ok();
}

Status DecodeDropped(std::string_view json, std::string_view where, Article* article) {
  article->dropped.clear();
  if (json.empty()) return Status::Ok();
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (parser.parse(json.data(), json.size()).get(doc) != simdjson::SUCCESS) {
    return Status::DataLoss(where, "stored dropped lines are not valid JSON");
  }
  simdjson::dom::array items;
  if (doc.get_array().get(items) != simdjson::SUCCESS) {
    return Status::DataLoss(where, "stored dropped lines are not a list");
  }
  article->dropped.clear();
  for (simdjson::dom::element item : items) {
    int64_t kind = 0;
    std::string_view text;
    if (item["k"].get_int64().get(kind) != simdjson::SUCCESS ||
        item["t"].get_string().get(text) != simdjson::SUCCESS) {
      return Status::DataLoss(where, "stored dropped line without kind or text");
    }
    if (kind < 0 || kind > static_cast<int64_t>(BoilerplateKind::kOther)) kind = static_cast<int64_t>(BoilerplateKind::kOther);
    article->dropped.push_back({static_cast<BoilerplateKind>(kind), std::string(text)});
  }
  return Status::Ok();
}

}  // namespace newsfuse::store
