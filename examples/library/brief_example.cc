// The newsfuse library from a program of its own: reads a folder of articles
// and prints the Markdown briefing of each story in it, as
// `newsfuse brief DIR` does. Builds against the installed headers
// (CMakeLists.txt beside it):
//
//   brief_example examples/harbor-bridge
#include <iostream>
#include <string>
#include <vector>

#include "newsfuse/engine.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: brief_example DIR|FILE...\n";
    return 2;
  }
  newsfuse::ReadResult read = newsfuse::ReadArticles(std::vector<std::string>(argv + 1, argv + argc));

  newsfuse::EngineOptions options;  // no db: brief the articles given
  auto engine = newsfuse::Engine::Open(options);
  if (!engine.ok()) {
    std::cerr << "brief_example: " << engine.status().ToString() << "\n";
    return 1;
  }
  newsfuse::Result<newsfuse::Brief> brief = (*engine)->BriefArticles(read.articles);
  if (!brief.ok()) {
    std::cerr << "brief_example: " << brief.status().ToString() << "\n";
    return 1;
  }
  std::cout << newsfuse::BriefToMarkdown(*brief);
  return 0;
}
