#include "eval/duc_clusters.h"

#include <algorithm>
#include <filesystem>

#include "base/file_io.h"
#include "ingest/article_parser.h"

namespace newsfuse::synthesize {

const std::vector<std::string>& CleanDuc2003Clusters() {
  static const std::vector<std::string> names = {"d30012t", "d30016t", "d30025t", "d31002t", "d31010t",
                                                 "d31011t", "d31027t", "d31028t", "d31041t"};
  return names;
}

std::vector<std::string> DucClusterNames(const std::string& dir, const std::vector<std::string>& names, bool all) {
  std::vector<std::string> clusters = names;
  if (clusters.empty() && !all && dir.find("duc2003") != std::string::npos) clusters = CleanDuc2003Clusters();
  if (clusters.empty()) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
      if (entry.is_directory()) clusters.push_back(entry.path().filename().string());
    }
    std::sort(clusters.begin(), clusters.end());
  }
  return clusters;
}

bool ReadDucCluster(const std::string& dir, const std::string& name,
                    const std::function<void(const Status&)>& on_error, DucCluster* out) {
  out->name = name;
  const std::string folder = dir + "/" + name;
  auto files = base::ListFiles(folder, {".txt"});
  if (!files.ok()) {
    on_error(files.status());
    return false;
  }
  for (const auto& f : *files) {
    const std::string file = f.substr(f.find_last_of('/') + 1);
    auto bytes = base::ReadFile(f, 16u << 20);
    if (!bytes.ok()) {
      on_error(bytes.status());
      continue;
    }
    if (file.rfind("ref_", 0) == 0) {
      out->references.push_back(*bytes);
    } else if (file.rfind("doc_", 0) == 0) {
      ingest::MetadataFields meta;
      meta.id = base::FileStem(f);
      meta.title = "";  // DUC bodies have no headline line
      auto article = ingest::ParseArticleText(meta, f, *bytes);
      if (article.ok()) {
        out->articles.push_back(std::move(*article));
      } else {
        on_error(article.status());
      }
    }
  }
  if (out->articles.empty() || out->references.empty()) {
    on_error(Status::NotFound(folder, "no doc_*.txt or ref_*.txt"));
    return false;
  }
  return true;
}

}  // namespace newsfuse::synthesize
