// The store's pure helpers: quote normalization, publication days, SHA-256, and the
// search-box → FTS5 query translation.
#include <doctest/doctest.h>

#include "whosaid/store/fts_query.h"
#include "whosaid/store/normalize.h"
#include "whosaid/store/sha256.h"

namespace whosaid::store {

TEST_CASE("store: NormalizeQuote folds case, marks and punctuation") {
  CHECK(NormalizeQuote("We lost,") == "we lost");
  CHECK(NormalizeQuote("  we   LOST. ") == "we lost");
  CHECK(NormalizeQuote("Canada\u2019s fish") == NormalizeQuote("Canada's fish"));
  CHECK(NormalizeQuote("Canada's fish") == "canadas fish");
  CHECK(NormalizeQuote("The U.S. (Texas) \u2014 now!") == "the u s texas now");
  CHECK(NormalizeQuote("Stra\u00DFe") == "strasse");                   // case folding, not lower
  CHECK(NormalizeQuote("caf\u00E9") == NormalizeQuote("cafe\u0301"));  // NFKC
  CHECK(NormalizeQuote("\uFB01ve") == "five");                         // compatibility ligature
  CHECK(NormalizeQuote("...") == "");
  CHECK(NormalizeQuote("") == "");
}

TEST_CASE("store: NormalizeName folds white space only") {
  CHECK(NormalizeName("  Ana \t Ruiz ") == "Ana Ruiz");
  CHECK(NormalizeName("") == "");
}

TEST_CASE("store: PublishedDay reads ISO dates and date-times") {
  CHECK(PublishedDay("2016-03-01") == "2016-03-01");
  CHECK(PublishedDay("2016-03-01T09:30:00Z") == "2016-03-01");
  CHECK(PublishedDay("2016-03-01 09:30") == "2016-03-01");
  CHECK(PublishedDay("2016/03/01") == "2016-03-01");
  CHECK(PublishedDay("2016-13-01") == std::nullopt);
  CHECK(PublishedDay("2016-03-011") == std::nullopt);
  CHECK(PublishedDay("Tue, 01 Mar 2016 09:30:00 GMT") == std::nullopt);
  CHECK(PublishedDay("") == std::nullopt);
}

TEST_CASE("store: SHA-256 test vectors") {
  CHECK(Sha256Hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // 56 bytes: the padding needs a second block.
  CHECK(Sha256Hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  CHECK(Sha256Hex(std::string(1000, 'a')) ==
        "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
}

TEST_CASE("store: BuildFtsQuery quotes every token") {
  CHECK(BuildFtsQuery("trade talks") == "\"trade\" \"talks\"");
  CHECK(BuildFtsQuery("\"trade talks\"") == "\"trade talks\"");
  CHECK(BuildFtsQuery("\u201Ctrade talks\u201D now") == "\"trade talks\" \"now\"");
  CHECK(BuildFtsQuery("negotiat*") == "\"negotiat\"*");
  CHECK(BuildFtsQuery("\"ready to\"*") == "\"ready to\"*");
  CHECK(BuildFtsQuery("U.S. (R-Texas) OR") == "\"U.S.\" \"(R-Texas)\" \"OR\"");
  CHECK(BuildFtsQuery("NEAR(a b)") == "\"NEAR(a\" \"b)\"");
  CHECK(BuildFtsQuery("\"unclosed phrase") == "\"unclosed phrase\"");
  CHECK(BuildFtsQuery("don\"t") == "\"don\" \"t\"");
  CHECK(BuildFtsQuery("\u2014 * () \"\" ") == "");
  CHECK(BuildFtsQuery("") == "");
  CHECK(BuildFtsQuery("caf\u00E9") == "\"caf\u00E9\"");
}

}  // namespace whosaid::store
