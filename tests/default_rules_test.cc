// Where the built-in rule pack is looked up (src/whosaid/default_rules.h), on a fake
// install prefix and build tree made in a temporary directory.
#include "whosaid/default_rules.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <string>

namespace whosaid {
namespace {
namespace fs = std::filesystem;

// <tmp>/prefix/{bin,share/whosaid/rules/en}, <tmp>/src/rules/en and <tmp>/build.
struct Tree {
  fs::path root;
  Tree() {
    root = fs::temp_directory_path() / ("whosaid_default_rules_" + std::to_string(::getpid()));
    fs::remove_all(root);
    for (const char* d : {"prefix/bin", "prefix/share/whosaid/rules/en", "src/rules/en",
                          "build/tests", "elsewhere/bin"}) {
      fs::create_directories(root / d);
    }
  }
  ~Tree() { fs::remove_all(root); }
  std::string operator()(const std::string& rel) const { return (root / rel).string(); }

  RulesSearchInputs Inputs(const std::string& program) const {
    RulesSearchInputs in;
    in.program = program.empty() ? "" : (*this)(program);
    in.relative_to_program = "../share/whosaid/rules/en";
    in.build_dir = (*this)("build");
    in.source_rules = (*this)("src/rules/en");
    in.installed = (*this)("prefix/share/whosaid/rules/en");
    return in;
  }
};

TEST_CASE("an installed program finds the pack next to it, even with a source tree") {
  Tree t;
  auto dir = FindDefaultRulesDir(t.Inputs("prefix/bin/whosaid"));
  REQUIRE(dir.ok());
  CHECK(*dir == t("prefix/share/whosaid/rules/en"));
}

TEST_CASE("a moved prefix is found relative to the program, not where it was configured") {
  Tree t;
  fs::rename(t("prefix"), t("moved"));
  auto dir = FindDefaultRulesDir(t.Inputs("moved/bin/whosaid"));
  REQUIRE(dir.ok());
  CHECK(*dir == t("moved/share/whosaid/rules/en"));
}

TEST_CASE("a program of the build tree uses the source tree's pack, not an installed one") {
  Tree t;
  for (const char* program : {"build/whosaid", "build/tests/whosaid_tests"}) {
    auto dir = FindDefaultRulesDir(t.Inputs(program));
    REQUIRE(dir.ok());
    CHECK(*dir == t("src/rules/en"));
  }
}

TEST_CASE("another program linking the installed library uses the configured prefix") {
  Tree t;
  auto dir = FindDefaultRulesDir(t.Inputs("elsewhere/bin/app"));
  REQUIRE(dir.ok());
  CHECK(*dir == t("prefix/share/whosaid/rules/en"));
}

TEST_CASE("WHOSAID_RULES_DIR wins over the search; the explicit option over both") {
  Tree t;
  RulesSearchInputs in = t.Inputs("prefix/bin/whosaid");
  in.env = t("src/rules/en");
  auto dir = FindDefaultRulesDir(in);
  REQUIRE(dir.ok());
  CHECK(*dir == t("src/rules/en"));
  in.explicit_dir = t("prefix/share/whosaid/rules/en");
  dir = FindDefaultRulesDir(in);
  REQUIRE(dir.ok());
  CHECK(*dir == t("prefix/share/whosaid/rules/en"));
  in.explicit_dir.clear();
  in.env = "";  // set but empty: as if unset
  dir = FindDefaultRulesDir(in);
  REQUIRE(dir.ok());
  CHECK(*dir == t("prefix/share/whosaid/rules/en"));
}

TEST_CASE("a wrong WHOSAID_RULES_DIR is an error naming it, not a fall-back") {
  Tree t;
  RulesSearchInputs in = t.Inputs("prefix/bin/whosaid");
  in.env = t("no/such/dir");
  auto dir = FindDefaultRulesDir(in);
  REQUIRE_FALSE(dir.ok());
  CHECK(dir.status().code() == StatusCode::kInvalidArgument);
  CHECK(dir.status().message().find("WHOSAID_RULES_DIR=" + t("no/such/dir")) != std::string::npos);
}

TEST_CASE("no pack anywhere: the error names every place searched") {
  Tree t;
  fs::remove_all(t("prefix/share"));
  fs::remove_all(t("src/rules"));
  auto dir = FindDefaultRulesDir(t.Inputs("build/whosaid"));
  REQUIRE_FALSE(dir.ok());
  const std::string& m = dir.status().message();
  CHECK(m.find(t("share/whosaid/rules/en")) != std::string::npos);  // <build>/../share/…
  CHECK(m.find(t("src/rules/en")) != std::string::npos);
  CHECK(m.find(t("prefix/share/whosaid/rules/en")) != std::string::npos);
  CHECK(m.find("WHOSAID_RULES_DIR") != std::string::npos);
}

TEST_CASE("an unknown program path still finds the configured prefix") {
  Tree t;
  auto dir = FindDefaultRulesDir(t.Inputs(""));
  REQUIRE(dir.ok());
  CHECK(*dir == t("prefix/share/whosaid/rules/en"));
}

TEST_CASE("this process: a test binary of the build tree finds the source tree's pack") {
  RulesSearchInputs in = CurrentRulesSearchInputs();
  in.env.reset();
  auto dir = FindDefaultRulesDir(in);
  REQUIRE(dir.ok());
  CHECK(fs::equivalent(*dir, fs::path(WHOSAID_SOURCE_DIR) / "rules/en"));
}

}  // namespace
}  // namespace whosaid
