#include "ingest/html_reader.h"

#include <gumbo.h>

#include <memory>
#include <string>

#include "base/file_io.h"
#include "base/strings.h"
#include "base/utf8.h"
#include "ingest/charset.h"
#include "ingest/html_content_extractor.h"
#include "ingest/html_gunzip.h"
#include "ingest/html_metadata.h"

namespace newsfuse::ingest {
namespace {

struct GumboDeleter {
  void operator()(GumboOutput* output) const {
    if (output != nullptr) gumbo_destroy_output(&kGumboDefaultOptions, output);
  }
};

size_t TextBytes(const std::vector<Paragraph>& paragraphs) {
  size_t n = 0;
  for (const Paragraph& p : paragraphs) n += p.text.size();
  return n;
}

// JSON-LD bodies come as one string with '\n' between paragraphs (or none).
std::vector<Paragraph> ParagraphsFromText(std::string_view text) {
  std::vector<Paragraph> out;
  for (std::string_view line : base::SplitLines(text)) {
    std::string collapsed = base::CollapseWhitespace(line);
    if (collapsed.empty()) continue;
    Paragraph p;
    p.text = std::move(collapsed);
    out.push_back(std::move(p));
  }
  return out;
}

}  // namespace

std::string HtmlFileId(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  for (std::string_view suffix : {".gz", ".html", ".htm", ".xhtml"}) {
    if (name.size() > suffix.size() && name.substr(name.size() - suffix.size()) == suffix) {
      name.remove_suffix(suffix.size());
    }
  }
  return std::string(name);
}

Result<Article> ReadHtmlArticle(std::string_view id, std::string_view origin,
                                std::string_view bytes) {
  return ReadHtmlArticle(id, origin, bytes, HtmlReaderOptions());
}

Result<Article> ReadHtmlArticle(std::string_view id, std::string_view origin,
                                std::string_view bytes, const HtmlReaderOptions& options,
                                HtmlExtras* extras) {
  std::string inflated;
  if (LooksGzipped(bytes)) {
    Result<std::string> r = Inflate(origin, bytes, options.max_page_bytes);
    if (!r.ok()) return r.status();
    inflated = std::move(*r);
    bytes = inflated;
  }
  if (bytes.size() > options.max_page_bytes) {
    return Status::ResourceExhausted(origin, "page of " + std::to_string(bytes.size()) +
                                                 " bytes is over the limit of " +
                                                 std::to_string(options.max_page_bytes));
  }
  // UTF-16 pages contain NULs; only check for binary data when there is no BOM.
  const bool has_utf16_bom = bytes.size() >= 2 && (bytes.substr(0, 2) == "\xFF\xFE" ||
                                                   bytes.substr(0, 2) == "\xFE\xFF");
  if (!has_utf16_bom && base::LooksBinary(bytes)) {
    return Status::InvalidArgument(origin, "not a web page (binary data)");
  }
  Result<std::string> utf8 = DecodeToUtf8(origin, bytes, options.declared_charset);
  if (!utf8.ok()) return utf8.status();
  inflated.clear();
  inflated.shrink_to_fit();

  std::unique_ptr<GumboOutput, GumboDeleter> output(
      gumbo_parse_with_options(&kGumboDefaultOptions, utf8->data(), utf8->size()));
  if (output == nullptr || output->root == nullptr) {
    return Status::InvalidArgument(origin, "the HTML parser gave up on this page");
  }
  HtmlMetadata meta = ExtractHtmlMetadata(output->root);
  MainContent content = ExtractMainContent(output->root);

  Article article;
  article.id = std::string(id);
  article.origin = std::string(origin);
  article.outlet = std::move(meta.outlet);
  article.url = std::move(meta.url);
  article.title = std::move(meta.title);
  article.subtitle = std::move(meta.description);
  article.published = std::move(meta.published);
  article.language = std::move(meta.language);
  article.paragraphs = std::move(content.paragraphs);
  article.dropped = std::move(content.dropped);
  // The structured body is the publisher's own text: trust it over a DOM
  // extraction that found far less (a page rendered by script, a paywall).
  if (options.use_json_ld_body && meta.json_ld_body) {
    const size_t dom = TextBytes(article.paragraphs);
    if (meta.json_ld_body->size() > 2 * dom + 200) {
      article.paragraphs = ParagraphsFromText(*meta.json_ld_body);
    }
  }
  if (extras != nullptr) extras->authors = std::move(meta.authors);
  if (article.paragraphs.empty() && !article.title) {
    return Status::InvalidArgument(origin, "no text found in the page");
  }
  return article;
}

}  // namespace newsfuse::ingest
