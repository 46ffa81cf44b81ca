// The Python module `newsfuse`: the engine's operations on batches of
// articles, with plain Python types in and out (python/README.md). The GIL
// is released while C++ runs, so a process's threads (a Dask worker's) run
// the engine at once.
//
//   import newsfuse
//   records, problems = newsfuse.analyse(lines)        # JSON lines or dicts -> bytes
//   [result] = newsfuse.cluster(records)               # -> stories (indices into records)
//   json_text = newsfuse.brief(records)                # one story's briefing, brief-json.md
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <charconv>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <string>
#include <vector>

#include "ingest/jsonl_reader.h"
#include "ingest/reporter.h"
#include "newsfuse/engine.h"
#include "python/binding/article_record.h"

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
    } else {
      throw py::type_error("newsfuse: an article is a JSON line (str or bytes) or a dict");
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

// Parses each line as the single-machine JSONL reader does. Per line: its
// article, or none (a bad line: `problems` says why).
std::vector<std::optional<Article>> ParseLines(const std::vector<std::string>& lines, const std::string& name,
                                               std::vector<std::string>* problems) {
  std::string buffer;
  for (const std::string& line : lines) {
    buffer += line;
    buffer += '\n';
  }
  std::vector<std::optional<Article>> out(lines.size());
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

py::tuple Analyse(const py::list& items, const std::string& name) {
  std::vector<std::string> lines = JsonLines(items);
  std::vector<std::string> problems;
  std::vector<std::optional<std::string>> encoded(lines.size());
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
    std::vector<ArticleSketch> sketches = TheEngine().Get().SketchArticles(articles);
    for (size_t k = 0; k < articles.size(); ++k) {
      ArticleRecord r;
      r.id = articles[k].id;
      if (articles[k].published) r.published = articles[k].published->ToString();
      r.sketch = std::move(sketches[k]);
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
  return py::make_tuple(records, problems);
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

py::list Cluster(const std::vector<std::string>& records, std::optional<std::vector<int64_t>> groups) {
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
      Result<Clustering> c = engine.ClusterArticles(RecordArticles(of_group));
      if (!c.ok()) throw std::runtime_error(c.status().ToString());
      results.push_back(std::move(*c));
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
        "Parses articles (JSON lines as str/bytes, or dicts) and sketches them. Returns (records, problems): "
        "per item its record (bytes), or None for an item that is not an article, and the problems, one "
        "line each ('name:LINE: why').");
  m.def("record_info", &RecordInfo, py::arg("record"),
        "A record's id, publication date, sketch (copy_keys, names, words, protagonist, body_bytes) and "
        "line_bytes, as a dict.");
  m.def("blocking_keys", &RecordKeys, py::arg("records"),
        "Per record its blocking keys (ints): articles the clusterer may put together share one.");
  m.def("cluster", &Cluster, py::arg("records"), py::arg("groups") = py::none(),
        "Clusters the records (in input order) into stories, each group of records (same label in "
        "groups) on its own. Per group, in order of first member: {'stories': [{'members', "
        "'duplicate_of', 'headline', 'outlets', 'first_published', 'last_published'}], 'repeated', "
        "'issues'}; members are indices into records, by time then input order.");
  m.def("brief", &BriefRecords, py::arg("records"), py::arg("one_story") = true,
        "The briefing of the records' articles as the JSON of docs/brief-json.md (one story by default).");
}
