#include "whosaid/rules/rule_set.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <thread>

#include "test_util.h"

namespace whosaid::rules {
namespace {

using testing::Cat;
using testing::DataDir;
using testing::kOther;
using testing::kQ;
using testing::Lines;

using Lines_t = testing::Strings;

std::unique_ptr<RuleSet> FromText(const std::string& text, std::vector<Diagnostic>* diags,
                                  const LoadOptions& options = {}) {
  return RuleSet::LoadFromStrings({{DataDir() + "/mem.rules", text}}, options, diags);
}

// "id SLOT=text SLOT=text" for a match, for compact comparisons.
std::string Describe(const RuleMatch& m, std::string_view window) {
  std::string out = m.rule->id + " [" + std::to_string(m.begin) + "," + std::to_string(m.end) + ")";
  for (int s = 0; s < kSlotCount; ++s) {
    const Slot slot = static_cast<Slot>(s);
    if (m.span(slot).found() && slot != Slot::kQuote) {
      out += " " + std::string(SlotName(slot)) + "=" + std::string(m.SlotText(window, slot));
    }
  }
  return out;
}

Lines_t DescribeAll(const std::vector<RuleMatch>& ms, std::string_view window) {
  Lines_t out;
  for (const RuleMatch& m : ms) out.push_back(Describe(m, window));
  return out;
}

// A minimal stand-in for the attribution stage's window builder, enough for the fixture
// examples: “…” becomes U+E000 with its trailing , . ? ! moved after it.
std::string ToyWindow(std::string_view text) {
  const size_t open = text.find("“");
  const size_t close = text.find("”");
  if (open == std::string_view::npos || close == std::string_view::npos) return std::string(text);
  std::string_view inner = text.substr(open + 3, close - open - 3);
  std::string punct;
  if (!inner.empty() && std::string_view(",.?!").find(inner.back()) != std::string_view::npos) {
    punct = inner.back();
  }
  return std::string(text.substr(0, open)) + std::string(kQ) + punct +
         std::string(text.substr(close + 3));
}

TEST_CASE("rules set: loads a rule file with macros and lexicons") {
  std::vector<Diagnostic> diags;
  auto set = RuleSet::Load({DataDir() + "/basic.rules"}, {}, &diags);
  CHECK(Lines(diags) == Lines_t{});
  REQUIRE(set != nullptr);
  CHECK(set->files() == Lines_t{DataDir() + "/basic.rules"});
  REQUIRE(set->rules().size() == 3);
  const Rule& r = set->rules()[0];
  CHECK(r.id == "t.q_cue_name");
  CHECK(r.priority == 90);
  CHECK(r.confidence == doctest::Approx(0.9));
  CHECK_FALSE(r.indirect);
  CHECK(r.file == DataDir() + "/basic.rules");
  CHECK(r.line == 7);
  CHECK(r.col == 6);
  CHECK(r.pattern_col == 29);
  CHECK(r.pattern_source == "{QUOTE}, {CUE} {SPEAKER=PERSON}(?:, {ROLE=an? [^,.¶]+})?[,.]");
  CHECK(
      r.regex ==
      "(?P<QUOTE>\\x{E000}), "
      "(?P<CUE>(?:told\\ reporters|according\\ to|said\\ on|added|said|says)) "
      "(?P<SPEAKER>(?:(?:(?:Dr\\.|Mr\\.|Ms\\.) )?(?:\\p{Lu}[\\p{L}’.-]+(?: \\p{Lu}[\\p{L}’.-]+)*)))"
      "(?:, (?P<ROLE>an? [^,.¶]+))?[,.]");
  CHECK(r.HasSlot(Slot::kQuote));
  CHECK(r.HasSlot(Slot::kRole));
  CHECK_FALSE(r.HasSlot(Slot::kClause));
  REQUIRE(r.examples.size() == 3);
  CHECK(r.examples[2].line == 10);
  CHECK_FALSE(r.examples[2].positive);

  CHECK(set->rules()[1].confidence == doctest::Approx(0.75));
  CHECK(set->rules()[2].indirect);
  CHECK(set->FindRule("t.q_name_cue") == &set->rules()[1]);
  CHECK(set->FindRule("nope") == nullptr);

  std::vector<Diagnostic> lint;
  set->Lint(&lint);
  CHECK(Lines(lint) == Lines_t{});
}

TEST_CASE("rules set: slot offsets in a window") {
  auto set = RuleSet::Load({DataDir() + "/basic.rules"}, {}, nullptr);
  REQUIRE(set != nullptr);
  const std::string w = Cat({"Talks ended. ", kQ, ", said Lena Ortiz, a former trade negotiator. ",
                             kOther, " she added."});
  std::vector<RuleMatch> ms;
  set->MatchQuote(w, &ms);
  REQUIRE(ms.size() == 1);
  const RuleMatch& m = ms[0];
  CHECK(m.rule->id == "t.q_cue_name");
  CHECK(m.begin == 13);
  CHECK(m.end == 13 + 3 + 45);
  CHECK(m.span(Slot::kQuote).begin == 13);
  CHECK(m.span(Slot::kQuote).end == 16);
  CHECK(m.span(Slot::kCue).begin == 18);
  CHECK(m.span(Slot::kCue).end == 22);
  CHECK(m.SlotText(w, Slot::kSpeaker) == "Lena Ortiz");
  CHECK(m.span(Slot::kSpeaker).begin == 23);
  CHECK(m.SlotText(w, Slot::kRole) == "a former trade negotiator");
  CHECK_FALSE(m.span(Slot::kClause).found());
  CHECK(m.SlotText(w, Slot::kClause) == "");

  // The optional role is skipped: its slot is not found.
  const std::string w2 = Cat({kQ, ", said Dr. Tom Becker."});
  const std::optional<RuleMatch> m2 = set->MatchRule(set->rules()[0], w2);
  REQUIRE(m2.has_value());
  CHECK(m2->SlotText(w2, Slot::kSpeaker) == "Dr. Tom Becker");
  CHECK_FALSE(m2->span(Slot::kRole).found());
  CHECK(m2->span(Slot::kRole).begin == -1);
  CHECK_FALSE(set->MatchRule(set->rules()[0], Cat({kQ, ", said the report."})).has_value());
  // Lexicon entries are literal: "Mr." does not match "MrX".
  const std::string w3 = Cat({kQ, ", said MrX Becker."});
  CHECK(set->MatchRule(set->rules()[0], w3)->SlotText(w3, Slot::kSpeaker) == "MrX Becker");
}

TEST_CASE("rules set: fixture examples hold on hand-built windows") {
  auto set = RuleSet::Load({DataDir() + "/basic.rules"}, {}, nullptr);
  REQUIRE(set != nullptr);
  int checked = 0;
  for (const Rule& r : set->rules()) {
    for (const Example& e : r.examples) {
      CAPTURE(e.line);
      const std::string w = ToyWindow(e.text);
      const std::optional<RuleMatch> m = set->MatchRule(r, w);
      CHECK(m.has_value() == e.positive);
      for (const auto& [slot, value] : e.expected) {
        REQUIRE(m.has_value());
        CHECK(m->SlotText(w, slot) == value);
      }
      ++checked;
    }
  }
  CHECK(checked == 5);
}

TEST_CASE("rules set: quote matches are ordered by priority, then rule order") {
  std::vector<Diagnostic> diags;
  auto set = FromText(
      "define NAME = \\p{Lu}\\p{L}+\n"
      "rule low prio=10 : {QUOTE}, said {SPEAKER=NAME}\n"
      "rule high prio=90 : {QUOTE}, said {SPEAKER=NAME}\\.\n"
      "rule mid_a prio=50 : {QUOTE}, {CUE=said} {SPEAKER=\\p{Lu}\\p{L}*}\n"
      "rule mid_b prio=50 : {QUOTE}, said {SPEAKER=.+}\n"
      "rule never prio=100 : {QUOTE}; {SPEAKER=NAME}\n"
      "rule ind prio=100 : {SPEAKER=NAME} said {CLAUSE=.+}\n",
      &diags);
  CHECK(Lines(diags) == Lines_t{});
  REQUIRE(set != nullptr);
  const std::string w = Cat({kQ, ", said Ortiz."});
  std::vector<RuleMatch> ms;
  set->MatchQuote(w, &ms);
  CHECK(DescribeAll(ms, w) == Lines_t{"high [0,16) SPEAKER=Ortiz",
                                      "mid_a [0,15) SPEAKER=Ortiz CUE=said",
                                      "mid_b [0,16) SPEAKER=Ortiz.", "low [0,15) SPEAKER=Ortiz"});
  // Out is appended to, not cleared.
  set->MatchQuote(w, &ms);
  CHECK(ms.size() == 8);
  ms.clear();
  set->MatchQuote("no placeholder here", &ms);
  CHECK(ms.empty());
}

// MatchQuote's answer computed the slow way: every quote rule, sorted by priority.
Lines_t BruteForce(const RuleSet& set, std::string_view w) {
  std::vector<const Rule*> rules;
  for (const Rule& r : set.rules()) {
    if (!r.indirect) rules.push_back(&r);
  }
  std::stable_sort(rules.begin(), rules.end(),
                   [](const Rule* a, const Rule* b) { return a->priority > b->priority; });
  Lines_t out;
  for (const Rule* r : rules) {
    if (auto m = set.MatchRule(*r, w)) out.push_back(Describe(*m, w));
  }
  return out;
}

const char* const kManyRules =
    "define NAME = \\p{Lu}\\p{L}+(?: \\p{Lu}\\p{L}+)*\n"
    "define CUE = @lexicon/cue_verbs.lst\n"
    "define PRON = [Hh]e|[Ss]he|[Tt]hey\n"
    "rule a prio=90 : {QUOTE}, {CUE} {SPEAKER=NAME}[,.]\n"
    "rule b prio=80 : {QUOTE}, {SPEAKER=NAME} {CUE}[,.]\n"
    "rule c prio=70 : {QUOTE}, {SPEAKER=PRON} {CUE}[,.]\n"
    "rule d prio=70 : {QUOTE}[,.]? {CUE} {SPEAKER=PRON}[,.]\n"
    "rule e prio=60 : {SPEAKER=NAME} {CUE}: {QUOTE}\n"
    "rule f prio=40 : {SPEAKER=NAME} {CUE}, {QUOTE}\n"
    "rule g prio=30 : {QUOTE} ¶ (?:—|-) ?{SPEAKER=NAME}\n"
    "rule h prio=20 : (?i:according to) {SPEAKER=NAME}, {QUOTE}\n"
    "rule i prio=95 : {SPEAKER=NAME} said that {CLAUSE=[^.]+}\n";

const std::vector<std::string> kWindows = {
    Cat({kQ, ", said Lena Ortiz."}),
    Cat({kQ, ", Lena Ortiz said."}),
    Cat({kQ, ", she said. Tom Becker added: ", kOther}),
    Cat({"Tom Becker added: ", kQ}),
    Cat({"Tom Becker added, ", kQ, " and left."}),
    Cat({"According to Ana Ruiz, ", kQ, "."}),
    Cat({"according to Ana Ruiz, ", kQ, "."}),
    Cat({kQ, " ¶ — Ana Ruiz"}),
    Cat({kQ, ", said he."}),
    Cat({"Tom Becker said: ", kQ, ", said Ana Ruiz."}),
    Cat({"Ruiz said that talks failed. ", kQ, ", Ruiz said."}),
    Cat({"nothing to see ", kQ}),
    "",
};

TEST_CASE("rules set: the literal prefilter gives the same matches as trying every rule") {
  std::vector<Diagnostic> diags;
  auto set = FromText(kManyRules, &diags);
  CHECK(Lines(diags) == Lines_t{});
  REQUIRE(set != nullptr);
  // A set budget too small for the prefilter: a warning, then the same matches without prefilter.
  LoadOptions tiny;
  tiny.max_mem_per_set = 1024;
  std::vector<Diagnostic> tiny_diags;
  auto unfiltered = FromText(kManyRules, &tiny_diags, tiny);
  REQUIRE(unfiltered != nullptr);
  CHECK(Lines(tiny_diags) ==
        Lines_t{"warning: quote rules exceed the prefilter memory budget (max_mem_per_set 1024 "
                "bytes): every rule will be tried on every window (slower)",
                "warning: indirect rules exceed the prefilter memory budget (max_mem_per_set "
                "1024 bytes): every rule will be tried on every window (slower)"});
  int total = 0;
  for (const std::string& w : kWindows) {
    CAPTURE(w);
    std::vector<RuleMatch> ms, ms2;
    set->MatchQuote(w, &ms);
    unfiltered->MatchQuote(w, &ms2);
    CHECK(DescribeAll(ms, w) == BruteForce(*set, w));
    CHECK(DescribeAll(ms2, w) == BruteForce(*set, w));
    total += static_cast<int>(ms.size());
  }
  CHECK(total == 12);
}

TEST_CASE("rules set: concurrent matching gives the same answers") {
  auto set = FromText(kManyRules, nullptr);
  REQUIRE(set != nullptr);
  std::vector<Lines_t> expected;
  for (const std::string& w : kWindows) {
    std::vector<RuleMatch> ms;
    set->MatchQuote(w, &ms);
    expected.push_back(DescribeAll(ms, w));
  }
  std::vector<int> failures(4, 0);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&, t] {
      for (int round = 0; round < 200; ++round) {
        for (size_t i = 0; i < kWindows.size(); ++i) {
          std::vector<RuleMatch> ms;
          set->MatchQuote(kWindows[i], &ms);
          if (DescribeAll(ms, kWindows[i]) != expected[i]) ++failures[t];
        }
      }
    });
  }
  for (std::thread& th : threads) th.join();
  CHECK(failures == std::vector<int>(4, 0));
}

TEST_CASE("rules set: indirect matches are non-overlapping, left to right") {
  std::vector<Diagnostic> diags;
  auto set = FromText(
      "define NAME = \\p{Lu}\\p{L}+\n"
      "rule i_low prio=10 : {SPEAKER=NAME} said {CLAUSE=[^.¶]+}\n"
      "rule i_high prio=90 : {SPEAKER=NAME} said that {CLAUSE=[^.¶]+}\n"
      "rule i_acc prio=50 : [Aa]ccording to {SPEAKER=NAME}, {CLAUSE=[^.¶]+}\n"
      "rule i_tie prio=90 : {SPEAKER=NAME} said that {CLAUSE=[^.¶]+}\n"
      "rule q prio=99 : {QUOTE} {SPEAKER=NAME}\n",
      &diags);
  CHECK(Lines(diags) == Lines_t{});
  REQUIRE(set != nullptr);
  const std::string w =
      "Ortiz said that talks failed. Becker said prices rose. According to Hill, rates fell ¶ "
      "Nobody spoke.";
  std::vector<RuleMatch> ms;
  set->MatchIndirect(w, &ms);
  CHECK(DescribeAll(ms, w) == Lines_t{
                                  "i_high [0,28) SPEAKER=Ortiz CLAUSE=talks failed",
                                  "i_low [30,53) SPEAKER=Becker CLAUSE=prices rose",
                                  "i_acc [55,85) SPEAKER=Hill CLAUSE=rates fell ",
                              });
  // The match that starts first wins, even over a higher priority starting later.
  const std::string w2 = "According to Hill, Ortiz said that rates fell.";
  ms.clear();
  set->MatchIndirect(w2, &ms);
  CHECK(DescribeAll(ms, w2) ==
        Lines_t{"i_acc [0,45) SPEAKER=Hill CLAUSE=Ortiz said that rates fell"});
  ms.clear();
  set->MatchIndirect("no speech here.", &ms);
  CHECK(ms.empty());
  // Quote rules never take part in MatchIndirect, nor indirect rules in MatchQuote.
  ms.clear();
  set->MatchQuote(Cat({kQ, " Ortiz said that x"}), &ms);
  CHECK(DescribeAll(ms, Cat({kQ, " Ortiz said that x"})) == Lines_t{"q [0,9) SPEAKER=Ortiz"});
}

TEST_CASE("rules set: an empty path list gives an empty set") {
  std::vector<Diagnostic> diags;
  auto set = RuleSet::Load({}, {}, &diags);
  REQUIRE(set != nullptr);
  CHECK(diags.empty());
  CHECK(set->rules().empty());
  std::vector<RuleMatch> ms;
  set->MatchQuote(kQ, &ms);
  set->MatchIndirect("Ortiz said so.", &ms);
  CHECK(ms.empty());
}

TEST_CASE("rules set: directories load recursively, sorted; a file named twice loads once") {
  std::vector<Diagnostic> diags;
  const std::string pack = DataDir() + "/pack";
  auto set = RuleSet::Load({pack, pack + "/sub/20_quote.rules"}, {}, &diags);
  CHECK(Lines(diags) == Lines_t{});
  REQUIRE(set != nullptr);
  CHECK(set->files() == Lines_t{pack + "/10_macros.rules", pack + "/sub/20_quote.rules",
                                pack + "/sub/deeper/30_indirect.rules"});
  REQUIRE(set->rules().size() == 2);
  CHECK(set->rules()[0].id == "p.q_cue_name");
  CHECK(set->rules()[1].id == "p.i_said");
  // Macros of one file serve every file of the set; the lexicon path is relative to its file.
  const std::string w = Cat({kQ, ", told reporters Tom Becker."});
  std::vector<RuleMatch> ms;
  set->MatchQuote(w, &ms);
  CHECK(DescribeAll(ms, w) == Lines_t{"p.q_cue_name [0,31) SPEAKER=Tom Becker CUE=told reporters"});
  std::vector<Diagnostic> lint;
  set->Lint(&lint);
  CHECK(Lines(lint) == Lines_t{});

  diags.clear();
  auto empty = RuleSet::Load({DataDir() + "/empty_pack"}, {}, &diags);
  REQUIRE(empty != nullptr);  // a warning does not fail the load
  CHECK(Lines(diags) ==
        Lines_t{DataDir() + "/empty_pack: warning: no *.rules files in this directory"});
}

TEST_CASE("rules set: missing rule files and lexicons are errors naming the path") {
  std::vector<Diagnostic> diags;
  const std::string missing = DataDir() + "/missing.rules";
  CHECK(RuleSet::Load({missing, DataDir() + "/basic.rules"}, {}, &diags) == nullptr);
  CHECK(Lines(diags) ==
        Lines_t{missing + ": error: cannot open rule file: No such file or directory"});

  diags.clear();
  CHECK(FromText("define CUE = @lexicon/nope.lst\n"
                 "define CUE2  =  @lexicon/nope.lst\n"
                 "define NONE = @lexicon/empty.lst\n"
                 "rule r prio=1 : {QUOTE} {CUE} {SPEAKER=x}{ROLE=CUE2}{CLAUSE=NONE}\n",
                 &diags) == nullptr);
  const std::string lex = DataDir() + "/lexicon/nope.lst";
  CHECK(Lines(diags) ==
        Lines_t{
            DataDir() + "/mem.rules:1:14: error: cannot open lexicon 'lexicon/nope.lst' (" + lex +
                "): No such file or directory",
            DataDir() + "/mem.rules:2:17: error: cannot open lexicon 'lexicon/nope.lst' (" + lex +
                "): No such file or directory",
            DataDir() + "/mem.rules:3:15: error: lexicon 'lexicon/empty.lst' has no entries",
        });
}

TEST_CASE("rules set: pattern errors with file:line:col") {
  std::vector<Diagnostic> diags;
  const std::string f = DataDir() + "/mem.rules:";
  CHECK(FromText("define NAME = \\p{Lu}\\p{L}+\n"
                 "rule unknown prio=1 : {QUOTE}, said {SPEAKER=NAME} {NOPE}\n"
                 "rule re2 prio=1 :   {QUOTE} {SPEAKER=NAME} a**\n"
                 "rule mem prio=1 : {QUOTE} {SPEAKER=\\p{L}{1000}}\n"
                 "rule repeat prio=1 : {QUOTE} {SPEAKER=(?:a{1000}){1000}}\n"
                 "rule nospeaker prio=1 : {QUOTE}, said {ROLE=NAME}\n"
                 "rule neither prio=1 : {SPEAKER=NAME} said\n"
                 "rule both prio=1 : {SPEAKER=NAME} said {CLAUSE=.+} {QUOTE}\n"
                 "rule reserved prio=1 : {QUOTE} {SPEAKER=NAME}(?P<ROLE>x)\n"
                 "rule twice prio=1 : {QUOTE} {SPEAKER=NAME} {SPEAKER}\n",
                 &diags) == nullptr);
  CHECK(
      Lines(diags) ==
      Lines_t{
          f + "2:52: error: unknown macro or slot NOPE",
          f + "3:21: error: invalid RE2 pattern: bad repetition operator: **",
          f + "4:19: error: pattern exceeds RE2 memory budget (max_mem_per_rule 2097152 bytes)",
          f + "5:22: error: invalid RE2 pattern: invalid repetition size: {1000}",
          f + "6:25: error: rule has no {SPEAKER} slot",
          f + "7:23: error: rule needs {QUOTE} (a quote rule) or {CLAUSE} (an indirect-speech "
              "rule)",
          f + "8:20: error: a rule cannot have both {QUOTE} and {CLAUSE}",
          f + "9:24: error: capture group names QUOTE, SPEAKER, ROLE, CUE and CLAUSE are reserved "
              "for slots",
          f + "10:44: error: slot SPEAKER used more than once",
      });

  // The memory budget is an option.
  diags.clear();
  LoadOptions small;
  small.max_mem_per_rule = 64 << 10;
  CHECK(FromText("rule r prio=1 : {QUOTE} {SPEAKER=.{1000}}\n", &diags, small) == nullptr);
  CHECK(
      Lines(diags) ==
      Lines_t{f + "1:17: error: pattern exceeds RE2 memory budget (max_mem_per_rule 65536 bytes)"});
  diags.clear();
  CHECK(FromText("rule r prio=1 : {QUOTE} {SPEAKER=.{1000}}\n", &diags) != nullptr);
  CHECK(diags.empty());
}

TEST_CASE("rules set: macro errors are reported once, at their define") {
  std::vector<Diagnostic> diags;
  const std::string f = DataDir() + "/mem.rules:";
  CHECK(FromText("define A = x{B}\n"
                 "define B = y|{A}\n"
                 "define SELF = a{SELF}\n"
                 "define BAD = a**\n"
                 "define HUGE = \\p{L}{1000}\n"
                 "define USES_BAD = ({BAD})\n"
                 "define ODD = {UNKNOWN} {QUOTE}\n"
                 "define A = again\n"
                 "rule r1 prio=1 : {QUOTE} {SPEAKER=A} {ROLE=SELF}\n"
                 "rule r2 prio=1 : {QUOTE} {SPEAKER=USES_BAD} {CUE=HUGE}\n",
                 &diags) == nullptr);
  CHECK(
      Lines(diags) ==
      Lines_t{
          f + "2:14: error: macro cycle: A -> B -> A",
          f + "3:16: error: macro cycle: SELF -> SELF",
          f + "4:14: error: invalid RE2 in macro BAD: bad repetition operator: **",
          f + "5:15: error: macro HUGE: pattern exceeds RE2 memory budget (max_mem 2097152 bytes)",
          f + "7:14: error: unknown macro or slot UNKNOWN",
          f + "7:24: error: {QUOTE} is only allowed in rule patterns",
          f + "8:8: error: macro A is already defined at line 1",
      });
}

TEST_CASE("rules set: a later file's define replaces an earlier one everywhere") {
  std::vector<Diagnostic> diags;
  auto set = RuleSet::LoadFromStrings({{"pack.rules",
                                        "define NAME = [a-z]+\n"
                                        "define OLD_ONLY = x\n"
                                        "rule r prio=1 : {QUOTE} said {SPEAKER=NAME}\n"
                                        "  + “x” said Ortiz\n"},
                                       {"house.rules", "define NAME = \\p{Lu}\\p{L}+\n"}},
                                      {}, &diags);
  CHECK(Lines(diags) == Lines_t{});
  REQUIRE(set != nullptr);
  const std::string w = Cat({kQ, " said Ortiz"});
  REQUIRE(set->MatchRule(set->rules()[0], w).has_value());
  CHECK(set->MatchRule(set->rules()[0], w)->SlotText(w, Slot::kSpeaker) == "Ortiz");
  CHECK_FALSE(set->MatchRule(set->rules()[0], Cat({kQ, " said ortiz"})).has_value());
  std::vector<Diagnostic> lint;
  set->Lint(&lint);
  // The shadowed NAME of pack.rules is not "unused"; OLD_ONLY is.
  CHECK(Lines(lint) == Lines_t{"pack.rules:2:8: warning: macro OLD_ONLY is not used by any rule"});
}

TEST_CASE("rules set: every error of every file in one load, in file order") {
  std::vector<Diagnostic> diags;
  auto set = RuleSet::LoadFromStrings({{"b.rules",
                                        "rule late prio=1 : {QUOTE} {SPEAKER=NOPE}\n"
                                        "bogus line\n"
                                        "rule ok prio=1 : {QUOTE} {SPEAKER=x}\n"},
                                       {"a.rules", "define X = (\nrule r prio=200 : x\n"}},
                                      {}, &diags);
  CHECK(set == nullptr);
  CHECK(
      Lines(diags) ==
      Lines_t{
          "b.rules:1:37: error: unknown macro NOPE",
          "b.rules:2:1: error: expected 'rule', 'define', an example line (+ or -) or a # comment",
          "a.rules:1:12: error: invalid RE2 in macro X: missing ): (",
          "a.rules:2:13: error: prio must be an integer from 0 to 100 (got '200')",
      });
}

TEST_CASE("rules lint: missing examples, duplicate ids, unused macros, unknown example slots") {
  std::vector<Diagnostic> diags;
  auto set = RuleSet::LoadFromStrings({{"one.rules",
                                        "define SPEAKER = \\p{Lu}\\p{L}+\n"
                                        "define CUE = said\n"
                                        "define LEAF = x\n"
                                        "define MID = {LEAF}y\n"
                                        "define UNUSED = {DEAD}\n"
                                        "define DEAD = z\n"
                                        "rule a prio=50 : {QUOTE}, {CUE} {SPEAKER=MID}\n"
                                        "  - “x,” said xy\n"
                                        "rule b prio=50 : {QUOTE}, said {SPEAKER}\n"
                                        "  + “x,” said Ann  => SPEAKER=\"Ann\" ROLE=\"none\"\n"
                                        "  + “x,” said Ann  => CLAUSE=\"no\"\n"},
                                       {"two.rules",
                                        "rule a prio=10 : {SPEAKER} said {CLAUSE=.+}\n"
                                        "  + Ann said yes  => CLAUSE=\"yes\"\n"}},
                                      {}, &diags);
  CHECK(Lines(diags) == Lines_t{});
  REQUIRE(set != nullptr);
  std::vector<Diagnostic> lint;
  set->Lint(&lint);
  CHECK(Lines(lint) ==
        Lines_t{
            "one.rules:5:8: warning: macro UNUSED is not used by any rule",
            "one.rules:6:8: warning: macro DEAD is not used by any rule",
            "one.rules:7:6: warning: rule a has no '+' example",
            "one.rules:10:3: error: example expects slot ROLE but rule b has no {ROLE} slot",
            "one.rules:11:3: error: example expects slot CLAUSE but rule b has no {CLAUSE} slot",
            "two.rules:1:6: error: duplicate rule id a (first defined at one.rules:7)",
        });
  CHECK(HasErrors(lint));
}

TEST_CASE("rules diagnostics: formatting") {
  CHECK(Diagnostic::Error("a.rules", 3, 7, "bad").ToString() == "a.rules:3:7: error: bad");
  CHECK(Diagnostic::Warning("a.rules", 3, 7, "meh").ToString() == "a.rules:3:7: warning: meh");
  CHECK(Diagnostic::Error("a.rules", 0, 0, "gone").ToString() == "a.rules: error: gone");
  CHECK(Diagnostic::Warning("", 0, 0, "slow").ToString() == "warning: slow");
  CHECK(ColumnAt("“é” x", 0) == 1);
  CHECK(ColumnAt("“é” x", 3) == 2);
  CHECK(ColumnAt("“é” x", 9) == 5);
  CHECK_FALSE(HasErrors({Diagnostic::Warning("", 0, 0, "w")}));
  CHECK(HasErrors({Diagnostic::Warning("", 0, 0, "w"), Diagnostic::Error("", 0, 0, "e")}));
  CHECK(SlotName(Slot::kClause) == "CLAUSE");
  CHECK(SlotFromName("ROLE") == Slot::kRole);
  CHECK_FALSE(SlotFromName("role").has_value());
}

}  // namespace
}  // namespace whosaid::rules
