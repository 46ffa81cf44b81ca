#include "base/repo_path.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace newsfuse::base {
namespace {

namespace fs = std::filesystem;

TEST(RepoPathTest, AbsoluteAndEmptyPathsAreKept) {
  EXPECT_EQ(FindRepoPath("/no/such/file"), "/no/such/file");
  EXPECT_EQ(FindRepoPath(""), "");
}

TEST(RepoPathTest, MissingPathComesBackAsWritten) {
  EXPECT_EQ(FindRepoPath("../no-such-folder-xyz/data.txt"), "../no-such-folder-xyz/data.txt");
}

// The current directory first, then the folders above the binary's folder.
TEST(RepoPathTest, FoundFromTheCurrentDirectoryThenAboveTheBinary) {
  const fs::path old = fs::current_path();
  const fs::path tmp = fs::temp_directory_path() / ("repo_path_test_" + std::to_string(getpid()));
  fs::create_directories(tmp / "here");
  std::ofstream(tmp / "here" / "a.txt") << "a";
  fs::current_path(tmp);
  EXPECT_EQ(FindRepoPath("here/a.txt"), (tmp / "here" / "a.txt").string());
  EXPECT_EQ(FindRepoPath("./here/../here/a.txt"), (tmp / "here" / "a.txt").string()) << "normalised";

  const fs::path above_binary = fs::read_symlink("/proc/self/exe").parent_path().parent_path();
  const std::string name = "repo_path_test_" + std::to_string(getpid()) + ".txt";
  std::ofstream(above_binary / name) << "b";
  EXPECT_EQ(FindRepoPath(name), (above_binary / name).lexically_normal().string());
  fs::remove(above_binary / name);
  fs::current_path(old);
  fs::remove_all(tmp);
}

}  // namespace
}  // namespace newsfuse::base
