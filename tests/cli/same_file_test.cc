#include "cli/same_file.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace whosaid::cli {
namespace {

namespace fs = std::filesystem;

struct TempDir {
  fs::path path;
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "whosaid-same-file-XXXXXX").string();
    path = ::mkdtemp(tmpl.data());
  }
  ~TempDir() { fs::remove_all(path); }
};

TEST_CASE("same file: the output is found among the inputs by inode and by path") {
  TempDir dir;
  const fs::path story = dir.path / "story.txt";
  std::ofstream(story) << "text";
  fs::create_symlink(story, dir.path / "link.txt");
  fs::create_hard_link(story, dir.path / "hard.txt");
  const std::string s = story.string();

  CHECK(InputThatIsOutput({"-", s}, s) == s);
  CHECK(InputThatIsOutput({(dir.path / "link.txt").string()}, s));
  CHECK(InputThatIsOutput({s}, (dir.path / "hard.txt").string()));
  CHECK(InputThatIsOutput({(dir.path / "." / "story.txt").string()}, s));
  // An output that does not exist yet: the same canonical path.
  const std::string fresh = (dir.path / "new.txt").string();
  CHECK(InputThatIsOutput({(dir.path / "x" / ".." / "new.txt").string()}, fresh));

  CHECK_FALSE(InputThatIsOutput({s}, ""));  // stdout
  CHECK_FALSE(InputThatIsOutput({"-"}, s));
  CHECK_FALSE(InputThatIsOutput({s}, fresh));
  std::ofstream(dir.path / "other.txt") << "other";
  CHECK_FALSE(InputThatIsOutput({s}, (dir.path / "other.txt").string()));
}

}  // namespace
}  // namespace whosaid::cli
