// File: render/brief_markdown.h
//
// Writes a Brief as Markdown for a terminal or a file: per story the
// headline, the summary with each sentence's outlets in brackets, the sources
// table, and each further section that has content.
#ifndef NEWSFUSE_RENDER_BRIEF_MARKDOWN_H_
#define NEWSFUSE_RENDER_BRIEF_MARKDOWN_H_

#include <string>

#include "newsfuse/brief.h"

namespace newsfuse::render {

std::string BriefToMarkdown(const Brief& brief);

}  // namespace newsfuse::render

#endif  // NEWSFUSE_RENDER_BRIEF_MARKDOWN_H_
