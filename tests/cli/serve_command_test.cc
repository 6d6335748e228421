#include "cli/serve_command.h"

#include <doctest/doctest.h>

namespace whosaid::cli {

TEST_CASE("--max-body sizes") {
  CHECK(*ParseByteSize("16MB") == size_t{16} << 20);
  CHECK(*ParseByteSize("512kb") == size_t{512} << 10);
  CHECK(*ParseByteSize("1GiB") == size_t{1} << 30);
  CHECK(*ParseByteSize("1000") == 1000);
  CHECK(*ParseByteSize("64K") == 65536);
  CHECK_FALSE(ParseByteSize("").has_value());
  CHECK_FALSE(ParseByteSize("MB").has_value());
  CHECK_FALSE(ParseByteSize("12 MB").has_value());
  CHECK_FALSE(ParseByteSize("1TB").has_value());
  CHECK_FALSE(ParseByteSize("99999999999999999999").has_value());
}

}  // namespace whosaid::cli
