// File: render/brief_json.h
//
// Writes a Brief as the JSON of brief-json.md. All contract fields are always
// present (empty lists, nulls for what the text does not say); extra fields
// (source_sentences, consensus, contributions, dropped; per fact `copies`,
// the sources that reprint another source, and `independent_sources`, the
// count with reprints counted once; per timeline entry `status`, "planned"
// or "happened"; per discrepancy `kind` and `label`) are additions the
// contract allows.
#ifndef NEWSFUSE_RENDER_BRIEF_JSON_H_
#define NEWSFUSE_RENDER_BRIEF_JSON_H_

#include <string>

#include "base/json_writer.h"
#include "newsfuse/brief.h"

namespace newsfuse::render {

// `indent` 0 writes one line.
std::string BriefToJson(const Brief& brief, int indent = 2);
std::string StoryToJson(const Story& story, int indent = 2);

// Writes `dropped` as an array of {"kind", "text"} objects: the boilerplate
// kept aside, in the same form wherever an article or source is written.
void WriteDroppedLines(const std::vector<DroppedLine>& dropped, base::JsonWriter& w);

// Writes the article's optional metadata as fields of the open object:
// outlet, url, title, subtitle, published, language (null when absent), in
// that order, as the API's article and `extract`'s output both name them.
void WriteArticleMetadata(const Article& a, base::JsonWriter& w);

}  // namespace newsfuse::render

#endif  // NEWSFUSE_RENDER_BRIEF_JSON_H_
