// File: extract/place_gazetteer.h
//
// Place names (towns, counties, states, provinces) the CoNLL-trained tagger
// never saw, from GeoNames (models/places-en.txt, built by
// scripts/build_place_gazetteer.py; CC BY 4.0, see models/README.md). Used as
// type evidence when a story's entities are resolved: "Rancho Mirage" or
// "Bayou La Batre" is a place whatever the tagger called it.
//
//   const PlaceGazetteer places = PlaceGazetteer::FromFile(
//       PlaceGazetteer::PathBesideModel(EntityTagger::DefaultModelPath()));
//   if (places.Contains("Newport Beach")) ...
// Who loads it passes it on (engine/story_pipeline.h: EntityModel, with the
// tagger); there is no process-wide copy.
#ifndef NEWSFUSE_EXTRACT_PLACE_GAZETTEER_H_
#define NEWSFUSE_EXTRACT_PLACE_GAZETTEER_H_

#include <string>
#include <string_view>
#include <unordered_set>

namespace newsfuse::extract {

class PlaceGazetteer {
 public:
  // One name a line; lines starting with '#' are comments. A file that
  // cannot be read gives an empty gazetteer (the resolution then relies on
  // the tagger's types alone).
  static PlaceGazetteer FromFile(const std::string& path);
  static PlaceGazetteer FromNames(std::initializer_list<std::string_view> names);

  // The list that ships beside an entity tagger model: places-en.txt in the
  // model's folder (models/ of the repository by default).
  static std::string PathBesideModel(const std::string& model_path);

  // Exact name, ignoring the case of ASCII letters and dots ("N.Y." = "NY").
  bool Contains(std::string_view name) const;
  size_t size() const { return names_.size(); }

 private:
  static std::string Key(std::string_view name);
  std::unordered_set<std::string> names_;
};

}  // namespace newsfuse::extract

#endif  // NEWSFUSE_EXTRACT_PLACE_GAZETTEER_H_
