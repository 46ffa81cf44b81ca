// File: serve/web_assets_table.h
//
// The table the build generates from web/ (embed_web.cmake): internal to
// web_assets.cc; use FindWebAsset() from web_assets.h instead.
#ifndef NEWSFUSE_SERVE_WEB_ASSETS_TABLE_H_
#define NEWSFUSE_SERVE_WEB_ASSETS_TABLE_H_

#include <cstddef>

namespace newsfuse::serve::internal {

struct EmbeddedFile {
  const char* name;  // path relative to web/, '/'-separated
  const unsigned char* data;
  size_t size;
};

// kEmbeddedFileCount entries, then a null sentinel.
extern const EmbeddedFile kEmbeddedFiles[];
extern const size_t kEmbeddedFileCount;

}  // namespace newsfuse::serve::internal

#endif  // NEWSFUSE_SERVE_WEB_ASSETS_TABLE_H_
