import * as ts from 'typescript';
import * as path from 'path';
const program = ts.createProgram(['src/index.ts'], { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, strict: true, skipLibCheck: true, noEmit: true, types: [] });
const checker = program.getTypeChecker();
const sf = program.getSourceFile('src/index.ts')!;
const mod = checker.getSymbolAtLocation(sf)!;
const srcDir = path.resolve('src');
const inSrc = (s: ts.Symbol) => (s.declarations ?? []).some(d => path.resolve(d.getSourceFile().fileName).startsWith(srcDir));
const out: string[] = [];
function isInternal(s: ts.Symbol) { return ts.getJSDocTags(s.declarations![0]).some(t => t.tagName.text === 'internal') || s.getJsDocTags().some(t=>t.name==='internal'); }
function walkType(prefix: string, type: ts.Type, depth: number) {
  const nn = checker.getNonNullableType(type);
  for (const p of nn.getProperties()) {
    if (!inSrc(p) || isInternal(p)) continue;
    const pt = checker.getTypeOfSymbol(p);
    const str = checker.typeToString(pt);
    out.push(`${prefix}.${p.name}: ${str}`);
    const t2 = checker.getNonNullableType(pt);
    const sym = t2.getSymbol() ?? t2.aliasSymbol;
    if (depth < 3 && sym && inSrc(sym) && (sym.flags & (ts.SymbolFlags.Interface | ts.SymbolFlags.TypeLiteral)) && !/^I[A-Z]/.test(sym.name) && !(t2.flags & ts.TypeFlags.Union)) walkType(`${prefix}.${p.name}`, t2, depth + 1);
  }
}
for (const e of checker.getExportsOfModule(mod)) {
  const s = e.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(e) : e;
  if (!(s.flags & ts.SymbolFlags.Class)) continue;
  const type = checker.getTypeOfSymbolAtLocation(s, s.valueDeclaration!);
  const ctor = type.getConstructSignatures()[0];
  const decl = s.valueDeclaration as ts.ClassDeclaration;
  const ctorDecl = decl.members.find(ts.isConstructorDeclaration);
  const priv = ctorDecl && ctorDecl.modifiers?.some(m => m.kind === ts.SyntaxKind.PrivateKeyword || m.kind === ts.SyntaxKind.ProtectedKeyword);
  if (ctor && !priv) ctor.getParameters().forEach((p) => { if (p.name==='scope'||p.name==='id') return; walkType(`${s.name}(${p.name})`, checker.getTypeOfSymbol(p), 0); });
  for (const m of type.getProperties()) {
    if (!(m.flags & ts.SymbolFlags.Method) || !inSrc(m)) continue;
    const sig = checker.getSignaturesOfType(checker.getTypeOfSymbol(m), ts.SignatureKind.Call)[0];
    sig.getParameters().forEach(p => { if (p.name==='scope'||p.name==='id') return; const pt = checker.getTypeOfSymbol(p); out.push(`${s.name}.${m.name}(${p.name}): ${checker.typeToString(pt)}`); walkType(`${s.name}.${m.name}(${p.name})`, pt, 0); });
  }
  const inst = checker.getDeclaredTypeOfSymbol(s);
  for (const m of inst.getProperties()) {
    if (!(m.flags & ts.SymbolFlags.Method) || !inSrc(m) || isInternal(m)) continue;
    const md = m.declarations![0];
    if (ts.getCombinedModifierFlags(md as ts.Declaration) & (ts.ModifierFlags.Private|ts.ModifierFlags.Protected)) continue;
    const sig = checker.getSignaturesOfType(checker.getTypeOfSymbol(m), ts.SignatureKind.Call)[0];
    sig.getParameters().forEach(p => { const pt = checker.getTypeOfSymbol(p); out.push(`${s.name}#${m.name}(${p.name}): ${checker.typeToString(pt)}`); walkType(`${s.name}#${m.name}(${p.name})`, pt, 0); });
  }
}
console.log(out.join('\n')); console.error(out.length);
