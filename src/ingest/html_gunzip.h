// File: ingest/html_gunzip.h
//
// Inflating gzip data (a `.html.gz` page, a gzip- or deflate-encoded HTTP
// body) with a cap on the output size, so that a small compressed input
// (a "zip bomb") cannot exhaust memory.
#ifndef NEWSFUSE_INGEST_HTML_GUNZIP_H_
#define NEWSFUSE_INGEST_HTML_GUNZIP_H_

#include <cstdint>
#include <string>
#include <string_view>

#include "newsfuse/result.h"

namespace newsfuse::ingest {

// True when `bytes` starts with the gzip magic (1f 8b).
bool LooksGzipped(std::string_view bytes);

// Inflates `bytes` (gzip, zlib or raw deflate: the header decides; several
// concatenated gzip members are read one after another). Fails with
// ResourceExhausted naming `subject` when the output would exceed
// `max_output_bytes`, and DataLoss when the data is damaged or cut short.
Result<std::string> Inflate(std::string_view subject, std::string_view bytes,
                            uint64_t max_output_bytes);

}  // namespace newsfuse::ingest

#endif  // NEWSFUSE_INGEST_HTML_GUNZIP_H_
