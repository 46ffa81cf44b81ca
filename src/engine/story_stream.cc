// StoryStream (newsfuse/engine.h): the streaming clusterer
// (cluster/story_clusterer.h) behind the engine's types, story ids as
// "s<number>" like ClusterArticles'.
#include <utility>

#include "cluster/similarity.h"
#include "cluster/story_clusterer.h"
#include "engine/engine_internal.h"

namespace newsfuse {
namespace {

std::string StoryId(uint64_t number) { return "s" + std::to_string(number); }

}  // namespace

struct StoryStream::Impl {
  explicit Impl(const cluster::ClusterOptions& options) : clusterer(options) {}
  cluster::StoryClusterer clusterer;
  bool finished = false;
};

StoryStream::StoryStream(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
StoryStream::~StoryStream() = default;

Result<StreamAssignment> StoryStream::Add(const Article& article) {
  if (impl_->finished) return Status::FailedPrecondition("stream", "Add after Finish");
  cluster::Assignment a = impl_->clusterer.Assign(article);
  StreamAssignment out;
  out.story = StoryId(a.story_id);
  if (a.duplicate_of) out.duplicate_of = std::move(a.duplicate_of_id);
  out.repeated_id = (a.issues & cluster::kDuplicateId) != 0;
  return out;
}

Status StoryStream::Finish() {
  if (impl_->finished) return Status::FailedPrecondition("stream", "Finish called twice");
  impl_->finished = true;
  impl_->clusterer.FreezeAll();
  return Status();
}

ClusterIssues StoryStream::issues() const { return engine::ToClusterIssues(impl_->clusterer.issue_counts()); }

namespace engine {

ClusterIssues ToClusterIssues(const cluster::InputIssueCounts& n) {
  return ClusterIssues{n.no_date,       n.bad_date,       n.future_date, n.empty_body,
                       n.empty_article, n.truncated_body, n.duplicate_id};
}

Result<std::unique_ptr<StoryStream>> OpenStoryStream(cluster::ClusterOptions options, StreamOptions stream) {
  if (stream.window_hours) {
    if (!(*stream.window_hours > 0)) {
      return Status::InvalidArgument("stream", "window_hours must be a positive number of hours");
    }
    options.window_hours = *stream.window_hours;
  }
  auto impl = std::make_unique<StoryStream::Impl>(options);
  if (stream.on_closed) {
    impl->clusterer.set_on_frozen([on_closed = std::move(stream.on_closed)](cluster::FrozenStory&& s) {
      on_closed(ClosedStory{StoryId(s.id), std::move(s.headline), std::move(s.article_ids), std::move(s.outlets),
                            cluster::FormatMinutes(s.first_minute), cluster::FormatMinutes(s.last_minute)});
    });
  }
  if (stream.on_merged) {
    impl->clusterer.set_on_merged([on_merged = std::move(stream.on_merged)](uint64_t story, uint64_t into) {
      on_merged(StoryId(story), StoryId(into));
    });
  }
  return std::make_unique<StoryStream>(std::move(impl));
}

}  // namespace engine
}  // namespace newsfuse
