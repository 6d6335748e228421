#include "whosaid/text/possessive.h"

namespace whosaid::text {
namespace {

bool EndsAfterSomething(std::string_view w, std::string_view tail) {
  return w.size() > tail.size() && w.substr(w.size() - tail.size()) == tail;
}

}  // namespace

bool HasPossessiveS(std::string_view w) {
  return EndsAfterSomething(w, "\xE2\x80\x99s") || EndsAfterSomething(w, "'s");
}

bool IsPossessiveWord(std::string_view w) {
  return HasPossessiveS(w) || EndsAfterSomething(w, "s\xE2\x80\x99") || EndsAfterSomething(w, "s'");
}

}  // namespace whosaid::text
