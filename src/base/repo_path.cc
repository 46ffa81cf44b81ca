#include "base/repo_path.h"

#include <filesystem>

namespace newsfuse::base {

std::string FindRepoPath(const std::string& path) {
  namespace fs = std::filesystem;
  const fs::path p(path);
  if (path.empty() || p.is_absolute()) return path;
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  if (!ec && fs::exists(cwd / p, ec)) return (cwd / p).lexically_normal().string();
  const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return path;
  // Nearest first: build/newsfuse finds the repository root at once, a test
  // or tool deeper in the build tree a few folders up.
  for (fs::path dir = exe.parent_path().parent_path();; dir = dir.parent_path()) {
    const fs::path candidate = dir / p;
    if (fs::exists(candidate, ec)) return candidate.lexically_normal().string();
    if (dir == dir.parent_path()) break;
  }
  return path;
}

}  // namespace newsfuse::base
