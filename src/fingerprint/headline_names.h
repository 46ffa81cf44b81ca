// File: fingerprint/headline_names.h
//
// Names in a Title Case headline. Such a headline capitalises every word,
// so the capitalised-word proxy cannot tell "Lindsay Lohan" from "Checks
// Into Rehab" there, and the fingerprinter used to read no names from it.
// Yet the headline says best who an article is about, and some bodies never
// write the name out in full ("LiLo" throughout): without the headline such
// an article shares no name with the other reports of its event and is
// even taken for being about someone else.
//
// Which headline words are names is what the other articles say: a word is
// a name when the articles that contain it mostly write it capitalised
// (its name document frequency is at least half its word document
// frequency), as "Lohan" is and "checks" or "rehab" are not. The article's
// own body counts as one of those articles (so a word its body starts a
// sentence with counts as named there, as the body proxy counts it). Runs of accepted words are
// names like the body's ("Lindsay Lohan", and each word), weighted as a
// headline name of any other headline.
//
//   Fingerprinter fp; RawFingerprint raw = fp.Extract(article);
//   df.Add(raw);                                      // or not yet:
//   ResolveHeadlineNames(df, /*df_counts_article=*/true, &raw);
//   ArticleVectors v = Weigh(raw, df, options);
#ifndef NEWSFUSE_FINGERPRINT_HEADLINE_NAMES_H_
#define NEWSFUSE_FINGERPRINT_HEADLINE_NAMES_H_

#include "fingerprint/fingerprinter.h"

namespace newsfuse::fingerprint {

// Adds the names among raw->headline_words to raw->entities, judged
// against `df`, and empties headline_words (a second call does nothing).
// `df_counts_article`: whether `df` has already counted this article.
// The document frequencies themselves are left as they are.
void ResolveHeadlineNames(const DocumentFrequency& df, bool df_counts_article, RawFingerprint* raw);

}  // namespace newsfuse::fingerprint

#endif  // NEWSFUSE_FINGERPRINT_HEADLINE_NAMES_H_
