#include "whosaid/lexicon/manifest.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include "whosaid/entities/word_list.h"

namespace whosaid::lexicon {
namespace {

struct TempDir {
  TempDir() {
    path = std::filesystem::temp_directory_path() /
           ("whosaid-manifest-" + std::to_string(reinterpret_cast<uintptr_t>(this)));
    std::filesystem::remove_all(path);
    std::filesystem::create_directories(path);
  }
  ~TempDir() { std::filesystem::remove_all(path); }
  void Write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
  }
  std::filesystem::path path;
};

}  // namespace

TEST_CASE("manifest: lists, several files, comments; malformed lines named") {
  std::vector<rules::Diagnostic> d;
  const auto lists =
      ParseManifest("m", "# c\nhonorifics = a.lst  b.lst\n\nBad Name = x\nempty =\n", &d);
  REQUIRE(lists.size() == 1);
  CHECK(lists[0].name == "honorifics");
  CHECK(lists[0].files == std::vector<std::string>{"a.lst", "b.lst"});
  CHECK(lists[0].line == 2);
  REQUIRE(d.size() == 2);
  CHECK(d[0].ToString().rfind("m:4:1: error: expected 'NAME = FILE...'", 0) == 0);
  CHECK(d[1].ToString() == "m:5:8: error: list 'empty' names no file");
}

TEST_CASE("manifest: a house pack declares its lists and lists of its own") {
  TempDir dir;
  dir.Write("lexicon.manifest",
            "honorifics = titles.lst house_titles.lst\nhouse_words = words.lst\n");
  dir.Write("titles.lst", "Sen.\n");
  dir.Write("house_titles.lst", "Elder\n");
  dir.Write("words.lst", "presser\n");
  dir.Write("particles.lst", "de\n");  // not in the manifest: not read
  std::vector<rules::Diagnostic> d;
  auto lex = entities::Lexicons::Load(dir.path.string(), &d);
  REQUIRE(lex.ok());
  CHECK(d.empty());
  CHECK(lex->honorifics.contains("Elder"));
  CHECK(lex->honorifics.contains("Sen."));
  CHECK_FALSE(lex->particles.contains("de"));
  const auto house = lex->table->FindList("house_words");
  REQUIRE(house.has_value());
  CHECK(lex->table->Contains(*house, "presser"));
}

TEST_CASE("manifest: a file it names that is missing is an error at its line") {
  TempDir dir;
  dir.Write("lexicon.manifest", "# lists\nhonorifics = titles.lst gone.lst\n");
  dir.Write("titles.lst", "Sen.\n");
  std::vector<rules::Diagnostic> d;
  auto lex = entities::Lexicons::Load(dir.path.string(), &d);
  CHECK_FALSE(lex.ok());
  REQUIRE(d.size() == 1);
  CHECK(d[0].line == 2);
  CHECK(d[0].col == 14);
  CHECK(d[0].message.find("cannot read 'gone.lst' of list 'honorifics'") != std::string::npos);
}

TEST_CASE("manifest: a lexicon without one is read with the English pack's file names") {
  TempDir dir;
  dir.Write("titles.lst", "Elder\n");
  dir.Write("particles.lst", "de\n");
  auto lex = entities::Lexicons::Load(dir.path.string());
  REQUIRE(lex.ok());
  CHECK(lex->honorifics.contains("Elder"));
  CHECK(lex->particles.contains("de"));
  CHECK(lex->not_names.size() == 0);  // its file is missing: the list is empty
}

TEST_CASE("manifest: the English pack's manifest declares every list file it has") {
  const std::string dir = std::string(WHOSAID_SOURCE_DIR) + "/rules/en/lexicon";
  std::ifstream in(dir + "/lexicon.manifest");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::vector<rules::Diagnostic> d;
  std::set<std::string> named;
  for (const ManifestList& l : ParseManifest("m", text, &d))
    named.insert(l.files.begin(), l.files.end());
  CHECK(d.empty());
  for (const auto& e : std::filesystem::directory_iterator(dir)) {
    if (e.path().extension() != ".lst") continue;
    INFO(e.path().filename().string());
    CHECK(named.count(e.path().filename().string()) == 1);
  }
}

}  // namespace whosaid::lexicon
