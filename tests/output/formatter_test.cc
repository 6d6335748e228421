#include "whosaid/output/formatter.h"

#include <doctest/doctest.h>

#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "whosaid/record.h"
#include "whosaid/text/document.h"

namespace whosaid::output {
namespace {

using nlohmann::json;

// Decodes valid UTF-8 into code points (the test's own decoder, independent of the library).
std::u32string ToU32(std::string_view s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out.push_back(cp);
    i += len;
  }
  return out;
}

// A small RFC 4180 parser: rows of fields, CRLF terminated; quoted fields may hold anything.
std::vector<std::vector<std::string>> ParseCsv(std::string_view s) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  size_t i = 0;
  bool at_field_start = true;
  while (i < s.size()) {
    const char c = s[i];
    if (at_field_start && c == '"') {
      ++i;
      while (true) {
        if (i >= s.size()) FAIL("unterminated quoted field");
        if (s[i] == '"') {
          if (i + 1 < s.size() && s[i + 1] == '"') {
            field.push_back('"');
            i += 2;
          } else {
            ++i;
            break;
          }
        } else {
          field.push_back(s[i++]);
        }
      }
      at_field_start = false;
      // After a closing quote only a separator or the record end may follow.
      if (i >= s.size() || (s[i] != ',' && s[i] != '\r')) FAIL("junk after a quoted field");
      continue;
    }
    if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      at_field_start = true;
      ++i;
    } else if (c == '\r') {
      if (i + 1 >= s.size() || s[i + 1] != '\n') FAIL("CR without LF");
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
      at_field_start = true;
      i += 2;
    } else {
      if (c == '\n') FAIL("bare LF outside quotes");
      if (c == '"') FAIL("double quote inside an unquoted field");
      field.push_back(c);
      at_field_start = false;
      ++i;
    }
  }
  REQUIRE(row.empty());  // the last record is terminated
  REQUIRE(field.empty());
  return rows;
}

std::vector<std::string> SplitLines(const std::string& s) {
  std::vector<std::string> lines;
  size_t pos = 0;
  while (pos < s.size()) {
    const size_t nl = s.find('\n', pos);
    REQUIRE(nl != std::string::npos);  // every line ends with "\n"
    lines.push_back(s.substr(pos, nl - pos));
    pos = nl + 1;
  }
  return lines;
}

// The text under test: accents, CJK, an emoji (4-byte UTF-8, a surrogate pair in UTF-16),
// a quote with a newline and a double quote inside it, commas.
const std::string kText =
    "Prime Minister Ana Ru\xC3\xADz said: \xE2\x80\x9CWe will not yield, ever.\xE2\x80\x9D\n"
    "\xE2\x80\x9C\xE6\x9D\xB1\xE4\xBA\xAC is calm \xF0\x9F\x98\x80,\xE2\x80\x9D "
    "added M\xC3\xBCller.\n"
    "A note read \xE2\x80\x9C"
    "first line\nsecond \"line\", end\xE2\x80\x9D and nobody signed it.";

text::ByteSpan Find(const std::string& hay, const std::string& needle) {
  const size_t at = hay.find(needle);
  REQUIRE(at != std::string::npos);
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + needle.size())};
}

struct Fixture {
  text::Document doc;
  ExtractResult result;
  std::vector<std::string> quote_texts;
};

Fixture MakeFixture() {
  auto doc = text::Document::FromBytes("story/1.txt", kText);
  REQUIRE(doc.ok());
  Fixture f{std::move(doc).value(), {}, {}};

  const std::string q1 = "We will not yield, ever.";
  const std::string q2 = "\xE6\x9D\xB1\xE4\xBA\xAC is calm \xF0\x9F\x98\x80,";
  const std::string q3 = "first line\nsecond \"line\", end";
  f.quote_texts = {q1, q2, q3};

  QuoteRecord r1;
  r1.span.content = Find(kText, q1);
  r1.span.type = quotes::QuoteType::kDirect;
  r1.attribution.speaker = "Ana Ru\xC3\xADz";
  r1.attribution.mention = "Prime Minister Ana Ru\xC3\xADz";
  r1.attribution.mention_span = Find(kText, "Prime Minister Ana Ru\xC3\xADz");
  r1.attribution.role = "Prime Minister";
  r1.attribution.cue = "said";
  r1.attribution.rule = "en.q_name_cue_colon";
  r1.attribution.confidence = 0.95;
  r1.attribution.slots = {{"SPEAKER", "Ana Ru\xC3\xADz"}, {"CUE", "said"}};

  QuoteRecord r2;
  r2.span.content = Find(kText, q2);
  r2.span.type = quotes::QuoteType::kPartial;
  r2.attribution.speaker = "M\xC3\xBCller";
  r2.attribution.mention = "M\xC3\xBCller";
  r2.attribution.mention_span = Find(kText, "M\xC3\xBCller");
  r2.attribution.cue = "added";
  r2.attribution.rule = "sieve.same_sentence";
  r2.attribution.confidence = 2.0 / 3.0;
  r2.span.multi_paragraph = true;

  QuoteRecord r3;  // unattributed: every optional missing
  r3.span.content = Find(kText, q3);
  r3.span.type = quotes::QuoteType::kIndirect;
  r3.span.unclosed = true;
  r3.attribution.confidence = 0.0;

  f.result.quotes = {r1, r2, r3};
  f.result.speakers = {
      {"Ana Ru\xC3\xADz", std::string("Prime Minister"), {"Prime Minister Ana Ru\xC3\xADz"}, 1},
      {"M\xC3\xBCller", std::nullopt, {"M\xC3\xBCller", "he"}, 1},
  };
  return f;
}

// Checks one parsed record against the fixture's quote `i`.
void CheckRecord(const json& r, const Fixture& f, size_t i, bool expect_meta) {
  const std::u32string text32 = ToU32(kText);
  const QuoteRecord& q = f.result.quotes[i];
  CHECK(r.at("doc") == "story/1.txt");
  CHECK(r.at("quote") == f.quote_texts[i]);
  const size_t start = r.at("start").get<size_t>();
  const size_t end = r.at("end").get<size_t>();
  REQUIRE(start <= end);
  REQUIRE(end <= text32.size());
  // Python's text[start:end] == quote.
  CHECK(text32.substr(start, end - start) == ToU32(f.quote_texts[i]));
  CHECK(r.at("byte_start") == q.span.content.begin);
  CHECK(r.at("byte_end") == q.span.content.end);
  CHECK(kText.substr(q.span.content.begin, q.span.content.size()) == f.quote_texts[i]);

  static const char* kTypes[] = {"direct", "partial", "indirect"};
  CHECK(r.at("type") == kTypes[i]);

  const Attribution& a = q.attribution;
  auto check_opt = [&](const char* key, const std::optional<std::string>& v) {
    INFO(key);
    if (v) {
      CHECK(r.at(key) == *v);
    } else {
      CHECK(r.at(key).is_null());
    }
  };
  check_opt("speaker", a.speaker);
  check_opt("mention", a.mention);
  check_opt("role", a.role);
  check_opt("cue", a.cue);
  if (a.mention_span) {
    const size_t ms = r.at("speaker_start").get<size_t>();
    const size_t me = r.at("speaker_end").get<size_t>();
    REQUIRE(ms <= me);
    REQUIRE(me <= text32.size());
    CHECK(text32.substr(ms, me - ms) == ToU32(*a.mention));
  } else {
    CHECK(r.at("speaker_start").is_null());
    CHECK(r.at("speaker_end").is_null());
  }
  if (a.rule.empty()) {
    CHECK(r.at("rule").is_null());
  } else {
    CHECK(r.at("rule") == a.rule);
  }
  CHECK(r.at("confidence").is_number());
  CHECK(r.at("confidence").get<double>() == doctest::Approx(a.confidence).epsilon(0.001));
  CHECK(r.at("unclosed") == q.span.unclosed);
  CHECK(r.at("multi_paragraph") == q.span.multi_paragraph);
  CHECK(r.contains("meta") == expect_meta);
}

const std::vector<std::string> kJsonKeyOrder = {
    "doc",  "quote",   "start",      "end",           "byte_start",     "byte_end",
    "type", "speaker", "mention",    "speaker_start", "speaker_end",    "role",
    "cue",  "rule",    "confidence", "unclosed",      "multi_paragraph"};

// The keys of a JSON object line in the order they are written.
std::vector<std::string> KeysInOrder(const std::string& line) {
  std::vector<std::string> keys;
  nlohmann::json::parser_callback_t cb = [&](int depth, json::parse_event_t event, json& parsed) {
    if (depth == 1 && event == json::parse_event_t::key) keys.push_back(parsed.get<std::string>());
    return true;
  };
  const json parsed = json::parse(line, cb);
  CHECK(parsed.is_object());
  return keys;
}

}  // namespace

TEST_CASE("format: ParseFormat accepts jsonl, json, csv and names them on error") {
  CHECK(ParseFormat("jsonl").value() == Format::kJsonl);
  CHECK(ParseFormat("json").value() == Format::kJson);
  CHECK(ParseFormat("csv").value() == Format::kCsv);
  auto bad = ParseFormat("xml");
  REQUIRE_FALSE(bad.ok());
  CHECK(bad.status().code() == StatusCode::kInvalidArgument);
  CHECK(bad.status().message().find("xml") != std::string::npos);
  CHECK(bad.status().message().find("jsonl") != std::string::npos);
  CHECK(bad.status().message().find("csv") != std::string::npos);
  CHECK_FALSE(ParseFormat("").ok());
  CHECK_FALSE(ParseFormat("JSONL ").ok());
}

TEST_CASE("format: jsonl writes one parsable line per quote with every field") {
  const Fixture f = MakeFixture();
  auto fmt = Formatter::Create(Format::kJsonl);
  CHECK(fmt->Header().empty());
  CHECK(fmt->Footer().empty());
  const std::string out = fmt->FormatDocument(f.doc, nullptr, f.result, true);
  CHECK(out.back() == '\n');
  const auto lines = SplitLines(out);
  REQUIRE(lines.size() == 3);
  for (size_t i = 0; i < lines.size(); ++i) {
    INFO("line " << i << ": " << lines[i]);
    // A raw newline inside a quote must be escaped: each record is exactly one line.
    CHECK(lines[i].find('\r') == std::string::npos);
    const json r = json::parse(lines[i]);
    CHECK(KeysInOrder(lines[i]) == kJsonKeyOrder);
    CheckRecord(r, f, i, false);
    CHECK_FALSE(r.contains("explain"));
  }
  // Exact values for the first record.
  const json r0 = json::parse(lines[0]);
  CHECK(r0.at("start") == 31);
  CHECK(r0.at("end") == 55);
  CHECK(r0.at("speaker_start") == 0);
  CHECK(r0.at("speaker_end") == 23);
  CHECK(r0.at("confidence") == 0.95);
  // Confidence is written with at most three decimals.
  CHECK(lines[1].find("\"confidence\":0.667,") != std::string::npos);
  CHECK(lines[2].find("\"confidence\":0,") != std::string::npos);
  // The quote with a newline and a double quote inside it.
  CHECK(lines[2].find(R"("quote":"first line\nsecond \"line\", end")") != std::string::npos);
  // UTF-8 is kept as is, not \u-escaped.
  CHECK(lines[1].find("\xF0\x9F\x98\x80") != std::string::npos);
}

TEST_CASE("format: jsonl with explain adds rule and slots in order, before meta") {
  const Fixture f = MakeFixture();
  auto fmt = Formatter::Create(Format::kJsonl, FormatterOptions{.explain = true});
  const json meta = {{"source", "wire"}, {"tags", {"a", "b"}}};
  const auto lines = SplitLines(fmt->FormatDocument(f.doc, &meta, f.result, true));
  REQUIRE(lines.size() == 3);
  for (size_t i = 0; i < 3; ++i) {
    const json r = json::parse(lines[i]);
    CheckRecord(r, f, i, true);
    CHECK(r.at("meta") == meta);
    auto keys = KeysInOrder(lines[i]);
    REQUIRE(keys.size() == kJsonKeyOrder.size() + 2);
    CHECK(keys[keys.size() - 2] == "explain");
    CHECK(keys.back() == "meta");
  }
  const json e0 = json::parse(lines[0]).at("explain");
  CHECK(e0.at("rule") == "en.q_name_cue_colon");
  CHECK(lines[0].find(R"("slots":{"SPEAKER":"Ana Ru)") != std::string::npos);
  CHECK(e0.at("slots").at("SPEAKER") == "Ana Ru\xC3\xADz");
  CHECK(e0.at("slots").at("CUE") == "said");
  const json e2 = json::parse(lines[2]).at("explain");
  CHECK(e2.at("rule").is_null());
  CHECK(e2.at("slots") == json::object());
}

TEST_CASE("format: meta is left out when null or an empty object") {
  const Fixture f = MakeFixture();
  auto fmt = Formatter::Create(Format::kJsonl);
  const json null_meta;
  const json empty = json::object();
  for (const json* m : {static_cast<const json*>(nullptr), &null_meta, &empty}) {
    for (const auto& line : SplitLines(fmt->FormatDocument(f.doc, m, f.result, true))) {
      CHECK_FALSE(json::parse(line).contains("meta"));
    }
  }
}

TEST_CASE("format: jsonl escapes control characters and line separators") {
  // A tab, a form feed, U+0001, U+2028, a backslash inside the quote.
  const std::string text =
      "\xE2\x80\x9C"
      "a\tb\x0C"
      "c\x01"
      "d\xE2\x80\xA8"
      "e\\f\xE2\x80\x9D";
  auto doc = text::Document::FromBytes("ctl \"id\"", text);
  REQUIRE(doc.ok());
  ExtractResult result;
  QuoteRecord r;
  r.span.content = {3, static_cast<uint32_t>(text.size() - 3)};
  result.quotes.push_back(r);
  const std::string out =
      Formatter::Create(Format::kJsonl)->FormatDocument(*doc, nullptr, result, true);
  CHECK(out ==
        "{\"doc\":\"ctl \\\"id\\\"\",\"quote\":\"a\\tb\\fc\\u0001d\\u2028e\\\\f\","
        "\"start\":1,\"end\":12,\"byte_start\":3,\"byte_end\":16,\"type\":\"direct\","
        "\"speaker\":null,\"mention\":null,\"speaker_start\":null,\"speaker_end\":null,"
        "\"role\":null,\"cue\":null,\"rule\":null,\"confidence\":0,\"unclosed\":false,"
        "\"multi_paragraph\":false}\n");
  const json parsed = json::parse(out);
  CHECK(parsed.at("quote") == text.substr(3, text.size() - 6));
}

TEST_CASE("format: jsonl of a document without quotes is empty") {
  const Fixture f = MakeFixture();
  CHECK(Formatter::Create(Format::kJsonl)->FormatDocument(f.doc, nullptr, {}, true).empty());
  CHECK(Formatter::Create(Format::kCsv)->FormatDocument(f.doc, nullptr, {}, true).empty());
}

TEST_CASE("format: json writes an array of documents with quotes and speakers") {
  const Fixture f = MakeFixture();
  auto fmt = Formatter::Create(Format::kJson);
  const json meta = {{"section", "world"}, {"n", 3}};
  auto empty_doc = text::Document::FromBytes("empty", "no quotes here");
  REQUIRE(empty_doc.ok());
  const std::string out = fmt->Header() + fmt->FormatDocument(f.doc, &meta, f.result, true) +
                          fmt->FormatDocument(*empty_doc, nullptr, {}, false) +
                          fmt->FormatDocument(f.doc, nullptr, f.result, false) + fmt->Footer();
  const json all = json::parse(out);
  REQUIRE(all.is_array());
  REQUIRE(all.size() == 3);

  const json& d0 = all[0];
  CHECK(d0.at("doc") == "story/1.txt");
  CHECK(d0.at("meta") == meta);
  REQUIRE(d0.at("quotes").size() == 3);
  for (size_t i = 0; i < 3; ++i) CheckRecord(d0.at("quotes")[i], f, i, false);
  const json& sp = d0.at("speakers");
  REQUIRE(sp.size() == 2);
  CHECK(sp[0] == json{{"name", "Ana Ru\xC3\xADz"},
                      {"role", "Prime Minister"},
                      {"mentions", {"Prime Minister Ana Ru\xC3\xADz"}},
                      {"quotes", 1}});
  CHECK(sp[1].at("name") == "M\xC3\xBCller");
  CHECK(sp[1].at("role").is_null());
  CHECK(sp[1].at("mentions") == json{"M\xC3\xBCller", "he"});
  CHECK(sp[1].at("quotes") == 1);

  CHECK(all[1] == json{{"doc", "empty"}, {"quotes", json::array()}, {"speakers", json::array()}});
  CHECK_FALSE(all[2].contains("meta"));
  CHECK(all[2].at("quotes").size() == 3);
}

TEST_CASE("format: per-document jsonl writes one line per document, failures included") {
  const Fixture f = MakeFixture();
  FormatterOptions options;
  options.per_document = true;
  auto fmt = Formatter::Create(Format::kJsonl, options);
  const json meta = {{"section", "world"}};
  auto empty_doc = text::Document::FromBytes("empty", "no quotes here");
  REQUIRE(empty_doc.ok());
  CHECK(fmt->Header().empty());
  CHECK(fmt->Footer().empty());

  const std::string line = fmt->FormatDocument(f.doc, &meta, f.result, true);
  REQUIRE(line.size() > 1);
  CHECK(line.back() == '\n');
  CHECK(line.find('\n') == line.size() - 1);
  const json d = json::parse(line);
  CHECK(d.at("doc") == "story/1.txt");
  CHECK(d.at("meta") == meta);
  REQUIRE(d.at("quotes").size() == 3);
  for (size_t i = 0; i < 3; ++i) CheckRecord(d.at("quotes")[i], f, i, false);
  CHECK(d.at("speakers").size() == 2);
  CHECK(d.at("speakers")[0].at("name") == "Ana Ru\xC3\xADz");

  CHECK(json::parse(fmt->FormatDocument(*empty_doc, nullptr, {}, true)) ==
        json{{"doc", "empty"}, {"meta", nullptr}, {"quotes", json::array()},
             {"speakers", json::array()}});
  const std::string failed = fmt->FormatFailure("bad\"1", &meta, "bad: invalid UTF-8 at byte 3");
  CHECK(failed.back() == '\n');
  CHECK(json::parse(failed) == json{{"doc", "bad\"1"},
                                    {"meta", meta},
                                    {"error", "bad: invalid UTF-8 at byte 3"},
                                    {"quotes", json::array()},
                                    {"speakers", json::array()}});
  // The other formats leave nothing for a failed document.
  CHECK(Formatter::Create(Format::kJsonl)->FormatFailure("x", nullptr, "e").empty());
  CHECK(Formatter::Create(Format::kCsv)->FormatFailure("x", nullptr, "e").empty());
}

TEST_CASE("format: json with zero documents is still valid") {
  auto fmt = Formatter::Create(Format::kJson);
  const json all = json::parse(fmt->Header() + fmt->Footer());
  CHECK(all == json::array());
}

TEST_CASE("format: json with explain carries explain in each quote") {
  const Fixture f = MakeFixture();
  auto fmt = Formatter::Create(Format::kJson, {.explain = true});
  const json all = json::parse(fmt->Header() + fmt->FormatDocument(f.doc, nullptr, f.result, true) +
                               fmt->Footer());
  CHECK(all[0].at("quotes")[1].at("explain").at("rule") == "sieve.same_sentence");
}

TEST_CASE("format: csv writes an RFC 4180 table with a header row") {
  const Fixture f = MakeFixture();
  auto fmt = Formatter::Create(Format::kCsv);
  const json meta = {{"byline", "Smith, \"J.\""}};
  const std::string out = fmt->Header() + fmt->FormatDocument(f.doc, &meta, f.result, true) +
                          fmt->FormatDocument(f.doc, nullptr, f.result, false) + fmt->Footer();
  const auto rows = ParseCsv(out);
  REQUIRE(rows.size() == 7);
  const std::vector<std::string> header = {
      "doc",  "quote",   "start",      "end",           "byte_start",      "byte_end",
      "type", "speaker", "mention",    "speaker_start", "speaker_end",     "role",
      "cue",  "rule",    "confidence", "unclosed",      "multi_paragraph", "meta"};
  CHECK(rows[0] == header);
  const std::u32string text32 = ToU32(kText);
  for (size_t row = 1; row < rows.size(); ++row) {
    const auto& c = rows[row];
    const size_t i = (row - 1) % 3;
    INFO("row " << row);
    REQUIRE(c.size() == header.size());
    const QuoteRecord& q = f.result.quotes[i];
    const Attribution& a = q.attribution;
    CHECK(c[0] == "story/1.txt");
    CHECK(c[1] == f.quote_texts[i]);
    const size_t start = std::stoul(c[2]), end = std::stoul(c[3]);
    CHECK(text32.substr(start, end - start) == ToU32(f.quote_texts[i]));
    CHECK(c[4] == std::to_string(q.span.content.begin));
    CHECK(c[5] == std::to_string(q.span.content.end));
    CHECK(c[6] == (i == 0 ? "direct" : i == 1 ? "partial" : "indirect"));
    CHECK(c[7] == a.speaker.value_or(""));
    CHECK(c[8] == a.mention.value_or(""));
    if (a.mention_span) {
      const size_t ms = std::stoul(c[9]), me = std::stoul(c[10]);
      CHECK(text32.substr(ms, me - ms) == ToU32(*a.mention));
    } else {
      CHECK(c[9].empty());
      CHECK(c[10].empty());
    }
    CHECK(c[11] == a.role.value_or(""));
    CHECK(c[12] == a.cue.value_or(""));
    CHECK(c[13] == a.rule);
    CHECK(std::stod(c[14]) == doctest::Approx(a.confidence).epsilon(0.001));
    CHECK(c[15] == (q.span.unclosed ? "true" : "false"));
    CHECK(c[16] == (q.span.multi_paragraph ? "true" : "false"));
    if (row <= 3) {
      CHECK(json::parse(c[17]) == meta);
    } else {
      CHECK(c[17].empty());
    }
  }
  // The quote with a comma, a newline and a double quote is quoted, its quote doubled.
  CHECK(out.find("\"first line\nsecond \"\"line\"\", end\"") != std::string::npos);
  // A plain field is not quoted.
  CHECK(out.find(",sieve.same_sentence,") != std::string::npos);
  CHECK(out.find(",0.667,") != std::string::npos);
}

TEST_CASE("format: csv with explain appends an explain column") {
  const Fixture f = MakeFixture();
  auto fmt = Formatter::Create(Format::kCsv, {.explain = true});
  const auto rows = ParseCsv(fmt->Header() + fmt->FormatDocument(f.doc, nullptr, f.result, true));
  REQUIRE(rows.size() == 4);
  CHECK(rows[0].back() == "explain");
  CHECK(rows[0][17] == "meta");
  const json e = json::parse(rows[1].back());
  CHECK(e.at("rule") == "en.q_name_cue_colon");
  CHECK(e.at("slots").at("CUE") == "said");
}

TEST_CASE("format: confidence rounding and non-finite values") {
  auto conf = [](double c) {
    auto doc = text::Document::FromBytes("d", "\"x\"");
    REQUIRE(doc.ok());
    ExtractResult result;
    QuoteRecord r;
    r.span.content = {1, 2};
    r.attribution.confidence = c;
    result.quotes.push_back(r);
    const std::string out =
        Formatter::Create(Format::kJsonl)->FormatDocument(*doc, nullptr, result, true);
    const size_t at = out.find("\"confidence\":") + 13;
    return out.substr(at, out.find(',', at) - at);
  };
  CHECK(conf(1.0) == "1");
  CHECK(conf(0.5) == "0.5");
  CHECK(conf(0.12345) == "0.123");
  CHECK(conf(0.9999) == "1");
  CHECK(conf(-0.0001) == "0");
  CHECK(conf(std::numeric_limits<double>::quiet_NaN()) == "null");
  CHECK(conf(std::numeric_limits<double>::infinity()) == "null");
}

TEST_CASE("format: offsets in a document with a byte order mark and lenient bytes") {
  // BOM (one code point for Python), then an invalid byte that lenient mode reads as U+FFFD.
  const std::string text = "\xEF\xBB\xBF\xFF \xE2\x80\x9C\xC3\xA9t\xC3\xA9\xE2\x80\x9D";
  text::DocumentOptions opts;
  opts.lenient = true;
  auto doc = text::Document::FromBytes("lenient", text, opts);
  REQUIRE(doc.ok());
  ExtractResult result;
  QuoteRecord r;
  r.span.content = Find(text, "\xC3\xA9t\xC3\xA9");
  r.attribution.mention_span = text::ByteSpan{3, 4};  // the invalid byte
  r.attribution.mention = "\xEF\xBF\xBD";
  result.quotes.push_back(r);
  const json j =
      json::parse(Formatter::Create(Format::kJsonl)->FormatDocument(*doc, nullptr, result, true));
  CHECK(j.at("quote") == "\xC3\xA9t\xC3\xA9");
  CHECK(j.at("start") == 4);  // U+FEFF, U+FFFD, space, U+201C
  CHECK(j.at("end") == 7);
  CHECK(j.at("speaker_start") == 1);
  CHECK(j.at("speaker_end") == 2);
}

TEST_CASE("format: ill-formed UTF-8 in a string never makes invalid output") {
  auto doc = text::Document::FromBytes("d", "\"x\"");
  REQUIRE(doc.ok());
  ExtractResult result;
  QuoteRecord r;
  r.span.content = {1, 2};
  r.attribution.speaker = std::string("bad\xC3(\xFF,");
  result.quotes.push_back(r);
  const std::string jl =
      Formatter::Create(Format::kJsonl)->FormatDocument(*doc, nullptr, result, true);
  CHECK(json::parse(jl).at("speaker") == "bad\xEF\xBF\xBD(\xEF\xBF\xBD,");
  const auto rows =
      ParseCsv(Formatter::Create(Format::kCsv)->FormatDocument(*doc, nullptr, result, true));
  REQUIRE(rows.size() == 1);
  CHECK(rows[0][7] == "bad\xEF\xBF\xBD(\xEF\xBF\xBD,");
}

}  // namespace whosaid::output
