// `newsfuse extract FILES|DIR... [--format json|articlebody-json]`: reads web
// pages (.html, .htm, .html.gz) and WARC files (.warc, .warc.gz) and prints
// what the HTML reader extracts from each page.
//   json (default):    one Article per line (JSON Lines).
//   articlebody-json:  one object mapping each page's id to
//                      {"articleBody", "headline", "datePublished"}, the
//                      format of the article-extraction benchmark.
// With --stats, pages/s and MB/s of the extraction go to standard error.
#include <simdjson.h>
#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "base/file_io.h"
#include "base/json_writer.h"
#include "cli/commands.h"
#include "render/brief_json.h"
#include "base/utf8.h"
#include "ingest/article_body.h"
#include "ingest/charset.h"
#include "ingest/html_reader.h"
#include "ingest/reporter.h"
#include "ingest/warc_reader.h"

namespace newsfuse::cli {
namespace {

struct ExtractFlags {
  std::vector<std::string> inputs;
  std::string format = "json";
  uint64_t max_page_mb = 32;
  bool stats = false;
};

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// base::ReadFile goes through istreambuf_iterator, a few percent of the
// extraction time for small pages; one read of the file's size into a buffer
// reused from file to file is enough here (resizing it zero-fills only what
// it grows by).
Status ReadWholeFile(const std::string& path, uint64_t max_bytes, std::string* data) {
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (f == nullptr) {
    Result<std::string> r = base::ReadFile(path, max_bytes);  // its error message
    if (!r.ok()) return r.status();
    *data = std::move(*r);
    return Status::Ok();
  }
  size_t size = 0;
  struct stat st;
  if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) &&
      static_cast<uint64_t>(st.st_size) <= max_bytes) {
    data->resize(static_cast<size_t>(st.st_size));
    size = std::fread(data->data(), 1, data->size(), f);
  }
  data->resize(size);
  // Whatever is left (a file that grew, a pipe, one over the limit).
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof(buf), f)) > 0) {
    data->append(buf, n);
    if (data->size() > max_bytes) {
      std::fclose(f);
      return Status::ResourceExhausted(path, "file is larger than " + std::to_string(max_bytes) +
                                                 " bytes");
    }
  }
  std::fclose(f);
  return Status::Ok();
}

bool IsWarcPath(std::string_view p) { return EndsWith(p, ".warc") || EndsWith(p, ".warc.gz"); }

void WriteArticleJson(const Article& a, const ingest::HtmlExtras& extras, std::string* out) {
  base::JsonWriter w(out);
  w.BeginObject();
  w.Field("id", a.id);
  w.Field("origin", a.origin);
  render::WriteArticleMetadata(a, w);
  w.StringArray("authors", extras.authors);
  w.Key("paragraphs");
  w.BeginArray();
  for (const Paragraph& p : a.paragraphs) {
    w.BeginObject();
    w.Field("text", p.text);
    if (p.is_heading) { w.Key("heading"); w.Bool(true); }
    if (p.is_list_item) { w.Key("list_item"); w.Bool(true); }
    w.EndObject();
  }
  w.EndArray();
  w.Key("dropped");
  render::WriteDroppedLines(a.dropped, w);
  w.EndObject();
  out->push_back('\n');
}

int RunExtract(const ExtractFlags& flags) {
  if (flags.format != "json" && flags.format != "articlebody-json") {
    PrintError(Status::InvalidArgument("--format", "must be json or articlebody-json"));
    return 2;
  }
  std::vector<std::string> files;
  for (const std::string& input : flags.inputs) {
    if (base::IsDirectory(input)) {
      Result<std::vector<std::string>> listed = base::ListFiles(
          input, {".html", ".htm", ".html.gz", ".htm.gz", ".xhtml", ".warc", ".warc.gz"});
      if (!listed.ok()) {
        PrintError(listed.status());
        return 1;
      }
      if (listed->empty()) {
        PrintError(Status::NotFound(input, "folder holds no web pages (.html, .htm, .xhtml, .html.gz, .warc, .warc.gz)"));
      }
      files.insert(files.end(), listed->begin(), listed->end());
    } else {
      files.push_back(input);
    }
  }
  ingest::HtmlReaderOptions html_options;
  html_options.max_page_bytes = flags.max_page_mb << 20;
  ingest::WarcOptions warc_options;
  warc_options.html = html_options;
  warc_options.max_record_bytes = html_options.max_page_bytes;
  ingest::SummaryReporter reporter;

  const bool benchmark_format = flags.format == "articlebody-json";
  std::string out;
  base::JsonWriter bench(&out, 2);
  if (benchmark_format) bench.BeginObject();
  size_t pages = 0;
  uint64_t bytes_in = 0;
  double seconds = 0;
  auto emit = [&](Article&& a, const ingest::HtmlExtras& extras) {
    ++pages;
    if (benchmark_format) {
      bench.Key(a.id);
      bench.BeginObject();
      bench.Field("articleBody", ingest::ArticleBodyText(a));
      bench.OptionalField("headline", a.title);
      bench.OptionalDateField("datePublished", a.published);
      bench.EndObject();
    } else {
      WriteArticleJson(a, extras, &out);
      std::fwrite(out.data(), 1, out.size(), stdout);
      out.clear();
    }
  };
  std::string page;
  for (const std::string& path : files) {
    const auto start = std::chrono::steady_clock::now();
    if (IsWarcPath(path)) {
      Status s = ingest::ReadWarc(path, warc_options, reporter, [&](Article&& a) {
        emit(std::move(a), ingest::HtmlExtras());
      });
      if (!s.ok()) reporter.Skipped(s);
      seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      continue;
    }
    // Compressed pages are read whole; the reader applies the page limit after inflating.
    Status read = ReadWholeFile(path, html_options.max_page_bytes, &page);
    if (!read.ok()) {
      reporter.Skipped(read);
      continue;
    }
    if (!EndsWith(path, ".gz")) {
      if (base::LooksBinary(page)) {
        reporter.Skipped(Status::InvalidArgument(path, "binary data, not a web page"));
        continue;
      }
      // Read as the HTML reader does; said here, as `brief` says it of text.
      // simdjson's SIMD check for the usual valid page (a byte-wise scan
      // would cost extract's pages/s).
      if (!simdjson::validate_utf8(page.data(), page.size())) {
        const std::string declared = ingest::SniffMetaCharset(page);
        if (declared.empty()) {
          reporter.Warned(Status::InvalidArgument(path, "not UTF-8 and no charset declared: read as Windows-1252"));
        } else if (declared == "utf-8" || declared == "utf8") {
          reporter.Warned(Status::InvalidArgument(path, "invalid UTF-8 (declared utf-8): bad bytes read as U+FFFD"));
        }
      }
    }
    ingest::HtmlExtras extras;
    Result<Article> article =
        ingest::ReadHtmlArticle(ingest::HtmlFileId(path), path, page, html_options, &extras);
    seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    bytes_in += page.size();
    if (!article.ok()) {
      reporter.Skipped(article.status());
      continue;
    }
    emit(std::move(*article), extras);
  }
  if (benchmark_format) {
    bench.EndObject();
    out.push_back('\n');
    std::fwrite(out.data(), 1, out.size(), stdout);
  }
  std::fflush(stdout);
  if (flags.stats) {
    char line[256];
    std::snprintf(line, sizeof(line),
                  "extract: %zu pages, %zu skipped, %.1f MB read in %.3f s: %.1f pages/s, %.1f MB/s\n",
                  pages, reporter.skipped(), bytes_in / 1e6, seconds,
                  seconds > 0 ? pages / seconds : 0.0, seconds > 0 ? bytes_in / 1e6 / seconds : 0.0);
    std::fputs(line, stderr);
  }
  return FinishInputReport(reporter, pages, flags.inputs, "extract");
}

}  // namespace

void RegisterExtract(CLI::App& app) {
  auto flags = std::make_shared<ExtractFlags>();
  CLI::App* cmd = app.add_subcommand(
      "extract", "extract article text and metadata from web pages and WARC files");
  cmd->add_option("inputs", flags->inputs, ".html/.html.gz/.warc/.warc.gz files or folders")
      ->required();
  cmd->add_option("--format", flags->format, "json (one Article per line) or articlebody-json")
      ->capture_default_str();
  cmd->add_option("--max-page-mb", flags->max_page_mb,
                  "pages and WARC records larger than this are skipped")
      ->capture_default_str();
  cmd->add_flag("--stats", flags->stats, "print pages/s and MB/s to standard error");
  cmd->callback([flags] { ExitWith(RunExtract(*flags)); });
}

}  // namespace newsfuse::cli
