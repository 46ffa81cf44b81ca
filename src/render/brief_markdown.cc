#include "render/brief_markdown.h"

#include <map>
#include <vector>

namespace newsfuse::render {

namespace {

// Short citation labels: the outlet's name where known, else the source id.
std::map<std::string, std::string> CitationLabels(const Story& st) {
  std::map<std::string, std::string> labels;
  for (const auto& s : st.sources) labels[s.id] = s.outlet ? *s.outlet : s.id;
  return labels;
}

// "2024-04-01", "week of 2024-03-25", "2024-03" (a month).
std::string TimelineDate(const TimelineEntry& t) {
  if (t.precision == "week") return "week of " + t.date;
  if (t.precision == "month") return t.date.substr(0, 7);
  return t.date;
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
    std::map<std::string, std::string> copy_of;  // reprint -> original
    for (const auto& s : st.sources) {
      if (s.duplicate_of) copy_of[s.id] = *s.duplicate_of;
    }
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
        md += "- " + f.text + " " + Cite(f.sources, labels);
        std::vector<std::string> copies;
        for (const auto& id : f.sources) {
          if (copy_of.count(id)) copies.push_back(id);
        }
        if (!copies.empty()) md += " (reprints, counted once: " + Cite(copies, labels) + ")";
        md += "\n";
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
        md += "- **" + TimelineDate(t) + "** (" + (t.planned ? "planned" : "happened") + ") " + t.text + " " +
              Cite(t.sources, labels) + "\n";
      }
      md += "\n";
    }
    if (!st.discrepancies.empty()) {
      md += "## Where the sources differ\n\n";
      for (const auto& d : st.discrepancies) {
        md += "- **" + d.subject + "** (" + d.kind + (d.label.empty() ? "" : ", " + d.label) + ")\n";
        for (const auto& v : d.variants) md += "  - " + v.value + " " + Cite(v.sources, labels) + ": " + v.text + "\n";
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
        md += "- **" + (it == labels.end() ? c.source : it->second) + "**";
        if (copy_of.count(c.source)) md += " (reprint of " + Cite({copy_of.at(c.source)}, labels) + ")";
        md += ":";
        if (!c.unique_facts.empty()) {
          md += " " + std::to_string(c.unique_facts.size()) + " fact" +
                (c.unique_facts.size() == 1 ? "" : "s") + " no other source reports, e.g. " +
                c.unique_facts.front();
        }
        if (!c.missing_consensus.empty()) {
          md += std::string(c.unique_facts.empty() ? "" : ";") + " leaves out " +
                std::to_string(c.missing_consensus.size()) + " fact" +
                (c.missing_consensus.size() == 1 ? "" : "s") + " most outlets report, e.g. " +
                c.missing_consensus.front();
        }
        md += "\n";
      }
      md += "\n";
    }
    md += "## Sources\n\n| id | outlet | published | title |\n|---|---|---|---|\n";
    for (const auto& s : st.sources) {
      md += "| " + s.id + " | " + Cell(s.outlet) + " | " + Cell(s.published) + " | " + Cell(s.title) + " |\n";
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
