// File: base/file_io.h
//
// Reading whole files and listing folders, with size limits so that one huge
// or unreadable input cannot exhaust memory or stop a run.
#ifndef NEWSFUSE_BASE_FILE_IO_H_
#define NEWSFUSE_BASE_FILE_IO_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "newsfuse/result.h"

namespace newsfuse::base {

// Reads the file at `path` ("-" is standard input). Fails with
// ResourceExhausted naming the file when it is larger than `max_bytes`, and
// NotFound / InvalidArgument when it is missing or is a folder.
Result<std::string> ReadFile(const std::string& path, uint64_t max_bytes);

// Writes `data` to `path` atomically (write to a temporary file, then rename).
Status WriteFileAtomically(const std::string& path, std::string_view data);

// Regular files directly inside `dir` (not recursive), sorted by name, whose
// names end with one of `extensions` (e.g. ".txt"); all files when empty.
Result<std::vector<std::string>> ListFiles(const std::string& dir,
                                           const std::vector<std::string>& extensions);

bool IsDirectory(const std::string& path);

// "dir/001_abc.txt" -> "001_abc".
std::string FileStem(std::string_view path);

}  // namespace newsfuse::base

#endif  // NEWSFUSE_BASE_FILE_IO_H_
