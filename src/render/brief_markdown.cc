#include "render/brief_markdown.h"

#include <cctype>
#include <map>
#include <string_view>
#include <vector>

namespace newsfuse::render {

namespace {

// What a reader sees of the longer sections, most important first (facts
// by support, quotes by the outlets that carry them); the rest is folded
// into one line and kept whole in the JSON.
constexpr size_t kShownFacts = 15;
constexpr size_t kShownQuotes = 12;

std::string Folded(size_t folded, std::string_view what) {
  if (folded == 0) return "";
  return "- _… and " + std::to_string(folded) + " more " + std::string(what) + (folded == 1 ? "" : "s") +
         " (all in `--format json`)_\n";
}


bool IsAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// "&name;" or "&#123;": a character reference Markdown would decode.
bool StartsEntity(std::string_view s) {
  size_t i = 1;
  while (i < s.size() && i < 33 && (IsAlnum(s[i]) || s[i] == '#')) ++i;
  return i > 1 && i < s.size() && s[i] == ';';
}

// Text from the articles, escaped for Markdown: it is data, never markup. A
// title "[click](javascript:alert(1)) <script>" stays those characters, not
// a live link and tag; an id "md|1" stays in its table cell. Every ASCII
// punctuation character may be backslash-escaped in CommonMark; these are
// the ones that can start markup inline. Newlines would end a list item or
// a table row: they become spaces.
std::string Md(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 8);
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    switch (c) {
      case '\\': case '`': case '*': case '[': case ']': case '<': case '>':
      case '|': case '~': case '#':
        out += '\\';
        out += c;
        break;
      case '_':  // inside a word ("03_harbor_daily") it never starts emphasis
        if (!(i > 0 && IsAlnum(text[i - 1]) && i + 1 < text.size() && IsAlnum(text[i + 1]))) out += '\\';
        out += c;
        break;
      case '&':  // only where it would start an entity ("&lt;"); "AT&T" stays
        if (StartsEntity(text.substr(i))) out += '\\';
        out += c;
        break;
      case '\n': case '\r':
        out += ' ';
        break;
      default:
        out += c;
    }
  }
  return out;
}

// Short citation labels: the outlet's name where known, else the source id.
std::map<std::string, std::string> CitationLabels(const Story& st) {
  std::map<std::string, std::string> labels;
  for (const auto& s : st.sources) labels[s.id] = Md(s.outlet ? *s.outlet : s.id);
  return labels;
}

// "2024-04-01", "week of 2024-03-25", "2024-03" (a month).
std::string TimelineDate(const TimelineEntry& t) {
  if (t.precision == "week") return "week of " + Md(t.date);
  if (t.precision == "month") return Md(t.date.substr(0, 7));
  return Md(t.date);
}

std::string Cite(const std::vector<std::string>& ids, const std::map<std::string, std::string>& labels) {
  std::string out = "[";
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i) out += "; ";
    auto it = labels.find(ids[i]);
    out += it == labels.end() ? Md(ids[i]) : it->second;
  }
  return out + "]";
}

// A table cell: escaped, "—" when empty.
std::string Cell(const std::optional<std::string>& v) {
  if (!v || v->empty()) return "—";
  return Md(*v);
}

}  // namespace

std::string BriefToMarkdown(const Brief& brief) {
  std::string md;
  for (const Story& st : brief.stories) {
    const auto labels = CitationLabels(st);
    std::map<std::string, std::string> copy_of;  // reprint -> original
    for (const auto& s : st.sources) {
      if (s.duplicate_of) copy_of[s.id] = *s.duplicate_of;
    }
    md += "# " + Md(st.headline) + "\n\n";
    md += "_" + std::to_string(st.sources.size()) + " source" + (st.sources.size() == 1 ? "" : "s") +
          ", story " + Md(st.id) + "_\n\n";
    md += "## Summary\n\n";
    for (const auto& s : st.summary) md += "- " + Md(s.text) + " " + Cite(s.sources, labels) + "\n";
    md += "\n";

    if (!st.facts.empty()) {
      md += "## Facts\n\n";
      size_t shown = 0, folded = 0;
      for (const auto& f : st.facts) {
        if (f.sources.size() < 2) continue;
        // Facts come most supported first: a reader gets the first few, the
        // JSON keeps them all.
        if (shown == kShownFacts) {
          ++folded;
          continue;
        }
        ++shown;
        md += "- " + Md(f.text) + " " + Cite(f.sources, labels);
        std::vector<std::string> copies;
        for (const auto& id : f.sources) {
          if (copy_of.count(id)) copies.push_back(id);
        }
        if (!copies.empty()) md += " (reprints, counted once: " + Cite(copies, labels) + ")";
        md += "\n";
      }
      md += Folded(folded, "fact");
      md += "\n";
    }
    if (!st.entities.empty()) {
      md += "## Who is who\n\n";
      for (const auto& e : st.entities) {
        md += "- **" + Md(e.name) + "** (" + Md(e.type);
        for (const auto& t : e.titles) md += "; " + Md(t);
        md += ")";
        if (!e.variants.empty()) {
          md += " — also spelled";
          for (const auto& v : e.variants) md += " \"" + Md(v) + "\"";
        }
        md += " " + Cite(e.sources, labels) + "\n";
      }
      md += "\n";
    }
    if (!st.quotes.empty()) {
      md += "## Who said what\n\n";
      for (size_t qi = 0; qi < st.quotes.size() && qi < kShownQuotes; ++qi) {
        const auto& q = st.quotes[qi];
        md += "- **" + Md(q.speaker) + "**: “" + Md(q.text) + "” " + Cite(q.sources, labels) + "\n";
        for (const auto& v : q.variants) md += "  - also: “" + Md(v.text) + "” " + Cite(v.sources, labels) + "\n";
      }
      md += Folded(st.quotes.size() > kShownQuotes ? st.quotes.size() - kShownQuotes : 0, "quote");
      md += "\n";
    }
    if (!st.timeline.empty()) {
      md += "## Timeline\n\n";
      for (const auto& t : st.timeline) {
        md += "- **" + TimelineDate(t) + "** (" + (t.planned ? "planned" : "happened") + ") " + Md(t.text) + " " +
              Cite(t.sources, labels) + "\n";
      }
      md += "\n";
    }
    if (!st.discrepancies.empty()) {
      md += "## Where the sources differ\n\n";
      for (const auto& d : st.discrepancies) {
        md += "- **" + Md(d.subject) + "** (" + Md(d.kind) + (d.label.empty() ? "" : ", " + Md(d.label)) + ")\n";
        for (const auto& v : d.variants) md += "  - " + Md(v.value) + " " + Cite(v.sources, labels) + ": " + Md(v.text) + "\n";
      }
      md += "\n";
    }
    bool any_contribution = false;
    for (const auto& c : st.contributions) {
      any_contribution |= !c.unique_facts.empty() || !c.missing_consensus.empty();
    }
    if (any_contribution) {
      md += "## What each outlet adds\n\n";
      for (const auto& c : st.contributions) {
        if (c.unique_facts.empty() && c.missing_consensus.empty()) continue;
        auto it = labels.find(c.source);
        md += "- **" + (it == labels.end() ? Md(c.source) : it->second) + "**";
        if (copy_of.count(c.source)) md += " (reprint of " + Cite({copy_of.at(c.source)}, labels) + ")";
        md += ":";
        if (!c.unique_facts.empty()) {
          md += " " + std::to_string(c.unique_facts.size()) + " fact" +
                (c.unique_facts.size() == 1 ? "" : "s") + " no other source reports, e.g. " +
                Md(c.unique_facts.front());
        }
        if (!c.missing_consensus.empty()) {
          md += std::string(c.unique_facts.empty() ? "" : ";") + " leaves out " +
                std::to_string(c.missing_consensus.size()) + " fact" +
                (c.missing_consensus.size() == 1 ? "" : "s") + " most outlets report, e.g. " +
                Md(c.missing_consensus.front());
        }
        md += "\n";
      }
      md += "\n";
    }
    md += "## Sources\n\n| id | outlet | published | title |\n|---|---|---|---|\n";
    for (const auto& s : st.sources) {
      md += "| " + Md(s.id) + " | " + Cell(s.outlet) + " | " + Cell(s.published) + " | " + Cell(s.title) + " |\n";
    }
    md += "\n";
    if (!st.notes.empty()) {
      md += "## Analysis bounds\n\n";
      for (const auto& n : st.notes) md += "- " + n + "\n";
      md += "\n";
    }
  }
  return md;
}

}  // namespace newsfuse::render
