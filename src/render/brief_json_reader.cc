#include "render/brief_json_reader.h"

#include <simdjson.h>

#include <string>
#include <vector>

namespace newsfuse::render {
namespace {

using simdjson::dom::element;
using simdjson::dom::object;

std::string Str(object o, std::string_view key) {
  std::string_view s;
  if (o.at_key(key).get_string().get(s)) return {};
  return std::string(s);
}

std::optional<std::string> OptStr(object o, std::string_view key) {
  std::string_view s;
  if (o.at_key(key).get_string().get(s)) return std::nullopt;
  return std::string(s);
}

std::vector<std::string> Strings(object o, std::string_view key) {
  std::vector<std::string> out;
  simdjson::dom::array a;
  if (o.at_key(key).get_array().get(a)) return out;
  for (element e : a) {
    std::string_view s;
    if (!e.get_string().get(s)) out.emplace_back(s);
  }
  return out;
}

bool Bool(object o, std::string_view key) {
  bool b = false;
  return !o.at_key(key).get_bool().get(b) && b;
}

// An item's "rank" (1 = most important); 0 when absent, as in briefings
// stored before ranks were written.
int Rank(object o) {
  int64_t rank = 0;
  return !o.at_key("rank").get_int64().get(rank) && rank > 0 ? static_cast<int>(rank) : 0;
}

// Calls fn(object) for each object of the array at `key`.
template <typename Fn>
void ForEach(object o, std::string_view key, Fn&& fn) {
  simdjson::dom::array a;
  if (o.at_key(key).get_array().get(a)) return;
  for (element e : a) {
    object item;
    if (!e.get_object().get(item)) fn(item);
  }
}

Story ReadStory(object o) {
  Story st;
  st.id = Str(o, "id");
  st.headline = Str(o, "headline");
  ForEach(o, "sources", [&](object s) {
    SourceInfo info;
    info.id = Str(s, "id");
    info.outlet = OptStr(s, "outlet");
    info.published = OptStr(s, "published");
    info.title = OptStr(s, "title");
    info.url = OptStr(s, "url");
    info.duplicate_of = OptStr(s, "duplicate_of");
    st.sources.push_back(std::move(info));
  });
  ForEach(o, "summary", [&](object s) {
    st.summary.push_back(CitedText{Str(s, "text"), Strings(s, "sources"), Strings(s, "source_sentences")});
  });
  ForEach(o, "facts", [&](object f) {
    Fact fact;
    fact.text = Str(f, "text");
    fact.sources = Strings(f, "sources");
    fact.source_sentences = Strings(f, "source_sentences");
    fact.consensus = Bool(f, "consensus");
    fact.rank = Rank(f);
    st.facts.push_back(std::move(fact));
  });
  ForEach(o, "entities", [&](object e) {
    BriefEntity entity;
    entity.name = Str(e, "name");
    entity.type = Str(e, "type");
    entity.titles = Strings(e, "titles");
    entity.variants = Strings(e, "variants");
    entity.sources = Strings(e, "sources");
    int64_t mentions = 0;
    if (!e.at_key("mentions").get_int64().get(mentions)) entity.mentions = static_cast<int>(mentions);
    entity.rank = Rank(e);
    st.entities.push_back(std::move(entity));
  });
  ForEach(o, "quotes", [&](object q) {
    BriefQuote quote;
    quote.text = Str(q, "text");
    quote.speaker = Str(q, "speaker");
    quote.sources = Strings(q, "sources");
    ForEach(q, "variants", [&](object v) { quote.variants.push_back({Str(v, "text"), Strings(v, "sources")}); });
    quote.rank = Rank(q);
    st.quotes.push_back(std::move(quote));
  });
  ForEach(o, "timeline", [&](object t) {
    TimelineEntry entry;
    entry.date = Str(t, "date");
    entry.text = Str(t, "text");
    entry.sources = Strings(t, "sources");
    entry.planned = Bool(t, "planned");
    if (std::optional<std::string> p = OptStr(t, "precision")) entry.precision = *p;
    entry.rank = Rank(t);
    st.timeline.push_back(std::move(entry));
  });
  ForEach(o, "discrepancies", [&](object d) {
    Discrepancy disc;
    disc.subject = Str(d, "subject");
    disc.kind = Str(d, "kind");
    disc.label = Str(d, "label");
    ForEach(d, "variants", [&](object v) {
      disc.variants.push_back({Str(v, "value"), Str(v, "text"), Strings(v, "sources")});
    });
    disc.rank = Rank(d);
    st.discrepancies.push_back(std::move(disc));
  });
  ForEach(o, "contributions", [&](object c) {
    st.contributions.push_back({Str(c, "source"), Strings(c, "unique_facts"), Strings(c, "missing_consensus")});
  });
  st.notes = Strings(o, "notes");
  return st;
}

}  // namespace

Result<Brief> BriefFromJson(std::string_view json, std::string_view origin) {
  simdjson::dom::parser parser;
  element doc;
  if (auto error = parser.parse(json.data(), json.size()).get(doc)) {
    return Status::DataLoss(origin, std::string("not valid JSON: ") + simdjson::error_message(error));
  }
  object root;
  simdjson::dom::array stories;
  if (doc.get_object().get(root) || root.at_key("stories").get_array().get(stories)) {
    return Status::DataLoss(origin, "not a briefing (no \"stories\" array)");
  }
  Brief brief;
  for (element e : stories) {
    object o;
    if (!e.get_object().get(o)) brief.stories.push_back(ReadStory(o));
  }
  return brief;
}

}  // namespace newsfuse::render
