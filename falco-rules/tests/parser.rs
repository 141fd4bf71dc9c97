//! The condition parser, case by case, against Falco's own parser (libsinsp
//! `filter/parser.cpp`). Every accept/reject verdict, message and position in
//! these tables is what Falco's parser answers for the same text; the cases
//! mirror and extend libs' `filter_parser.ut.cpp`.

use falco_rules::ast::{
    Check, Expr, FieldRef, Modifier, Operand, Operator, Pos, Rhs, TransformerArg, TransformerKind,
    Value,
};
use falco_rules::parser::{parse_condition, parse_condition_with_depth, DEFAULT_MAX_DEPTH};

/// The operator list of "expected a valid check operator: one of ...".
const OPS: &str = "'exists', '<=', '<', '>=', '>', '==', '=', '!=', 'glob', 'iglob', 'contains', \
                   'icontains', 'bcontains', 'startswith', 'bstartswith', 'endswith', 'regex', \
                   'intersects', 'in', 'pmatch'";
/// The transformer list of the "... or a field with a valid transformer: ..." messages.
const TR: &str =
    "'val', 'tolower', 'toupper', 'b64', 'basename', 'len', 'join', 'concat', 'getopt'";

fn expand(msg: &str) -> String {
    msg.replace("{OPS}", OPS).replace("{TR}", TR)
}

/// `Ok(canonical form)` or `Err("line:col message")`.
fn outcome(text: &str) -> Result<String, String> {
    parse_condition(text)
        .map(|e| e.to_string())
        .map_err(|e| format!("{} {}", e.pos(), e.message()))
}

fn check(e: &Expr) -> &Check {
    match e {
        Expr::Check(c) => c,
        other => panic!("expected a check, got {other:?}"),
    }
}

fn pos(offset: usize, line: u32, col: u32) -> Pos {
    Pos { offset, line, col }
}

/// Falco's `test_accept` also tries each input with surrounding blanks, and
/// with every space turned into a line break, then into a tab.
#[test]
fn accepts_falco_smoke_corpus_with_any_blanks() {
    let corpus = [
        "  a",
        "(a)",
        "a and b",
        "a and b and c",
        "a and b and(c)",
        "(a)and(b)and(c)",
        "(a and b)",
        "a or b or(c)",
        "(a)or(b)or(c)",
        "(a.a exists and b)",
        "(a.a exists) and (b)",
        "a.a=1 or b.b=2 and c",
        "not (a)",
        "not(a)",
        "not (not (a))",
        "not (a.b=1)",
        "not a",
        "a.b = 1 and not a",
        "not not a",
        "(not not a)",
        "not not(a)",
        "not(not(a))",
        "not(a)and(not(b))",
        "not a.b=1",
        "not a.a exists",
        "a.b = bla",
        "a.b = 'bla'",
        "a.b = not",
        "a.b contains bla",
        "a.b icontains 'bla'",
        "a.g in (1, 'a', b)",
        "fd.name=*.log",
        "a.g in (1, 'a', b.c)",
        "a.b = a.a",
        "a and notb",
        "notz and a and b",
        "macro and not_macro",
        "macro and not not_macro",
        "macro and and_macro",
        "((macro) and (or_macro))",
        "evt.arg[0] contains /bin",
        "evt.arg[a] contains /bin",
        "test.str = 0a!@#456:/\\.;!$%^&*[]{}|",
        "test.str[0a!@#456:/\\.;!$%^&*(){}|] = testval",
        "test.str[+0.25e+10] = a",
        "test.num > -0.1222e+10",
        "test.num <= 0XaB00AB",
        "test.str = !0.1222e+10",
        "test.list in (0a!@#456:/\\.;!$%^&*[]{}|, value)",
        "test.op existsand macro",
        "test.op ==value",
        "test.op !=value",
        "test.op bcontains 48545450",
        "test.op >=1",
        "test.op in()",
        "test.op intersects()",
        "test.op pmatch()",
        "b64(toupper(test.field)) exists",
        "b64( b64(test.field)) exists",
        "b64(b64(test.field) ) exists",
        "some.field = b64(b64( test.field))",
        "some.field pmatch val(test.field)",
        "some.field = b64 and(some_macro)",
        "some.field = 'some_fake_transformer(some_macro)'",
        "join(\"-\", ( fd.name , fd.directory )) = /tmp",
        "join(\"-\", ()) = /tmp",
        "len(join(\"-\", (fd.name, fd.directory))) >= 5",
        "proc.name == oneof (cat, nginx)",
        "proc.name != allof my_list",
        "proc.name == oneof oneof",
        "proc.name == anyof and fd.name exists",
        "(proc.name == allof) or (proc.name == oneof)",
        "proc.name endswith allof (.so, .so.1)",
        "b64(proc.cmdline) == allof (\"dGVzdA==\")",
    ];
    for text in corpus {
        let padded = format!(" {text} ");
        for variant in [
            text.to_string(),
            padded.clone(),
            padded.replace(' ', "\n"),
            padded.replace(' ', "\t"),
        ] {
            if let Err(e) = parse_condition(&variant) {
                panic!("{variant:?} rejected at {}: {}", e.pos(), e.message());
            }
        }
    }
}

#[test]
fn prints_the_canonical_form_falco_prints() {
    let cases = [
        // Precedence: or < and < not < check; n-ary within one level.
        ("a.b=1 or b.c=2 and not c.d=3", "(a.b = 1 or (b.c = 2 and not c.d = 3))"),
        ("a.a=1 or b.b=2 and c", "(a.a = 1 or (b.b = 2 and c))"),
        ("a and b and(c)", "(a and b and c)"),
        ("(a)or(b)or(c)", "(a or b or c)"),
        ("a or (b or c)", "(a or (b or c))"),
        ("a or b or (c and d) or e", "(a or b or (c and d) or e)"),
        ("((a.b exists))", "a.b exists"),
        ("evt.type=open and proc.name in (shell_binaries)", "(evt.type = open and proc.name in (shell_binaries))"),
        // A chain of `not`s folds to its parity; `not (not x)` does not.
        ("not not a.b exists", "a.b exists"),
        ("not not not a.b exists", "not a.b exists"),
        ("not (not a.b exists)", "not not a.b exists"),
        ("not not not not not(not not(not not_macro))", "not not not_macro"),
        ("not(a)and(not(b))", "(not a and not b)"),
        // Identifiers in check position are macros, keywords included.
        ("a and notb", "(a and notb)"),
        ("a and or", "(a and or)"),
        ("test.op existsand macro", "(test.op exists and macro)"),
        // Values after `=` and string operators are strings, quoted only when needed.
        ("a.b = not", "a.b = not"),
        ("fd.name=*.log", "fd.name = *.log"),
        ("proc.cmdline contains \"curl 127.0.0.1\"", "proc.cmdline contains \"curl 127.0.0.1\""),
        ("proc.name in (a, 'b c', \"d\")", "proc.name in (a, \"b c\", d)"),
        ("a.g in ( 1 ,  'a', b.c )", "a.g in (1, a, b.c)"),
        ("proc.pname = proc.name", "proc.pname = proc.name"),
        ("fd.typechar = 4", "fd.typechar = 4"),
        ("test.str = 'say \"hi\"'", "test.str = \"say \\\"hi\\\"\""),
        ("test.str = \"it's\"", "test.str = \"it's\""),
        ("test.str = \"tab\\there\"", "test.str = \"tab\\there\""),
        ("test.str = \"bad escape \\ \"", "test.str = \"bad escape \\\\\""),
        ("test.str = 0a!@#456:/\\.;!$%^&*[]{}|", "test.str = \"0a!@#456:/\\\\.;!$%^&*[]{}|\""),
        ("test.str = \"\"", "test.str = \"\""),
        // Numbers are lexed only after < <= > >=, and kept as written.
        ("evt.rawres < -1.5e+3", "evt.rawres < -1.5e+3"),
        ("evt.num >= 0x1F", "evt.num >= 0x1F"),
        // List operators need no blank; an identifier after them is a one-value list.
        ("test.op in()", "test.op in ()"),
        ("test.op pmatch(/tmp, /var/*)", "test.op pmatch (/tmp, /var/*)"),
        ("x.y inx", "x.y in (x)"),
        ("proc.name in oneof", "proc.name in (oneof)"),
        // Field arguments.
        ("proc.aname[2] = sh", "proc.aname[2] = sh"),
        ("container.mount.dest[/var/run/docker.sock] exists", "container.mount.dest[/var/run/docker.sock] exists"),
        ("test.str[\"key with space\"] = value", "test.str[\"key with space\"] = value"),
        ("test.str[\"\"] = empty", "test.str[\"\"] = empty"),
        // Modifiers.
        ("proc.name == oneof (cat, nginx)", "proc.name == oneof (cat, nginx)"),
        ("proc.name startswith anyof (/proc/, /sys/)", "proc.name startswith anyof (/proc/, /sys/)"),
        ("proc.name != allof my_list", "proc.name != allof (my_list)"),
        ("proc.name == oneof", "proc.name == oneof"),
        ("proc.name == oneof oneof", "proc.name == oneof (oneof)"),
        ("proc.name == anyof and fd.name exists", "(proc.name == anyof and fd.name exists)"),
        // Transformers.
        (
            "b64(evt.name) exists and tolower(toupper(evt.type)) in val(some.field) or proc.name=b64(tolower(some.field))",
            "((b64(evt.name) exists and tolower(toupper(evt.type)) in val(some.field)) or proc.name = b64(tolower(some.field)))",
        ),
        ("b64( b64(test.field )) exists", "b64(b64(test.field)) exists"),
        ("getopt(proc.args, \"nt:\")[t] = value", "getopt(proc.args,nt:)[t] = value"),
        ("getopt(proc.args, \"nt:\")[\"t\"] = value", "getopt(proc.args,nt:)[t] = value"),
        (
            "join(\"-\", (fd.name, tolower(fd.directory), \"x\", 12)) = /tmp",
            "join(-,(fd.name,tolower(fd.directory),x,12)) = /tmp",
        ),
        ("join(\"-\", ()) = /tmp", "join(-,()) = /tmp"),
        ("concat(proc.name, \"-\", fd.name) = a-b", "concat(proc.name,-,fd.name) = a-b"),
        ("len(proc.args) > 2", "len(proc.args) > 2"),
        ("a.b = val(c.d)[1]", "a.b = val(c.d)[1]"),
    ];
    for (text, expected) in cases {
        assert_eq!(outcome(text), Ok(expected.to_string()), "{text:?}");
    }
}

#[test]
fn canonical_form_parses_back_to_the_same_tree() {
    let texts = [
        "a.b=1 or b.c=2 and not c.d=3",
        "proc.name in (a, 'b c', \"d\\\"e\") and fd.name startswith /etc",
        "proc.name == oneof (cat, nginx) and not (a or b)",
        "b64(tolower(proc.name)) != val(proc.pname) or len(proc.args) > 2",
        "test.str = \"tab\\there\\nand a \\\\ backslash\"",
    ];
    for text in texts {
        let first = parse_condition(text).unwrap().to_string();
        let second = parse_condition(&first).unwrap().to_string();
        assert_eq!(first, second, "{text:?}");
    }
}

#[test]
fn rejects_with_falcos_message_at_falcos_position() {
    let cases = [
        // Trailing input: the last token read is quoted back.
        ("a.b exists and c.d exists )", "1:27", "unexpected token after 'exists', expecting 'or', 'and'"),
        ("proc.name = cat x", "1:17", "unexpected token after 'cat', expecting 'or', 'and'"),
        ("proc.name = cat ) ", "1:17", "unexpected token after 'cat', expecting 'or', 'and'"),
        ("proc.name = \"my app\" x", "1:22", "unexpected token after 'my app', expecting 'or', 'and'"),
        ("a or(b) c", "1:9", "unexpected token after ')', expecting 'or', 'and'"),
        ("not a b", "1:7", "unexpected token after 'a', expecting 'or', 'and'"),
        ("a not b", "1:3", "unexpected token after 'a', expecting 'or', 'and'"),
        ("macro > 12", "1:7", "unexpected token after 'macro', expecting 'or', 'and'"),
        ("fd.name=/var/lo);g/httpd.log", "1:16", "unexpected token after '/var/lo', expecting 'or', 'and'"),
        ("a.b = b = 1", "1:9", "unexpected token after 'b', expecting 'or', 'and'"),
        ("a.b > 1e10", "1:8", "unexpected token after '1', expecting 'or', 'and'"),
        ("a.b in x.y", "1:9", "unexpected token after 'x', expecting 'or', 'and'"),
        ("val(a.b) exists", "1:4", "unexpected token after 'val', expecting 'or', 'and'"),
        ("some.field = b64and(some_macro)", "1:20", "unexpected token after 'b64and', expecting 'or', 'and'"),
        ("proc.name ==oneof (cat, nginx)", "1:19", "unexpected token after 'oneof', expecting 'or', 'and'"),
        ("proc.name == oneof(cat, nginx)", "1:19", "unexpected token after 'oneof', expecting 'or', 'and'"),
        ("proc.name == oneof_something (cat)", "1:30", "unexpected token after 'oneof_something', expecting 'or', 'and'"),
        ("proc.name in oneof (cat)", "1:20", "unexpected token after 'oneof', expecting 'or', 'and'"),
        // `and` / `or` need a blank or `(` after them.
        ("a.b = 1 orx", "1:11", "expected blank or '(' after 'or'"),
        ("a.b = 1 or", "1:11", "expected blank or '(' after 'or'"),
        ("a ornot b", "1:5", "expected blank or '(' after 'or'"),
        ("a.b = 1 andx", "1:12", "expected blank or '(' after 'and'"),
        ("a andb", "1:6", "expected blank or '(' after 'and'"),
        ("a and b and", "1:12", "expected blank or '(' after 'and'"),
        ("(a)andnot(b)", "1:7", "expected blank or '(' after 'and'"),
        ("proc.name == oneof and_x", "1:23", "expected blank or '(' after 'and'"),
        // Groups.
        ("(a.b = 1", "1:9", "expected a ')' token"),
        ("(a.b = 1 or (c", "1:15", "expected a ')' token"),
        ("not (a", "1:7", "expected a ')' token"),
        ("#a", "1:1", "expected a '(' token, a field check, or an identifier"),
        ("a.b = 1 and ()", "1:14", "expected a '(' token, a field check, or an identifier"),
        // Operators.
        ("a.b ExIsTs", "1:5", "expected a valid check operator: one of {OPS}"),
        ("a.b containsvalue", "1:5", "expected a valid check operator: one of {OPS}"),
        ("a.b", "1:4", "expected a valid check operator: one of {OPS}"),
        // Right-hand sides.
        ("a.b >", "1:6", "expected a number value or a field with a valid transformer: {TR}"),
        ("a.b < x", "1:7", "expected a number value or a field with a valid transformer: {TR}"),
        ("proc.num > oneof (1, 2)", "1:12", "expected a number value or a field with a valid transformer: {TR}"),
        ("a.b =", "1:6", "expected a string value or a field with a valid transformer: {TR}"),
        ("a.b = (x)", "1:7", "expected a string value or a field with a valid transformer: {TR}"),
        ("test.op === value", "1:11", "expected a string value or a field with a valid transformer: {TR}"),
        ("a.b = \"unterminated", "1:7", "expected a string value or a field with a valid transformer: {TR}"),
        ("x.y = \"a\\\\\"", "1:7", "expected a string value or a field with a valid transformer: {TR}"),
        ("a.b in", "1:7", "expected a list, an identifier, or a field with a valid transformer: {TR}"),
        // Lists.
        ("a.b in (a, )", "1:12", "expected a string value"),
        ("a.b in (a,,b)", "1:11", "expected a string value"),
        ("a.g in ( 1 ,, , b)", "1:13", "expected a string value"),
        ("a.b in (a b)", "1:11", "expected a ')' token"),
        ("a.b in (a", "1:10", "expected a ')' token"),
        ("some.field in (a, b64(test.field))", "1:22", "expected a ')' token"),
        // Field arguments.
        ("a.b[] exists", "1:5", "expected a valid field argument: a quoted string or a bare string"),
        ("a.b[ x] exists", "1:5", "expected a valid field argument: a quoted string or a bare string"),
        ("a.b[\"x\" exists", "1:8", "expected a ']' token"),
        ("a.b[x exists", "1:6", "expected a ']' token"),
        ("getopt(proc.args, \"nt:\")[] = value", "1:26", "expected a valid field argument: a quoted string or a bare string"),
        ("getopt(proc.args, \"nt:\")[\"t\" = value", "1:29", "expected a ']' token"),
        // Transformers.
        ("a.b = val(x)", "1:11", "expected a field within 'val' transformer"),
        ("a.b = val( tolower(x.y))", "1:12", "expected a field within 'val' transformer"),
        ("a.b = val(x.y [1])", "1:15", "expected a ')' token closing the transformer"),
        ("a.b = val(x.y", "1:14", "expected a ')' token closing the transformer"),
        ("tolower(a.b c.d) exists", "1:13", "expected a ')' token closing the transformer"),
        ("tolower(a.b exists", "1:13", "expected a ')' token closing the transformer"),
        ("tolower(x) exists", "1:9", "expected field transformer argument: field, transformer, quoted string, number, or transformer list"),
        ("tolower(val(a.b)) exists", "1:9", "expected field transformer argument: field, transformer, quoted string, number, or transformer list"),
        ("join(\",\", (a.b, c)) exists", "1:17", "expected transformer list argument: field, transformer, quoted string, or number"),
        ("join(\",\", (a.b, (c.d))) exists", "1:17", "expected transformer list argument: field, transformer, quoted string, or number"),
        ("join(\",\", (a.b,)) exists", "1:16", "expected transformer list argument: field, transformer, quoted string, or number"),
        ("join(\",\", (a.b c.d)) exists", "1:16", "expected ')'"),
        // Escapes: the position is just after the closing quote.
        ("a.b = \"\\q\"", "1:11", "unsupported string escape sequence: \\q"),
        ("a.b = 'a\\\"b'", "1:13", "invalid \\\" escape in '-quoted string"),
        ("a.b = \"a\\'b\"", "1:13", "invalid \\' escape in \"-quoted string"),
        ("a.b = \"\\x4\"", "1:12", "truncated hex char escape sequence"),
        ("a.b = \"\\xzz1\"", "1:14", "invalid hex char escape sequence: zz"),
        ("a.b[\" \\q\"] exists", "1:10", "unsupported string escape sequence: \\q"),
        ("a.b in (\"\\q\", x)", "1:13", "expected a ')' token"),
        // Lines and columns: each \r or \n starts a line (CRLF counts twice).
        ("proc.name = cat and\n(fd.name exists", "2:16", "expected a ')' token"),
        ("a.b = 1 and\n  (c.d = 1 or\n\tx.y)", "3:5", "expected a valid check operator: one of {OPS}"),
        ("a.b = x\na and\n  (c.d = 1 or\n\tx.y", "2:1", "unexpected token after 'x', expecting 'or', 'and'"),
        ("a.b = x\r\nor  c.d =", "3:10", "expected a string value or a field with a valid transformer: {TR}"),
        ("a.b = \"multi\nline\" or ?", "2:10", "expected a '(' token, a field check, or an identifier"),
    ];
    for (text, at, message) in cases {
        assert_eq!(
            outcome(text),
            Err(format!("{at} {}", expand(message))),
            "{text:?}"
        );
    }
}

#[test]
fn error_positions_carry_the_byte_offset() {
    let e = parse_condition("a.b = x\r\nor  c.d =").unwrap_err();
    assert_eq!(e.pos(), pos(18, 3, 10));
}

#[test]
fn empty_or_blank_condition_is_an_empty_filter() {
    for text in ["", " ", "\t\n\r", "\u{8}"] {
        assert_eq!(
            outcome(text),
            Err("1:1 filter input string is empty".into()),
            "{text:?}"
        );
    }
}

/// The value of `a.b = <quoted>` after unescaping.
fn unescaped(quoted: &str) -> Result<String, String> {
    let e = parse_condition(&format!("a.b = {quoted}")).map_err(|e| e.message().to_string())?;
    match &check(&e).rhs {
        Rhs::Value(v) => {
            assert!(v.quoted);
            Ok(v.text.clone())
        }
        other => panic!("not a value: {other:?}"),
    }
}

#[test]
fn quoted_strings_unescape_as_falco_does() {
    let cases: [(&str, Result<&str, &str>); 22] = [
        (r#""plain""#, Ok("plain")),
        (r#""""#, Ok("")),
        ("''", Ok("")),
        (r#""\b\f\n\r\t""#, Ok("\u{8}\u{c}\n\r\t")),
        (r#""a\\b""#, Ok("a\\b")),
        (r#""a\/b""#, Ok("a/b")),
        (r#""say \"hi\"""#, Ok("say \"hi\"")),
        (r#"'it\'s'"#, Ok("it's")),
        // The other quote character is literal.
        (r#""it's""#, Ok("it's")),
        (r#"'say "hi"'"#, Ok("say \"hi\"")),
        // Backslash-space: one backslash, the space is dropped (legacy tolerance).
        (r#""bad escape \ ""#, Ok("bad escape \\")),
        // \xHH: exactly two hex digits; the bytes must form UTF-8.
        (r#""\x41\x62""#, Ok("Ab")),
        (r#""\xc3\xa9""#, Ok("é")),
        (
            r#""\xff""#,
            Err("invalid hex char escape sequence: the string is not valid UTF-8"),
        ),
        (r#""\x4""#, Err("truncated hex char escape sequence")),
        (r#""\x4g""#, Err("invalid hex char escape sequence: 4g")),
        (r#""\q""#, Err("unsupported string escape sequence: \\q")),
        (r#""\é""#, Err("unsupported string escape sequence: \\é")),
        (r#"'\"'"#, Err("invalid \\\" escape in '-quoted string")),
        (r#""\'""#, Err("invalid \\' escape in \"-quoted string")),
        // The closing quote is the first one not preceded by a backslash, so an
        // escaped backslash before it hides it (Falco's quirk).
        (r#"'x \' \\''"#, Ok("x ' \\'")),
        (
            r#""a\\""#,
            Err("expected a string value or a field with a valid transformer: {TR}"),
        ),
    ];
    for (quoted, expected) in cases {
        let expected = expected.map(str::to_string).map_err(expand);
        assert_eq!(unescaped(quoted), expected, "{quoted}");
    }
}

#[test]
fn field_arguments_unescape_too() {
    let e = parse_condition(r#"test.str["test \"with\"escaping"] = a"#).unwrap();
    let Operand::Field(f) = &check(&e).lhs else {
        panic!("not a field")
    };
    assert_eq!(f.arg.as_deref(), Some("test \"with\"escaping"));
}

/// Falco parses a list's first value inside a try/catch and reads any failure
/// as "the list is empty": a badly escaped first value followed by `)` gives
/// an empty list, and followed by anything else "expected a ')' token".
#[test]
fn badly_escaped_first_list_value_empties_the_list() {
    assert_eq!(outcome(r#"a.b in ("\q")"#), Ok("a.b in ()".into()));
    assert_eq!(
        outcome(r#"a.b == oneof ("\q")"#),
        Ok("a.b == oneof ()".into())
    );
    assert_eq!(
        outcome(r#"a.b in ("\q" )"#),
        Err("1:13 expected a ')' token".into())
    );
    // Later values get no such pardon.
    assert_eq!(
        outcome(r#"a.b in (x, "\q")"#),
        Err("1:16 unsupported string escape sequence: \\q".into())
    );
}

#[test]
fn values_after_string_operators_are_strings_even_when_numeric() {
    let e = parse_condition("fd.typechar = 4").unwrap();
    let c = check(&e);
    assert_eq!(c.op, Operator::Eq);
    assert_eq!(
        c.rhs,
        Rhs::Value(Value {
            text: "4".into(),
            quoted: false,
            pos: pos(14, 1, 15)
        })
    );
    // A field name on the right is text too, not a field.
    let e = parse_condition("proc.name = proc.pname").unwrap();
    assert!(matches!(&check(&e).rhs, Rhs::Value(v) if v.text == "proc.pname" && !v.quoted));
}

#[test]
fn numbers_are_lexed_after_comparison_operators() {
    let cases = [
        ("test.num > 1000", Operator::Gt, "1000"),
        ("test.num < +1", Operator::Lt, "+1"),
        ("test.num >= -1", Operator::Ge, "-1"),
        ("test.num <= 0x12345", Operator::Le, "0x12345"),
        ("test.num > 1.2", Operator::Gt, "1.2"),
        ("test.num > -0.1222e+10", Operator::Gt, "-0.1222e+10"),
    ];
    for (text, op, number) in cases {
        let e = parse_condition(text).unwrap();
        let c = check(&e);
        assert_eq!(c.op, op, "{text}");
        assert!(
            matches!(&c.rhs, Rhs::Value(v) if v.text == number && !v.quoted),
            "{text}"
        );
    }
    for text in [
        "test.num > !0.1222e+10",
        "test.num < 0xAAA.1",
        "test.num >= 0aaaaa",
        "test.num <= a",
    ] {
        assert!(parse_condition(text).is_err(), "{text}");
    }
}

#[test]
fn every_operator_reads_as_itself() {
    for op in Operator::ALL {
        let text = match op {
            Operator::Exists => "a.b exists".to_string(),
            op if op.is_list_op() => format!("a.b {op} (x)"),
            op => format!("a.b {op} 1"),
        };
        let e = parse_condition(&text).unwrap();
        assert_eq!(check(&e).op, op, "{text}");
        assert_eq!(e.to_string(), text);
    }
}

#[test]
fn operators_that_need_a_blank_and_those_that_do_not() {
    // Word operators need a blank after them...
    for text in [
        "test.op containsvalue",
        "test.op globvalue",
        "test.op startswithvalue",
    ] {
        assert!(parse_condition(text).is_err(), "{text}");
    }
    // ... but symbols, `exists` and the list operators do not.
    for text in [
        "test.op=value",
        "test.op!=value",
        "test.op>=1",
        "test.op existsand m",
        "test.op in(a)",
        "test.op pmatch(/a)",
        "test.op intersects(a)",
    ] {
        assert!(parse_condition(text).is_ok(), "{text}");
    }
    // Backspace counts as a blank; form feed does not (except after `not`).
    assert!(parse_condition("a.b contains\u{8}x").is_ok());
    assert!(parse_condition("a.b contains\u{c}x").is_err());
    assert_eq!(outcome("not\u{c}a"), Ok("not a".into()));
}

#[test]
fn lists_hold_values_and_identifiers_make_one_value_lists() {
    let e = parse_condition("proc.name in (cat, 'my app', /bin/sh)").unwrap();
    let Rhs::List(values) = &check(&e).rhs else {
        panic!("not a list")
    };
    let texts: Vec<(&str, bool)> = values.iter().map(|v| (v.text.as_str(), v.quoted)).collect();
    assert_eq!(
        texts,
        [("cat", false), ("my app", true), ("/bin/sh", false)]
    );

    let e = parse_condition("proc.name in my_list").unwrap();
    assert!(matches!(&check(&e).rhs, Rhs::List(v) if v.len() == 1 && v[0].text == "my_list"));

    let e = parse_condition("proc.name in ()").unwrap();
    assert_eq!(check(&e).rhs, Rhs::List(vec![]));
}

#[test]
fn modifiers_apply_only_before_a_list_or_an_identifier() {
    let cases = [
        (
            "proc.name == oneof (cat, nginx)",
            Some(Modifier::OneOf),
            Operator::EqEq,
        ),
        (
            "proc.name = anyof (cat)",
            Some(Modifier::AnyOf),
            Operator::Eq,
        ),
        (
            "proc.name contains allof (a)",
            Some(Modifier::AllOf),
            Operator::Contains,
        ),
        (
            "proc.name != allof my_list",
            Some(Modifier::AllOf),
            Operator::Ne,
        ),
        // Not followed by a blank then `(` or an identifier: a plain value.
        ("proc.name == oneof", None, Operator::EqEq),
        ("proc.name == oneof_something", None, Operator::EqEq),
        (
            "proc.name == anyof and fd.name exists",
            None,
            Operator::EqEq,
        ),
        ("proc.name == 'oneof'", None, Operator::EqEq),
    ];
    for (text, modifier, op) in cases {
        let e = parse_condition(text).unwrap();
        let c = match &e {
            Expr::And(xs) => check(&xs[0]),
            e => check(e),
        };
        assert_eq!((c.op, c.modifier), (op, modifier), "{text}");
        match modifier {
            Some(_) => assert!(matches!(c.rhs, Rhs::List(_)), "{text}"),
            None => assert!(matches!(c.rhs, Rhs::Value(_)), "{text}"),
        }
    }
    for text in [
        "proc.name == ONEOF (cat)",
        "proc.name == oneof(cat)",
        "proc.name in oneof (cat)",
    ] {
        assert!(parse_condition(text).is_err(), "{text}");
    }
}

#[test]
fn transformers_build_their_arguments() {
    let e =
        parse_condition(r#"join(",", (fd.name, tolower(fd.directory), "x", 12)) = /tmp"#).unwrap();
    let Operand::Transformer(t) = &check(&e).lhs else {
        panic!("not a transformer")
    };
    assert_eq!(t.kind, TransformerKind::Join);
    assert_eq!(t.pos, pos(0, 1, 1));
    let [TransformerArg::Str(sep), TransformerArg::List(items)] = t.args.as_slice() else {
        panic!("unexpected args {:?}", t.args)
    };
    assert_eq!((sep.text.as_str(), sep.quoted), (",", true));
    assert!(matches!(&items[0], TransformerArg::Field(f) if f.name == "fd.name"));
    assert!(
        matches!(&items[1], TransformerArg::Transformer(t) if t.kind == TransformerKind::ToLower)
    );
    assert!(matches!(&items[2], TransformerArg::Str(v) if v.text == "x"));
    assert!(matches!(&items[3], TransformerArg::Num(v) if v.text == "12"));

    let e = parse_condition(r#"getopt(proc.args, "nt:")["t"] = value"#).unwrap();
    let Operand::Transformer(t) = &check(&e).lhs else {
        panic!("not a transformer")
    };
    assert_eq!(
        (t.kind, t.index.as_deref()),
        (TransformerKind::Getopt, Some("t"))
    );
}

#[test]
fn val_compares_with_another_field() {
    let e = parse_condition("proc.name = val(proc.pname)").unwrap();
    let Rhs::Operand(Operand::Transformer(t)) = &check(&e).rhs else {
        panic!("not an operand")
    };
    assert_eq!(t.kind, TransformerKind::Val);
    assert_eq!(t.pos, pos(12, 1, 13));
    assert_eq!(
        t.args,
        [TransformerArg::Field(FieldRef {
            name: "proc.pname".into(),
            arg: None,
            pos: pos(16, 1, 17),
        })]
    );
    // Not on the left, not nested, nothing nested inside.
    for text in [
        "val(a.b) exists",
        "a.b = b64(val(c.d))",
        "a.b = val(tolower(c.d))",
        "a.b = val(val(c.d))",
    ] {
        assert!(parse_condition(text).is_err(), "{text}");
    }
}

/// Falco's `position_complex_multiline` case: every node starts where its
/// first token starts.
#[test]
fn nodes_carry_the_position_of_their_first_token() {
    let text = "\n(proc.aname[2]=nginx\n     and evt.type in (connect,accept))\n   or (not fd.name exists)\n   or (proc.name=apache\n       and evt.type=switch)";
    let e = parse_condition(text).unwrap();
    let Expr::Or(or) = &e else {
        panic!("not an or")
    };
    let Expr::And(first) = &or[0] else {
        panic!("not an and")
    };
    let c = check(&first[0]);
    assert_eq!(c.lhs.pos(), pos(2, 2, 2));
    assert_eq!(c.op_pos, pos(15, 2, 15));
    assert!(matches!(&c.rhs, Rhs::Value(v) if v.pos == pos(16, 2, 16)));
    let c = check(&first[1]);
    assert_eq!(c.lhs.pos(), pos(31, 3, 10));
    assert!(
        matches!(&c.rhs, Rhs::List(v) if v[0].pos == pos(44, 3, 23) && v[1].pos == pos(52, 3, 31))
    );
    let Expr::Not(not) = &or[1] else {
        panic!("not a not")
    };
    assert_eq!(check(not).lhs.pos(), pos(72, 4, 12));
    let Expr::And(last) = &or[2] else {
        panic!("not an and")
    };
    let c = check(&last[1]);
    assert_eq!((c.lhs.pos(), c.op_pos), (pos(123, 6, 12), pos(131, 6, 20)));

    let e = parse_condition("a and\n  my_macro").unwrap();
    let Expr::And(xs) = &e else {
        panic!("not an and")
    };
    assert_eq!(
        xs[1],
        Expr::Macro {
            name: "my_macro".into(),
            pos: pos(8, 2, 3)
        }
    );
}

#[test]
fn nesting_up_to_the_limit_parses() {
    let n = DEFAULT_MAX_DEPTH;
    let groups = format!("{}a.b exists{}", "(".repeat(n), ")".repeat(n));
    assert_eq!(outcome(&groups), Ok("a.b exists".into()));
    let nots = format!("{}a.b exists{}", "not (".repeat(n), ")".repeat(n));
    assert!(parse_condition(&nots).is_ok());
    let transformers = format!("a.b = {}c.d{}", "tolower(".repeat(n), ")".repeat(n));
    assert!(parse_condition(&transformers).is_ok());
}

#[test]
fn nesting_past_the_limit_fails_at_the_first_parenthesis_too_deep() {
    let limit = format!("exceeded max depth limit of {DEFAULT_MAX_DEPTH}");
    let n = DEFAULT_MAX_DEPTH + 1;
    let groups = format!("{}a.b exists{}", "(".repeat(n), ")".repeat(n));
    let e = parse_condition(&groups).unwrap_err();
    assert_eq!(
        (e.message(), e.pos().offset),
        (limit.as_str(), DEFAULT_MAX_DEPTH + 1)
    );
    // No input exhausts the stack, however deep.
    let e = parse_condition(&"(".repeat(100_000)).unwrap_err();
    assert_eq!(e.message(), limit);
    let e = parse_condition(&format!("a.b = {}", "tolower(".repeat(100_000))).unwrap_err();
    assert!(
        e.message().starts_with("exceeded max depth limit"),
        "{}",
        e.message()
    );
}

#[test]
fn nesting_limit_counts_every_kind_of_parenthesis() {
    assert!(parse_condition_with_depth("((a))", 2).is_ok());
    for text in [
        "(((a)))",
        "not(not(not(a)))",
        "a and(b and(c and(d)))",
        "((a.b in (x)))",
        "(tolower(tolower(a.b)) exists)",
        "join(\",\", (tolower(a.b))) exists",
    ] {
        let e = parse_condition_with_depth(text, 2).unwrap_err();
        assert_eq!(e.message(), "exceeded max depth limit of 2", "{text}");
    }
    // Parentheses inside quoted strings and field arguments are text.
    assert!(parse_condition_with_depth(r#"a.b["((("] = "(((" and c.d[(((] exists"#, 0).is_ok());
}

#[test]
fn a_chain_of_nots_does_not_nest() {
    let text = format!("{}a", "not ".repeat(100_001));
    assert_eq!(outcome(&text), Ok("not a".into()));
}

#[test]
fn a_syntax_error_before_the_nesting_limit_is_reported_first() {
    let text = format!("a.b == == {}", "(".repeat(50));
    let e = parse_condition_with_depth(&text, 10).unwrap_err();
    assert_eq!(
        (e.message(), e.pos().col),
        (
            expand("expected a string value or a field with a valid transformer: {TR}").as_str(),
            8
        )
    );
}

#[test]
fn long_conditions_parse() {
    // The shipped rules expand lists into conditions of several kilobytes.
    let items: Vec<String> = (0..5000).map(|i| format!("/usr/bin/tool{i}")).collect();
    let text = format!(
        "proc.exepath in ({}) and {}",
        items.join(", "),
        "a.b = 1 and ".repeat(2000) + "c"
    );
    let e = parse_condition(&text).unwrap();
    let Expr::And(xs) = &e else {
        panic!("not an and")
    };
    assert_eq!(xs.len(), 2002);
}
