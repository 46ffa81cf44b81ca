#include "bench/synthetic_corpus.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "base/json_writer.h"

namespace newsfuse::bench {
namespace {

constexpr const char* kSyllables[] = {
    "ba", "ko", "ri", "ten", "mar", "lo", "vi", "sen", "da", "ru", "pel", "ta", "no", "gar",
    "mi", "zo", "ke", "lan", "tor", "bi", "fa", "nu", "dre", "shi", "vol", "ma", "te", "ron",
    "ca", "lu", "pra", "sto", "we", "hal", "gi", "mon", "ne", "tri", "sol", "ve"};
constexpr size_t kSyllableCount = sizeof(kSyllables) / sizeof(kSyllables[0]);
constexpr const char* kFunctionWords[] = {"the", "of", "and", "to", "in", "a", "that", "said",
                                          "for", "on", "was", "with", "by", "at", "from", "it"};
constexpr size_t kVocabulary = 30000;
constexpr size_t kWordsPerTopic = 60;

std::string Capitalised(std::string w) {
  if (!w.empty() && w[0] >= 'a' && w[0] <= 'z') w[0] = static_cast<char>(w[0] - 32);
  return w;
}

}  // namespace

SyntheticCorpus::SyntheticCorpus(const SyntheticOptions& options)
    : options_(options), rng_(options.seed) {
  vocabulary_.reserve(kVocabulary);
  for (size_t i = 0; i < kVocabulary; ++i) vocabulary_.push_back(Word(static_cast<uint32_t>(i)));
  std::vector<double> weights(kVocabulary);
  for (size_t i = 0; i < kVocabulary; ++i) weights[i] = 1.0 / static_cast<double>(i + 10);
  zipf_ = std::discrete_distribution<uint32_t>(weights.begin(), weights.end());

  std::uniform_int_distribution<uint32_t> any_word(2000, kVocabulary - 1);
  topic_words_.resize(std::max<size_t>(options_.topics, 1));
  for (auto& words : topic_words_) {
    for (size_t k = 0; k < kWordsPerTopic; ++k) words.push_back(any_word(rng_));
  }
  for (int i = 0; i < 500; ++i) outlets_.push_back(vocabulary_[any_word(rng_)] + ".example");

  // Plan stories until they cover the requested number of articles. Sizes
  // are geometric-like with a long tail (a Pareto draw).
  std::uniform_real_distribution<double> unit(0.0, 1.0);
  std::uniform_int_distribution<uint32_t> topic(0, static_cast<uint32_t>(topic_words_.size() - 1));
  std::uniform_int_distribution<uint32_t> start(0, 24 * 60 - 1);
  const double alpha = options_.mean_story_size / (options_.mean_story_size - 1.0);
  size_t planned = 0;
  while (planned < options_.articles) {
    double u = std::max(unit(rng_), 1e-9);
    size_t size = static_cast<size_t>(std::floor(std::pow(u, -1.0 / alpha)));
    size = std::clamp<size_t>(size, 1, 2000);
    size = std::min(size, options_.articles - planned);
    Story s;
    s.topic = topic(rng_);
    int names = 3 + static_cast<int>(rng_() % 3);
    for (int k = 0; k < names; ++k) s.names.push_back(MakeName());
    const auto& tw = topic_words_[s.topic];
    for (int k = 0; k < 25; ++k) s.words.push_back(tw[rng_() % tw.size()]);
    for (int k = 0; k < 15; ++k) s.words.push_back(any_word(rng_));
    const uint32_t first = start(rng_);
    std::exponential_distribution<double> later(1.0 / 180.0);  // mean 3 hours after the first
    for (size_t k = 0; k < size; ++k) {
      uint32_t minute = first + (k == 0 ? 0 : static_cast<uint32_t>(later(rng_)));
      schedule_.push_back({std::min<uint32_t>(minute, 24 * 60 - 1),
                           static_cast<uint32_t>(stories_.size())});
    }
    s.remaining = static_cast<uint32_t>(size);
    stories_.push_back(std::move(s));
    planned += size;
  }
  std::stable_sort(schedule_.begin(), schedule_.end(),
                   [](const Slot& a, const Slot& b) { return a.minute < b.minute; });
}

std::string SyntheticCorpus::Word(uint32_t index) const {
  // A bijective-ish spelling of the index in syllables: 2 to 4 syllables.
  std::string w;
  uint32_t x = index + 1;
  int syllables = 2 + static_cast<int>(index % 3);
  for (int k = 0; k < syllables; ++k) {
    w += kSyllables[x % kSyllableCount];
    x = x / kSyllableCount + (x % 7) * 13 + static_cast<uint32_t>(k);
  }
  return w + std::to_string(index % 10 == 0 ? index / 10 % 10 : 0).substr(0, index % 10 == 0);
}

std::string SyntheticCorpus::MakeName() {
  std::string first = Capitalised(vocabulary_[rng_() % kVocabulary]);
  std::string last = Capitalised(vocabulary_[rng_() % kVocabulary]);
  return first + " " + last;
}

std::string SyntheticCorpus::MakeBody(Story& story) {
  std::string body;
  const size_t target = options_.body_bytes / 2 + rng_() % (options_.body_bytes + 1);
  body.reserve(target + 200);
  int sentence_words = 0;
  int sentence_length = 12 + static_cast<int>(rng_() % 14);
  int sentences_in_paragraph = 0;
  bool start = true;
  while (body.size() < target) {
    std::string word;
    uint64_t r = rng_() % 100;
    if (r < 12) {
      word = story.names[rng_() % story.names.size()];
    } else if (r < 40) {
      word = vocabulary_[story.words[rng_() % story.words.size()]];
    } else if (r < 65) {
      word = kFunctionWords[rng_() % (sizeof(kFunctionWords) / sizeof(kFunctionWords[0]))];
    } else {
      word = vocabulary_[zipf_(rng_)];
    }
    if (start) word = Capitalised(word);
    if (!start) body += ' ';
    body += word;
    start = false;
    if (++sentence_words >= sentence_length) {
      body += '.';
      sentence_words = 0;
      sentence_length = 12 + static_cast<int>(rng_() % 14);
      start = true;
      if (++sentences_in_paragraph >= 3) {
        body += '\n';
        sentences_in_paragraph = 0;
      } else {
        body += ' ';
      }
      // Trim the space before the next word.
      if (body.back() == ' ') body.pop_back();
      if (body.back() != '\n') body += ' ';
    }
  }
  body += '.';
  return body;
}

std::string SyntheticCorpus::Reprint(const std::string& body) {
  // A wire copy: a few words changed, and sometimes the last paragraph cut.
  std::string out = body;
  size_t cut = out.rfind('\n');
  if (cut != std::string::npos && rng_() % 3 == 0) out.resize(cut);
  int edits = 1 + static_cast<int>(rng_() % 6);
  for (int e = 0; e < edits && !out.empty(); ++e) {
    size_t pos = rng_() % out.size();
    size_t begin = out.rfind(' ', pos);
    size_t end = out.find(' ', pos);
    if (begin == std::string::npos || end == std::string::npos || end <= begin + 1) continue;
    out.replace(begin + 1, end - begin - 1, vocabulary_[zipf_(rng_)]);
  }
  return out;
}

bool SyntheticCorpus::Next(Article* article, std::string* gold_story) {
  if (next_ >= schedule_.size()) return false;
  const Slot slot = schedule_[next_];
  Story& story = stories_[slot.story];
  *article = Article{};
  article->id = "syn" + std::to_string(next_);
  article->outlet = outlets_[rng_() % outlets_.size()];
  char when[32];
  std::snprintf(when, sizeof(when), "%sT%02u:%02u", options_.day.c_str(), slot.minute / 60,
                slot.minute % 60);
  article->published = ParseIsoDate(when);
  std::string title = Capitalised(vocabulary_[story.words[rng_() % story.words.size()]]);
  title += " " + story.names[rng_() % story.names.size()];
  for (int k = 0; k < 5; ++k) title += " " + vocabulary_[story.words[rng_() % story.words.size()]];
  article->title = title;
  std::string body;
  const bool reprint = !story.copies.empty() &&
                       std::uniform_real_distribution<double>(0, 1)(rng_) < options_.reprint_share;
  if (reprint) {
    body = Reprint(story.copies[rng_() % story.copies.size()]);
  } else {
    body = MakeBody(story);
    if (story.copies.size() < 2 && story.remaining > 1) story.copies.push_back(body);
  }
  size_t begin = 0;
  while (begin < body.size()) {
    size_t end = body.find('\n', begin);
    if (end == std::string::npos) end = body.size();
    Paragraph p;
    p.text = body.substr(begin, end - begin);
    if (!p.text.empty()) article->paragraphs.push_back(std::move(p));
    begin = end + 1;
  }
  *gold_story = "story" + std::to_string(slot.story);
  if (--story.remaining == 0) std::vector<std::string>().swap(story.copies);
  ++next_;
  return true;
}

size_t AppendJsonLine(const Article& article, std::string_view story, std::string* out) {
  std::string text;
  for (const Paragraph& p : article.paragraphs) {
    if (!text.empty()) text += "\n\n";
    text += p.text;
  }
  base::JsonWriter w(out);
  w.BeginObject();
  w.Field("id", article.id);
  w.OptionalField("outlet", article.outlet);
  w.OptionalDateField("published", article.published);
  w.OptionalField("title", article.title);
  w.Field("text", text);
  if (!story.empty()) w.Field("story", story);
  w.EndObject();
  out->push_back('\n');
  return text.size();
}

Status WriteSyntheticCorpus(const SyntheticOptions& options, const std::string& path) {
  std::FILE* out = path == "-" ? stdout : std::fopen(path.c_str(), "w");
  if (out == nullptr) return Status::Unavailable(path, "cannot open for writing");
  SyntheticCorpus corpus(options);
  Article a;
  std::string gold;
  std::string line;
  while (corpus.Next(&a, &gold)) {
    line.clear();
    AppendJsonLine(a, gold, &line);
    std::fwrite(line.data(), 1, line.size(), out);
  }
  if (out != stdout && std::fclose(out) != 0) return Status::Unavailable(path, "write failed");
  return Status::Ok();
}

}  // namespace newsfuse::bench
