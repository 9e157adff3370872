#!/usr/bin/env python3
"""Codemod, step 3 of 3 (after schema-constants.py and record-sites.py). Rules that throw (refuse) to rules that return their problems: in a function or method declared `: void` whose
own body calls `refuse(` as a statement, `refuse(code, detail);` becomes `return [problem(code, detail)];`, a
bare `return;` becomes `return [];`, the return type `Problems`, and `return [];` closes the body. Prints the names
converted, so that their callers can be converted too. A refuse inside a nested function (an `attempt(() => { ... })` block)
is converted as if it were the outer function's: review each name printed (a caller that ignores the returned problems drops them: wrap it in
`problemsOf(scope).record(...)`). Usage: python3 scripts/codemods/rule-problems.py $(grep -rl 'refuse(' src)"""
import re, sys, pathlib

def skip_string(s, i):
    q = s[i]; i += 1
    while i < len(s):
        c = s[i]
        if c == '\\': i += 2; continue
        if q == '`' and c == '$' and s[i+1] == '{':
            i = match(s, i+1, '{', '}') + 1; continue
        if c == q: return i + 1
        i += 1
    raise ValueError('unterminated')

def match(s, i, o, c):
    """index of the bracket closing the one at i"""
    depth = 0
    while i < len(s):
        ch = s[i]
        if ch in '\'"`':
            i = skip_string(s, i); continue
        if s.startswith('//', i):
            i = s.index('\n', i); continue
        if s.startswith('/*', i):
            i = s.index('*/', i) + 2; continue
        if ch == o: depth += 1
        elif ch == c:
            depth -= 1
            if depth == 0: return i
        i += 1
    raise ValueError('unmatched')

HEAD = re.compile(r"(\n[ \t]*(?:export )?(?:(?:public|private|protected) )?(?:function )?(\w+)\((?:[^()]|\([^()]*\))*\)): void \{")
def main():
    converted = []
    for p in map(pathlib.Path, sys.argv[1:]):
        s = p.read_text()
        out = []; pos = 0
        for m in HEAD.finditer(s):
            if m.start() < pos: continue
            open_i = m.end() - 1
            close_i = match(s, open_i, '{', '}')
            body = s[open_i+1:close_i]
            if not re.search(r"(^|[\s;{)])refuse\(", body): continue
            # own-level refuse statements only: skip bodies with nested functions containing refuse
            nb = []; j = 0
            for r in re.finditer(r"refuse\(", body):
                k = r.start()
                if k < j: continue
                end = match(body, k + len('refuse'), '(', ')')
                semi = end + 1
                assert body[semi] == ';', (p, m.group(2), body[k:semi+5])
                nb.append(body[j:k]); nb.append('return [problem(' + body[k+7:end] + ')];'); j = semi + 1
            nb.append(body[j:])
            body2 = ''.join(nb)
            body2 = re.sub(r"\breturn;", "return [];", body2)
            indent = re.match(r"\n([ \t]*)", m.group(1)).group(1)
            body2 = body2.rstrip() + f"\n{indent}  return [];\n{indent}"
            out.append(s[pos:m.start()]); out.append(m.group(1) + ': Problems {' + body2 + '}')
            pos = close_i + 1
            converted.append(f"{p}:{m.group(2)}")
        out.append(s[pos:])
        s2 = ''.join(out)
        if s2 != s:
            p.write_text(s2)
    print('\n'.join(converted))

if __name__ == "__main__":
    main()
