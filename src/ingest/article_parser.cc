#include "ingest/article_parser.h"

#include "base/strings.h"
#include "ingest/html_reader.h"
#include "ingest/plain_text_reader.h"

namespace newsfuse::ingest {

namespace {
void ApplyMetadata(const MetadataFields& meta, Article* article) {
  article->id = meta.id;
  if (meta.url) article->url = meta.url;
  if (meta.outlet) article->outlet = meta.outlet;
  if (meta.title) article->title = meta.title;
  if (meta.published) article->published = meta.published;
  if (meta.language) article->language = meta.language;
}
}  // namespace

Result<Article> ParseArticleText(const MetadataFields& meta, std::string_view origin,
                                 std::string_view text) {
  PlainTextOptions options;
  // With a title in the metadata the body has none of its own; without one,
  // look for it in the text as for a saved page.
  options.detect_headline = !meta.title.has_value();
  Result<Article> article = ParsePlainTextArticle(meta.id, origin, text, options);
  if (!article.ok()) return article;
  // Bodies often repeat the title as their first line; a body that is only
  // the title keeps it (a headline-only item is still news).
  if (meta.title && article->paragraphs.size() > 1 &&
      base::CollapseWhitespace(article->paragraphs.front().text) == base::CollapseWhitespace(*meta.title)) {
    article->paragraphs.erase(article->paragraphs.begin());
  } else if (meta.title && article->paragraphs.size() == 1) {
    // The headline as the only text: a statement, not a section heading.
    article->paragraphs.front().is_heading = false;
  }
  ApplyMetadata(meta, &*article);
  if (article->paragraphs.empty()) {
    return Status::InvalidArgument(origin, "article body is empty");
  }
  return article;
}

Result<Article> ParseArticleHtml(const MetadataFields& meta, std::string_view origin,
                                 std::string_view html) {
  Result<Article> article = ReadHtmlArticle(meta.id, origin, html);
  if (!article.ok()) return article;
  ApplyMetadata(meta, &*article);
  return article;
}

}  // namespace newsfuse::ingest
