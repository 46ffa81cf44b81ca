#include "extract/place_gazetteer.h"

#include <filesystem>
#include <fstream>

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

std::string PlaceGazetteer::PathBesideModel(const std::string& model_path) {
  return (std::filesystem::path(model_path).parent_path() / "places-en.txt").string();
}

bool PlaceGazetteer::Contains(std::string_view name) const {
  if (names_.empty()) return false;
  return names_.count(Key(name)) > 0;
}

}  // namespace newsfuse::extract
