#include "ingest/dateline.h"

#include <string>
#include <vector>

#include "base/strings.h"

namespace newsfuse::ingest {

namespace {

using base::IsAsciiDigit;

// Splits a dateline into words, treating ',' as a separator of its own kind
// (dropped) and keeping '-', '|', '•' and '—' as separator words.
std::vector<std::string_view> DatelineWords(std::string_view line) {
  std::vector<std::string_view> words;
  size_t i = 0;
  while (i < line.size()) {
    const char c = line[i];
    if (base::IsAsciiSpace(c) || c == ',') {
      ++i;
      continue;
    }
    if (c == '-' || c == '|') {
      words.push_back(line.substr(i, 1));
      ++i;
      continue;
    }
    if (line.substr(i, 3) == "\xE2\x80\xA2" || line.substr(i, 3) == "\xE2\x80\x94" ||
        line.substr(i, 3) == "\xE2\x80\x93") {  // • — –
      words.push_back("-");
      i += 3;
      continue;
    }
    if (line.substr(i, 2) == "\xC2\xA0") {
      i += 2;
      continue;
    }
    size_t j = i;
    while (j < line.size() && !base::IsAsciiSpace(line[j]) && line[j] != ',' &&
           line.substr(j, 2) != "\xC2\xA0") {
      if (line[j] == '|') break;
      ++j;
    }
    words.push_back(line.substr(i, j - i));
    i = j;
  }
  return words;
}

bool ParseInt(std::string_view s, int* out, size_t max_digits) {
  if (s.empty() || s.size() > max_digits) return false;
  int v = 0;
  for (char c : s) {
    if (!IsAsciiDigit(c)) return false;
    v = v * 10 + (c - '0');
  }
  *out = v;
  return true;
}

// "5:29", "17:29", "5:29PM", "5", with "PM"/"p.m." possibly the next word.
bool ParseTime(const std::vector<std::string_view>& w, size_t* i, int* hour, int* minute) {
  if (*i >= w.size()) return false;
  std::string_view t = w[*i];
  std::string_view suffix;
  size_t k = 0;
  while (k < t.size() && (IsAsciiDigit(t[k]) || t[k] == ':')) ++k;
  if (k == 0) return false;
  suffix = t.substr(k);
  std::string_view clock = t.substr(0, k);
  int h = 0, m = 0;
  const size_t colon = clock.find(':');
  if (colon == std::string_view::npos) {
    if (!ParseInt(clock, &h, 2)) return false;
  } else {
    if (!ParseInt(clock.substr(0, colon), &h, 2)) return false;
    std::string_view rest = clock.substr(colon + 1);
    const size_t colon2 = rest.find(':');
    if (colon2 != std::string_view::npos) rest = rest.substr(0, colon2);
    if (!ParseInt(rest, &m, 2)) return false;
  }
  size_t next = *i + 1;
  auto ampm = [](std::string_view s) -> int {
    const std::string l = base::AsciiLower(s);
    if (l == "am" || l == "a.m." || l == "a.m") return 0;
    if (l == "pm" || l == "p.m." || l == "p.m") return 12;
    return -1;
  };
  int offset = ampm(suffix);
  if (!suffix.empty() && offset < 0) return false;
  if (suffix.empty() && next < w.size()) {
    offset = ampm(w[next]);
    if (offset >= 0) ++next;
  }
  if (colon == std::string_view::npos && offset < 0) return false;  // a bare number is no time
  if (offset >= 0) {
    if (h < 1 || h > 12) return false;
    h = h % 12 + offset;
  }
  if (h > 23 || m > 59) return false;
  *hour = h;
  *minute = m;
  *i = next;
  return true;
}

bool IsZone(std::string_view w) {
  static constexpr std::string_view kZones[] = {"ET",  "EST", "EDT", "CT",  "CST", "CDT", "PT",
                                                "PST", "PDT", "GMT", "UTC", "BST", "CET", "CEST",
                                                "IST", "IDT", "MT",  "MST", "MDT", "Z"};
  for (auto z : kZones) {
    if (w == z) return true;
  }
  if ((w[0] == '+' || w[0] == '-') && w.size() >= 3) return true;
  if (w.size() > 1 && w[0] == '(' && w.back() == ')') return IsZone(w.substr(1, w.size() - 2));
  return false;
}

bool IsLabel(std::string_view w, DatelineKind* kind) {
  std::string l = base::AsciiLower(w);
  if (!l.empty() && l.back() == ':') l.pop_back();
  if (l == "updated" || l == "last-updated" || l == "modified") {
    *kind = DatelineKind::kUpdated;
    return true;
  }
  if (l == "published" || l == "posted" || l == "date" || l == "first-published" ||
      l == "on" || l == "at") {
    return true;
  }
  return false;
}

}  // namespace

std::optional<Dateline> ParseDateline(std::string_view line) {
  line = base::Trim(line);
  if (line.empty() || line.size() > 90) return std::nullopt;
  const std::vector<std::string_view> w = DatelineWords(line);
  size_t i = 0;
  Dateline out;
  // Leading labels: "Updated:", "Last updated", "Published on".
  while (i < w.size()) {
    if (base::EqualsIgnoreCase(w[i], "last") || base::EqualsIgnoreCase(w[i], "first")) {
      ++i;
      continue;
    }
    if (!IsLabel(w[i], &out.kind)) break;
    ++i;
  }
  if (i < w.size() && base::ParseWeekdayName(w[i]) >= 0) ++i;  // "Monday,"
  if (i >= w.size()) return std::nullopt;

  base::CivilDate d;
  if (auto iso = base::ParseIsoDate(w[i]); iso && w[i].size() >= 10) {
    d = *iso;
    ++i;
  } else if (int month = base::ParseMonthName(w[i]); month > 0) {
    // "April 1 2024" / "Mar 31 2024"
    if (i + 2 >= w.size()) return std::nullopt;
    int day = 0, year = 0;
    std::string_view day_word = w[i + 1];
    while (!day_word.empty() && base::IsAsciiAlpha(day_word.back())) day_word.remove_suffix(1);  // 1st
    if (!ParseInt(day_word, &day, 2) || !ParseInt(w[i + 2], &year, 4) ||
        w[i + 2].size() != 4) {
      return std::nullopt;
    }
    d.year = year;
    d.month = month;
    d.day = day;
    i += 3;
  } else {
    // "1 April 2024"
    int day = 0, year = 0;
    if (i + 2 >= w.size() || !ParseInt(w[i], &day, 2)) return std::nullopt;
    const int named_month = base::ParseMonthName(w[i + 1]);
    if (named_month == 0 || !ParseInt(w[i + 2], &year, 4) || w[i + 2].size() != 4) return std::nullopt;
    d.year = year;
    d.month = named_month;
    d.day = day;
    i += 3;
  }
  if (!d.valid()) return std::nullopt;
  if (i < w.size() && base::EqualsIgnoreCase(w[i], "at")) ++i;
  int hour = -1, minute = -1;
  if (ParseTime(w, &i, &hour, &minute)) {
    d.hour = hour;
    d.minute = minute;
    if (i < w.size() && IsZone(w[i])) ++i;
  }
  // An optional section tag: "- World", "| Politics", at most three words.
  if (i < w.size()) {
    if (w[i] != "-" && w[i] != "|") return std::nullopt;
    ++i;
    const size_t rest = w.size() - i;
    if (rest == 0 || rest > 3) return std::nullopt;
    for (; i < w.size(); ++i) {
      if (w[i].empty() || !(base::IsAsciiUpper(w[i][0]) || base::IsAsciiDigit(w[i][0]))) {
        return std::nullopt;
      }
    }
  }
  out.date = d;
  return out;
}

}  // namespace newsfuse::ingest
