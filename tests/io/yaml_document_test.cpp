// The YAML tree the rules loader walks (io/yaml_document.h): its shape, nulls, marks, aliases and the
// limits, each against a document small enough to work out by hand. The rules corpus
// (fixtures/bad/rules, tests/cli/bad_input_test.cpp) checks the same refusals through the CLI.
#include <doctest/doctest.h>

#include <string>

#include "core/limits.h"
#include "io/yaml_document.h"

using namespace prorata;
using prorata::io::detail::YamlDocument;
using prorata::io::detail::YamlNode;
using prorata::io::detail::YamlType;

namespace {

struct Parsed {
  std::optional<YamlDocument> document;
  Diagnostics diagnostics;
};

Parsed parse(const std::string& text) {
  Parsed parsed;
  parsed.document = YamlDocument::parse(text, "t.yaml", parsed.diagnostics);
  return parsed;
}

// "LINE:COL: MESSAGE" of the only diagnostic.
std::string only_error(const Parsed& parsed) {
  REQUIRE(!parsed.document);
  REQUIRE(parsed.diagnostics.size() == 1);
  const Diagnostic& d = parsed.diagnostics.items()[0];
  CHECK(d.loc.path == "t.yaml");
  return std::to_string(d.loc.line) + ":" + std::to_string(d.loc.column) + ": " + d.message;
}

}  // namespace

TEST_CASE("a block mapping with a list and a flow mapping: types, texts, sizes and places") {
  const Parsed parsed = parse("a: 1\nlist:\n  - x\n  - {k: v, j: \"w\"}\nempty:\n");
  REQUIRE(parsed.document);
  CHECK(parsed.diagnostics.size() == 0);
  const YamlNode root = parsed.document->root();
  CHECK(root.is_map());
  CHECK(root.size() == 3);
  CHECK(root.line() == 1);
  CHECK(root.column() == 1);
  CHECK(root["a"].scalar() == "1");
  const YamlNode list = root["list"];
  REQUIRE(list.is_sequence());
  CHECK(list.size() == 2);
  CHECK(list.line() == 3);
  CHECK(list.column() == 3);
  std::string items;
  for (const auto& item : list) items += item.is_scalar() ? item.scalar() : "{" + std::to_string(item.size()) + "}";
  CHECK(items == "x{2}");
  std::string entries;
  for (const auto& item : list) {
    if (!item.is_map()) continue;
    CHECK(item.line() == 4);
    CHECK(item.column() == 5);
    for (const auto& entry : item) entries += entry.first.scalar() + "=" + entry.second.scalar() + ";";
  }
  CHECK(entries == "k=v;j=w;");
  CHECK(root["empty"].is_null());
  CHECK(root["empty"].line() == 5);
  CHECK(!root["missing"]);
  CHECK(root["missing"].type() == YamlType::undefined);
  CHECK(root["missing"].scalar().empty());
  CHECK(root["a"]["b"].type() == YamlType::undefined);  // a scalar has no keys
}

TEST_CASE("nulls are plain ~, null, Null, NULL or nothing; quoted or tagged they are text") {
  const Parsed parsed = parse("a: ~\nb: null\nc: Null\nd: NULL\ne:\nf: 'null'\ng: \"~\"\nh: !!str null\ni: nul\n");
  REQUIRE(parsed.document);
  const YamlNode root = parsed.document->root();
  for (const char* key : {"a", "b", "c", "d", "e"}) {
    CAPTURE(key);
    CHECK(root[key].is_null());
    CHECK(root[key].scalar().empty());
  }
  CHECK(root["f"].scalar() == "null");
  CHECK(root["g"].scalar() == "~");
  CHECK(root["h"].scalar() == "null");
  CHECK(root["i"].scalar() == "nul");
}

TEST_CASE("a duplicate key stays an entry of its own; [] finds the first") {
  const Parsed parsed = parse("k: 1\nk: 2\n");
  REQUIRE(parsed.document);
  const YamlNode root = parsed.document->root();
  CHECK(root.size() == 2);
  CHECK(root["k"].scalar() == "1");
  std::string lines;
  for (const auto& entry : root) lines += std::to_string(entry.first.line());
  CHECK(lines == "12");
}

TEST_CASE("an alias is the node its anchor names, expanded in the node count") {
  const Parsed parsed = parse("base: &b {cap: 9000.00}\ncopy: *b\n");
  REQUIRE(parsed.document);
  const YamlNode root = parsed.document->root();
  CHECK(root["copy"]["cap"].scalar() == "9000.00");
  CHECK(root["copy"].line() == 1);  // the anchored node itself, where it was written

  // 10 levels of 2 aliases each: 1 + 2 + ... nodes, past the limit only when expanded.
  std::string bomb = "a0: &a0 [x, x]\n";
  for (int k = 1; k <= 25; ++k) {
    bomb += "a" + std::to_string(k) + ": &a" + std::to_string(k) + " [*a" + std::to_string(k - 1) + ", *a" +
            std::to_string(k - 1) + "]\n";
  }
  const Parsed refused = parse(bomb);
  CHECK(only_error(refused).find("YAML nodes once aliases are expanded (an alias bomb?)") != std::string::npos);
}

TEST_CASE("refusals, each at its place") {
  CHECK(only_error(parse("a: &x [1, *x]\n")) ==
        "1:11: an alias inside the node it names (a cycle): write the value out instead");
  CHECK(only_error(parse("a: *nowhere\n")) == "1:4: the alias '*nowhere' names no anchor");
  CHECK(only_error(parse("a: 1\n---\nb: 2\n")) ==
        "2:1: a second YAML document: a rules file holds one (remove the '---' line)");
  std::string deep;
  for (std::size_t k = 0; k <= limits::yaml_depth_max; ++k) deep += "[";
  CHECK(only_error(parse(deep)) ==
        "1:" + std::to_string(limits::yaml_depth_max + 1) + ": nesting deeper than " +
            std::to_string(limits::yaml_depth_max) + " levels");
  // "1\nc" folds into one plain scalar: the ':' after it is the first thing out of place.
  CHECK(only_error(parse("a: {b: 1\nc: 2\n")) ==
        "2:2: YAML syntax: did not find expected ',' or '}' (while parsing a flow mapping that starts on line 1)");
  CHECK(only_error(parse("a:\n\tb: 1\n")).rfind("2:1: YAML syntax: found character that cannot start any token: "
                                                  "a tab; YAML indents with spaces",
                                                  0) == 0);
}

TEST_CASE("a character YAML allows nowhere is named where it is, before libyaml reads the text") {
  CHECK(only_error(parse("a: 1\nname: ab\x1b[31m\n")) ==
        "2:9: the file holds ESC (U+001B, a control character): it would reach a terminal, a PDF or a bank file "
        "unseen; remove it");
  CHECK(only_error(parse("name: \"\xc3\xa9\xc2\x9b\"\n")).rfind("1:10: the file holds CSI (U+009B", 0) == 0);
  CHECK(only_error(parse("a: \x7f\n")).rfind("1:4: the file holds DEL", 0) == 0);
  CHECK(only_error(parse("a: \xef\xbf\xbe\n")).rfind("1:4: the file holds U+FFFE (not a character)", 0) == 0);
  // Line breaks YAML 1.1 counts and the rest of prorata does not (a fuzzer finding: a lone CR put
  // libyaml's line numbers past the file's last line).
  const std::string other_break = ": YAML would count a line there that other tools do not; end lines with LF or CRLF";
  CHECK(only_error(parse("a: 1\rb: 2\n")) == "1:5: the file holds a CR (U+000D) without LF" + other_break);
  CHECK(only_error(parse("a: 1\r\nb: 2\r")) == "2:5: the file holds a CR (U+000D) without LF" + other_break);
  CHECK(only_error(parse("a: x\xc2\x85y\n")) == "1:5: the file holds NEL (U+0085, a line break)" + other_break);
  CHECK(only_error(parse("a: x\xe2\x80\xa8y\n")) == "1:5: the file holds U+2028 LINE SEPARATOR" + other_break);
  CHECK(only_error(parse("a: x\xe2\x80\xa9y\n")) == "1:5: the file holds U+2029 PARAGRAPH SEPARATOR" + other_break);
  // Tabs, CRLF and the rest of Unicode are YAML's to judge (a tab inside a value is text).
  const Parsed parsed = parse("a: \"x\ty\"\r\nb: \xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\n");
  REQUIRE(parsed.document);
  CHECK(parsed.document->root()["a"].scalar() == "x\ty");
  CHECK(parsed.document->root()["b"].scalar() == "\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80");
}

TEST_CASE("an empty text is a document whose root is null; a lone scalar is a scalar root") {
  const Parsed empty = parse("");
  REQUIRE(empty.document);
  CHECK(empty.document->root().is_null());
  const Parsed comment = parse("# only a comment\n");
  REQUIRE(comment.document);
  CHECK(comment.document->root().is_null());
  const Parsed scalar = parse("just text\n");
  REQUIRE(scalar.document);
  CHECK(scalar.document->root().scalar() == "just text");
  CHECK(scalar.document->root().size() == 0);
  CHECK(!(scalar.document->root().begin() != scalar.document->root().end()));
}

TEST_CASE("a moved document keeps its nodes valid") {
  Parsed parsed = parse("a: {b: c}\n");
  REQUIRE(parsed.document);
  const YamlNode inner = parsed.document->root()["a"];
  const YamlDocument moved = std::move(*parsed.document);
  CHECK(inner["b"].scalar() == "c");
  CHECK(moved.root()["a"]["b"].scalar() == "c");
}

TEST_CASE("an error at the end of a text without a final line break is on its last line") {
  // libyaml puts the end of such a text on the line after the last (a fuzzer finding).
  CHECK(only_error(parse("a: [1, 2")) ==
        "1:9: YAML syntax: did not find expected ',' or ']' (while parsing a flow sequence that starts on line 1)");
  CHECK(only_error(parse("a: [1, 2\n")).rfind("2:1: YAML syntax", 0) == 0);
}
