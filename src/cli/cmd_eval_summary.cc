// `newsfuse eval summary [DIR] [--clusters a,b] [--words 100]`: runs the
// summarizer over DUC-style clusters (DIR/<cluster>/doc_*.txt with human
// references ref_*.txt) and prints ROUGE-1, ROUGE-2 and ROUGE-SU4 recall
// with the DUC 2004 settings (see synthesize/rouge.h).
//
// Figures on the nine clean DUC 2003 clusters (R-1 recall, 100 words):
//   MMR summarizer before (0.2/0.6/0.2, length prior)          39.48
//   coverage greedy, same weights, length prior                39.72
//   coverage greedy, same weights, no length prior (default)   40.03
// Weights support/centrality/lead on a grid of steps of 0.1 (sum 1, no length
// prior): best 0.2/0.7/0.1 at 40.14, the default 40.03, 0.1/0.6/0.3 39.66,
// 0.1/0.7/0.2 39.37; leave-one-cluster-out picks 0.2/0.7/0.1 in every fold
// (held-out mean 40.14). The default is kept: 0.1 is within the noise.
// Checked once afterwards, not used for any choice: on the other 21 DUC 2003
// clusters (topics DUC 2004 reuses) the MMR summarizer scores 36.97 and the
// coverage greedy 36.42 (7 better, 11 worse), all 30: 37.73 / 37.51. The
// nine-cluster gain is within their noise and did not carry over.
// Filled to the cut (SummaryOptions::fill_to_cut, the default here; DUC
// systems were scored on their first 100 words, so stopping a few words
// short gives recall away): nine clean 40.03 -> 40.40, all 30 37.51 -> 38.03
// (the other 21: 36.42 -> 37.01). A mechanical change, not a tuned one; the
// filler must go last (in reading order it cut a chosen sentence: 38.02).
// Lin & Bilmes's L1 + 6 R1 with a = 5, r = 0.3 (fact groups as the
// partition, no lead prior) scored 35.61 on the nine and was not kept.
// How far the nine predict a held-out set: LexRank (`--system lexrank`,
// published DUC 2004 figure 36.00) scores 34.64 on the nine and 36.15 on
// the other 21, so the 21 (DUC 2004's own topics) are about as hard as DUC
// 2004 and the nine are not easier. Against it, newsfuse leads by 5.76 on
// the nine (40.40) and by 0.86 on the 21 (37.01): the nine-cluster lead is
// mostly the choices made on them, and 37 is the honest held-out estimate.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include "base/file_io.h"
#include "cli/commands.h"
#include "extract/article_analysis.h"
#include "ingest/article_parser.h"
#include "synthesize/reference_summarizers.h"
#include "synthesize/rouge.h"
#include "synthesize/story_builder.h"

namespace newsfuse::cli {

namespace {

// The DUC 2003 clusters whose topics DUC 2004 does not reuse (the data's README).
const std::vector<std::string> kCleanDuc2003 = {"d30012t", "d30016t", "d30025t", "d31002t", "d31010t",
                                                "d31011t", "d31027t", "d31028t", "d31041t"};

struct EvalSummaryFlags {
  std::string dir = NEWSFUSE_SHARED_DIR "/data/mds/duc2003";
  std::vector<std::string> clusters;
  int words = 100;
  bool all = false;
  bool show = false;
  std::string system = "newsfuse";  // or "lexrank" (synthesize/reference_summarizers.h)
  int min_sentences = synthesize::SummaryOptions{}.min_sentences;  // as the product
  // The product's defaults unless flags say otherwise, but filled to the
  // word cut as DUC systems were (SummaryOptions::fill_to_cut).
  synthesize::SummaryOptions summary = [] {
    synthesize::SummaryOptions o;
    o.fill_to_cut = true;
    return o;
  }();
};

// A reference system's summary over the sentences our summarizer may choose
// from (body statements, article by article).
std::string ReferenceSummary(const std::string& system, const std::vector<extract::ArticleAnalysis>& analyses,
                             int words) {
  std::vector<std::string> sentences;
  for (const auto& a : analyses) {
    for (const auto& sentence : a.doc.sentences) {
      const text::DocParagraph& paragraph = a.doc.paragraphs[sentence.paragraph];
      if (paragraph.is_heading || paragraph.is_subtitle) continue;
      const std::string_view text = a.doc.Text(sentence.span);
      if (synthesize::IsStatement(text)) sentences.emplace_back(text);
    }
  }
  std::string summary;
  if (system == "lexrank") {
    for (size_t i : synthesize::LexRankSummary(sentences, words)) summary += sentences[i] + "\n";
  }
  return summary;
}

int RunEvalSummary(const EvalSummaryFlags& flags) {
  std::vector<std::string> clusters = flags.clusters;
  if (clusters.empty() && !flags.all && flags.dir.find("duc2003") != std::string::npos) clusters = kCleanDuc2003;
  if (clusters.empty()) {
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(flags.dir, ec)) {
      if (entry.is_directory()) clusters.push_back(entry.path().filename().string());
    }
    std::sort(clusters.begin(), clusters.end());
  }
  if (!base::IsDirectory(flags.dir)) {
    PrintError(Status::NotFound(flags.dir, "no such folder of clusters"));
    return 1;
  }
  synthesize::StoryOptions options;
  options.summary = flags.summary;
  options.summary.max_words = flags.words;
  options.summary.min_sentences = flags.min_sentences;
  synthesize::RougeScores total;
  size_t scored = 0;
  std::printf("%-10s %8s %8s %8s\n", "cluster", "R-1", "R-2", "R-SU4");
  for (const std::string& cluster : clusters) {
    const std::string dir = flags.dir + "/" + cluster;
    auto files = base::ListFiles(dir, {".txt"});
    if (!files.ok()) {
      PrintError(files.status());
      continue;
    }
    std::vector<Article> articles;
    std::vector<std::string> references;
    for (const auto& f : *files) {
      const std::string name = f.substr(f.find_last_of('/') + 1);
      auto bytes = base::ReadFile(f, 16u << 20);
      if (!bytes.ok()) {
        PrintError(bytes.status());
        continue;
      }
      if (name.rfind("ref_", 0) == 0) {
        references.push_back(*bytes);
      } else if (name.rfind("doc_", 0) == 0) {
        ingest::MetadataFields meta;
        meta.id = base::FileStem(f);
        meta.title = "";  // DUC bodies have no headline line
        auto article = ingest::ParseArticleText(meta, f, *bytes);
        if (article.ok()) articles.push_back(std::move(*article));
      }
    }
    if (articles.empty() || references.empty()) {
      PrintError(Status::NotFound(dir, "no doc_*.txt or ref_*.txt"));
      continue;
    }
    extract::AnalysisOptions analysis;  // the summary needs no entity tagger
    const auto analyses = extract::AnalyzeArticles(articles, analysis);
    std::vector<const extract::ArticleAnalysis*> members;
    for (const auto& a : analyses) members.push_back(&a);
    std::string summary;
    if (flags.system == "newsfuse") {
      const Story story = synthesize::BuildStory(cluster, members, options);
      for (const auto& s : story.summary) summary += s.text + "\n";
    } else {
      summary = ReferenceSummary(flags.system, analyses, flags.words);
    }
    const auto r = synthesize::RougeRecall(summary, references, static_cast<size_t>(flags.words));
    if (flags.show) std::printf("%s", summary.c_str());
    std::printf("%-10s %8.2f %8.2f %8.2f\n", cluster.c_str(), 100 * r.rouge1, 100 * r.rouge2, 100 * r.rouge_su4);
    total.rouge1 += r.rouge1;
    total.rouge2 += r.rouge2;
    total.rouge_su4 += r.rouge_su4;
    ++scored;
  }
  if (scored == 0) {
    PrintError(Status::NotFound(flags.dir, "no cluster could be scored"));
    return 1;
  }
  const double n = static_cast<double>(scored);
  std::printf("%-10s %8.2f %8.2f %8.2f   (%zu clusters, %d words, recall, Porter stemming, stop words kept)\n",
              "average", 100 * total.rouge1 / n, 100 * total.rouge2 / n, 100 * total.rouge_su4 / n, scored,
              flags.words);
  const auto& o = options.summary;
  if (flags.system == "newsfuse") {
    std::printf("settings: support_weight %.2f, centrality_weight %.2f, lead_weight %.2f\n", o.support_weight,
                o.centrality_weight, o.lead_weight);
  } else {
    std::printf("system: %s (synthesize/reference_summarizers.h), on the sentences newsfuse chooses from\n",
                flags.system.c_str());
  }
  std::printf("peers, DUC 2004 ROUGE-1 recall at 100 words: DPP 39.84, submodular 39.23, LexRank 36.00\n");
  return 0;
}

}  // namespace

void RegisterEvalSummary(CLI::App& eval) {
  auto flags = std::make_shared<EvalSummaryFlags>();
  CLI::App* cmd = eval.add_subcommand("summary", "ROUGE of the summarizer on DUC-style clusters");
  cmd->add_option("dir", flags->dir, "folder of clusters (<cluster>/doc_*.txt, ref_*.txt)")->capture_default_str();
  cmd->add_option("--clusters", flags->clusters, "cluster names (default: the nine clean DUC 2003 ones)")
      ->delimiter(',');
  cmd->add_flag("--all", flags->all, "every cluster in the folder");
  cmd->add_option("--words", flags->words, "summary length in words")->capture_default_str();
  cmd->add_flag("--show", flags->show, "print each summary before its scores");
  cmd->add_option("--system", flags->system,
                  "whose summaries: newsfuse, or LexRank on the same sentences (to compare a set of "
                  "clusters with LexRank's DUC 2004 figure)")
      ->check(CLI::IsMember({"newsfuse", "lexrank"}))
      ->capture_default_str();
  cmd->add_option("--min-sentences", flags->min_sentences, "sentences even past the word budget")
      ->capture_default_str();
  cmd->add_flag("--fill,!--no-fill", flags->summary.fill_to_cut,
                "add sentences past the budget up to the word cut, which truncates them (DUC practice)")
      ->capture_default_str();
  auto& o = flags->summary;
  cmd->add_option("--support-weight", o.support_weight, "sentence score: weight of cross-outlet support")
      ->capture_default_str();
  cmd->add_option("--centrality-weight", o.centrality_weight, "sentence score: weight of new centroid coverage")
      ->capture_default_str();
  cmd->add_option("--lead-weight", o.lead_weight, "sentence score: weight of the lead position")
      ->capture_default_str();
  cmd->callback([flags] { ExitWith(RunEvalSummary(*flags)); });
}

}  // namespace newsfuse::cli
