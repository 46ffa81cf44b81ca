#include "extract/entity_tagger.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include "eval/conll_reader.h"
#include "eval/ner_eval.h"
#include "extract/ner_model.h"
#include "train/ner_trainer.h"
#include "text/tokenizer.h"

namespace newsfuse::extract {
namespace {

const std::string kModelPath = NEWSFUSE_SOURCE_DIR "/models/ner-conll2003.bin";

const EntityTagger& Tagger() {
  static const EntityTagger* tagger = [] {
    auto t = EntityTagger::Load(kModelPath);
    EXPECT_TRUE(t.ok()) << t.status().ToString();
    return t.ok() ? t->release() : nullptr;
  }();
  return *tagger;
}

// "text/TYPE" for each mention of `text` tagged as one sentence.
std::vector<std::string> Mentions(const std::string& text) {
  std::vector<text::Span> tokens;
  text::Tokenize(text, &tokens);
  std::vector<EntityMention> mentions;
  Tagger().Tag(text, tokens, &mentions);
  std::vector<std::string> out;
  for (const EntityMention& m : mentions) {
    out.push_back(std::string(m.span.In(text)) + "/" + std::string(EntityTypeConllName(m.type)));
    EXPECT_GE(m.confidence, 0.0f);
    EXPECT_LE(m.confidence, 1.0f);
  }
  return out;
}

TEST(EntityTaggerTest, FindsPeoplePlacesAndNationalities) {
  EXPECT_EQ(Mentions("Israeli Prime Minister Benjamin Netanyahu met Jake Sullivan in Washington."),
            (std::vector<std::string>{"Israeli/MISC", "Benjamin Netanyahu/PER", "Jake Sullivan/PER",
                                      "Washington/LOC"}));
}

TEST(EntityTaggerTest, FindsOrganizations) {
  EXPECT_EQ(Mentions("The European Union and the United Nations said on Monday that Germany would send aid."),
            (std::vector<std::string>{"European Union/ORG", "United Nations/ORG", "Germany/LOC"}));
}

TEST(EntityTaggerTest, TagsADocumentWithSpansIntoItsText) {
  const std::string text = "Maria Lindqvist runs Northwind Bank in Stockholm. Lindqvist said profits rose.";
  std::vector<text::Span> tokens;
  text::Tokenize(text, &tokens);
  std::vector<uint32_t> ends;
  for (uint32_t i = 0; i < tokens.size(); ++i)
    if (tokens[i].In(text) == ".") ends.push_back(i + 1);
  std::vector<EntityMention> mentions;
  Tagger().TagDocument(text, tokens, ends, &mentions);
  ASSERT_FALSE(mentions.empty());
  EXPECT_EQ(mentions[0].span.In(text), "Maria Lindqvist");
  EXPECT_EQ(mentions[0].type, EntityType::kPerson);
  EXPECT_EQ(mentions.back().span.In(text), "Lindqvist");
  EXPECT_EQ(mentions.back().type, EntityType::kPerson);
  for (const EntityMention& m : mentions) {
    EXPECT_EQ(m.span.begin, tokens[m.token_begin].begin);
    EXPECT_EQ(m.span.end, tokens[m.token_end - 1].end);
  }
}

TEST(EntityTaggerTest, TreatsTypographicPunctuationLikeAscii) {
  // The training data is ASCII; news text has curly quotes and apostrophes.
  auto types = [](const std::string& text) {
    std::vector<text::Span> tokens;
    text::Tokenize(text, &tokens);
    std::vector<EntityMention> mentions;
    Tagger().Tag(text, tokens, &mentions);
    std::vector<std::string> out;
    for (const EntityMention& m : mentions)
      out.push_back(std::to_string(m.token_begin) + "-" + std::to_string(m.token_end) + "/" +
                    std::string(EntityTypeConllName(m.type)));
    return out;
  };
  const std::vector<std::string> ascii = types("\"We will win,\" Netanyahu's spokesman told Reuters -- again.");
  EXPECT_EQ(types("\xE2\x80\x9CWe will win,\xE2\x80\x9D Netanyahu\xE2\x80\x99s spokesman told Reuters "
                  "\xE2\x80\x94 again."),
            ascii);
  EXPECT_EQ(Mentions("Netanyahu\xE2\x80\x99s spokesman told Reuters."),
            (std::vector<std::string>{"Netanyahu/PER", "Reuters/ORG"}));
}

TEST(EntityTaggerTest, HandlesEmptyInput) {
  std::vector<EntityMention> mentions;
  Tagger().Tag("", {}, &mentions);
  EXPECT_TRUE(mentions.empty());
}

TEST(EntityTaggerTest, TagsConcurrentlyWithTheSameResults) {
  const std::string text = "Angela Merkel flew from Berlin to Paris to meet Emmanuel Macron of France.";
  const std::vector<std::string> expected = Mentions(text);
  std::vector<std::vector<std::string>> got(4);
  std::vector<std::thread> threads;
  for (int k = 0; k < 4; ++k) {
    threads.emplace_back([&, k] {
      for (int r = 0; r < 50; ++r) got[k] = Mentions(text);
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& g : got) EXPECT_EQ(g, expected);
}

TEST(EntityTaggerTest, RejectsFilesThatAreNotModels) {
  const std::string dir = testing::TempDir();
  const std::string junk = dir + "/not_a_model.bin";
  std::ofstream(junk) << "this is not a model file at all";
  auto t = EntityTagger::Load(junk);
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().ToString().find(junk), std::string::npos) << t.status().ToString();
  EXPECT_NE(t.status().ToString().find("bad magic"), std::string::npos) << t.status().ToString();

  // A model with a future version.
  std::string bytes;
  {
    std::ifstream in(kModelPath, std::ios::binary);
    bytes.assign(std::istreambuf_iterator<char>(in), {});
  }
  ASSERT_GT(bytes.size(), 8u);
  bytes[4] = 99;
  const std::string future = dir + "/future_model.bin";
  std::ofstream(future, std::ios::binary) << bytes;
  t = EntityTagger::Load(future);
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().ToString().find("version 99"), std::string::npos) << t.status().ToString();

  // A truncated model.
  bytes[4] = 1;
  const std::string truncated = dir + "/truncated_model.bin";
  std::ofstream(truncated, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
  t = EntityTagger::Load(truncated);
  ASSERT_FALSE(t.ok());
  EXPECT_NE(t.status().ToString().find("truncated_model.bin"), std::string::npos);

  EXPECT_FALSE(EntityTagger::Load(dir + "/missing_model.bin").ok());
}

TEST(EntityTaggerTest, DefaultModelPathHonoursTheEnvironment) {
  setenv("NEWSFUSE_MODEL_DIR", "/some/dir", 1);
  EXPECT_EQ(EntityTagger::DefaultModelPath(), "/some/dir/ner-conll2003.bin");
  unsetenv("NEWSFUSE_MODEL_DIR");
  // From the root of a clone the default is the committed model.
  const std::filesystem::path old = std::filesystem::current_path();
  std::filesystem::current_path(NEWSFUSE_SOURCE_DIR);
  EXPECT_EQ(EntityTagger::DefaultModelPath(),
            (std::filesystem::path(NEWSFUSE_SOURCE_DIR) / "models" / "ner-conll2003.bin").lexically_normal().string());
  std::filesystem::current_path(old);
}

TEST(EntityTaggerTest, ReachesTheDevScoreOnConll) {
  const std::string dev = NEWSFUSE_SHARED_DIR "/data/ner/conll2003/eng.testa";
  if (!std::filesystem::exists(dev)) GTEST_SKIP() << dev << " absent: the CoNLL-2003 dev set is in ../shared only";
  Result<NerEvalResult> r = EvaluateNer(Tagger(), dev);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->tokens, 51362u);
  EXPECT_GE(r->scores.Overall().F1(), 89.0) << r->scores.Report();
}

// Trains a tiny model from an invented corpus: the full pipeline (lexicon,
// gazetteer, both stages, save, load) runs and the model learns its data.
TEST(NerTrainerTest, TrainsSavesAndLoadsATinyModel) {
  const std::string dir = testing::TempDir();
  const std::string train = dir + "/tiny.conll";
  {
    std::ofstream out(train);
    const char* sentences[] = {
        "Anna I-PER|Berg I-PER|visited O|Oslo I-LOC|. O",
        "Acme I-ORG|Corp I-ORG|hired O|Anna I-PER|Berg I-PER|. O",
        "Oslo I-LOC|welcomed O|Norwegian I-MISC|fans O|. O",
        "Berg I-PER|left O|Acme I-ORG|Corp I-ORG|in O|March O|. O",
    };
    for (int doc = 0; doc < 6; ++doc) {
      out << "-DOCSTART- -X- O O\n\n";
      for (const char* s : sentences) {
        std::string line = s;
        size_t pos = 0;
        while (pos <= line.size()) {
          size_t bar = line.find('|', pos);
          if (bar == std::string::npos) bar = line.size();
          const std::string item = line.substr(pos, bar - pos);
          const size_t space = item.find(' ');
          out << item.substr(0, space) << " X X " << item.substr(space + 1) << "\n";
          pos = bar + 1;
        }
        out << "\n";
      }
    }
  }
  ner::NerTrainOptions options;
  options.train_path = train;
  options.unlabelled_paths = {train};
  options.iso_codes_dir = dir + "/no-iso-codes";
  options.epochs = 5;
  options.folds = 2;
  ner::NerTrainReport report;
  Result<ner::NerModel> model = ner::TrainNerModel(options, &report);
  ASSERT_TRUE(model.ok()) << model.status().ToString();
  EXPECT_TRUE(model->has_stage2);
  const std::string path = dir + "/tiny_model.bin";
  ASSERT_TRUE(model->Save(path).ok());
  auto tagger = EntityTagger::Load(path);
  ASSERT_TRUE(tagger.ok()) << tagger.status().ToString();
  const std::vector<std::string_view> words = {"Anna", "Berg", "visited", "Oslo", "."};
  const uint32_t end = 5;
  std::vector<EntityMention> mentions;
  (*tagger)->TagWords(words, std::span<const uint32_t>(&end, 1), &mentions);
  ASSERT_EQ(mentions.size(), 2u);
  EXPECT_EQ(mentions[0].type, EntityType::kPerson);
  EXPECT_EQ(mentions[0].token_begin, 0u);
  EXPECT_EQ(mentions[0].token_end, 2u);
  EXPECT_EQ(mentions[1].type, EntityType::kLocation);
}

}  // namespace
}  // namespace newsfuse::extract
