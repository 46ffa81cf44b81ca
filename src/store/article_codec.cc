#include "store/article_codec.h"

#include <simdjson.h>
#include <xxhash.h>

#include <algorithm>
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

uint64_t CollapsedHash(std::string_view body) {
  // White space runs count as one space, so re-wrapped text is the same
  // content; the common case (already clean) hashes the body in one call.
  std::string collapsed;
  collapsed.reserve(body.size());
  bool space = false;
  for (char c : body) {
    const bool ws = c == ' ' || c == '\n' || c == '\t' || c == '\r';
    if (ws) {
      space = !collapsed.empty();
      continue;
    }
    if (space) collapsed.push_back(' ');
    space = false;
    collapsed.push_back(c);
  }
  if (collapsed.empty()) return 0;
  const uint64_t h = XXH3_64bits(collapsed.data(), collapsed.size());
  return h == 0 ? 1 : h;
}

std::string AsciiLowerCopy(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Cuts `body` to at most `max_bytes`, back to a space so that no word is
// split (a half word would be a token that matches nothing).
std::string_view SearchPrefix(std::string_view body, size_t max_bytes) {
  if (max_bytes == 0 || body.size() <= max_bytes) return body;
  const size_t cut = body.rfind(' ', max_bytes);
  return body.substr(0, cut == std::string_view::npos ? max_bytes : cut);
}

void AddNames(std::string_view text, std::unordered_set<std::string>& seen,
              std::vector<std::string>& out) {
  // Collect tokens first: a run is decided by looking at the gap between
  // neighbours (one space) and at the token after a sentence-initial word.
  struct Tok {
    std::string_view text;
    bool name;
    bool initial;
  };
  std::vector<Tok> toks;
  fingerprint::ForEachToken(text, [&](const fingerprint::Token& t) {
    const bool name = (t.capitalised || t.all_caps) && !t.stopword && t.text.size() >= 2 &&
                      !fingerprint::IsEntityStopword(t.hash);
    toks.push_back({t.text, name, t.sentence_initial});
  });
  auto add = [&](std::string token) {
    if (out.size() >= kMaxNameTokens) return;
    if (seen.insert(token).second) out.push_back(std::move(token));
  };
  for (size_t i = 0; i < toks.size();) {
    if (!toks[i].name) {
      ++i;
      continue;
    }
    size_t j = i + 1;
    while (j < toks.size() && j - i < kMaxRunWords && toks[j].name &&
           toks[j].text.data() == toks[j - 1].text.data() + toks[j - 1].text.size() + 1 &&
           toks[j].text.data()[-1] == ' ') {
      ++j;
    }
    // A lone capitalised word at a sentence start is usually just the first
    // word ("Officials said ..."): not a name.
    if (j - i == 1 && toks[i].initial) {
      i = j;
      continue;
    }
    std::string run;
    for (size_t k = i; k < j; ++k) {
      if (!run.empty()) run.push_back('_');
      run += AsciiLowerCopy(toks[k].text);
    }
    add(std::move(run));
    if (j - i > 1) {
      for (size_t k = i; k < j; ++k) add(AsciiLowerCopy(toks[k].text));
    }
    i = j;
  }
}

}  // namespace

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

std::vector<std::string> NameTokens(const Article& article) {
  std::unordered_set<std::string> seen;
  std::vector<std::string> out;
  if (article.title) AddNames(*article.title, seen, out);
  for (const Paragraph& p : article.paragraphs) {
    if (out.size() >= kMaxNameTokens) break;
    AddNames(p.text, seen, out);
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
  e.body_hash = CollapsedHash(e.body);
  {
    base::JsonWriter w(&e.paragraphs_json);
    w.BeginArray();
    for (const Paragraph& p : article.paragraphs) {
      w.BeginObject();
      w.Field("t", p.text);
      if (p.is_heading) { w.Key("h"); w.Int(1); }
      if (p.is_list_item) { w.Key("l"); w.Int(1); }
      if (!p.label.empty()) w.Field("b", p.label);
      w.EndObject();
    }
    w.EndArray();
  }
  {
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
  HashOptional(state, article.published);
  HashOptional(state, article.language);
  HashField(state, e.paragraphs_json);
  HashField(state, e.dropped_json);
  e.record_hash = XXH3_64bits_digest(state);
  XXH3_freeState(state);

  e.search_body = std::string(SearchPrefix(e.body, search_body_bytes));
  for (const std::string& n : NameTokens(article)) {
    if (!e.names.empty()) e.names.push_back(' ');
    e.names += n;
  }
  return e;
}

Status DecodeParagraphs(std::string_view json, std::string_view where, Article* article) {
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element doc;
  if (parser.parse(json.data(), json.size()).get(doc) != simdjson::SUCCESS) {
    return Status::DataLoss(where, "stored paragraphs are not valid JSON");
  }
  simdjson::dom::array items;
  if (doc.get_array().get(items) != simdjson::SUCCESS) {
    return Status::DataLoss(where, "stored paragraphs are not a list");
  }
  article->paragraphs.clear();
  for (simdjson::dom::element item : items) {
    Paragraph p;
    std::string_view s;
    if (item["t"].get_string().get(s) != simdjson::SUCCESS) {
      return Status::DataLoss(where, "stored paragraph without text");
    }
    p.text = std::string(s);
    int64_t flag = 0;
    if (item["h"].get_int64().get(flag) == simdjson::SUCCESS) p.is_heading = flag != 0;
    if (item["l"].get_int64().get(flag) == simdjson::SUCCESS) p.is_list_item = flag != 0;
    if (item["b"].get_string().get(s) == simdjson::SUCCESS) p.label = std::string(s);
    article->paragraphs.push_back(std::move(p));
  }
  return Status::Ok();
}

Status DecodeDropped(std::string_view json, std::string_view where, Article* article) {
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
