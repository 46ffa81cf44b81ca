// File: engine/article_sketch.h
//
// Engine::SketchArticles: per article, the keys that articles the clusterer
// may put together share (newsfuse/engine.h, ArticleSketch).
#ifndef NEWSFUSE_ENGINE_ARTICLE_SKETCH_H_
#define NEWSFUSE_ENGINE_ARTICLE_SKETCH_H_

#include <cstddef>
#include <vector>

#include "cluster/cluster_options.h"
#include "fingerprint/fingerprinter.h"
#include "newsfuse/engine.h"

namespace newsfuse::engine {

// The sketch of one article from its fingerprint (made with the cluster
// options' fingerprint options), for a caller that needs the fingerprint too.
ArticleSketch SketchFingerprint(const fingerprint::RawFingerprint& raw, size_t names, size_t words);

std::vector<ArticleSketch> SketchArticles(const std::vector<Article>& articles,
                                          const cluster::ClusterOptions& options, size_t names,
                                          size_t words);

}  // namespace newsfuse::engine

#endif  // NEWSFUSE_ENGINE_ARTICLE_SKETCH_H_
