#include "synthesize/entity_merger.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "base/strings.h"

namespace newsfuse::synthesize {

namespace {

std::string FoldKey(std::string_view name) {
  std::string k;
  for (char c : name) {
    if (c == '.' || c == '\'') continue;
    k.push_back(base::IsAsciiUpper(c) ? static_cast<char>(c - 'A' + 'a') : c);
  }
  // "the White House" = "White House"
  if (k.rfind("the ", 0) == 0) k.erase(0, 4);
  return k;
}

struct Cluster {
  std::map<std::string, int> spelling_count;            // surface name -> articles using it
  std::map<std::string, std::vector<uint32_t>> spelling_articles;
  int type_votes[4] = {0, 0, 0, 0};
  std::vector<std::string> titles;
  std::vector<uint32_t> articles;
  int mentions = 0;
  int speaks = 0;  // mentions followed by a speech verb
  bool alive = true;
};

std::string BestSpelling(const Cluster& c) {
  std::string best;
  int count = -1;
  size_t words = 0;
  for (const auto& [name, n] : c.spelling_count) {
    // The fullest form ("Joe Biden" over "Biden"); among those, the one most
    // articles use; then the longer.
    const size_t w = base::SplitWords(name).size();
    if (w > words || (w == words && (n > count || (n == count && name.size() > best.size())))) {
      words = w;
      best = name;
      count = n;
    }
  }
  return best;
}

extract::EntityType MajorityType(const Cluster& c) {
  int best = 0;
  for (int t = 1; t < 4; ++t) {
    if (c.type_votes[t] > c.type_votes[best]) best = t;
  }
  return static_cast<extract::EntityType>(best);
}

}  // namespace

size_t EditDistance(std::string_view a, std::string_view b, size_t cap) {
  if (a.size() > b.size()) std::swap(a, b);
  if (b.size() - a.size() > cap) return cap + 1;
  std::vector<size_t> prev(a.size() + 1), cur(a.size() + 1);
  for (size_t i = 0; i <= a.size(); ++i) prev[i] = i;
  for (size_t j = 1; j <= b.size(); ++j) {
    cur[0] = j;
    size_t row_min = cur[0];
    for (size_t i = 1; i <= a.size(); ++i) {
      cur[i] = std::min({prev[i] + 1, cur[i - 1] + 1, prev[i - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      row_min = std::min(row_min, cur[i]);
    }
    if (row_min > cap) return cap + 1;
    std::swap(prev, cur);
  }
  return prev[a.size()];
}

namespace {

// One run of MergeEntities: its steps, in the order Run calls them, over the
// clusters of names they share.
class EntityMerging {
 public:
  explicit EntityMerging(const std::vector<const extract::ArticleAnalysis*>& articles) : articles_(articles) {}

  MergedEntities Run() {
    CollectByFoldedName();
    JoinShortNames();
    JoinSpellingVariants();
    RetypeSpeakingPlaces();
    MergedEntities out;
    std::vector<int> final_index = BuildEntities(&out);
    IndexLinkedEntities(final_index, &out);
    SortByReach(&out);
    return out;
  }

 private:
  // One cluster per folded name ("U.N." = "UN", "the White House" = "White
  // House"), gathering spellings, type votes, titles, articles and mentions.
  void CollectByFoldedName() {
    std::unordered_map<std::string, size_t> by_key;
    cluster_of_.resize(articles_.size());
    for (uint32_t ai = 0; ai < articles_.size(); ++ai) {
      const auto& linked = articles_[ai]->entities.entities;
      cluster_of_[ai].assign(linked.size(), SIZE_MAX);
      for (size_t e = 0; e < linked.size(); ++e) {
        const auto& ent = linked[e];
        const std::string key = FoldKey(ent.name);
        if (key.size() < 2) continue;
        size_t c;
        if (auto it = by_key.find(key); it != by_key.end()) {
          c = it->second;
        } else {
          c = clusters_.size();
          clusters_.emplace_back();
          by_key[key] = c;
        }
        Cluster& cl = clusters_[c];
        cl.spelling_count[ent.name] += 1;
        cl.spelling_articles[ent.name].push_back(ai);
        cl.type_votes[static_cast<int>(ent.type)] += static_cast<int>(ent.mentions.size());
        for (const auto& t : ent.titles) {
          if (std::find(cl.titles.begin(), cl.titles.end(), t) == cl.titles.end()) cl.titles.push_back(t);
        }
        if (std::find(cl.articles.begin(), cl.articles.end(), ai) == cl.articles.end()) cl.articles.push_back(ai);
        cl.mentions += static_cast<int>(ent.mentions.size());
        cluster_of_[ai][e] = c;
      }
    }
    redirect_.resize(clusters_.size());
    for (size_t i = 0; i < redirect_.size(); ++i) redirect_[i] = i;
  }

  // Cluster `from` joins `into`. `keep_type`: the absorbed cluster is a short
  // form whose tags say less about the type than the full name's ("Biden
  // administration" tags Biden a place).
  void Absorb(size_t into, size_t from, bool keep_type = false) {
    Cluster& a = clusters_[into];
    Cluster& b = clusters_[from];
    for (const auto& [n, k] : b.spelling_count) a.spelling_count[n] += k;
    for (const auto& [n, v] : b.spelling_articles) {
      auto& dst = a.spelling_articles[n];
      dst.insert(dst.end(), v.begin(), v.end());
    }
    if (!keep_type) {
      for (int t = 0; t < 4; ++t) a.type_votes[t] += b.type_votes[t];
    }
    for (const auto& t : b.titles) {
      if (std::find(a.titles.begin(), a.titles.end(), t) == a.titles.end()) a.titles.push_back(t);
    }
    for (uint32_t x : b.articles) {
      if (std::find(a.articles.begin(), a.articles.end(), x) == a.articles.end()) a.articles.push_back(x);
    }
    a.mentions += b.mentions;
    b.alive = false;
    redirect_[from] = into;
  }

  // The cluster a merged one ended in.
  size_t Final(size_t c) const {
    while (redirect_[c] != c) c = redirect_[c];
    return c;
  }

  // A one-word name joins the one multi-word cluster of its type that ends
  // (people: surname) or starts (places: "Gaza" / "Gaza Strip") with it.
  void JoinShortNames() {
    for (size_t c = 0; c < clusters_.size(); ++c) {
      if (!clusters_[c].alive) continue;
      const std::string name = BestSpelling(clusters_[c]);
      const auto words = base::SplitWords(name);  // views into `name`
      if (words.size() != 1) continue;
      const auto type = MajorityType(clusters_[c]);
      int match = -1;
      bool ambiguous = false;
      for (size_t d = 0; d < clusters_.size(); ++d) {
        if (d == c || !clusters_[d].alive) continue;
        const std::string other = BestSpelling(clusters_[d]);
        const auto dw = base::SplitWords(other);
        if (dw.size() < 2) continue;
        const auto dtype = MajorityType(clusters_[d]);
        bool fits = false;
        if (dtype == extract::EntityType::kPerson) {
          fits = dw.back() == words[0];
        } else if (type == extract::EntityType::kLocation && dtype == type) {
          fits = dw.front() == words[0] && dw.size() == 2;
        }
        if (!fits) continue;
        if (match >= 0 && match != static_cast<int>(d)) ambiguous = true;
        match = static_cast<int>(d);
      }
      if (match >= 0 && !ambiguous) {
        if (type == extract::EntityType::kLocation) {
          Absorb(c, static_cast<size_t>(match));  // keep the short place name
        } else {
          Absorb(static_cast<size_t>(match), c, /*keep_type=*/true);
        }
      }
    }
  }

  // Spelling variants: people whose names differ by at most two letters in
  // one word (same number of words, the other words equal).
  void JoinSpellingVariants() {
    for (size_t c = 0; c < clusters_.size(); ++c) {
      if (!clusters_[c].alive || MajorityType(clusters_[c]) != extract::EntityType::kPerson) continue;
      for (size_t d = c + 1; d < clusters_.size(); ++d) {
        if (!clusters_[d].alive || MajorityType(clusters_[d]) != extract::EntityType::kPerson) continue;
        const std::string name_a = BestSpelling(clusters_[c]);
        const std::string name_b = BestSpelling(clusters_[d]);
        const auto a = base::SplitWords(name_a);
        const auto b = base::SplitWords(name_b);
        if (a.size() != b.size() || a.size() < 2) continue;
        size_t differing = 0, distance = 0;
        for (size_t i = 0; i < a.size(); ++i) {
          if (a[i] == b[i]) continue;
          ++differing;
          distance += EditDistance(a[i], b[i], 2);
        }
        if (differing != 1 || distance > 2 || a.back().size() < 4) continue;
        const bool c_major = clusters_[c].articles.size() >= clusters_[d].articles.size();
        Absorb(c_major ? c : d, c_major ? d : c);
        if (!c_major) break;
      }
    }
  }

  // Places do not speak: a "location" that is mostly the subject of speech
  // verbs ("the White House said") is an organisation acting through its people.
  void RetypeSpeakingPlaces() {
    for (uint32_t ai = 0; ai < articles_.size(); ++ai) {
      const auto& a = *articles_[ai];
      const auto& linked = a.entities.entities;
      for (size_t e = 0; e < linked.size(); ++e) {
        if (cluster_of_[ai][e] == SIZE_MAX) continue;
        for (uint32_t m : linked[e].mentions) {
          const std::string_view after = std::string_view(a.doc.text).substr(a.mentions[m].span.end);
          for (std::string_view verb : {" said", " says", " told", " announced", " declined", " put out",
                                        " went on", " has said", " has made", " confirmed", " insisted"}) {
            if (after.substr(0, verb.size()) == verb) clusters_[Final(cluster_of_[ai][e])].speaks += 1;
          }
        }
      }
    }
    for (auto& cl : clusters_) {
      // Only when speaking is a real share of its use: "Washington has said"
      // once among many "to Washington" leaves Washington a place.
      if (cl.alive && cl.speaks * 5 >= cl.mentions && MajorityType(cl) == extract::EntityType::kLocation) {
        cl.type_votes[static_cast<int>(extract::EntityType::kOrganization)] +=
            cl.type_votes[static_cast<int>(extract::EntityType::kLocation)] + 1;
      }
    }
  }

  // One BriefEntity per surviving cluster, and the spelling discrepancies
  // among its names. Returns each cluster's index into out->entities (-1:
  // merged away).
  std::vector<int> BuildEntities(MergedEntities* out) const {
    std::vector<int> final_index(clusters_.size(), -1);
    for (size_t c = 0; c < clusters_.size(); ++c) {
      if (!clusters_[c].alive) continue;
      const Cluster& cl = clusters_[c];
      BriefEntity e;
      e.name = BestSpelling(cl);
      e.type = std::string(extract::EntityTypeName(MajorityType(cl)));
      e.titles = cl.titles;
      std::vector<uint32_t> arts = cl.articles;
      std::sort(arts.begin(), arts.end());
      for (uint32_t a : arts) e.sources.push_back(articles_[a]->article->id);
      e.mentions = cl.mentions;
      for (const auto& [n, k] : cl.spelling_count) {
        if (n != e.name) e.variants.push_back(n);
      }
      if (e.type == "PERSON") AddSpellingDiscrepancies(cl, e.name, &out->spelling);
      final_index[c] = static_cast<int>(out->entities.size());
      out->entities.push_back(std::move(e));
    }
    return final_index;
  }

  // A real spelling discrepancy: two full names that are not one a part of
  // the other ("Jake Sulivan" / "Jake Sullivan", not "Netanyahu" / "Benjamin Netanyahu").
  void AddSpellingDiscrepancies(const Cluster& cl, const std::string& name, std::vector<Discrepancy>* out) const {
    for (const auto& [n, arts_using] : cl.spelling_articles) {
      if (n == name || base::SplitWords(n).size() != base::SplitWords(name).size()) continue;
      if (EditDistance(n, name, 2) > 2) continue;
      Discrepancy d;
      d.subject = "spelling of " + name;
      d.kind = "spelling";
      d.label = "spelling";
      for (const std::string& spelling : {name, n}) {
        DiscrepancyVariant v;
        v.value = spelling;
        std::vector<uint32_t> used = cl.spelling_articles.at(spelling);
        std::sort(used.begin(), used.end());
        used.erase(std::unique(used.begin(), used.end()), used.end());
        for (uint32_t a : used) v.sources.push_back(articles_[a]->article->id);
        v.text = spelling;
        d.variants.push_back(std::move(v));
      }
      out->push_back(std::move(d));
    }
  }

  // Per article, per linked entity: its merged entity (or -1).
  void IndexLinkedEntities(const std::vector<int>& final_index, MergedEntities* out) const {
    out->entity_index.resize(articles_.size());
    for (size_t ai = 0; ai < articles_.size(); ++ai) {
      for (size_t e = 0; e < cluster_of_[ai].size(); ++e) {
        const size_t c = cluster_of_[ai][e];
        out->entity_index[ai].push_back(c == SIZE_MAX ? -1 : final_index[Final(c)]);
      }
    }
  }

  // Most widely reported first (then most mentioned); the index follows.
  static void SortByReach(MergedEntities* out) {
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

  const std::vector<const extract::ArticleAnalysis*>& articles_;
  std::vector<Cluster> clusters_;
  std::vector<std::vector<size_t>> cluster_of_;  // per article, per linked entity (SIZE_MAX: none)
  std::vector<size_t> redirect_;                 // per cluster: the one it joined (itself if none)
};

}  // namespace

MergedEntities MergeEntities(const std::vector<const extract::ArticleAnalysis*>& articles) {
  return EntityMerging(articles).Run();
}

}  // namespace newsfuse::synthesize
