#!/usr/bin/env python3
"""Writes Tests/ClusterClientTests/TOMLCorpus: TOML files and, from Python's
own tomllib (the reference parser), what each must give. Run once when the
corpus changes; the test run needs only the files it writes (issue 19).

Each case: name, text, and whether it stays inside the config file's subset
(strings, booleans, numbers in decimal, one-line arrays of strings, tables;
no other arrays, inline tables,
dotted keys, multi-line strings, dates, hex/octal/binary, inf/nan).
Valid cases outside the subset must be refused with a clear line, not
misread; invalid ones must be refused."""
import json, os, sys, tomllib

HERE = os.path.join(os.path.dirname(__file__), '..', '..', 'Tests', 'ClusterClientTests', 'TOMLCorpus')

CASES = [
    # (name, text, inside the subset)
    ('basic', 'current-context = "prod"\n\n[contexts.prod]\nurl = "https://core:3000"\ninsecure = false\npoll-interval = 2\n', True),
    ('comments', '# top\na = "x" # trailing\n[t] # header comment\nb = true#tight\n', True),
    ('quoted-keys', '[contexts."eu west"]\n"quoted key" = \'literal \\n stays\'\n', True),
    ('empty-quoted-key', '"" = 1\n', True),
    ('escapes', 's = "tab\\t nl\\n cr\\r quote\\" back\\\\ bs\\b ff\\f u\\u00e9 U\\U0001F600"\n', True),
    ('literal', "p = 'C:\\Users\\x'\n", True),
    ('numbers', 'a = 1\nb = -17\nc = +42\nd = 1_000\ne = 3.14\nf = -0.01\ng = 5e+22\nh = 1e06\ni = -2E-2\nj = 6.626e-34\nk = 0\nl = 0.0\nm = 9_224_617.445_991\n', True),
    ('whitespace-header', '[ a . b ]\nk = "v"\n[ a . "c d" ]\nk = "w"\n', True),
    ('crlf', 'a = "x"\r\n[t]\r\nb = 2\r\n', True),
    ('table-after-subtable', '[a.b]\nx = 1\n[a]\ny = 2\n', True),
    ('empty-file', '', True),
    ('unicode', 'name = "日本語 ✓"\n[contexts."ünï"]\nurl = "https://x"\n', True),
    ('bool-case', 'on = true\noff = false\n', True),
    ('string-array', 'on-alert = ["/usr/bin/page", \'--team\', "o\\"ps"]\n', True),
    ('string-array-trailing-comma', 'a = [ "x", ]  # hook\n', True),
    ('empty-array', 'a = []\n', True),
    # valid TOML outside the subset: refused with a clear line
    ('array', 'a = [1, 2]\n', False),
    ('inline-table', 'a = { b = 1 }\n', False),
    ('mixed-array', 'a = ["x", 1]\n', False),
    ('nested-array', 'a = [["x"]]\n', False),
    ('multiline-array', 'a = [\n  "x",\n]\n', False),
    ('dotted-key', 'a.b = 1\n', False),
    ('multiline-basic', 'a = """\nx"""\n', False),
    ('multiline-literal', "a = '''\nx'''\n", False),
    ('date', 'd = 1979-05-27T07:32:00Z\n', False),
    ('hex', 'h = 0xDEADBEEF\n', False),
    ('octal', 'o = 0o755\n', False),
    ('binary', 'b = 0b1101\n', False),
    ('inf', 'f = inf\n', False),
    ('nan', 'f = nan\n', False),
    ('array-of-tables', '[[a]]\nx = 1\n', False),
    # invalid TOML: must be refused
    ('double-underscore', 'n = 1__0\n', None),
    ('leading-zero', 'n = 007\n', None),
    ('leading-dot', 'n = .5\n', None),
    ('trailing-dot', 'n = 5.\n', None),
    ('underscore-edge', 'n = _1\n', None),
    ('underscore-trailing', 'n = 1_\n', None),
    ('underscore-dot', 'n = 1_.5\n', None),
    ('exponent-dot', 'n = 1e2.5\n', None),
    ('plus-minus', 'n = +-1\n', None),
    ('bare-string', 'a = hello\n', None),
    ('no-value', 'a =\n', None),
    ('no-equals', 'a "x"\n', None),
    ('trailing-text', 'a = "x" y\n', None),
    ('duplicate-key', 'a = 1\na = 2\n', None),
    ('duplicate-table', '[t]\n[t]\n', None),
    ('key-then-table', 'a = 1\n[a]\n', None),
    ('table-then-key', '[t.a]\nx = 1\n[t]\na = 2\n', None),
    ('bad-escape', 'a = "\\x41"\n', None),
    ('escape-e', 'a = "\\e"\n', None),
    ('control-in-string', 'a = "x\x01y"\n', None),
    ('control-in-literal', "a = 'x\x01y'\n", None),
    ('unterminated', 'a = "x\n', None),
    ('unterminated-literal', "a = 'x\n", None),
    ('header-trailing-dot', '[a.]\n', None),
    ('header-empty', '[]\n', None),
    ('bad-bare-key', 'a b = 1\n', None),
    ('true-caps', 'a = True\n', None),
    ('newline-in-key', '"a\nb" = 1\n', None),
    ('surrogate-escape', 'a = "\\uD800"\n', None),
    ('array-comma-only', 'a = [,]\n', None),
    ('array-missing-comma', 'a = ["x" "y"]\n', None),
    ('array-unclosed', 'a = ["x"\n', None),
]

def flatten(d, path=()):
    out = []
    for k, v in d.items():
        if isinstance(v, dict):
            out += flatten(v, path + (k,))
        else:
            if isinstance(v, bool): val = {'bool': v}
            elif isinstance(v, (int, float)): val = {'number': float(v)}
            elif isinstance(v, str): val = {'string': v}
            elif isinstance(v, list) and all(isinstance(x, str) for x in v): val = {'strings': v}
            else: val = {'other': str(v)}
            out.append({'key': list(path + (k,)), 'value': val})
    return sorted(out, key=lambda e: e['key'])

def main():
    os.makedirs(HERE, exist_ok=True)
    manifest = []
    for name, text, subset in CASES:
        with open(os.path.join(HERE, name + '.toml'), 'w', newline='') as f: f.write(text)
        try:
            parsed = tomllib.loads(text)
            valid = True
        except tomllib.TOMLDecodeError:
            valid = False
        expect_valid = subset is not None
        if valid != expect_valid:
            sys.exit(f'{name}: tomllib says valid={valid}, the case says {expect_valid}')
        entry = {'file': name + '.toml', 'valid': valid, 'subset': bool(subset)}
        if valid and subset: entry['entries'] = flatten(parsed)
        manifest.append(entry)
    with open(os.path.join(HERE, 'manifest.json'), 'w') as f:
        json.dump(manifest, f, indent=1, ensure_ascii=True, sort_keys=True)
        f.write('\n')
    print(f'{len(manifest)} cases written to {os.path.normpath(HERE)}')

main()
