// File: serve/fake_store_testutil.h
//
// An in-memory store::Store for the service's tests: articles keyed by id,
// each story named after the first word of its articles' titles, briefings
// as a fixed JSON object. Enough to exercise every route without SQLite.
// Thread-safe (one mutex). Test-only: no library code includes it.
#ifndef NEWSFUSE_SERVE_FAKE_STORE_TESTUTIL_H_
#define NEWSFUSE_SERVE_FAKE_STORE_TESTUTIL_H_

#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <set>
#include <stdexcept>
#include <string_view>
#include <string>
#include <vector>

#include "base/json_writer.h"
#include "base/strings.h"
#include "store/store.h"

namespace newsfuse::serve::testing {

class FakeStore : public store::Store {
 public:
  using store::Store::Ingest;
  Result<store::IngestResult> Ingest(std::vector<Article> batch, const std::function<void()>& before_write) override {
    if (before_write) before_write();
    std::lock_guard<std::mutex> lock(mutex_);
    ++ingest_calls;
    if (fail_next_ingest) {
      fail_next_ingest = false;
      return Status::Internal("fake", "disk full");
    }
    store::IngestResult r;
    for (Article& a : batch) {
      store::ArticleOutcome o;
      o.id = a.id;
      const std::string body = Body(a);
      auto it = articles_.find(a.id);
      if (it != articles_.end()) {
        if (Body(it->second.article) == body && it->second.article.title == a.title) {
          o.outcome = store::IngestOutcome::kUnchanged;
          ++r.unchanged;
        } else {
          o.outcome = store::IngestOutcome::kUpdated;
          ++r.updated;
          store::ArticleChange c{a.id, 1700000000, "title", it->second.article.title.value_or(""),
                                 a.title.value_or("")};
          it->second.changes.push_back(c);
          it->second.article = a;
        }
        o.story_id = it->second.story_id;
      } else if (auto dup = bodies_.find(body); dup != bodies_.end()) {
        o.outcome = store::IngestOutcome::kDuplicateContent;
        o.duplicate_of = dup->second;
        o.story_id = articles_[dup->second].story_id;
        ++r.duplicates;
      } else {
        store::StoredArticle sa;
        const std::string title = a.title.value_or("untitled");
        std::vector<std::string_view> words = base::SplitWords(title);
        sa.story_id = "s-" + base::AsciiLower(words.empty() ? std::string_view("untitled") : words[0]);
        sa.ingested_unix = 1700000000;
        sa.article = a;
        o.story_id = sa.story_id;
        bodies_[body] = a.id;
        articles_[a.id] = std::move(sa);
        ++r.inserted;
      }
      r.articles.push_back(o);
    }
    return r;
  }

  Result<std::vector<store::StoryRow>> ListStories(const store::StoryQuery& q) override {
    std::lock_guard<std::mutex> lock(mutex_);
    last_query = q;
    std::vector<store::StoryRow> rows;
    for (const auto& [id, members] : Stories()) {
      bool match = q.text.empty() && q.entity.empty();
      for (const auto* sa : members) {
        const std::string hay = sa->article.title.value_or("") + " " + Body(sa->article);
        if (!q.text.empty() && hay.find(q.text) != std::string::npos) match = true;
        if (!q.entity.empty() && hay.find(q.entity) != std::string::npos) match = true;
      }
      if (match) rows.push_back(Row(id, members));
    }
    if (q.sort == store::StorySort::kLargest) {
      std::stable_sort(rows.begin(), rows.end(),
                       [](const auto& a, const auto& b) { return a.article_count > b.article_count; });
    }
    if (q.offset >= rows.size()) return std::vector<store::StoryRow>{};
    rows.erase(rows.begin(), rows.begin() + q.offset);
    if (rows.size() > q.limit) rows.resize(q.limit);
    return rows;
  }

  Result<std::optional<store::StoryRow>> GetStory(const std::string& id) override {
    std::lock_guard<std::mutex> lock(mutex_);
    auto stories = Stories();
    auto it = stories.find(id);
    if (it == stories.end()) return std::optional<store::StoryRow>();
    return std::optional<store::StoryRow>(Row(id, it->second));
  }

  Result<std::optional<store::StoredArticle>> GetArticle(const std::string& id) override {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = articles_.find(id);
    if (it == articles_.end()) return std::optional<store::StoredArticle>();
    return std::optional<store::StoredArticle>(it->second);
  }

  Result<std::optional<std::string>> BriefingJson(const std::string& id) override {
    ++brief_calls;
    if (throw_in_brief) throw std::runtime_error("boom");
    std::lock_guard<std::mutex> lock(mutex_);
    auto stories = Stories();
    if (!stories.count(id)) return std::optional<std::string>();
    std::string out;
    base::JsonWriter w(&out);
    w.BeginObject();
    w.Key("stories");
    w.BeginArray();
    w.BeginObject();
    w.Field("id", id);
    w.Field("headline", stories[id].front()->article.title.value_or(""));
    w.Key("summary");
    w.BeginArray();
    w.EndArray();
    w.EndObject();
    w.EndArray();
    w.EndObject();
    return std::optional<std::string>(out);
  }

  Result<std::vector<store::ArticleChange>> StoryChanges(const std::string& id) override {
    std::lock_guard<std::mutex> lock(mutex_);
    std::vector<store::ArticleChange> out;
    for (const auto& [aid, sa] : articles_) {
      if (sa.story_id == id) out.insert(out.end(), sa.changes.begin(), sa.changes.end());
    }
    return out;
  }

  Result<store::StoreStats> Stats() override {
    std::lock_guard<std::mutex> lock(mutex_);
    store::StoreStats s;
    s.articles = articles_.size();
    s.stories = Stories().size();
    return s;
  }

  std::atomic<int> ingest_calls{0};
  std::atomic<int> brief_calls{0};
  std::atomic<bool> throw_in_brief{false};
  bool fail_next_ingest = false;
  store::StoryQuery last_query;

 private:
  static std::string Body(const Article& a) {
    std::string s;
    for (const Paragraph& p : a.paragraphs) s += p.text + "\n";
    return s;
  }
  std::map<std::string, std::vector<const store::StoredArticle*>> Stories() const {
    std::map<std::string, std::vector<const store::StoredArticle*>> m;
    for (const auto& [id, sa] : articles_) m[sa.story_id].push_back(&sa);
    return m;
  }
  static store::StoryRow Row(const std::string& id, const std::vector<const store::StoredArticle*>& members) {
    store::StoryRow r;
    r.id = id;
    r.headline = members.front()->article.title.value_or("");
    r.article_count = members.size();
    std::set<std::string> outlets;
    for (const auto* sa : members) {
      if (sa->article.outlet) outlets.insert(*sa->article.outlet);
      if (sa->article.published) {
        const std::string day = sa->article.published->ToString();
        if (!r.first_published || day < *r.first_published) r.first_published = day;
        if (!r.last_published || day > *r.last_published) r.last_published = day;
      }
    }
    r.outlets.assign(outlets.begin(), outlets.end());
    r.updated_unix = 1700000000;
    return r;
  }

  std::mutex mutex_;
  std::map<std::string, store::StoredArticle> articles_;
  std::map<std::string, std::string> bodies_;
};

}  // namespace newsfuse::serve::testing

#endif  // NEWSFUSE_SERVE_FAKE_STORE_TESTUTIL_H_
