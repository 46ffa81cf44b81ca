#include "engine/story_pipeline.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace newsfuse::engine {
namespace {

const std::string kModel = NEWSFUSE_SOURCE_DIR "/models/ner-conll2003.bin";

// The place list comes with the engine's options: the one named, else the
// one beside the tagger model; nothing process-wide.
TEST(EntityModelTest, PlaceListFromTheOptionsOrBesideTheModel) {
  if (!std::filesystem::exists(kModel)) GTEST_SKIP() << "no tagger model at " << kModel;
  const std::string list = (std::filesystem::temp_directory_path() / "nf_story_pipeline_places.txt").string();
  {
    std::ofstream out(list);
    out << "# test list\nZzyzx Springs\n";
  }
  EntityModel named(kModel, list);
  ASSERT_NE(named.Get(), nullptr);
  EXPECT_TRUE(named.places().Contains("Zzyzx Springs"));
  EXPECT_EQ(named.places().size(), 1u);

  EntityModel beside(kModel, "");
  EXPECT_FALSE(beside.places().Contains("Zzyzx Springs"));
  EXPECT_TRUE(beside.places().Contains("Rancho Mirage"));  // models/places-en.txt
  std::filesystem::remove(list);
}

TEST(EntityModelTest, NoModelNoPlaces) {
  EntityModel missing("/nonexistent/ner.bin", "");
  EXPECT_EQ(missing.Get(), nullptr);
  EXPECT_FALSE(missing.status().ok());
  EXPECT_EQ(missing.places().size(), 0u);
}

}  // namespace
}  // namespace newsfuse::engine
