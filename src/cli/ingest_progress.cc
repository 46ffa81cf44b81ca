#include "cli/ingest_progress.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "base/file_io.h"

namespace newsfuse::cli {
namespace {

std::string Megabytes(uint64_t bytes) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f MB", static_cast<double>(bytes) / 1e6);
  return buf;
}

}  // namespace

InputProgress::InputProgress(const std::vector<std::string>& inputs) {
  for (const std::string& path : inputs) {
    if (path == "-") continue;
    if (base::IsDirectory(path)) {
      auto files = base::ListFiles(path, {});
      if (!files.ok()) continue;
      for (const std::string& f : *files) Add(f);
    } else {
      Add(path);
    }
  }
}

uint64_t InputProgress::After(const Article& a) {
  std::string_view origin = a.origin;
  auto it = sizes_.find(std::string(origin));
  uint64_t within = 0;
  bool whole = it != sizes_.end();
  if (!whole) {
    const size_t at = origin.rfind('@');
    const size_t colon = origin.rfind(':');
    if (at != std::string_view::npos && (it = sizes_.find(std::string(origin.substr(0, at)))) != sizes_.end()) {
      within = std::strtoull(std::string(origin.substr(at + 1)).c_str(), nullptr, 10);
    } else if (colon != std::string_view::npos &&
               (it = sizes_.find(std::string(origin.substr(0, colon)))) != sizes_.end()) {
      // A JSONL line is about the article's text plus its keys.
      uint64_t bytes = 64 + a.id.size();
      for (const Paragraph& p : a.paragraphs) bytes += p.text.size() + 4;
      for (const auto* f : {&a.title, &a.outlet, &a.url, &a.subtitle}) {
        if (*f) bytes += (*f)->size() + 12;
      }
      if (a.published) bytes += a.published->ToString().size() + 12;
      within = (it->first == current_ ? current_within_ : 0) + bytes;
    }
  }
  if (it == sizes_.end()) return done_;
  if (it->first != current_) {
    if (!current_.empty()) finished_ += sizes_[current_];
    current_ = it->first;
    current_within_ = 0;
  }
  current_within_ = whole ? it->second : std::min(within, it->second);
  done_ = std::min(total_, finished_ + current_within_);
  return done_;
}

void InputProgress::Add(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return;
  if (sizes_.emplace(path, static_cast<uint64_t>(st.st_size)).second) total_ += static_cast<uint64_t>(st.st_size);
}

void Terminal::Message(const std::string& line) {
  std::lock_guard<std::mutex> lock(mu_);
  if (drawn_) std::fputs("\r\033[K", stderr);
  drawn_ = false;
  std::fprintf(stderr, "%s\n", line.c_str());
}

void Terminal::Progress(uint64_t done, uint64_t total, size_t articles, double seconds, bool force) {
  if (!bar_) return;
  const auto now = Clock::now();
  if (!force && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  const double rate = seconds > 0 ? static_cast<double>(articles) / seconds : 0;
  char line[200];
  if (total > 0) {
    const double fraction = std::min(1.0, static_cast<double>(done) / static_cast<double>(total));
    constexpr int kWidth = 28;
    const int filled = static_cast<int>(fraction * kWidth);
    std::string bar(static_cast<size_t>(filled), '#');
    bar.append(static_cast<size_t>(kWidth - filled), '.');
    const double eta = fraction > 0.001 ? seconds * (1 - fraction) / fraction : 0;
    const int eta_s = static_cast<int>(eta + 0.5);
    std::snprintf(line, sizeof line, "\r[%s] %3.0f%% %s / %s  %zu articles  %.0f articles/s  ETA %d:%02d\033[K",
                  bar.c_str(), fraction * 100, Megabytes(done).c_str(), Megabytes(total).c_str(), articles,
                  rate, eta_s / 60, eta_s % 60);
  } else {
    std::snprintf(line, sizeof line, "\r%zu articles  %.0f articles/s\033[K", articles, rate);
  }
  std::lock_guard<std::mutex> lock(mu_);
  std::fputs(line, stderr);
  std::fflush(stderr);
  drawn_ = true;
}

void Terminal::Clear() {
  std::lock_guard<std::mutex> lock(mu_);
  if (drawn_) std::fputs("\r\033[K", stderr);
  drawn_ = false;
}

}  // namespace newsfuse::cli
