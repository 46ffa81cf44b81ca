#include "base/json_writer.h"

#include <gtest/gtest.h>

namespace newsfuse::base {
namespace {

TEST(JsonWriterTest, EscapesAndNests) {
  std::string out;
  JsonWriter w(&out);
  w.BeginObject();
  w.Field("text", "say \"hi\"\n\\");
  w.Key("n");
  w.Int(3);
  w.OptionalField("none", std::nullopt);
  w.StringArray("ids", {"a", "b"});
  w.Key("empty");
  w.BeginArray();
  w.EndArray();
  w.EndObject();
  EXPECT_EQ(out, R"({"text":"say \"hi\"\n\\","n":3,"none":null,"ids":["a","b"],"empty":[]})");
}

TEST(JsonWriterTest, InvalidUtf8BecomesReplacementCharacter) {
  std::string out;
  AppendJsonString("a\xFF" "b\x01", &out);
  EXPECT_EQ(out, "\"a\xEF\xBF\xBD" "b\\u0001\"");
}

// A JSON Lines record must stay on one line for every line-oriented reader.
TEST(JsonWriterTest, EscapesLineAndParagraphSeparators) {
  std::string out;
  AppendJsonString("one\xE2\x80\xA8two\xE2\x80\xA9three \xE2\x80\x94", &out);
  EXPECT_EQ(out, "\"one\\u2028two\\u2029three \xE2\x80\x94\"");
}

TEST(JsonWriterTest, PrettyPrints) {
  std::string out;
  JsonWriter w(&out, 2);
  w.BeginObject();
  w.Field("a", "b");
  w.EndObject();
  EXPECT_EQ(out, "{\n  \"a\": \"b\"\n}");
}

}  // namespace
}  // namespace newsfuse::base
