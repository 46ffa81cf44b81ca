// File: store/article_diff.h
//
// What changed between two versions of one article (a correction), as the
// store records it: a changed headline, date or outlet; a figure that now
// has another value ("12 people" -> "14 people", matched by what is counted);
// a quote whose words were edited (matched by speaker or shared words); and,
// when the body changed in some other way, the first sentence that differs.
//
//   std::vector<ArticleChange> changes = DiffArticles(old_article, new_article, now);
//
// Thread-safe: a pure function.
#ifndef NEWSFUSE_STORE_ARTICLE_DIFF_H_
#define NEWSFUSE_STORE_ARTICLE_DIFF_H_

#include <cstdint>
#include <vector>

#include "newsfuse/article.h"
#include "store/store.h"

namespace newsfuse::store {

// Changes from `before` to `after`, stamped `at_unix`, with article_id set to
// `after.id`. Empty when the two have the same fields and body.
std::vector<ArticleChange> DiffArticles(const Article& before, const Article& after,
                                        int64_t at_unix);

}  // namespace newsfuse::store

#endif  // NEWSFUSE_STORE_ARTICLE_DIFF_H_
