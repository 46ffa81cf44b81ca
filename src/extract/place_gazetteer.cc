#include "extract/place_gazetteer.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>

#include "base/repo_path.h"
#include "base/strings.h"

namespace newsfuse::extract {

std::string PlaceGazetteer::Key(std::string_view name) {
  std::string k;
  k.reserve(name.size());
  for (char c : base::Trim(name)) {
    if (c == '.') continue;
    k.push_back(base::IsAsciiUpper(c) ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return k;
}

PlaceGazetteer PlaceGazetteer::FromFile(const std::string& path) {
  PlaceGazetteer g;
  std::ifstream in(path);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    g.names_.insert(Key(line));
  }
  return g;
}

PlaceGazetteer PlaceGazetteer::FromNames(std::initializer_list<std::string_view> names) {
  PlaceGazetteer g;
  for (auto n : names) g.names_.insert(Key(n));
  return g;
}

const PlaceGazetteer& PlaceGazetteer::Default() {
  static const PlaceGazetteer instance = [] {
    if (const char* dir = std::getenv("NEWSFUSE_MODEL_DIR"); dir != nullptr && *dir != '\0') {
      return FromFile(std::string(dir) + "/places-en.txt");
    }
    return FromFile(base::FindRepoPath("models/places-en.txt"));
  }();
  // Without the list the briefing still works (places the tagger knows stay
  // places) but types fewer of them: say so once rather than degrade in
  // silence.
  static const bool warned = [] {
    if (instance.names_.empty()) {
      std::fprintf(stderr, "newsfuse: warning: the place list models/places-en.txt was not found or is empty "
                           "(set NEWSFUSE_MODEL_DIR to the folder that holds it)\n");
    }
    return true;
  }();
  (void)warned;
  return instance;
}

bool PlaceGazetteer::Contains(std::string_view name) const {
  if (names_.empty()) return false;
  return names_.count(Key(name)) > 0;
}

}  // namespace newsfuse::extract
