// SHA-256 (FIPS 180-4) of a byte string, as 64 lowercase hex digits: the content hash that
// tells whether a re-ingested story changed. Written here because the project takes no
// crypto dependency for one hash.
#pragma once

#include <string>
#include <string_view>

namespace whosaid::store {

std::string Sha256Hex(std::string_view bytes);

}  // namespace whosaid::store
