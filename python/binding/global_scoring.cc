#include "python/binding/global_scoring.h"

#include <algorithm>
#include <unordered_map>

#include "cluster/similarity.h"
#include "python/binding/byte_io.h"

namespace newsfuse::python {
namespace {

using Counts = std::vector<std::pair<uint32_t, uint32_t>>;

Counts Sorted(const std::unordered_map<uint32_t, uint32_t>& map) {
  Counts out(map.begin(), map.end());
  std::sort(out.begin(), out.end());
  return out;
}

void PutCounts(Writer& w, const Counts& counts) {
  w.Put(static_cast<uint32_t>(counts.size()));
  for (const auto& [id, n] : counts) {
    w.Put(id);
    w.Put(n);
  }
}

Counts GetCounts(Reader& in) {
  const uint32_t n = in.Get<uint32_t>();
  Counts out;
  for (uint32_t k = 0; k < n && in.ok(); ++k) {
    const uint32_t id = in.Get<uint32_t>();
    out.emplace_back(id, in.Get<uint32_t>());
  }
  return out;
}

// Term ids (as TermCounts, count unused) by falling document count, and
// the counts alongside.
void ByFallingCount(const Counts& counts, std::vector<fingerprint::TermCount>* ids, std::vector<uint32_t>* n) {
  Counts sorted = counts;
  std::sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
    return a.second != b.second ? a.second > b.second : a.first < b.first;
  });
  for (const auto& [id, c] : sorted) {
    ids->push_back({id, 1.0f});
    n->push_back(c);
  }
}

// (term, value) lists: a vector's weights, an article's name counts.
template <typename T, float T::*kValue>
void PutTermValues(Writer& w, const std::vector<T>& values) {
  w.Put(static_cast<uint32_t>(values.size()));
  for (const T& v : values) {
    w.Put(v.term);
    w.Put(v.*kValue);
  }
}

template <typename T>
std::vector<T> GetTermPairs(Reader& in) {
  const uint32_t n = in.Get<uint32_t>();
  std::vector<T> out;
  for (uint32_t k = 0; k < n && in.ok(); ++k) {
    const uint32_t term = in.Get<uint32_t>();
    out.push_back({term, in.Get<float>()});
  }
  return out;
}

float CountOf(const ScoredArticle& a, uint32_t entity) {
  auto it = std::lower_bound(a.names.begin(), a.names.end(), entity,
                             [](const fingerprint::TermCount& c, uint32_t e) { return c.term < e; });
  return it != a.names.end() && it->term == entity ? it->count : 0.0f;
}

// As the clusterer's Mentions: `a` names `other` more than in passing.
bool Mentions(const ScoredArticle& a, uint32_t own, uint32_t other, const cluster::ClusterOptions& options) {
  const float c = CountOf(a, other);
  return c > 0 && c > options.protagonist_mention_ratio * CountOf(a, own);
}

}  // namespace

DocumentCounts CountDocuments(std::span<const fingerprint::RawFingerprint> raws) {
  std::unordered_map<uint32_t, uint32_t> terms;
  std::unordered_map<uint32_t, uint32_t> entities;
  for (const fingerprint::RawFingerprint& raw : raws) {
    for (const fingerprint::TermCount& t : raw.terms) ++terms[t.term];
    for (const fingerprint::TermCount& e : raw.entities) ++entities[e.term];
  }
  return {raws.size(), Sorted(terms), Sorted(entities)};
}

DocumentCounts AddCounts(std::span<const DocumentCounts> parts) {
  std::unordered_map<uint32_t, uint32_t> terms;
  std::unordered_map<uint32_t, uint32_t> entities;
  uint64_t documents = 0;
  for (const DocumentCounts& p : parts) {
    documents += p.documents;
    for (const auto& [id, n] : p.terms) terms[id] += n;
    for (const auto& [id, n] : p.entities) entities[id] += n;
  }
  return {documents, Sorted(terms), Sorted(entities)};
}

std::string EncodeCounts(const DocumentCounts& counts) {
  std::string out;
  out.reserve(16 + 8 * (counts.terms.size() + counts.entities.size()));
  Writer w(&out);
  w.Put(counts.documents);
  PutCounts(w, counts.terms);
  PutCounts(w, counts.entities);
  return out;
}

Result<DocumentCounts> DecodeCounts(std::string_view bytes) {
  Reader in(bytes);
  DocumentCounts counts;
  counts.documents = in.Get<uint64_t>();
  counts.terms = GetCounts(in);
  counts.entities = GetCounts(in);
  if (!in.ok() || !in.at_end()) return Status::DataLoss("document counts", "truncated or damaged");
  return counts;
}

fingerprint::DocumentFrequency ToDocumentFrequency(const DocumentCounts& counts) {
  // DocumentFrequency learns only from documents. Document k (0-based) of
  // `documents` made-up ones holds every word whose count is above k: each
  // word is then in exactly `count` of them, and there are `documents`.
  fingerprint::RawFingerprint doc;
  std::vector<uint32_t> term_n;
  std::vector<uint32_t> entity_n;
  ByFallingCount(counts.terms, &doc.terms, &term_n);
  ByFallingCount(counts.entities, &doc.entities, &entity_n);
  fingerprint::DocumentFrequency df;
  for (uint64_t k = 0; k < counts.documents; ++k) {
    while (!term_n.empty() && term_n.back() <= k) {
      term_n.pop_back();
      doc.terms.pop_back();
    }
    while (!entity_n.empty() && entity_n.back() <= k) {
      entity_n.pop_back();
      doc.entities.pop_back();
    }
    df.Add(doc);
  }
  return df;
}

ScoredArticle MakeScoredArticle(const fingerprint::RawFingerprint& raw, int64_t minutes,
                                const fingerprint::DocumentFrequency& df, const cluster::ClusterOptions& options) {
  ScoredArticle a;
  a.active = true;
  a.minutes = minutes;
  a.protagonist = raw.protagonist;
  a.vectors = fingerprint::Weigh(raw, df, options.fingerprint);
  if (raw.protagonist != 0) {
    a.names = raw.entities;
    std::sort(a.names.begin(), a.names.end(), [](const auto& x, const auto& y) { return x.term < y.term; });
  }
  return a;
}

float PairScorer::Score(const ScoredArticle& a, const ScoredArticle& b) {
  const cluster::ClusterOptions& options = options_;
  if (!a.active || !b.active) return 0.0f;
  if (loaded_ != &a) {
    terms_.Load(a.vectors.terms);
    entities_.Load(a.vectors.entities);
    loaded_ = &a;
  }
  const float terms = terms_.Dot(b.vectors.terms);
  const float entities = entities_.Dot(b.vectors.entities);
  float s = cluster::MixedSimilarity(terms, entities, options);
  const uint32_t pa = a.protagonist;
  const uint32_t pb = b.protagonist;
  if (pa != 0 && pb != 0 && pa != pb && !Mentions(a, pa, pb, options) && !Mentions(b, pb, pa, options)) {
    s *= options.protagonist_conflict_factor;
  }
  return s * cluster::TimeFactor(a.minutes, b.minutes, b.minutes, options);
}

std::string EncodeViews(uint64_t first, std::span<const ScoredArticle> articles) {
  std::string out;
  Writer w(&out);
  w.Put(first);
  w.Put(static_cast<uint32_t>(articles.size()));
  for (const ScoredArticle& a : articles) {
    w.Put(static_cast<uint8_t>(a.active));
    if (!a.active) continue;
    w.Put(a.minutes);
    w.Put(a.protagonist);
    PutTermValues<fingerprint::TermWeight, &fingerprint::TermWeight::weight>(w, a.vectors.terms);
    PutTermValues<fingerprint::TermWeight, &fingerprint::TermWeight::weight>(w, a.vectors.entities);
    PutTermValues<fingerprint::TermCount, &fingerprint::TermCount::count>(w, a.names);
  }
  return out;
}

Result<Views> DecodeViews(std::string_view bytes) {
  Reader in(bytes);
  Views v;
  v.first = in.Get<uint64_t>();
  const uint32_t n = in.Get<uint32_t>();
  for (uint32_t k = 0; k < n && in.ok(); ++k) {
    ScoredArticle& a = v.articles.emplace_back();
    a.active = in.Get<uint8_t>() != 0;
    if (!a.active) continue;
    a.minutes = in.Get<int64_t>();
    a.protagonist = in.Get<uint32_t>();
    a.vectors.terms = GetTermPairs<fingerprint::TermWeight>(in);
    a.vectors.entities = GetTermPairs<fingerprint::TermWeight>(in);
    a.names = GetTermPairs<fingerprint::TermCount>(in);
  }
  if (!in.ok() || !in.at_end()) return Status::DataLoss("scoring view", "truncated or damaged");
  return v;
}

}  // namespace newsfuse::python
