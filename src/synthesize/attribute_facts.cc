#include "synthesize/attribute_facts.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <utility>

#include "base/strings.h"
#include "synthesize/value_discrepancies.h"

namespace newsfuse::synthesize {
namespace {

std::string LastWord(const std::string& name) {
  const auto words = base::SplitWords(name);
  return words.empty() ? std::string() : base::AsciiLower(words.back());
}

size_t WordCount(const std::string& s) { return base::SplitWords(s).size(); }

}  // namespace

std::vector<AttributeFact> FindAttributeFacts(const std::vector<const extract::ArticleAnalysis*>& articles,
                                              size_t min_articles) {
  struct Group {
    std::string name;   // the fullest writing of the person's name
    std::string value;  // as first written
    std::string predicate;
    std::map<uint32_t, std::string> stated;  // article -> its first stating sentence
  };
  // (predicate, surname, folded value) -> group.
  std::map<std::tuple<std::string, std::string, std::string>, Group> groups;
  for (uint32_t ai = 0; ai < articles.size(); ++ai) {
    const auto& doc = articles[ai]->doc;
    for (const auto& sent : doc.sentences) {
      if (doc.paragraphs[sent.paragraph].is_heading) continue;
      const std::string_view text = doc.Text(sent.span);
      for (const ValueClaim& c : ValueClaims(text)) {
        if (c.predicate != "age" && c.predicate != "home") continue;
        auto [it, fresh] = groups.try_emplace({c.predicate, LastWord(c.subject), base::AsciiLower(c.value)});
        Group& g = it->second;
        if (fresh) {
          g.value = c.value;
          g.predicate = c.predicate;
        }
        if (WordCount(c.subject) > WordCount(g.name)) g.name = c.subject;
        g.stated.try_emplace(ai, base::CollapseWhitespace(text));
      }
    }
  }
  std::vector<AttributeFact> out;
  for (auto& [key, g] : groups) {
    if (g.stated.size() < min_articles) continue;
    AttributeFact f;
    f.text = g.predicate == "age" ? g.name + " is " + g.value + "." : g.name + " is from " + g.value + ".";
    for (auto& [ai, sentence] : g.stated) {
      f.articles.push_back(ai);
      f.sentences.push_back(std::move(sentence));
    }
    out.push_back(std::move(f));
  }
  std::stable_sort(out.begin(), out.end(),
                   [](const AttributeFact& a, const AttributeFact& b) { return a.articles.size() > b.articles.size(); });
  return out;
}

}  // namespace newsfuse::synthesize
