#include "eval/polnear_reader.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>

#include "base/file_io.h"
#include "base/strings.h"

namespace newsfuse::extract {
namespace {

constexpr uint64_t kMaxFileBytes = 16 << 20;

// Byte offset of every code point, plus the end: brat counts code points.
std::vector<uint32_t> CodePointOffsets(std::string_view text) {
  std::vector<uint32_t> offsets;
  offsets.reserve(text.size() + 1);
  for (size_t i = 0; i < text.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if ((c & 0xC0) != 0x80) offsets.push_back(static_cast<uint32_t>(i));
  }
  offsets.push_back(static_cast<uint32_t>(text.size()));
  return offsets;
}

bool ParseUint(std::string_view s, uint32_t* out) {
  s = base::Trim(s);
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), *out);
  return ec == std::errc() && p == s.data() + s.size();
}

// "T12" / "E3" line ids.
bool IsId(std::string_view s, char kind) {
  if (s.size() < 2 || s[0] != kind) return false;
  for (size_t i = 1; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  return true;
}

}  // namespace

Result<PolnearDocument> ParsePolnearAnn(std::string_view source, std::string text, std::string_view ann) {
  PolnearDocument doc;
  doc.name = base::FileStem(source);
  if (doc.name.ends_with(".ann")) doc.name.resize(doc.name.size() - 4);
  const std::vector<uint32_t> offsets = CodePointOffsets(text);
  const uint32_t num_cp = static_cast<uint32_t>(offsets.size() - 1);
  std::map<std::string, std::vector<text::Span>, std::less<>> spans;
  struct Rel { std::vector<std::pair<std::string, std::string>> args; size_t line; };
  std::vector<Rel> rels;
  std::vector<std::string_view> lines = base::SplitLines(ann);
  for (size_t ln = 0; ln < lines.size(); ++ln) {
    std::string_view line = lines[ln];
    size_t tab = line.find('\t');
    if (tab == std::string_view::npos) continue;  // a continuation of annotated words
    std::string_view id = line.substr(0, tab);
    std::string_view rest = line.substr(tab + 1);
    auto where = [&](std::string_view what) {
      return Status::DataLoss(std::string(source) + ": line " + std::to_string(ln + 1), what);
    };
    if (IsId(id, 'T')) {
      size_t tab2 = rest.find('\t');
      std::string_view head = rest.substr(0, tab2);
      size_t sp = head.find(' ');
      if (sp == std::string_view::npos) return where("T line without offsets");
      std::vector<text::Span> frags;
      std::string_view ranges = head.substr(sp + 1);
      while (!ranges.empty()) {
        size_t semi = ranges.find(';');
        std::string_view r = ranges.substr(0, semi);
        ranges = semi == std::string_view::npos ? std::string_view() : ranges.substr(semi + 1);
        r = base::Trim(r);
        size_t mid = r.find(' ');
        uint32_t b = 0, e = 0;
        if (mid == std::string_view::npos || !ParseUint(r.substr(0, mid), &b) || !ParseUint(r.substr(mid + 1), &e) ||
            b > e) {
          return where("bad offsets \"" + std::string(r) + "\"");
        }
        if (e > num_cp) return where("offset " + std::to_string(e) + " beyond the text");
        frags.push_back({offsets[b], offsets[e]});
      }
      spans[std::string(id)] = std::move(frags);
    } else if (IsId(id, 'E')) {
      Rel rel;
      rel.line = ln + 1;
      for (std::string_view arg : base::SplitWords(rest)) {
        size_t colon = arg.find(':');
        if (colon == std::string_view::npos) continue;
        rel.args.emplace_back(std::string(arg.substr(0, colon)), std::string(arg.substr(colon + 1)));
      }
      rels.push_back(std::move(rel));
    }
  }
  for (const Rel& rel : rels) {
    PolnearAttribution a;
    for (const auto& [role, tid] : rel.args) {
      auto it = spans.find(tid);
      if (it == spans.end()) {
        return Status::DataLoss(std::string(source) + ": line " + std::to_string(rel.line),
                                "relation names unknown span " + tid);
      }
      std::vector<text::Span>* part = nullptr;
      if (role == "Source") part = &a.source;
      else if (role == "Cue") part = &a.cue;
      else if (role.starts_with("Content")) part = &a.content;
      if (part != nullptr) part->insert(part->end(), it->second.begin(), it->second.end());
    }
    for (auto* part : {&a.source, &a.cue, &a.content}) {
      std::sort(part->begin(), part->end(), [](const text::Span& x, const text::Span& y) { return x.begin < y.begin; });
    }
    doc.attributions.push_back(std::move(a));
  }
  doc.text = std::move(text);
  return doc;
}

Result<std::vector<PolnearDocument>> ReadPolnearDir(const std::string& dir) {
  const std::string ann_dir = dir + "/attributions";
  const std::string text_dir = dir + "/text";
  if (!base::IsDirectory(ann_dir)) return Status::NotFound(ann_dir, "no such folder");
  if (!base::IsDirectory(text_dir)) return Status::NotFound(text_dir, "no such folder");
  Result<std::vector<std::string>> files = base::ListFiles(ann_dir, {".ann"});
  if (!files.ok()) return files.status();
  std::vector<PolnearDocument> docs;
  std::set<std::string> seen;
  for (const std::string& path : *files) {
    std::string stem = base::FileStem(path);
    if (stem.ends_with(".ann")) stem.resize(stem.size() - 4);
    size_t us = stem.rfind('_');
    if (us == std::string::npos) return Status::InvalidArgument(path, "file name lacks the _<annotator> suffix");
    std::string article = stem.substr(0, us);
    if (!seen.insert(article).second) continue;
    Result<std::string> text = base::ReadFile(text_dir + "/" + article + ".txt", kMaxFileBytes);
    if (!text.ok()) return text.status();
    Result<std::string> ann = base::ReadFile(path, kMaxFileBytes);
    if (!ann.ok()) return ann.status();
    Result<PolnearDocument> doc = ParsePolnearAnn(path, std::move(*text), *ann);
    if (!doc.ok()) return doc.status();
    docs.push_back(std::move(*doc));
  }
  return docs;
}

}  // namespace newsfuse::extract
