#!/usr/bin/env python3
"""Codemod, step 2 of 3. `problemsOf(x).attempt(() => rule(...), undefined)` to `problemsOf(x).record(rule(...))`.
A block body (`attempt(() => { ... })`) or a fallback other than undefined is left for a hand conversion (the
type checker lists them once `attempt` is gone). Usage: python3 scripts/codemods/record-sites.py $(grep -rl 'attempt(' src)"""
import importlib, os, re, sys, pathlib
ARGS = sys.argv[1:]
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
rules = importlib.import_module('rule-problems')
match = rules.match
for p in map(pathlib.Path, ARGS):
    s = p.read_text(); out = []; pos = 0
    for m in re.finditer(r"\.attempt\(", s):
        if m.start() < pos: continue
        end = match(s, m.end() - 1, '(', ')')
        inner = s[m.end():end]
        mm = re.fullmatch(r"\s*\(\)\s*=>\s*(?![\s{])(.*?),\s*undefined,?\s*", inner, re.S)
        if not mm: continue
        out.append(s[pos:m.start()]); out.append('.record(' + mm.group(1).strip() + ')'); pos = end + 1
    out.append(s[pos:])
    s2 = ''.join(out)
    if s2 != s: p.write_text(s2); print(p)
