// File: base/repo_path.h
//
// Where a default data or model path points. Defaults are written relative
// to the repository root, as a user's clone has them: `models/...` for the
// committed models, `../shared/data/...` for the evaluation data beside the
// clone. The rule, the same for every verb: a relative path is looked up
// first from the current directory, then from each folder above the running
// binary's folder, nearest first (for `build/newsfuse` the first of those is
// the repository root). The first that exists is returned as an absolute path; when neither exists the path
// comes back as written, so that the error the caller reports names it.
// Absolute paths are returned unchanged. No path of the build machine is
// compiled in.
#ifndef NEWSFUSE_BASE_REPO_PATH_H_
#define NEWSFUSE_BASE_REPO_PATH_H_

#include <string>

namespace newsfuse::base {

std::string FindRepoPath(const std::string& path);

}  // namespace newsfuse::base

#endif  // NEWSFUSE_BASE_REPO_PATH_H_
