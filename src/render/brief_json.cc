#include "render/brief_json.h"

#include <map>
#include <set>

#include "base/json_writer.h"

namespace newsfuse::render {

namespace {

using base::JsonWriter;

void WriteStory(const Story& st, JsonWriter& w) {
  w.BeginObject();
  w.Field("id", st.id);
  w.Field("headline", st.headline);

  w.Key("sources");
  w.BeginArray();
  for (const auto& s : st.sources) {
    w.BeginObject();
    w.Field("id", s.id);
    w.OptionalField("outlet", s.outlet);
    w.OptionalField("published", s.published);
    w.OptionalField("title", s.title);
    w.OptionalField("url", s.url);
    if (s.duplicate_of) {
      w.Key("duplicate_of");
      w.String(*s.duplicate_of);
    }
    w.Key("dropped");
    WriteDroppedLines(s.dropped, w);
    w.EndObject();
  }
  w.EndArray();

  w.Key("summary");
  w.BeginArray();
  for (const auto& s : st.summary) {
    w.BeginObject();
    w.Field("text", s.text);
    w.StringArray("sources", s.sources);
    w.StringArray("source_sentences", s.source_sentences);
    w.EndObject();
  }
  w.EndArray();

  // Which sources reprint another: a fact's copies are marked, and count once.
  std::map<std::string, std::string> copy_of;
  for (const auto& s : st.sources) {
    if (s.duplicate_of) copy_of[s.id] = *s.duplicate_of;
  }
  w.Key("facts");
  w.BeginArray();
  for (const auto& f : st.facts) {
    w.BeginObject();
    w.Field("text", f.text);
    w.StringArray("sources", f.sources);
    w.Key("consensus");
    w.Bool(f.consensus);
    w.StringArray("source_sentences", f.source_sentences);
    std::vector<std::string> copies;
    std::set<std::string> originals;
    for (const auto& id : f.sources) {
      auto it = copy_of.find(id);
      if (it != copy_of.end()) copies.push_back(id);
      originals.insert(it == copy_of.end() ? id : it->second);
    }
    w.StringArray("copies", copies);
    w.Key("independent_sources");
    w.Int(static_cast<int>(originals.size()));
    w.Key("rank");
    w.Int(f.rank);
    w.EndObject();
  }
  w.EndArray();

  w.Key("entities");
  w.BeginArray();
  for (const auto& e : st.entities) {
    w.BeginObject();
    w.Field("name", e.name);
    w.Field("type", e.type);
    w.StringArray("titles", e.titles);
    w.StringArray("variants", e.variants);
    w.StringArray("sources", e.sources);
    w.Key("mentions");
    w.Int(e.mentions);
    w.Key("rank");
    w.Int(e.rank);
    w.EndObject();
  }
  w.EndArray();

  w.Key("quotes");
  w.BeginArray();
  for (const auto& q : st.quotes) {
    w.BeginObject();
    w.Field("text", q.text);
    w.Field("speaker", q.speaker);
    w.StringArray("sources", q.sources);
    w.Key("variants");
    w.BeginArray();
    for (const auto& v : q.variants) {
      w.BeginObject();
      w.Field("text", v.text);
      w.StringArray("sources", v.sources);
      w.EndObject();
    }
    w.EndArray();
    w.Key("rank");
    w.Int(q.rank);
    w.EndObject();
  }
  w.EndArray();

  w.Key("timeline");
  w.BeginArray();
  for (const auto& t : st.timeline) {
    w.BeginObject();
    w.Field("date", t.date);
    w.Field("precision", t.precision);
    w.Field("text", t.text);
    w.StringArray("sources", t.sources);
    w.Key("planned");
    w.Bool(t.planned);
    w.Field("status", t.planned ? "planned" : "happened");
    w.Key("rank");
    w.Int(t.rank);
    w.EndObject();
  }
  w.EndArray();

  w.Key("discrepancies");
  w.BeginArray();
  for (const auto& d : st.discrepancies) {
    w.BeginObject();
    w.Field("subject", d.subject);
    w.Field("kind", d.kind);
    w.Field("label", d.label);
    w.Key("variants");
    w.BeginArray();
    for (const auto& v : d.variants) {
      w.BeginObject();
      w.Field("value", v.value);
      w.Field("text", v.text);
      w.StringArray("sources", v.sources);
      w.EndObject();
    }
    w.EndArray();
    w.Key("rank");
    w.Int(d.rank);
    w.EndObject();
  }
  w.EndArray();

  w.Key("contributions");
  w.BeginArray();
  for (const auto& c : st.contributions) {
    w.BeginObject();
    w.Field("source", c.source);
    w.StringArray("unique_facts", c.unique_facts);
    w.StringArray("missing_consensus", c.missing_consensus);
    w.EndObject();
  }
  w.EndArray();
  if (!st.notes.empty()) w.StringArray("notes", st.notes);
  w.EndObject();
}

}  // namespace

void WriteDroppedLines(const std::vector<DroppedLine>& dropped, base::JsonWriter& w) {
  w.BeginArray();
  for (const auto& d : dropped) {
    w.BeginObject();
    w.Field("kind", BoilerplateKindName(d.kind));
    w.Field("text", d.text);
    w.EndObject();
  }
  w.EndArray();
}

void WriteArticleMetadata(const Article& a, base::JsonWriter& w) {
  w.OptionalField("outlet", a.outlet);
  w.OptionalField("url", a.url);
  w.OptionalField("title", a.title);
  w.OptionalField("subtitle", a.subtitle);
  w.OptionalDateField("published", a.published);
  w.OptionalField("language", a.language);
}

std::string StoryToJson(const Story& story, int indent) {
  std::string out;
  JsonWriter w(&out, indent);
  WriteStory(story, w);
  return out;
}

std::string BriefToJson(const Brief& brief, int indent) {
  std::string out;
  JsonWriter w(&out, indent);
  w.BeginObject();
  w.Key("stories");
  w.BeginArray();
  for (const auto& st : brief.stories) WriteStory(st, w);
  w.EndArray();
  w.EndObject();
  out.push_back('\n');
  return out;
}

}  // namespace newsfuse::render
