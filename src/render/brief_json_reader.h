// File: render/brief_json_reader.h
//
// Reads a briefing back from its JSON (render/brief_json.h, the contract in
// ../shared/docs/brief-json.md): what the store keeps, so that a stored
// briefing can be printed as Markdown too (`newsfuse briefing --format
// markdown`). Fields the Markdown does not show (source sentences, dropped
// lines) are read where cheap and otherwise left empty.
#ifndef NEWSFUSE_RENDER_BRIEF_JSON_READER_H_
#define NEWSFUSE_RENDER_BRIEF_JSON_READER_H_

#include <string_view>

#include "newsfuse/brief.h"
#include "newsfuse/result.h"

namespace newsfuse::render {

// Fails (DataLoss naming `origin`) on JSON that is not a briefing.
Result<Brief> BriefFromJson(std::string_view json, std::string_view origin);

}  // namespace newsfuse::render

#endif  // NEWSFUSE_RENDER_BRIEF_JSON_READER_H_
