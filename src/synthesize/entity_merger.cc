#include "synthesize/entity_merger.h"

#include <algorithm>

#include "base/strings.h"

namespace newsfuse::synthesize {

namespace {

std::string LettersAndDigits(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (base::IsAsciiAlpha(c) || base::IsAsciiDigit(c) || static_cast<unsigned char>(c) >= 0x80 || c == ' ') out += c;
  }
  return base::CollapseWhitespace(out);
}

bool OneArticleWritesBoth(const std::vector<uint32_t>& articles_a, const std::vector<uint32_t>& articles_b) {
  return std::any_of(articles_a.begin(), articles_a.end(), [&](uint32_t x) {
    return std::find(articles_b.begin(), articles_b.end(), x) != articles_b.end();
  });
}

// A real spelling discrepancy: two spellings of a person's name with the
// same number of words, a letter or two apart ("Jake Sulivan" / "Jake
// Sullivan", "Brian" / "Bryant Dalton"; not "Netanyahu" / "Benjamin
// Netanyahu"). Each pair once, the name's own spelling first when it is one.
void AddSpellingDiscrepancies(const std::vector<const extract::ArticleAnalysis*>& articles,
                              const ResolvedEntity& entity, const std::string& name,
                              std::vector<Discrepancy>* out) {
  std::vector<std::string> spellings;
  for (const auto& [n, arts] : entity.spellings) spellings.push_back(n);
  std::stable_partition(spellings.begin(), spellings.end(), [&](const std::string& n) { return n == name; });
  for (size_t i = 0; i < spellings.size(); ++i) {
    for (size_t j = i + 1; j < spellings.size(); ++j) {
      const std::string& a = spellings[i];
      const std::string& b = spellings[j];
      if (base::SplitWords(a).size() != base::SplitWords(b).size()) continue;
      if (base::EqualsIgnoreCase(a, b) || EditDistance(a, b, 2) > 2) continue;
      // "Mo." / "Mo", "Jerry) Ortiz" / "Jerry Ortiz": the same letters, only
      // punctuation apart, is one spelling.
      if (base::EqualsIgnoreCase(LettersAndDigits(a), LettersAndDigits(b))) continue;
      // Both in one article: two people ("Jerry Ortiz" and his son "Jeremy
      // Ortiz") or an outlet's own slip, not outlets spelling one name apart.
      if (OneArticleWritesBoth(entity.spellings.at(a), entity.spellings.at(b))) continue;
      Discrepancy d;
      d.subject = "spelling of " + name;
      d.kind = "spelling";
      d.label = "spelling";
      for (const std::string& spelling : {a, b}) {
        DiscrepancyVariant v;
        v.value = spelling;
        std::vector<uint32_t> used = entity.spellings.at(spelling);
        std::sort(used.begin(), used.end());
        used.erase(std::unique(used.begin(), used.end()), used.end());
        for (uint32_t x : used) v.sources.push_back(articles[x]->article->id);
        v.text = spelling;
        d.variants.push_back(std::move(v));
      }
      out->push_back(std::move(d));
    }
  }
}

// Most widely reported first (then most mentioned); the index follows.
void SortByReach(MergedEntities* out) {
  std::vector<size_t> order(out->entities.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    const auto& x = out->entities[a];
    const auto& y = out->entities[b];
    if (x.sources.size() != y.sources.size()) return x.sources.size() > y.sources.size();
    return x.mentions > y.mentions;
  });
  std::vector<int> position(order.size());
  std::vector<BriefEntity> sorted;
  for (size_t i = 0; i < order.size(); ++i) {
    position[order[i]] = static_cast<int>(i);
    sorted.push_back(std::move(out->entities[order[i]]));
  }
  out->entities = std::move(sorted);
  for (auto& per_article : out->entity_index) {
    for (int& idx : per_article) {
      if (idx >= 0) idx = position[idx];
    }
  }
}

}  // namespace

MergedEntities MergeEntities(const std::vector<const extract::ArticleAnalysis*>& articles,
                             const extract::PlaceGazetteer& places) {
  const EntityResolution resolved = ResolveEntities(articles, places);
  MergedEntities out;
  for (const ResolvedEntity& r : resolved.entities) {
    BriefEntity e;
    e.name = BestSpelling(r.spellings);
    e.type = std::string(extract::EntityTypeName(r.type));
    e.titles = r.titles;
    for (uint32_t a : r.articles) e.sources.push_back(articles[a]->article->id);
    e.mentions = r.mentions;
    for (const auto& [n, arts] : r.spellings) {
      if (n != e.name) e.variants.push_back(n);
    }
    if (r.type == extract::EntityType::kPerson) AddSpellingDiscrepancies(articles, r, e.name, &out.spelling);
    out.entities.push_back(std::move(e));
  }
  out.entity_index = resolved.entity_of_linked;
  SortByReach(&out);
  return out;
}

}  // namespace newsfuse::synthesize
