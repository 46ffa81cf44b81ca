#include "ingest/html_reader.h"

#include <gumbo.h>

#include <algorithm>
#include <memory>
#include <string>

#include "base/file_io.h"
#include "base/strings.h"
#include "base/utf8.h"
#include "ingest/charset.h"
#include "ingest/html_content_extractor.h"
#include "ingest/html_gunzip.h"
#include "ingest/html_metadata.h"
#include "ingest/html_prefilter.h"

namespace newsfuse::ingest {
namespace {

// Gumbo allocates every node, string and vector on its own; freeing them one
// by one costs as much as a fifth of the parse. A bump arena per thread, reset
// after each page, makes both nearly free.
class ParseArena {
 public:
  static constexpr size_t kBlockBytes = 1 << 20;
  // Memory kept between pages; beyond it, blocks are returned after a page.
  static constexpr size_t kKeepBytes = 64 << 20;

  // Inline: the parse calls this for every node, string and vector.
  void* Allocate(size_t size) {
    size = (size + 15) & ~size_t{15};
    if (size <= static_cast<size_t>(limit_ - next_)) {
      void* p = next_;
      next_ += size;
      return p;
    }
    return AllocateInNextBlock(size);
  }

  void Reset() {
    size_t total = 0;
    size_t keep = 0;
    while (keep < blocks_.size() && total + blocks_[keep].size <= kKeepBytes) {
      total += blocks_[keep].size;
      ++keep;
    }
    blocks_.resize(keep);
    if (blocks_.empty()) {
      next_ = limit_ = nullptr;
    } else {
      Use(0);
    }
  }

 private:
  struct Block {
    std::unique_ptr<char[]> data;
    size_t size;
  };

  void Use(size_t index) {
    current_ = index;
    next_ = blocks_[index].data.get();
    limit_ = next_ + blocks_[index].size;
  }

  // The next kept block when it is large enough, else a new one after the
  // current block.
  void* AllocateInNextBlock(size_t size) {
    const size_t index = next_ == nullptr ? 0 : current_ + 1;
    if (index >= blocks_.size() || blocks_[index].size < size) {
      const size_t bytes = std::max(kBlockBytes, size);
      blocks_.insert(blocks_.begin() + static_cast<std::ptrdiff_t>(index),
                     Block{std::unique_ptr<char[]>(new char[bytes]), bytes});
    }
    Use(index);
    void* p = next_;
    next_ += size;
    return p;
  }

  std::vector<Block> blocks_;
  size_t current_ = 0;  // the block next_ points into (when next_ is set)
  char* next_ = nullptr;
  char* limit_ = nullptr;
};

void* ArenaAllocate(void* userdata, size_t size) {
  return static_cast<ParseArena*>(userdata)->Allocate(size);
}
void ArenaFree(void* /*userdata*/, void* /*ptr*/) {}

// Resets the arena when the page is done, whatever path returns.
struct ArenaReset {
  ParseArena* arena;
  ~ArenaReset() { arena->Reset(); }
};

// Parses `html` into `arena` (the arena owns every byte of the parse; it is
// never destroyed otherwise). Null when the parser gives up.
const GumboOutput* ParseInto(ParseArena* arena, std::string_view html) {
  GumboOptions gumbo_options = kGumboDefaultOptions;
  gumbo_options.allocator = &ArenaAllocate;
  gumbo_options.deallocator = &ArenaFree;
  gumbo_options.userdata = arena;
  gumbo_options.max_errors = 0;  // parse errors are not used; recording them costs
  const GumboOutput* output = gumbo_parse_with_options(&gumbo_options, html.data(), html.size());
  return output == nullptr || output->root == nullptr ? nullptr : output;
}

// The second look at a page where nothing held a body with <nav>, <aside>
// and <footer> cut out: some blog themes put the post in an <aside>. The page
// is read again from `input` (rare, so its copies were not kept), with those
// regions kept and walked like any block.
MainContent ExtractFromPageRegions(std::string_view input, std::string_view origin,
                                   const HtmlReaderOptions& options, ParseArena* arena) {
  std::string inflated;
  if (LooksGzipped(input)) {
    Result<std::string> r = Inflate(origin, input, options.max_page_bytes);
    if (!r.ok()) return MainContent();
    inflated = std::move(*r);
    input = inflated;
  }
  std::string decoded;
  Result<std::string_view> utf8 = DecodeToUtf8View(origin, input, options.declared_charset, &decoded);
  if (!utf8.ok()) return MainContent();
  std::string filtered;
  PrefilterHtml(*utf8, &filtered, nullptr, PageRegions::kKeep);
  const GumboOutput* output = ParseInto(arena, filtered);
  if (output == nullptr) return MainContent();
  return ExtractMainContent(output->root, /*open_regions=*/true);
}

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
  const std::string_view input = bytes;
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
  // Valid UTF-8 (most pages) is filtered where it lies, without a copy.
  std::string decoded;
  Result<std::string_view> utf8 =
      DecodeToUtf8View(origin, bytes, options.declared_charset, &decoded);
  if (!utf8.ok()) return utf8.status();

  // The filtered page is a fraction of the input: one buffer per thread,
  // reused from page to page.
  thread_local std::string filtered;
  struct ReleaseIfLarge {
    std::string* s;
    ~ReleaseIfLarge() {
      if (s->capacity() > (4u << 20)) *s = std::string();
    }
  } release{&filtered};
  thread_local std::vector<LiftedJsonLd> json_ld;
  PrefilterHtml(*utf8, &filtered, &json_ld);
  decoded = std::string();
  inflated = std::string();

  thread_local ParseArena arena;
  ArenaReset reset{&arena};
  const GumboOutput* output = ParseInto(&arena, filtered);
  if (output == nullptr) {
    return Status::InvalidArgument(origin, "the HTML parser gave up on this page");
  }
  HtmlMetadata meta = ExtractHtmlMetadata(output->root, filtered, json_ld);
  MainContent content = ExtractMainContent(output->root);
  if (content.paragraphs.empty()) {
    MainContent second = ExtractFromPageRegions(input, origin, options, &arena);
    if (!second.paragraphs.empty()) content = std::move(second);
  }

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
    const size_t ld = meta.json_ld_body->size();
    if (dom < 200 ? ld > dom : ld > 2 * dom + 200) {
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
