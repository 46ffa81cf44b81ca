#include "ingest/article_body.h"

namespace newsfuse::ingest {

std::string ArticleBodyText(const Article& article) {
  std::string body;
  for (const Paragraph& p : article.paragraphs) {
    if (!body.empty()) body.push_back('\n');
    body.append(p.text);
  }
  return body;
}

}  // namespace newsfuse::ingest
