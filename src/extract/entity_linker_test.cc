#include "extract/entity_linker.h"

#include <gtest/gtest.h>

#include "text/tokenizer.h"

namespace newsfuse::extract {
namespace {

// Mentions given by hand (the tagger has its own tests): each `name` is
// found in the text in order and tagged with `type`.
LinkResult Link(const std::string& text, std::vector<std::pair<std::string, EntityType>> names) {
  std::vector<text::Span> tokens;
  text::Tokenize(text, &tokens);
  std::vector<EntityMention> mentions;
  size_t from = 0;
  for (const auto& [name, type] : names) {
    const size_t at = text.find(name, from);
    EXPECT_NE(at, std::string::npos) << name;
    EntityMention m;
    m.span = text::Span{static_cast<uint32_t>(at), static_cast<uint32_t>(at + name.size())};
    m.type = type;
    mentions.push_back(m);
    from = at + name.size();
  }
  return LinkEntities(text, tokens, mentions);
}

const LinkedEntity* Named(const LinkResult& r, const std::string& name) {
  for (const auto& e : r.entities) {
    if (e.name == name) return &e;
  }
  return nullptr;
}

TEST(EntityLinkerTest, SurnamesAndHonorificsJoinTheFullName) {
  auto r = Link("Harbor Master Ruth Okafor spoke first. Later Okafor said more, and Ms. Okafor left.",
                {{"Ruth Okafor", EntityType::kPerson}, {"Okafor", EntityType::kPerson}, {"Ms. Okafor", EntityType::kPerson}});
  ASSERT_EQ(r.entities.size(), 1u);
  EXPECT_EQ(r.entities[0].name, "Ruth Okafor");
  EXPECT_EQ(r.entities[0].mentions.size(), 3u);
  ASSERT_EQ(r.entities[0].titles.size(), 1u);
  EXPECT_EQ(r.entities[0].titles[0], "Harbor Master");
}

TEST(EntityLinkerTest, TitlesBeforeAndAfterTheName) {
  auto r = Link(
      "The side was led by national security adviser Jake Sullivan. Israeli Prime Minister Benjamin "
      "Netanyahu agreed. Ron Dermer, Israel's minister for strategic affairs, came too.",
      {{"Jake Sullivan", EntityType::kPerson}, {"Israeli", EntityType::kOther},
       {"Benjamin Netanyahu", EntityType::kPerson}, {"Ron Dermer", EntityType::kPerson},
       {"Israel", EntityType::kLocation}});
  ASSERT_NE(Named(r, "Jake Sullivan"), nullptr);
  EXPECT_EQ(Named(r, "Jake Sullivan")->titles, std::vector<std::string>{"national security adviser"});
  EXPECT_EQ(Named(r, "Benjamin Netanyahu")->titles, std::vector<std::string>{"Prime Minister"});
  EXPECT_EQ(Named(r, "Ron Dermer")->titles, std::vector<std::string>{"minister for strategic affairs"});
}

TEST(EntityLinkerTest, AcronymJoinsTheOrganisationItAbbreviates) {
  auto r = Link("The Strategic Consultative Group will meet. The SCG oversees the talks.",
                {{"Strategic Consultative Group", EntityType::kOrganization}, {"SCG", EntityType::kOrganization}});
  ASSERT_EQ(r.entities.size(), 1u);
  EXPECT_EQ(r.entities[0].name, "Strategic Consultative Group");
}

TEST(EntityLinkerTest, CleanNameDropsHonorificsTitlesAndPossessives) {
  EXPECT_EQ(CleanName("Mr. Netanyahu's"), "Netanyahu");
  EXPECT_EQ(CleanName("President Biden"), "Biden");
  EXPECT_EQ(CleanName("National Guard"), "National Guard");
}

}  // namespace
}  // namespace newsfuse::extract
