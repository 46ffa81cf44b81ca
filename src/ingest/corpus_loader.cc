#include "ingest/corpus_loader.h"

#include <unordered_set>

#include "base/file_io.h"
#include "ingest/jsonl_reader.h"
#include "ingest/html_reader.h"
#include "ingest/plain_text_reader.h"
#include "ingest/warc_reader.h"

namespace newsfuse::ingest {

namespace {

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool SkipInFolder(const std::string& path) {
  const std::string name = path.substr(path.find_last_of('/') + 1);
  // A folder of articles may carry its own notes and expectations.
  return name == "expected.json" || EndsWith(name, ".md") || EndsWith(name, ".py") ||
         name == "LICENSE" || name == "README";
}

}  // namespace

size_t ForEachArticle(const std::vector<std::string>& paths, const LoadOptions& options,
                      Reporter& reporter, const std::function<void(Article&&)>& add) {
  size_t files_read = 0;
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    if (path != "-" && base::IsDirectory(path)) {
      Result<std::vector<std::string>> listed = base::ListFiles(path, {});
      if (!listed.ok()) {
        reporter.Skipped(listed.status());
        continue;
      }
      size_t kept = 0;
      for (auto& f : *listed) {
        if (!SkipInFolder(f)) {
          files.push_back(std::move(f));
          ++kept;
        }
      }
      if (kept == 0) reporter.Skipped(Status::NotFound(path, "folder holds no article files"));
    } else {
      files.push_back(path);
    }
  }

  for (const std::string& file : files) {
    if (file == "-" || EndsWith(file, ".jsonl") || EndsWith(file, ".ndjson")) {
      JsonlOptions jsonl;
      jsonl.max_line_bytes = options.max_jsonl_line_bytes;
      const Status s = ReadJsonl(file, jsonl, reporter, add);
      if (!s.ok()) {
        reporter.Skipped(s);
      } else {
        ++files_read;
      }
      continue;
    }
    if (EndsWith(file, ".warc") || EndsWith(file, ".warc.gz")) {
      const Status s = ReadWarc(file, reporter, add);
      if (!s.ok()) {
        reporter.Skipped(s);
      } else {
        ++files_read;
      }
      continue;
    }
    const bool html = EndsWith(file, ".html") || EndsWith(file, ".htm") || EndsWith(file, ".html.gz") ||
                      EndsWith(file, ".htm.gz") || EndsWith(file, ".xhtml");
    Result<std::string> bytes = base::ReadFile(file, options.max_article_bytes);
    if (!bytes.ok()) {
      reporter.Skipped(bytes.status());
      continue;
    }
    ++files_read;
    if (!html) {
      // One policy with the HTML reader: text that is not UTF-8 is read as
      // Windows-1252, and the reader says so.
      if (std::optional<std::string> decoded = DecodeNonUtf8Text(*bytes)) {
        reporter.Warned(Status::InvalidArgument(file, "not UTF-8: read as Windows-1252 (Latin-1)"));
        *bytes = std::move(*decoded);
      }
      // (Empty, binary or bad text is CheckTextBytes's to name, below.)
      if (Status prose = CheckLooksLikeProse(file, *bytes); !prose.ok() && CheckTextBytes(file, *bytes).ok()) {
        reporter.Skipped(prose);
        continue;
      }
    }
    Result<Article> article = html ? ReadHtmlArticle(HtmlFileId(file), file, *bytes)
                                   : ParsePlainTextArticle(base::FileStem(file), file, *bytes);
    if (!article.ok()) {
      reporter.Skipped(article.status());
      continue;
    }
    add(std::move(*article));
  }
  return files_read;
}

Corpus LoadCorpus(const std::vector<std::string>& paths, const LoadOptions& options,
                  Reporter& reporter) {
  Corpus corpus;
  std::unordered_set<std::string> seen_ids;
  corpus.files_read = ForEachArticle(paths, options, reporter, [&](Article&& article) {
    if (!seen_ids.insert(article.id).second) {
      reporter.Skipped(Status::AlreadyExists(article.origin, "duplicate article id \"" + article.id + "\""));
      return;
    }
    corpus.articles.push_back(std::move(article));
  });
  return corpus;
}

}  // namespace newsfuse::ingest
