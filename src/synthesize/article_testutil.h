// File: synthesize/article_testutil.h
//
// An Article of one paragraph, for the synthesize tests that analyse short
// invented texts. Test-only: no library code includes it.
#ifndef NEWSFUSE_SYNTHESIZE_ARTICLE_TESTUTIL_H_
#define NEWSFUSE_SYNTHESIZE_ARTICLE_TESTUTIL_H_

#include <string>
#include <utility>

#include "newsfuse/article.h"

namespace newsfuse::synthesize {

inline Article OneParagraph(const std::string& id, const std::string& text) {
  Article a;
  a.id = id;
  Paragraph p;
  p.text = text;
  a.paragraphs.push_back(std::move(p));
  return a;
}

}  // namespace newsfuse::synthesize

#endif  // NEWSFUSE_SYNTHESIZE_ARTICLE_TESTUTIL_H_
