#include "serve/web_assets.h"

#include <xxhash.h>

#include <cstdio>
#include <string>

#include "base/strings.h"
#include "serve/web_assets_table.h"

namespace newsfuse::serve {
namespace {

struct Entry {
  WebAsset asset;
  std::string etag;
};

// Built once on first use: the ETags are hashes of the bytes, computed here
// rather than in the CMake script because CMake has no fast hash of binary data.
const std::vector<Entry>& Entries() {
  static const std::vector<Entry>* entries = [] {
    auto* v = new std::vector<Entry>();
    v->reserve(internal::kEmbeddedFileCount);
    for (size_t i = 0; i < internal::kEmbeddedFileCount; ++i) {
      const internal::EmbeddedFile& f = internal::kEmbeddedFiles[i];
      Entry e;
      e.asset.name = f.name;
      e.asset.bytes = std::string_view(reinterpret_cast<const char*>(f.data), f.size);
      e.asset.content_type = ContentTypeFor(e.asset.name);
      char buf[24];
      std::snprintf(buf, sizeof buf, "\"%016llx\"",
                    static_cast<unsigned long long>(XXH64(f.data, f.size, 0)));
      e.etag = buf;
      v->push_back(std::move(e));
    }
    // string_views into each entry's own etag: set after the vector stops moving.
    for (Entry& e : *v) e.asset.etag = e.etag;
    return v;
  }();
  return *entries;
}

}  // namespace

std::string_view ContentTypeFor(std::string_view name) {
  const size_t dot = name.rfind('.');
  const std::string ext = dot == std::string_view::npos ? "" : base::AsciiLower(name.substr(dot + 1));
  if (ext == "html" || ext == "htm") return "text/html; charset=utf-8";
  if (ext == "js" || ext == "mjs") return "text/javascript; charset=utf-8";
  if (ext == "css") return "text/css; charset=utf-8";
  if (ext == "json" || ext == "map") return "application/json; charset=utf-8";
  if (ext == "svg") return "image/svg+xml";
  if (ext == "png") return "image/png";
  if (ext == "jpg" || ext == "jpeg") return "image/jpeg";
  if (ext == "gif") return "image/gif";
  if (ext == "webp") return "image/webp";
  if (ext == "ico") return "image/x-icon";
  if (ext == "woff2") return "font/woff2";
  if (ext == "woff") return "font/woff";
  if (ext == "txt" || ext == "md") return "text/plain; charset=utf-8";
  if (ext == "webmanifest") return "application/manifest+json";
  return "application/octet-stream";
}

std::optional<WebAsset> FindWebAsset(std::string_view name) {
  for (const Entry& e : Entries()) {
    if (e.asset.name == name) return e.asset;
  }
  return std::nullopt;
}

std::vector<WebAsset> AllWebAssets() {
  std::vector<WebAsset> out;
  for (const Entry& e : Entries()) out.push_back(e.asset);
  return out;
}

}  // namespace newsfuse::serve
