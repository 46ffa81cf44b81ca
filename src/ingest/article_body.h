// File: ingest/article_body.h
//
// An article's body as one text: its paragraphs joined by '\n'. This is the
// `articleBody` of `newsfuse extract --format articlebody-json` (the
// article-extraction benchmark's format) and the text eval/articlebody_eval.h
// scores.
#ifndef NEWSFUSE_INGEST_ARTICLE_BODY_H_
#define NEWSFUSE_INGEST_ARTICLE_BODY_H_

#include <string>

#include "newsfuse/article.h"

namespace newsfuse::ingest {

std::string ArticleBodyText(const Article& article);

}  // namespace newsfuse::ingest

#endif  // NEWSFUSE_INGEST_ARTICLE_BODY_H_
