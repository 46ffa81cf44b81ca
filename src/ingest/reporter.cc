#include "ingest/reporter.h"

#include <iostream>

namespace newsfuse::ingest {

void CountingReporter::Skipped(const Status& status) {
  messages_.push_back(status.ToString());
  if (echo_) std::cerr << "newsfuse: skipped " << messages_.back() << "\n";
}

}  // namespace newsfuse::ingest
