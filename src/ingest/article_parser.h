// File: ingest/article_parser.h
//
// Turns one article's body (text or HTML) plus whatever metadata came with it
// into an Article. Metadata given by the input wins; the text fills in only
// what the metadata lacks (a dateline, an outlet named in a sign-off).
#ifndef NEWSFUSE_INGEST_ARTICLE_PARSER_H_
#define NEWSFUSE_INGEST_ARTICLE_PARSER_H_

#include <optional>
#include <string>
#include <string_view>

#include "newsfuse/article.h"
#include "newsfuse/result.h"

namespace newsfuse::ingest {

struct MetadataFields {
  std::string id;
  std::optional<std::string> url, outlet, title, language;
  std::optional<CivilDate> published;
};

Result<Article> ParseArticleText(const MetadataFields& meta, std::string_view origin,
                                 std::string_view text);
Result<Article> ParseArticleHtml(const MetadataFields& meta, std::string_view origin,
                                 std::string_view html);

}  // namespace newsfuse::ingest

#endif  // NEWSFUSE_INGEST_ARTICLE_PARSER_H_
