// The Python module `newsfuse`: the engine's operations on batches of
// articles, with plain Python types in and out (python/README.md). The GIL
// is released while C++ runs, so a process's threads (a Dask worker's) run
// the engine at once.
//
//   import newsfuse
//   records, problems, counts = newsfuse.analyse(lines)  # JSON lines or dicts -> bytes
//   articles, problems = newsfuse.read_articles(paths)  # WARC, HTML, ... -> analyse()'s items
//   [result] = newsfuse.cluster(records)               # -> stories (indices into records)
//   json_text = newsfuse.brief(records)                # one story's briefing, brief-json.md
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <charconv>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "cluster/cluster_articles.h"
#include "cluster/similarity.h"
#include "engine/article_sketch.h"
#include "engine/engine_internal.h"
#include "ingest/corpus_loader.h"
#include "ingest/jsonl_reader.h"
#include "ingest/reporter.h"
#include "newsfuse/engine.h"
#include "python/binding/article_record.h"
#include "python/binding/global_scoring.h"

namespace py = pybind11;

namespace newsfuse::python {
namespace {

// One engine per process, opened on first use with the options configure()
// last set: Engine's methods may run on many threads at once.
class ProcessEngine {
 public:
  void Configure(const EngineOptions& options) {
    std::lock_guard lock(mu_);
    options_ = options;
    engine_.reset();
  }
  cluster::ClusterOptions ClusterOptions() {
    std::lock_guard lock(mu_);
    return engine::ClusterOptionsFor(options_);
  }
  Engine& Get() {
    std::lock_guard lock(mu_);
    if (!engine_) {
      Result<std::unique_ptr<Engine>> opened = Engine::Open(options_);
      if (!opened.ok()) throw std::runtime_error(opened.status().ToString());
      engine_ = std::move(*opened);
    }
    return *engine_;
  }

 private:
  std::mutex mu_;
  EngineOptions options_ = [] {
    EngineOptions o;
    o.threads = 1;  // a distributed run's parallelism is its tasks'
    return o;
  }();
  std::unique_ptr<Engine> engine_;
};

ProcessEngine& TheEngine() {
  static ProcessEngine* engine = new ProcessEngine;  // never destroyed: worker threads may outlive exit
  return *engine;
}

// The whole input's document frequencies from their counts' bytes, built
// once per process for the bytes last asked for (every task of a run passes
// the same counts; building takes about as long as counting them).
std::shared_ptr<const fingerprint::DocumentFrequency> GlobalFrequencies(const std::string& counts) {
  static std::mutex mu;
  static std::string* built_from = new std::string;
  static auto* df = new std::shared_ptr<const fingerprint::DocumentFrequency>;
  std::lock_guard lock(mu);
  if (*df == nullptr || *built_from != counts) {
    Result<DocumentCounts> decoded = DecodeCounts(counts);
    if (!decoded.ok()) throw std::invalid_argument(decoded.status().ToString());
    *df = std::make_shared<const fingerprint::DocumentFrequency>(ToDocumentFrequency(*decoded));
    *built_from = counts;
  }
  return *df;
}

// The JSON lines of `items` (str, bytes, or dicts, which json.dumps writes).
std::vector<std::string> JsonLines(const py::list& items) {
  py::object dumps = py::module_::import("json").attr("dumps");
  std::vector<std::string> lines;
  lines.reserve(items.size());
  for (py::handle item : items) {
    if (py::isinstance<py::dict>(item)) {
      lines.push_back(dumps(item).cast<std::string>());
    } else if (py::isinstance<py::bytes>(item) || py::isinstance<py::str>(item)) {
      lines.push_back(item.cast<std::string>());
      if (IsEncodedArticle(lines.back())) continue;  // read_articles' bytes: taken whole
    } else {
      throw py::type_error("newsfuse: an article is a JSON line (str or bytes), a dict, or read_articles' bytes");
    }
    // One article per line: a line break inside would split it in two.
    while (!lines.back().empty() && (lines.back().back() == '\n' || lines.back().back() == '\r')) {
      lines.back().pop_back();
    }
    if (lines.back().find('\n') != std::string::npos) {
      throw py::value_error("newsfuse: an article's JSON line holds a line break");
    }
  }
  return lines;
}

// The 1-based line number a JSONL reader put at the end of an origin
// ("name:12"); 0 when there is none.
size_t OriginLine(const std::string& origin) {
  size_t colon = origin.rfind(':');
  size_t line = 0;
  if (colon == std::string::npos) return 0;
  std::from_chars(origin.data() + colon + 1, origin.data() + origin.size(), line);
  return line;
}

// Parses each line as the single-machine JSONL reader does; an article that
// read_articles encoded is decoded as it is. Per line: its article, or none
// (a bad line: `problems` says why).
std::vector<std::optional<Article>> ParseLines(const std::vector<std::string>& lines, const std::string& name,
                                               std::vector<std::string>* problems) {
  std::vector<std::optional<Article>> out(lines.size());
  std::string buffer;
  bool any_json = false;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (IsEncodedArticle(lines[i])) {
      // A blank line in its place keeps the JSON lines' numbers.
      Result<Article> a = DecodeArticle(lines[i]);
      if (a.ok()) {
        out[i] = std::move(*a);
      } else {
        problems->push_back(name + ":" + std::to_string(i + 1) + ": " + a.status().ToString());
      }
    } else {
      buffer += lines[i];
      any_json = true;
    }
    buffer += '\n';
  }
  if (!any_json) return out;
  ingest::CountingReporter reporter;
  Status read = ingest::ReadJsonlBuffer(buffer, name, ingest::JsonlOptions{}, reporter, [&](Article&& a) {
    size_t line = OriginLine(a.origin);
    if (line >= 1 && line <= out.size()) out[line - 1] = std::move(a);
  });
  if (!read.ok()) problems->push_back(read.ToString());
  for (const std::string& m : reporter.messages()) problems->push_back(m);
  return out;
}

std::vector<ArticleRecord> DecodeAll(const std::vector<std::string>& records) {
  std::vector<ArticleRecord> out;
  out.reserve(records.size());
  for (const std::string& bytes : records) {
    Result<ArticleRecord> r = DecodeRecord(bytes);
    if (!r.ok()) throw std::invalid_argument(r.status().ToString());
    out.push_back(std::move(*r));
  }
  return out;
}

// The articles of records, rebuilt from their lines.
std::vector<Article> RecordArticles(const std::vector<ArticleRecord>& records) {
  std::vector<std::string> lines;
  lines.reserve(records.size());
  for (const ArticleRecord& r : records) lines.push_back(r.line);
  std::vector<std::string> problems;
  std::vector<std::optional<Article>> parsed = ParseLines(lines, "record", &problems);
  std::vector<Article> articles;
  articles.reserve(parsed.size());
  for (size_t i = 0; i < parsed.size(); ++i) {
    if (!parsed[i]) throw std::invalid_argument("record " + records[i].id + ": its article no longer parses");
    articles.push_back(std::move(*parsed[i]));
  }
  return articles;
}

// Raw fingerprints of articles as the batch clusterer makes them.
std::vector<fingerprint::RawFingerprint> Fingerprints(const std::vector<Article>& articles,
                                                      const cluster::ClusterOptions& options) {
  fingerprint::Fingerprinter fp(options.fingerprint);
  std::vector<fingerprint::RawFingerprint> raws;
  raws.reserve(articles.size());
  for (const Article& a : articles) raws.push_back(fp.Extract(a));
  return raws;
}

py::tuple Analyse(const py::list& items, const std::string& name) {
  std::vector<std::string> lines = JsonLines(items);
  std::vector<std::string> problems;
  std::vector<std::optional<std::string>> encoded(lines.size());
  std::string counts;
  {
    py::gil_scoped_release release;
    std::vector<std::optional<Article>> parsed = ParseLines(lines, name, &problems);
    std::vector<Article> articles;
    std::vector<size_t> line_of;
    for (size_t i = 0; i < parsed.size(); ++i) {
      if (!parsed[i]) continue;
      articles.push_back(std::move(*parsed[i]));
      line_of.push_back(i);
    }
    // The fingerprints make both the sketches and the partition's document
    // counts (the whole input's word weights are their sum).
    std::vector<fingerprint::RawFingerprint> raws = Fingerprints(articles, TheEngine().ClusterOptions());
    counts = EncodeCounts(CountDocuments(raws));
    for (size_t k = 0; k < articles.size(); ++k) {
      ArticleRecord r;
      r.id = articles[k].id;
      if (articles[k].published) r.published = articles[k].published->ToString();
      r.sketch = engine::SketchFingerprint(raws[k], 6, 12);
      r.line = std::move(lines[line_of[k]]);
      encoded[line_of[k]] = EncodeRecord(r);
    }
  }
  py::list records;
  for (auto& e : encoded) {
    if (e) {
      records.append(py::bytes(*e));
    } else {
      records.append(py::none());
    }
  }
  return py::make_tuple(records, problems, py::bytes(counts));
}

// The articles of files and folders as `newsfuse cluster` reads them
// (ingest::ForEachArticle, the reader under newsfuse::ReadArticles, without
// its leaving out of repeated ids: a distributed run leaves those out across
// all inputs, as the clusterer does): per article its bytes for analyse(),
// and the problems, one line each.
py::tuple ReadArticleFiles(const std::vector<std::string>& paths) {
  std::vector<std::string> encoded;
  std::vector<std::string> problems;
  {
    py::gil_scoped_release release;
    ingest::CountingReporter reporter;
    ingest::ForEachArticle(paths, ingest::LoadOptions{}, reporter,
                           [&](Article&& a) { encoded.push_back(EncodeArticle(a)); });
    problems = reporter.messages();
  }
  py::list articles;
  for (const std::string& e : encoded) articles.append(py::bytes(e));
  return py::make_tuple(articles, problems);
}

py::dict ArticleDict(const std::string& bytes) {
  Result<Article> a = DecodeArticle(bytes);
  if (!a.ok()) throw std::invalid_argument(a.status().ToString());
  auto opt = [](const std::optional<std::string>& v) { return v ? py::object(py::str(*v)) : py::object(py::none()); };
  py::dict d;
  d["id"] = a->id;
  d["origin"] = a->origin;
  d["outlet"] = opt(a->outlet);
  d["url"] = opt(a->url);
  d["title"] = opt(a->title);
  d["published"] = a->published ? py::object(py::str(a->published->ToString())) : py::object(py::none());
  d["language"] = opt(a->language);
  std::string text;
  for (const Paragraph& p : a->paragraphs) {
    if (!text.empty()) text += "\n\n";
    text += p.text;
  }
  d["text"] = text;
  return d;
}

py::dict RecordInfo(const std::string& bytes) {
  Result<ArticleRecord> r = DecodeRecord(bytes);
  if (!r.ok()) throw std::invalid_argument(r.status().ToString());
  py::dict d;
  d["id"] = r->id;
  d["published"] = r->published.empty() ? py::object(py::none()) : py::object(py::str(r->published));
  d["copy_keys"] = r->sketch.copy_keys;
  d["names"] = r->sketch.names;
  d["words"] = r->sketch.words;
  d["protagonist"] = r->sketch.protagonist;
  d["body_bytes"] = r->sketch.body_bytes;
  d["line_bytes"] = r->line.size();
  return d;
}

std::vector<std::vector<uint64_t>> RecordKeys(const std::vector<std::string>& records) {
  std::vector<std::vector<uint64_t>> keys;
  py::gil_scoped_release release;
  keys.reserve(records.size());
  for (const ArticleRecord& r : DecodeAll(records)) keys.push_back(BlockingKeys(r));
  return keys;
}

py::dict IssuesDict(const ClusterIssues& n) {
  py::dict d;
  d["no_date"] = n.no_date;
  d["bad_date"] = n.bad_date;
  d["future_date"] = n.future_date;
  d["empty_body"] = n.empty_body;
  d["empty_article"] = n.empty_article;
  d["truncated_body"] = n.truncated_body;
  d["repeated_id"] = n.repeated_id;
  return d;
}

// One Clustering as plain types, its indices mapped back through `index`.
py::dict ClusteringDict(const Clustering& c, const std::vector<size_t>& index) {
  py::list stories;
  for (const ArticleCluster& s : c.stories) {
    py::dict d;
    py::list members;
    py::list duplicate_of;
    for (size_t k = 0; k < s.members.size(); ++k) {
      members.append(index[s.members[k]]);
      duplicate_of.append(s.duplicate_of[k] ? py::object(py::int_(index[*s.duplicate_of[k]])) : py::object(py::none()));
    }
    d["members"] = members;
    d["duplicate_of"] = duplicate_of;
    d["headline"] = s.headline;
    d["outlets"] = s.outlets;
    d["first_published"] = s.first_published;
    d["last_published"] = s.last_published;
    stories.append(d);
  }
  py::list repeated;
  for (size_t i : c.repeated_ids) repeated.append(index[i]);
  py::dict out;
  out["stories"] = stories;
  out["repeated"] = repeated;
  out["issues"] = IssuesDict(c.issues);
  return out;
}

// The clusterer on one group's articles. With `counts`, the way one piece of
// a bigger input is clustered: words weighed by the whole input's document
// frequencies, and every pair scored only when the whole input is small
// enough for that (`whole_exact`), as `newsfuse cluster` decides on the whole.
Clustering ClusterGroup(Engine& engine, const std::vector<Article>& articles, const std::string* counts,
                        bool whole_exact) {
  if (counts == nullptr) {
    Result<Clustering> c = engine.ClusterArticles(articles);
    if (!c.ok()) throw std::runtime_error(c.status().ToString());
    return std::move(*c);
  }
  cluster::ClusterOptions options = TheEngine().ClusterOptions();
  options.exact_pairs_limit = whole_exact ? SIZE_MAX : 0;
  std::shared_ptr<const fingerprint::DocumentFrequency> df = GlobalFrequencies(*counts);
  cluster::ClusterReport report;
  std::vector<fingerprint::RawFingerprint> raws = Fingerprints(articles, options);
  std::vector<cluster::StoryGroup> groups = cluster::ClusterFingerprints(articles, raws, options, &report, df.get());
  return engine::ToClustering(std::move(groups), report, articles.size());
}

py::bytes DocumentCountsOf(const std::vector<std::string>& records) {
  std::string out;
  {
    py::gil_scoped_release release;
    std::vector<Article> articles = RecordArticles(DecodeAll(records));
    out = EncodeCounts(CountDocuments(Fingerprints(articles, TheEngine().ClusterOptions())));
  }
  return py::bytes(out);
}

py::bytes SumDocumentCounts(const std::vector<std::string>& parts) {
  std::string out;
  {
    py::gil_scoped_release release;
    std::vector<DocumentCounts> decoded;
    for (const std::string& p : parts) {
      Result<DocumentCounts> c = DecodeCounts(p);
      if (!c.ok()) throw std::invalid_argument(c.status().ToString());
      decoded.push_back(std::move(*c));
    }
    out = EncodeCounts(AddCounts(decoded));
  }
  return py::bytes(out);
}

// Per record (None: not an article, or left out) its scoring view, numbered
// from `first`; its candidate keys (the words and names the clusterer looks
// up, cluster::TopKeys) and its time in minutes (kUnknownTime: undated).
py::tuple ScoringView(const std::vector<std::optional<std::string>>& records, uint64_t first,
                      const std::string& counts) {
  std::string view;
  std::vector<std::vector<uint32_t>> keys(records.size());
  std::vector<int64_t> minutes(records.size(), cluster::kUnknownTime);
  {
    py::gil_scoped_release release;
    const cluster::ClusterOptions options = TheEngine().ClusterOptions();
    std::shared_ptr<const fingerprint::DocumentFrequency> df = GlobalFrequencies(counts);
    std::vector<std::string> present;
    for (const auto& r : records) {
      if (r) present.push_back(*r);
    }
    std::vector<Article> articles = RecordArticles(DecodeAll(present));
    std::vector<fingerprint::RawFingerprint> raws = Fingerprints(articles, options);
    std::vector<ScoredArticle> scored(records.size());
    for (size_t i = 0, k = 0; i < records.size(); ++i) {
      if (!records[i]) continue;
      uint32_t issues = 0;
      minutes[i] = cluster::ArticleMinutes(articles[k], options, &issues);
      scored[i] = MakeScoredArticle(raws[k], minutes[i], *df, options);
      cluster::TopKeys(scored[i].vectors, options.query_terms, options.query_entities, &keys[i]);
      ++k;
    }
    view = EncodeViews(first, scored);
  }
  return py::make_tuple(py::bytes(view), keys, minutes);
}

// The pair similarity of articles first[k] and second[k] (global numbers),
// both in one of `views`.
py::array_t<float> ScorePairs(const std::vector<std::string>& views, py::array_t<int64_t> first,
                              py::array_t<int64_t> second) {
  if (first.size() != second.size()) throw py::value_error("newsfuse.score_pairs: first and second differ in length");
  auto a = first.unchecked<1>();
  auto b = second.unchecked<1>();
  py::array_t<float> out(first.size());
  auto scores = out.mutable_unchecked<1>();
  {
    py::gil_scoped_release release;
    const cluster::ClusterOptions options = TheEngine().ClusterOptions();
    std::vector<Views> decoded;
    for (const std::string& v : views) {
      Result<Views> d = DecodeViews(v);
      if (!d.ok()) throw std::invalid_argument(d.status().ToString());
      decoded.push_back(std::move(*d));
    }
    std::sort(decoded.begin(), decoded.end(), [](const Views& x, const Views& y) { return x.first < y.first; });
    auto article = [&](int64_t n) -> const ScoredArticle& {
      auto it = std::upper_bound(decoded.begin(), decoded.end(), static_cast<uint64_t>(n),
                                 [](uint64_t v, const Views& x) { return v < x.first; });
      if (it == decoded.begin() || static_cast<uint64_t>(n) - (it - 1)->first >= (it - 1)->articles.size()) {
        throw std::invalid_argument("newsfuse.score_pairs: article " + std::to_string(n) + " is in no view given");
      }
      --it;
      return it->articles[static_cast<uint64_t>(n) - it->first];
    };
    PairScorer scorer(options);
    for (py::ssize_t k = 0; k < a.shape(0); ++k) scores(k) = scorer.Score(article(a(k)), article(b(k)));
  }
  return out;
}

py::dict ClusterSettings() {
  const cluster::ClusterOptions o = TheEngine().ClusterOptions();
  py::dict d;
  d["merge_threshold"] = o.merge_threshold;
  d["protagonist_merge_threshold"] = o.protagonist_merge_threshold;
  d["exact_pairs_limit"] = o.exact_pairs_limit;
  d["posting_cap"] = o.posting_cap;
  return d;
}

py::list Cluster(const std::vector<std::string>& records, std::optional<std::vector<int64_t>> groups,
                 std::optional<std::string> counts, bool whole_exact) {
  if (groups && groups->size() != records.size()) {
    throw py::value_error("newsfuse.cluster: groups must have one label per record");
  }
  // Members of each group in the order given, groups in order of first member.
  std::vector<std::vector<size_t>> members;
  std::vector<Clustering> results;
  {
    py::gil_scoped_release release;
    std::vector<ArticleRecord> decoded = DecodeAll(records);
    std::unordered_map<int64_t, size_t> slot;
    for (size_t i = 0; i < records.size(); ++i) {
      auto [it, added] = slot.emplace(groups ? (*groups)[i] : 0, members.size());
      if (added) members.emplace_back();
      members[it->second].push_back(i);
    }
    Engine& engine = TheEngine().Get();
    for (const std::vector<size_t>& group : members) {
      std::vector<ArticleRecord> of_group;
      for (size_t i : group) of_group.push_back(std::move(decoded[i]));
      results.push_back(ClusterGroup(engine, RecordArticles(of_group), counts ? &*counts : nullptr, whole_exact));
    }
  }
  py::list out;
  for (size_t g = 0; g < results.size(); ++g) out.append(ClusteringDict(results[g], members[g]));
  return out;
}

std::string BriefRecords(const std::vector<std::string>& records, bool one_story) {
  py::gil_scoped_release release;
  Result<Brief> brief = TheEngine().Get().BriefArticles(RecordArticles(DecodeAll(records)), one_story);
  if (!brief.ok()) throw std::invalid_argument(brief.status().ToString());
  return BriefToJson(*brief);
}

void Configure(unsigned threads, std::optional<float> cluster_threshold, const std::string& ner_model) {
  EngineOptions o;
  o.threads = threads;
  o.cluster_threshold = cluster_threshold;
  o.ner_model = ner_model;
  TheEngine().Configure(o);
}

}  // namespace
}  // namespace newsfuse::python

PYBIND11_MODULE(newsfuse, m) {
  using namespace newsfuse::python;
  m.doc() = "newsfuse: articles -> stories -> briefings (the C++ engine; python/README.md)";
  m.def("configure", &Configure, py::arg("threads") = 1, py::arg("cluster_threshold") = py::none(),
        py::arg("ner_model") = "",
        "Options of this process's engine: threads per call (0: all cores), the similarity at which an "
        "article joins a story (None: tuned default), the entity model file ('': the default).");
  m.def("analyse", &Analyse, py::arg("items"), py::arg("name") = "input",
        "Parses articles (JSON lines as str/bytes, or dicts) and sketches them. Returns (records, problems, "
        "counts): per item its record (bytes), or None for an item that is not an article; the problems, one "
        "line each ('name:LINE: why'); the articles' document counts (see document_counts).");
  m.def("read_articles", &ReadArticleFiles, py::arg("paths"),
        "Reads files and folders (HTML pages, WARC crawls .warc/.warc.gz, plain text, JSON Lines) as `newsfuse "
        "cluster` does. Returns (articles, problems): per article, in input order, its bytes, which analyse() "
        "takes as it takes a JSON line (the article whole, as the reader made it); the problems, one line each "
        "('file: why'). Repeated ids are kept (analyse's callers leave them out across the whole input).");
  m.def("article_info", &ArticleDict, py::arg("article"),
        "An article of read_articles as a dict: id, origin, outlet, url, title, published, language, text "
        "(paragraphs joined by blank lines; analyse() should be given the bytes, which keep the paragraphs' "
        "layout).");
  m.def("record_info", &RecordInfo, py::arg("record"),
        "A record's id, publication date, sketch (copy_keys, names, words, protagonist, body_bytes) and "
        "line_bytes, as a dict.");
  m.def("blocking_keys", &RecordKeys, py::arg("records"),
        "Per record its blocking keys (ints): articles the clusterer may put together share one.");
  m.def("cluster", &Cluster, py::arg("records"), py::arg("groups") = py::none(), py::arg("counts") = py::none(),
        py::arg("whole_exact") = false,
        "Clusters the records (in input order) into stories, each group of records (same label in "
        "groups) on its own. Per group, in order of first member: {'stories': [{'members', "
        "'duplicate_of', 'headline', 'outlets', 'first_published', 'last_published'}], 'repeated', "
        "'issues'}; members are indices into records, by time then input order. With `counts` (document_counts "
        "of the whole input, summed), each group is clustered as a piece of that input: its words weighed by "
        "those counts, every pair scored only if `whole_exact` (the whole input is at most exact_pairs_limit).");
  m.def("document_counts", &DocumentCountsOf, py::arg("records"),
        "In how many of the records each word and name occurs, as bytes (sum them with add_document_counts).");
  m.def("add_document_counts", &SumDocumentCounts, py::arg("parts"), "The sum of document_counts results.");
  m.def("scoring_view", &ScoringView, py::arg("records"), py::arg("first"), py::arg("counts"),
        "(view, keys, minutes) of a partition: per record (None: left out) numbered first, first+1, ..., its "
        "vectors weighed by the whole input's counts as bytes for score_pairs, its candidate keys and its time "
        "in minutes.");
  m.def("score_pairs", &ScorePairs, py::arg("views"), py::arg("first"), py::arg("second"),
        "The clusterer's similarity of each pair (first[k], second[k]) of article numbers found in the views.");
  m.def("cluster_settings", &ClusterSettings,
        "The clusterer's merge_threshold, protagonist_merge_threshold, exact_pairs_limit and posting_cap.");
  m.def("brief", &BriefRecords, py::arg("records"), py::arg("one_story") = true,
        "The briefing of the records' articles as the JSON of docs/brief-json.md (one story by default).");
}
