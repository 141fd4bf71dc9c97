#!/usr/bin/env python3
"""Generates falco-events/src/table/data.rs from falcosecurity/libs' driver sources.

Usage (from the repository root):

    python3 falco-events/tools/gen_event_table.py LIBS_CHECKOUT [COMMIT] \
        > falco-events/src/table/data.rs
    python3 falco-events/tools/gen_event_table.py LIBS_CHECKOUT [COMMIT] --check

The output is the file as committed, byte for byte (data.rs is
`#[rustfmt::skip]`, so cargo fmt leaves it alone).

LIBS_CHECKOUT is a checkout of https://github.com/falcosecurity/libs; the
script reads, under its driver/ folder: event_table.c, flags_table.c,
dynamic_params_table.c, syscall_table.c, syscall_compat_x86_64.h,
ppm_events_public.h, API_VERSION and SCHEMA_VERSION. COMMIT (default: `git -C LIBS_CHECKOUT rev-parse HEAD`)
is written in the header comment. The output holds facts only (numbers, names,
types) in this crate's own format; nothing of libs' code is copied.

The Rust names of parameter types and print formats are read from
falco-events/src/table.rs (`enum ParamType`, `enum PrintFormat`) and matched
to libs' PT_*/PF_* by value, so the two enums stay the single definition.

`--check` compares the output with the committed data.rs and exits 1 with a
unified diff when they differ.
"""

import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
CRATE = os.path.dirname(HERE)


def strip_comments(text):
    text = re.sub(r"\\[ \t]*\n", " ", text)
    text = re.sub(r"/\*.*?\*/", " ", text, flags=re.S)
    return re.sub(r"//[^\n]*", " ", text)


def preprocess(text, defined):
    """Keeps the lines an x86_64 64-bit build keeps: evaluates #ifdef/#ifndef
    on names and `defined(X)` conditions against `defined`; #if with
    anything else is taken as false unless it only tests defined()."""
    out = []
    stack = []  # (active, taken)

    def active():
        return all(a for a, _ in stack)

    def cond_value(expr):
        expr = expr.strip()
        e = re.sub(r"defined\s*\(\s*(\w+)\s*\)", lambda m: "1" if m.group(1) in defined else "0", expr)
        e = re.sub(r"defined\s+(\w+)", lambda m: "1" if m.group(1) in defined else "0", e)
        e = e.replace("&&", " and ").replace("||", " or ").replace("!", " not ")
        e = re.sub(r"\b[A-Za-z_]\w*\b", lambda m: m.group(0) if m.group(0) in ("and", "or", "not") else "0", e)
        try:
            return bool(eval(e))
        except Exception:
            return False

    for line in text.split("\n"):
        s = line.strip()
        m = re.match(r"#\s*(ifdef|ifndef|if|elif|else|endif)\b(.*)", s)
        if m:
            kind, rest = m.group(1), m.group(2).strip()
            if kind == "ifdef":
                v = rest.split()[0] in defined
                stack.append((v, v))
            elif kind == "ifndef":
                v = rest.split()[0] not in defined
                stack.append((v, v))
            elif kind == "if":
                v = cond_value(rest)
                stack.append((v, v))
            elif kind == "elif":
                _, taken = stack.pop()
                v = not taken and cond_value(rest)
                stack.append((v, taken or v))
            elif kind == "else":
                _, taken = stack.pop()
                stack.append((not taken, True))
            else:
                stack.pop()
            continue
        if active():
            out.append(line)
    return "\n".join(out)


class Consts:
    """Integer values of libs' macros and enumerators."""

    def __init__(self):
        self.values = {}

    def eval(self, expr):
        e = expr.strip()
        e = re.sub(r"\(\s*(?:unsigned\s+)?(?:u?int\d+_t|long|int|unsigned)\s*\)", "", e)
        e = re.sub(r"\b(0[xX][0-9a-fA-F]+|\d+)[uUlL]+\b", r"\1", e)
        e = re.sub(r"\b0([0-7]+)\b", r"0o\1", e)

        def name(m):
            n = m.group(0)
            if n not in self.values:
                raise KeyError(n)
            return str(self.values[n])

        e = re.sub(r"\b[A-Za-z_]\w*\b", name, e)
        return int(eval(e))

    def read_header(self, text):
        text = strip_comments(text)
        for m in re.finditer(r"^\s*#\s*define\s+(\w+)\s+(.+)$", text, flags=re.M):
            try:
                self.values[m.group(1)] = self.eval(m.group(2))
            except Exception:
                pass
        for m in re.finditer(r"enum\s*(\w*)\s*\{(.*?)\}", text, flags=re.S):
            nxt = 0
            for item in m.group(2).split(","):
                item = item.strip()
                if not item:
                    continue
                if "=" in item:
                    n, v = item.split("=", 1)
                    n = n.strip()
                    try:
                        nxt = self.eval(v)
                    except Exception:
                        continue
                else:
                    n = item
                if re.fullmatch(r"\w+", n):
                    self.values[n] = nxt
                    nxt += 1


def tokenize(text):
    return re.findall(r'"(?:[^"\\]|\\.)*"|[A-Za-z_]\w*|0[xX][0-9a-fA-F]+|\d+|[{}\[\](),=|.<>+\-*&]', text)


def parse_braced(tokens, i):
    """Parses `{ ... }` at tokens[i] into a list of items; each item is a
    nested list or a list of tokens (an expression). Returns (items, next)."""
    assert tokens[i] == "{", tokens[i : i + 5]
    i += 1
    items = []
    cur = []
    while True:
        t = tokens[i]
        if t == "{":
            sub, i = parse_braced(tokens, i)
            cur.append(sub)
            continue
        if t == "}":
            if cur:
                items.append(cur)
            return items, i + 1
        if t == ",":
            items.append(cur)
            cur = []
        else:
            cur.append(t)
        i += 1


def parse_array(text, name):
    """Items of `... name[...] = { ... };` as (designator tokens or None, value)."""
    tokens = tokenize(text)
    for i, t in enumerate(tokens):
        if t == name and i + 1 < len(tokens) and tokens[i + 1] == "[":
            j = tokens.index("=", i)
            if tokens[j + 1] == "{":
                items, _ = parse_braced(tokens, j + 1)
                out = []
                for it in items:
                    if it and it[0] == "[":
                        k = it.index("]")
                        desig = it[1:k]
                        assert it[k + 1] == "="
                        out.append((desig, it[k + 2 :]))
                    else:
                        out.append((None, it))
                return out
    raise KeyError(name)


def rust_enum(text, enum):
    m = re.search(r"pub enum " + enum + r" \{(.*?)\n\}", text, flags=re.S)
    return {int(v): n for n, v in re.findall(r"^\s*(\w+) = (\d+),", m.group(1), flags=re.M)}


def upper(c_name):
    return c_name.upper()


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    check = "--check" in sys.argv
    if not args:
        sys.exit(__doc__)
    libs = args[0]
    commit = args[1] if len(args) > 1 else subprocess.run(
        ["git", "-C", libs, "rev-parse", "HEAD"], capture_output=True, text=True
    ).stdout.strip()
    if not re.fullmatch(r"[0-9a-f]{40}", commit):
        sys.exit("give the libs commit: LIBS_CHECKOUT is not a git checkout")
    drv = os.path.join(libs, "driver")

    def read(name):
        with open(os.path.join(drv, name)) as f:
            return f.read()

    api = read("API_VERSION").strip()
    schema = read("SCHEMA_VERSION").strip()

    table_rs = open(os.path.join(CRATE, "src", "table.rs")).read()
    ptypes = rust_enum(table_rs, "ParamType")
    pformats = rust_enum(table_rs, "PrintFormat")

    compat = read("syscall_compat_x86_64.h")
    # The committed table keeps the 32-bit-only fcntl commands (F_GETLK64,
    # ...): CONFIG_64BIT is left undefined, as for a userspace build.
    defined = {"__x86_64__"}
    defined |= set(re.findall(r"#define\s+(__NR_\w+)", compat))
    consts = Consts()
    consts.read_header(strip_comments(compat))
    public = preprocess(strip_comments(read("ppm_events_public.h")), defined)
    consts.read_header(public)
    consts.values["SYSCALL_TABLE_ID0"] = 0

    out = []
    w = out.append
    w("// Event-table data transcribed from falcosecurity/libs at commit")
    w(f"// {commit} (driver API {api}, schema {schema}):")
    w("// `driver/event_table.c`, `driver/flags_table.c`, `driver/dynamic_params_table.c`,")
    w("// `driver/syscall_table.c` with `driver/syscall_compat_x86_64.h`, and the `PPM_SC_X` list of")
    w("// `driver/ppm_events_public.h`. Facts only (numbers, names, types), in this crate's own format.")
    w("// Regenerate rather than edit by hand when libs adds events.")
    w("")
    w("use super::*;")
    w("")

    # Flag tables, in file order.
    flags_src = preprocess(strip_comments(read("flags_table.c")), defined)
    flag_names = re.findall(r"const\s+struct\s+ppm_name_value\s+(\w+)\s*\[\s*\]", flags_src)
    for name in flag_names:
        rows = []
        for _, val in parse_array(flags_src, name):
            assert len(val) == 1 and isinstance(val[0], list), (name, val)
            pair = val[0]
            label = pair[0][0]
            if label == "0":
                break
            rows.append((label, consts.eval(" ".join(pair[1]))))
        w(f"pub(super) static {upper(name)}: [FlagName; {len(rows)}] = [")
        for label, v in rows:
            w(f"    FlagName::new({label}, {v:#x}),")
        w("];")

    def param(fields, name_tok='""'):
        ty = consts.eval(" ".join(fields[0]))
        fmt = consts.eval(" ".join(fields[1]))
        extra = "ParamExtra::None"
        if len(fields) > 2 and fields[2]:
            e = fields[2]
            if e[0] == "DIRFD_PARAM":
                extra = f"ParamExtra::DirFd({consts.eval(' '.join(e[2:-1]))})"
            elif e[0] not in ("0",) and re.fullmatch(r"\w+", e[0]):
                if e[0].endswith("_dynamic_param"):
                    extra = f"ParamExtra::Dynamic(&{upper(e[0])})"
                else:
                    extra = f"ParamExtra::Flags(&{upper(e[0])})"
        return f"ParamInfo::new({name_tok}, ParamType::{ptypes[ty]}, PrintFormat::{pformats[fmt]}, {extra})"

    # Dynamic parameter tables.
    dyn_src = strip_comments(read("dynamic_params_table.c"))
    for name in re.findall(r"const\s+struct\s+ppm_param_info\s+(\w+)\s*\[", dyn_src):
        items = parse_array(dyn_src, name)
        rows = []
        for desig, val in items:
            idx = consts.eval(" ".join(desig))
            # {{0}, TYPE, FMT, 0, 0}
            fields = val[0][1:]
            rows.append((idx, param(fields)))
        rows.sort()
        w(f"pub(super) static {upper(name)}: [ParamInfo; {len(rows)}] = [")
        for _, r in rows:
            w(f"    {r},")
        w("];")

    # Events.
    code_names = {}
    m = re.search(r"typedef\s+enum\s*\{(\s*PPME_GENERIC_E.*?)\}\s*ppm_event_code", public, flags=re.S)
    for item in m.group(1).split(","):
        n = item.split("=")[0].strip()
        if n.startswith("PPME_"):
            code_names[consts.values[n]] = n
    nevents = consts.values["PPM_EVENT_MAX"]
    ev_src = strip_comments(read("event_table.c"))
    events = {}
    for desig, val in parse_array(ev_src, "g_event_info"):
        code = consts.eval(" ".join(desig))
        body = val[0]
        name = body[0][0]
        cat = consts.eval(" ".join(body[1]))
        flags = consts.eval(" ".join(body[2])) if body[2] else 0
        nparams = consts.eval(" ".join(body[3]))
        params = []
        if nparams:
            for p in body[4][0]:
                fields = p[0] if len(p) == 1 and isinstance(p[0], list) else p
                pname = fields[0][0]
                params.append(param(fields[1:], pname))
        assert len(params) == nparams, (code, name, nparams, len(params))
        events[code] = (name, cat, flags, params)
    w("")
    w(f"pub(super) static EVENTS: [EventInfo; {nevents}] = [")
    for code in range(nevents):
        name, cat, flags, params = events[code]
        w(f"    // {code}: {code_names[code]}")
        if params:
            w(f"    EventInfo::new({name}, EventCategory({cat:#x}), EventFlags({flags:#x}), &[")
            for p in params:
                w(f"        {p},")
            w("    ]),")
        else:
            w(f"    EventInfo::new({name}, EventCategory({cat:#x}), EventFlags({flags:#x}), &[]),")
    w("];")
    w("")
    w("/// The event codes under libs' `ppm_event_code` names.")
    w("pub mod codes {")
    for code in range(nevents):
        n = code_names[code]
        d = "enter" if code % 2 == 0 else "exit"
        w(f"    /// `{n}`: the {d} event `{events[code][0][1:-1]}`.")
        w(f"    pub const {n}: u16 = {code};")
    w("}")
    w("")
    index = {}
    for code in range(nevents):
        index.setdefault(events[code][0][1:-1], []).append(code)
    w(f"pub(super) static NAME_INDEX: [(&str, &[u16]); {len(index)}] = [")
    for n in sorted(index):
        w(f"    (\"{n}\", &[{', '.join(map(str, index[n]))}]),")
    w("];")

    # ppm_sc names.
    # The raw header: a retired code keeps its slot as a commented-out
    # entry (`/*PPM_SC_X(NA_1, 382)*/`), and the table stays dense.
    raw = read("ppm_events_public.h")
    sc = dict((int(v), n.lower()) for n, v in re.findall(r"PPM_SC_X\(\s*(\w+)\s*,\s*(\d+)\s*\)", raw))
    sc = sorted(sc.items())
    assert [n for n, _ in sc] == list(range(len(sc))), "ppm_sc codes are not dense"
    for n, name in sc:
        consts.values["PPM_SC_" + name.upper()] = n
    w(f"pub(super) static PPM_SC_NAMES: [&str; {len(sc)}] = [")
    for _, name in sc:
        w(f"    \"{name}\",")
    w("];")
    w(f"pub(super) static PPM_SC_SORTED: [(&str, u16); {len(sc)}] = [")
    for name, n in sorted((name, n) for n, name in sc):
        w(f"    (\"{name}\", {n}),")
    w("];")

    # The x86_64 syscall table.
    sys_src = preprocess(strip_comments(read("syscall_table.c")), defined)
    table = {}
    for desig, val in parse_array(sys_src, "g_syscall_table"):
        nr = consts.eval(" ".join(desig))
        body = val[0]
        entry = {"flags": 0, "enter": 0, "exit": 0, "sc": 0}
        pos = ["flags", "enter", "exit", "sc"]
        for k, item in enumerate(body):
            if item and item[0] == ".":
                key = {"ppm_sc": "sc", "flags": "flags", "enter_event_type": "enter", "exit_event_type": "exit"}[item[1]]
                entry[key] = consts.eval(" ".join(item[3:]))
            else:
                entry[pos[k]] = consts.eval(" ".join(item))
        table[nr] = entry
    sc_name = {n: name for n, name in sc}
    w("pub(super) static SYSCALL_TABLE_X86_64: [SyscallEntry; SYSCALL_TABLE_SIZE] = {")
    w("    let mut t = [SyscallEntry::EMPTY; SYSCALL_TABLE_SIZE];")
    for nr in sorted(table):
        e = table[nr]
        w(
            f"    t[{nr}] = SyscallEntry::new(SyscallFlags({e['flags']:#x}), {e['enter']}, {e['exit']}, {e['sc']}); // {sc_name[e['sc']]}"
        )
    w("    t")
    w("};")
    text = "\n".join(out) + "\n"

    if check:
        path = os.path.join(CRATE, "src", "table", "data.rs")
        committed = open(path).read()
        if committed == text:
            print("data.rs is the generator's output, byte for byte")
            return
        import difflib

        sys.stdout.writelines(
            difflib.unified_diff(
                committed.splitlines(True), text.splitlines(True), "data.rs", "generated"
            )
        )
        sys.exit(1)
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
