// File: serve/web_assets.h
//
// The web page's files, compiled into the binary at build time from every
// file under web/ (src/serve/embed_web.cmake), so the page needs no network
// and no files beside the binary.
//
//   if (auto a = FindWebAsset("app.js")) res.set_content(a->bytes, a->content_type);
//
// Thread-safety: the table is immutable; call from any thread.
#ifndef NEWSFUSE_SERVE_WEB_ASSETS_H_
#define NEWSFUSE_SERVE_WEB_ASSETS_H_

#include <optional>
#include <string_view>
#include <vector>

namespace newsfuse::serve {

struct WebAsset {
  std::string_view name;          // relative to web/ ("index.html", "img/logo.svg")
  std::string_view bytes;         // static storage: valid for the life of the process
  std::string_view content_type;  // from the extension ("text/javascript; charset=utf-8")
  std::string_view etag;          // quoted strong validator of the bytes ("\"9f...\"")
};

// The file web/<name>, or nullopt. `name` is matched exactly (no "..", no
// leading '/', no decoding).
std::optional<WebAsset> FindWebAsset(std::string_view name);

// All embedded files, sorted by name (for a listing or a test).
std::vector<WebAsset> AllWebAssets();

// The Content-Type served for a file name, by extension.
std::string_view ContentTypeFor(std::string_view name);

}  // namespace newsfuse::serve

#endif  // NEWSFUSE_SERVE_WEB_ASSETS_H_
