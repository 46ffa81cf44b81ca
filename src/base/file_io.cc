#include "base/file_io.h"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <system_error>

namespace newsfuse::base {

namespace fs = std::filesystem;

Result<std::string> ReadFile(const std::string& path, uint64_t max_bytes) {
  if (path == "-") {
    std::string data;
    char buf[1 << 16];
    while (std::cin.read(buf, sizeof buf) || std::cin.gcount() > 0) {
      data.append(buf, static_cast<size_t>(std::cin.gcount()));
      if (data.size() > max_bytes) {
        return Status::ResourceExhausted("<stdin>", "input larger than " + std::to_string(max_bytes) + " bytes");
      }
    }
    return data;
  }
  std::error_code ec;
  const auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) return Status::NotFound(path, "no such file or folder");
  if (fs::is_directory(status)) return Status::InvalidArgument(path, "is a folder, not a file");
  const uint64_t size = fs::file_size(path, ec);
  if (!ec && size > max_bytes) {
    return Status::ResourceExhausted(
        path, "file is " + std::to_string(size) + " bytes; the limit is " + std::to_string(max_bytes));
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Unavailable(path, std::string("cannot open: ") + std::strerror(errno));
  std::string data;
  data.reserve(ec ? 0 : size);
  data.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) return Status::DataLoss(path, "read error");
  if (data.size() > max_bytes) {
    return Status::ResourceExhausted(path, "file larger than " + std::to_string(max_bytes) + " bytes");
  }
  return data;
}

Status WriteFileAtomically(const std::string& path, std::string_view data) {
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return Status::Unavailable(tmp, std::string("cannot create: ") + std::strerror(errno));
    out.write(data.data(), static_cast<std::streamsize>(data.size()));
    out.flush();
    if (!out) return Status::DataLoss(tmp, "write failed");
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) return Status::Unavailable(path, "cannot rename into place: " + ec.message());
  return Status::Ok();
}

Result<std::vector<std::string>> ListFiles(const std::string& dir,
                                           const std::vector<std::string>& extensions) {
  std::error_code ec;
  fs::directory_iterator it(dir, ec);
  if (ec) return Status::NotFound(dir, "cannot list folder: " + ec.message());
  std::vector<std::string> files;
  for (const auto& entry : it) {
    if (!entry.is_regular_file(ec)) continue;
    const std::string name = entry.path().filename().string();
    if (!name.empty() && name[0] == '.') continue;
    bool keep = extensions.empty();
    for (const auto& ext : extensions) {
      if (name.size() >= ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0) {
        keep = true;
      }
    }
    if (keep) files.push_back(entry.path().string());
  }
  std::sort(files.begin(), files.end());
  return files;
}

bool IsDirectory(const std::string& path) {
  std::error_code ec;
  return fs::is_directory(path, ec);
}

std::string FileStem(std::string_view path) {
  const size_t slash = path.find_last_of('/');
  std::string_view name = slash == std::string_view::npos ? path : path.substr(slash + 1);
  for (std::string_view ext : {".html.gz", ".warc.gz", ".txt", ".html", ".htm", ".jsonl", ".json", ".md"}) {
    if (name.size() > ext.size() && name.substr(name.size() - ext.size()) == ext) {
      name.remove_suffix(ext.size());
      break;
    }
  }
  return std::string(name);
}

}  // namespace newsfuse::base
