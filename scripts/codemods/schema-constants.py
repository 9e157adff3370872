#!/usr/bin/env python3
"""Codemod, step 1 of 3. Old-style schema sites to schema constants: `defineProps<P>('Name', {...});` as a statement becomes
`export const NAME = defineProps<P>('Name', {...});`, and `readProps(x, 'Name', ...)` / `readParams(x, 'Name', ...)`
take the constant (imported from the file that defines it when it is another); `fromFactory('Name', ...)` likewise. Prints
the names it could not find (a schema built in a loop or a function: hoist it to a constant by hand). Usage, from
the repository root: python3 scripts/codemods/schema-constants.py ."""
import re, sys, pathlib, os
root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else '.')
files = [p for p in (root / 'src').rglob('*.ts')]
def const_name(name):
    base = re.sub(r'([a-z0-9])([A-Z])', r'\1_\2', name)
    base = re.sub(r'[^A-Za-z0-9]+', '_', base).upper().strip('_')
    if '#' in name or '.' in name:
        base += '_PARAMS'
    return base
defined = {}  # name -> (file, const)
for p in files:
    s = p.read_text()
    def rep(m):
        name = m.group(3)
        c = const_name(name)
        defined[name] = (p, c)
        return f"{m.group(1)}export const {c} = {m.group(2)}"
    s2 = re.sub(r"(^|\n)((?:defineProps|defineConfig)<[^\n]*?>\(\s*'([^']+)')", rep, s)
    # existing constants: const X = defineProps<...>('Name'
    for m in re.finditer(r"(?:export )?const (\w+)(?:: [^=]+)? = (?:defineProps|defineConfig)<[^\n]*?>\(\s*'([^']+)'", s2):
        defined.setdefault(m.group(2), (p, m.group(1)))
    s2 = re.sub(r"(^|\n)const (\w+ = (?:defineProps|defineConfig)<)", r"\1export const \2", s2)
    if s2 != s: p.write_text(s2)
missing = []
for p in files:
    s = p.read_text()
    imports = {}
    def rep(m):
        name = m.group(3)
        if name not in defined:
            missing.append((str(p), name)); return m.group(0)
        f, c = defined[name]
        if f != p: imports.setdefault(f, set()).add(c)
        return f"{m.group(1)}{m.group(2)}{c}"
    s2 = re.sub(r"(read(?:Props|Params)\()(\s*[^,]+,\s*)'([^']+)'", rep, s)
    s2 = re.sub(r"(fromFactory\()(\s*)'([^']+)'", rep, s2)
    for f, cs in imports.items():
        rel = os.path.relpath(f.with_suffix(''), p.parent)
        if not rel.startswith('.'): rel = './' + rel
        s2 = f"import {{ {', '.join(sorted(cs))} }} from '{rel}';\n" + s2
    if s2 != s: p.write_text(s2)
for m in missing: print('MISSING', *m)
