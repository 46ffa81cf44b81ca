// `newsfuse eval summary [DIR] [--clusters a,b] [--words 100]`: runs the
// summarizer over DUC-style clusters (DIR/<cluster>/doc_*.txt with human
// references ref_*.txt) and prints ROUGE-1, ROUGE-2 and ROUGE-SU4 recall
// with the DUC 2004 settings (see eval/rouge.h). `--leave-one-out`
// scores each cluster with a word-importance model trained on the others.
// `newsfuse train-summary` (cmd_train_summary.cc) trains that model on the
// nine clean DUC 2003 clusters.
//
// R-1 recall at 100 words (the DUC 2004 published figures: DPP 39.84,
// submodular 39.23, LexRank 36.00):
//   clusters                       LexRank  before  word importance
//   nine clean (trained on)          34.64   40.40   41.73 (42.04 leave-one-out)
//   other 21 (DUC 2004's topics)     36.15   37.01   40.22
//   all 30                           35.70   38.03   40.67
// "Before" is the summarizer up to session 5: a support + centroid-coverage
// + lead score with weights chosen on the nine, which led LexRank by 5.8 on
// them and by 0.9 on the 21. The word-importance summarizer leads it by 7.1
// and by 4.1: what it learns from the nine carries over. Every choice was
// made on the nine. The 21 were measured three times, never to choose: in
// the Python prototype of this design (39.9, which decided to write it), at
// the first commit of it (40.16), and after the stand-alone rule and the
// exact cut (40.22; the stand-alone rule alone gave 39.67 there, which was
// measured after it was kept for the nine's 41.27 -> 41.69).
// Steps on the nine, leave-one-out (this build unless said):
//   - word importance, dateline cut, fact-group rule: 41.27;
//   - + only sentences that stand alone (story_builder.h): 41.69;
//   - + the exact stems before the cut (SummaryUnit::stems_before_word):
//     42.04.
// Tried on the nine, leave-one-out:
//   - the wire dateline kept in first sentences (this build): 39.10 against
//     41.27 with it cut (text/wire_dateline.h);
//   - training on occurrences up to 8 instead of 3: 40.93 against 41.27;
//   - article shares over independent articles (near-copies left out):
//     41.61 against 41.69;
//   - in the prototype (its own cut, approximate): the greedy alone, one
//     cost exponent, 37.6 - 41.0 for r from 0.3 to 1.0 with a background
//     feature; with the swaps 40.2 - 42.0; with the choice by worth over
//     five r 41.3;
//   - that background feature (in how many of the 30 clusters' documents a
//     stem occurs): 41.3 against 40.9 without; left out, as the product
//     has no background corpus and the gain is within the noise;
//   - without the one-sentence-per-fact-group rule (this build): 41.43
//     against 41.27; kept, so that two outlets' wordings of one fact never
//     both fill the budget.
// Earlier (session 5 and before, on the old summarizer): MMR 39.48; Lin &
// Bilmes's L1 + 6 R1 35.61; ICSI bigram concepts 35.9 - 36.5; Greedy-KL
// 34.85; a length prior, quote and pronoun filters: no gain.
#include <algorithm>
#include <cstdio>
#include <iostream>

#include "base/file_io.h"
#include "base/repo_path.h"
#include "cli/commands.h"
#include "cluster/near_copies.h"
#include "eval/duc_clusters.h"
#include "eval/reference_summarizers.h"
#include "eval/rouge.h"
#include "extract/article_analysis.h"
#include "synthesize/story_builder.h"
#include "synthesize/word_importance.h"
#include "train/word_importance_trainer.h"

namespace newsfuse::cli {

namespace {

struct EvalSummaryFlags {
  std::string dir = "../shared/data/mds/duc2003";
  std::vector<std::string> clusters;
  int words = 100;
  bool all = false;
  bool show = false;
  bool leave_one_out = false;
  std::string system = "newsfuse";  // or "lexrank" (eval/reference_summarizers.h)
  int min_sentences = synthesize::SummaryOptions{}.min_sentences;  // as the product
  // The product's defaults unless flags say otherwise, but filled to the
  // word cut as DUC systems were (SummaryOptions::fill_to_cut).
  synthesize::SummaryOptions summary = [] {
    synthesize::SummaryOptions o;
    o.fill_to_cut = true;
    return o;
  }();
};

std::vector<const extract::ArticleAnalysis*> Pointers(const std::vector<extract::ArticleAnalysis>& analyses) {
  std::vector<const extract::ArticleAnalysis*> members;
  for (const auto& a : analyses) members.push_back(&a);
  return members;
}

// A reference system's summary over the statement sentences our summarizer
// chooses from (StatementSentences, standfirsts left out), whole: no
// dateline cut and no stand-alone rule, as the system was published.
std::string ReferenceSummary(const std::string& system, const std::vector<const extract::ArticleAnalysis*>& members,
                             int words) {
  std::vector<std::string> sentences;
  for (const synthesize::StatementSentence& st : synthesize::StatementSentences(members)) {
    const text::Document& doc = members[st.article]->doc;
    if (!doc.paragraphs[doc.sentences[st.sentence].paragraph].is_subtitle) sentences.emplace_back(st.text);
  }
  std::string summary;
  if (system == "lexrank") {
    for (size_t i : synthesize::LexRankSummary(sentences, words)) summary += sentences[i] + "\n";
  }
  return summary;
}

int RunEvalSummary(EvalSummaryFlags flags) {
  flags.dir = base::FindRepoPath(flags.dir);
  if (!base::IsDirectory(flags.dir)) {
    PrintError(Status::NotFound(flags.dir, "no such folder of clusters"));
    return 1;
  }
  std::vector<synthesize::DucCluster> clusters;
  for (const std::string& name : synthesize::DucClusterNames(flags.dir, flags.clusters, flags.all)) {
    synthesize::DucCluster c;
    if (synthesize::ReadDucCluster(flags.dir, name, PrintError, &c)) clusters.push_back(std::move(c));
  }
  // Leave one cluster out: each cluster's summary uses a model trained on
  // the others, so the figure is a held-out one.
  std::vector<std::vector<synthesize::WordImportanceExample>> examples;
  if (flags.leave_one_out) {
    for (const auto& c : clusters) {
      examples.push_back(synthesize::ClusterWordImportanceExamples(c.articles, c.references));
    }
  }
  synthesize::StoryOptions options;
  options.summary = flags.summary;
  options.summary.max_words = flags.words;
  options.summary.min_sentences = flags.min_sentences;
  synthesize::RougeScores total;
  size_t scored = 0;
  std::printf("%-10s %8s %8s %8s\n", "cluster", "R-1", "R-2", "R-SU4");
  for (size_t ci = 0; ci < clusters.size(); ++ci) {
    const synthesize::DucCluster& cluster = clusters[ci];
    synthesize::WordImportanceModel fold_model;
    if (flags.leave_one_out) {
      std::vector<synthesize::WordImportanceExample> train;
      for (size_t k = 0; k < clusters.size(); ++k) {
        if (k != ci) train.insert(train.end(), examples[k].begin(), examples[k].end());
      }
      fold_model = synthesize::FitWordImportance(train);
      options.summary.model = &fold_model;
    }
    const std::vector<Article>& articles = cluster.articles;
    const std::vector<std::string>& references = cluster.references;
    extract::AnalysisOptions analysis;  // the summary needs no entity tagger
    const auto analyses = extract::AnalyzeArticles(articles, analysis);
    const auto members = Pointers(analyses);
    std::string summary;
    if (flags.system == "newsfuse") {
      const Story story =
          synthesize::BuildStory(cluster.name, members, newsfuse::cluster::FindNearCopies(articles), options);
      for (const auto& s : story.summary) summary += s.text + "\n";
    } else {
      summary = ReferenceSummary(flags.system, members, flags.words);
    }
    const auto r = synthesize::RougeRecall(summary, references, static_cast<size_t>(flags.words));
    if (flags.show) std::printf("%s", summary.c_str());
    std::printf("%-10s %8.2f %8.2f %8.2f\n", cluster.name.c_str(), 100 * r.rouge1, 100 * r.rouge2, 100 * r.rouge_su4);
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
  if (flags.system != "newsfuse") {
    std::printf("system: %s (eval/reference_summarizers.h), on the sentences newsfuse chooses from\n",
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
  cmd->add_flag("--leave-one-out", flags->leave_one_out,
                "score each cluster with a word-importance model trained on the others (a held-out figure)");
  cmd->add_option("--min-sentences", flags->min_sentences, "sentences even past the word budget")
      ->capture_default_str();
  cmd->add_flag("--fill,!--no-fill", flags->summary.fill_to_cut,
                "add sentences past the budget up to the word cut, which truncates them (DUC practice)")
      ->capture_default_str();
  cmd->callback([flags] { ExitWith(RunEvalSummary(*flags)); });
}

}  // namespace newsfuse::cli
