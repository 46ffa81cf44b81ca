#include "render/brief_markdown.h"

#include <map>

namespace newsfuse::render {

namespace {

// Short citation labels: the outlet's name where known, else the source id.
std::map<std::string, std::string> CitationLabels(const Story& st) {
  std::map<std::string, std::string> labels;
  for (const auto& s : st.sources) labels[s.id] = s.outlet ? *s.outlet : s.id;
  return labels;
}

std::string Cite(const std::vector<std::string>& ids, const std::map<std::string, std::string>& labels) {
  std::string out = "[";
  for (size_t i = 0; i < ids.size(); ++i) {
    if (i) out += "; ";
    auto it = labels.find(ids[i]);
    out += it == labels.end() ? ids[i] : it->second;
  }
  return out + "]";
}

// Table cells may not hold '|' or newlines.
std::string Cell(const std::optional<std::string>& v) {
  if (!v || v->empty()) return "—";
  std::string out;
  for (char c : *v) {
    if (c == '|') {
      out += "\\|";
    } else if (c == '\n') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string BriefToMarkdown(const Brief& brief) {
  std::string md;
  for (const Story& st : brief.stories) {
    const auto labels = CitationLabels(st);
    md += "# " + st.headline + "\n\n";
    md += "_" + std::to_string(st.sources.size()) + " source" + (st.sources.size() == 1 ? "" : "s") +
          ", story " + st.id + "_\n\n";
    md += "## Summary\n\n";
    for (const auto& s : st.summary) md += "- " + s.text + " " + Cite(s.sources, labels) + "\n";
    md += "\n";

    if (!st.facts.empty()) {
      md += "## Facts\n\n";
      for (const auto& f : st.facts) {
        if (f.sources.size() < 2) continue;
        md += "- " + f.text + " " + Cite(f.sources, labels) + "\n";
      }
      md += "\n";
    }
    if (!st.entities.empty()) {
      md += "## Who is who\n\n";
      for (const auto& e : st.entities) {
        md += "- **" + e.name + "** (" + e.type;
        for (const auto& t : e.titles) md += "; " + t;
        md += ")";
        if (!e.variants.empty()) {
          md += " — also spelled";
          for (const auto& v : e.variants) md += " \"" + v + "\"";
        }
        md += " " + Cite(e.sources, labels) + "\n";
      }
      md += "\n";
    }
    if (!st.quotes.empty()) {
      md += "## Who said what\n\n";
      for (const auto& q : st.quotes) {
        md += "- **" + q.speaker + "**: “" + q.text + "” " + Cite(q.sources, labels) + "\n";
        for (const auto& v : q.variants) md += "  - also: “" + v.text + "” " + Cite(v.sources, labels) + "\n";
      }
      md += "\n";
    }
    if (!st.timeline.empty()) {
      md += "## Timeline\n\n";
      for (const auto& t : st.timeline) {
        md += "- **" + t.date + "**" + (t.planned ? " (planned)" : "") + " " + t.text + " " +
              Cite(t.sources, labels) + "\n";
      }
      md += "\n";
    }
    if (!st.discrepancies.empty()) {
      md += "## Where the sources differ\n\n";
      for (const auto& d : st.discrepancies) {
        md += "- **" + d.subject + "**" + (d.label.empty() ? "" : " (" + d.label + ")") + "\n";
        for (const auto& v : d.variants) md += "  - " + v.value + " " + Cite(v.sources, labels) + ": " + v.text + "\n";
      }
      md += "\n";
    }
    bool any_unique = false;
    for (const auto& c : st.contributions) any_unique |= !c.unique_facts.empty();
    if (any_unique) {
      md += "## What each outlet adds\n\n";
      for (const auto& c : st.contributions) {
        if (c.unique_facts.empty()) continue;
        auto it = labels.find(c.source);
        md += "- **" + (it == labels.end() ? c.source : it->second) + "**: " +
              std::to_string(c.unique_facts.size()) + " fact" + (c.unique_facts.size() == 1 ? "" : "s") +
              " no other source reports, e.g. " + c.unique_facts.front() + "\n";
      }
      md += "\n";
    }
    md += "## Sources\n\n| id | outlet | published | title |\n|---|---|---|---|\n";
    for (const auto& s : st.sources) {
      md += "| " + s.id + " | " + Cell(s.outlet) + " | " + Cell(s.published) + " | " + Cell(s.title) + " |\n";
    }
    md += "\n";
  }
  return md;
}

}  // namespace newsfuse::render
