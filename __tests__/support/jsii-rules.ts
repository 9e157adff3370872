/**
 * jsii's restrictions on a public API, one rule each, checked with the TypeScript compiler over the declarations
 * an entry file exports (src/index.ts for this package). jsii itself is not a dependency: this is the lint that
 * tells whether `jsii` could compile the surface, so that publishing to Python, Java, .NET or Go stays a build
 * step and not a breaking change. The rules follow jsii's documented type system (classes, interfaces, enums;
 * structs of readonly properties; no unions but optional values, no type operators, no generics) and its
 * reserved words (aws/jsii packages/jsii/lib/reserved-words.ts).
 */
import * as path from 'path';
import * as ts from 'typescript';

/** The rules, by id, with what each refuses and why jsii does. */
export const JSII_RULES = {
  union:
    'a union type (other than with undefined): jsii has no unions in the other languages; use a class with static factories',
  'literal-type':
    'a literal type (a string or number literal): jsii has only named types; use an enum or an enum-like class',
  'type-operator':
    'Omit, Pick, Partial, Record or another generic type, a mapped, conditional, indexed or keyof type: jsii knows none; write the props out in full',
  intersection: 'an intersection type: jsii knows none; declare an interface that extends both',
  tuple: 'a tuple type: jsii knows none; use a struct',
  'type-alias': 'an exported type alias: jsii exports classes, interfaces and enums only',
  'non-type-export':
    'an exported function or constant: jsii exports classes, interfaces and enums only; make it a static member',
  'index-signature':
    'an interface with an index signature: jsii maps only a property typed { [key: string]: T }',
  'struct-method': 'a struct (an interface without the I prefix) with methods: jsii structs are data only',
  'struct-mutable': 'a struct property that is not readonly: jsii structs are immutable',
  generic: 'a generic class, interface or method: jsii has no type parameters',
  overload: 'an overloaded method or constructor: jsii has one signature per member',
  'reserved-word': 'a member or parameter named with a reserved word of C#, Java, Python or Go',
  'enum-member':
    'an enum member that is not UPPER_SNAKE_CASE, or an enum with a non-string, non-number value',
  'underscore-member':
    'a public member whose name starts with _ without @internal: jsii hides it from other languages',
  'unexported-type': 'a type of the library used in a public signature but not exported: jsii cannot name it',
} as const;

/** A rule's id. */
export type JsiiRule = keyof typeof JSII_RULES;

// Reserved words of jsii's target languages (aws/jsii packages/jsii/lib/reserved-words.ts), as data.
const RESERVED = new Set(
  [
    // C#
    'abstract as base bool break byte case catch char checked class const continue decimal default delegate do',
    'double else enum event explicit extern false finally fixed float for foreach goto if implicit in int',
    'interface internal is lock long namespace new null object operator out override params private protected',
    'public readonly ref return sbyte sealed short sizeof stackalloc static string struct switch this throw true',
    'try typeof uint ulong unchecked unsafe ushort using virtual void volatile while',
    // Java
    'assert boolean extends final implements import instanceof native package strictfp super synchronized',
    'throws transient',
    // Python
    'False None True and def del elif except from global lambda nonlocal not or pass raise self with yield',
    // Go
    'chan defer fallthrough func go map range select type var iota nil int8 int16 int32 int64 uint8 uint16',
    'uint32 uint64 uintptr float32 float64 complex128 complex64 rune error make len cap append copy close',
    'delete complex real imag panic recover',
  ]
    .join(' ')
    .split(' '),
);

/** Type references jsii maps: arrays and promises. */
const ALLOWED_GENERICS = new Set(['Array', 'Promise']);

/** One violation: the rule and where (`Class#member(param)`, `Interface.prop`). */
export interface JsiiViolation {
  readonly rule: JsiiRule;
  readonly where: string;
}

/** The violations of the API `entry` exports, over a program of the given host (the real files by default). */
export function jsiiViolations(entry: string, host?: ts.CompilerHost): JsiiViolation[] {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
    // A small API of a test needs no standard library: the rules read its own declarations only.
    noLib: host !== undefined,
  };
  const program = ts.createProgram([entry], options, host);
  const checker = program.getTypeChecker();
  const index = program.getSourceFile(entry);
  if (index === undefined) throw new Error(`${entry} not found`);
  const moduleSymbol = checker.getSymbolAtLocation(index);
  if (moduleSymbol === undefined) throw new Error(`${entry} is not a module`);
  const root = path.dirname(path.resolve(entry));
  const ours = (node: ts.Node): boolean => {
    const file = path.resolve(node.getSourceFile().fileName);
    return file.startsWith(root) && !file.includes(`${path.sep}node_modules${path.sep}`);
  };

  const found: JsiiViolation[] = [];
  const report = (rule: JsiiRule, where: string) => {
    if (!found.some((f) => f.rule === rule && f.where === where)) found.push({ rule, where });
  };

  const exported = new Set<ts.Symbol>();
  const exports = checker.getExportsOfModule(moduleSymbol).map((e) => {
    const symbol = e.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(e) : e;
    exported.add(symbol);
    return symbol;
  });

  const isInternal = (node: ts.Node): boolean =>
    ts.getJSDocTags(node).some((t) => t.tagName.text === 'internal');
  const isHidden = (node: ts.Declaration): boolean =>
    (ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Private) !== 0 ||
    isInternal(node) ||
    (ts.isClassElement(node) && node.name !== undefined && ts.isPrivateIdentifier(node.name));

  /** The rules a type written in a public signature breaks. */
  const checkType = (node: ts.TypeNode | undefined, where: string): void => {
    if (node === undefined) return;
    if (ts.isUnionTypeNode(node)) {
      const kept = node.types.filter(
        (t) =>
          t.kind !== ts.SyntaxKind.UndefinedKeyword &&
          !(ts.isLiteralTypeNode(t) && t.literal.kind === ts.SyntaxKind.NullKeyword),
      );
      if (kept.length > 1) {
        if (kept.every((t) => ts.isLiteralTypeNode(t))) report('literal-type', where);
        else report('union', where);
      }
      kept.forEach((t) => checkType(t, where));
      return;
    }
    if (ts.isLiteralTypeNode(node)) {
      if (node.literal.kind !== ts.SyntaxKind.NullKeyword) report('literal-type', where);
      return;
    }
    if (ts.isIntersectionTypeNode(node)) {
      report('intersection', where);
      return;
    }
    if (ts.isTupleTypeNode(node)) {
      report('tuple', where);
      return;
    }
    if (
      ts.isMappedTypeNode(node) ||
      ts.isConditionalTypeNode(node) ||
      ts.isIndexedAccessTypeNode(node) ||
      ts.isTypeQueryNode(node) ||
      (ts.isTypeOperatorNode(node) && node.operator === ts.SyntaxKind.KeyOfKeyword)
    ) {
      report('type-operator', where);
      return;
    }
    if (ts.isTypeOperatorNode(node) || ts.isParenthesizedTypeNode(node)) {
      checkType(node.type, where);
      return;
    }
    if (ts.isArrayTypeNode(node)) {
      checkType(node.elementType, where);
      return;
    }
    if (ts.isTypeLiteralNode(node)) {
      // `{ [key: string]: T }` is jsii's map; any other inline object type is a struct it cannot name.
      const [only] = node.members;
      if (node.members.length === 1 && ts.isIndexSignatureDeclaration(only)) checkType(only.type, where);
      else report('type-operator', where);
      return;
    }
    if (ts.isFunctionTypeNode(node)) {
      report('type-operator', where);
      return;
    }
    if (ts.isTypeReferenceNode(node)) {
      const name = node.typeName.getText();
      if (node.typeArguments !== undefined && node.typeArguments.length > 0) {
        if (!ALLOWED_GENERICS.has(name)) report('type-operator', where);
        node.typeArguments.forEach((t) => checkType(t, where));
        return;
      }
      const symbol = checker.getSymbolAtLocation(node.typeName);
      const target =
        symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      const declaration = target?.declarations?.[0];
      if (target !== undefined && declaration !== undefined && ours(declaration) && !exported.has(target)) {
        // A type parameter of a generic declaration is reported by `generic` already.
        if (!(target.flags & ts.SymbolFlags.TypeParameter)) report('unexported-type', `${where} (${name})`);
      }
    }
  };

  const checkName = (name: string, where: string, node: ts.Declaration): void => {
    if (RESERVED.has(name)) report('reserved-word', where);
    if (name.startsWith('_') && !isInternal(node)) report('underscore-member', where);
  };

  const checkParams = (params: ts.NodeArray<ts.ParameterDeclaration>, owner: string): void => {
    for (const p of params) {
      const name = p.name.getText();
      checkName(name, `${owner}(${name})`, p);
      checkType(p.type, `${owner}(${name})`);
    }
  };

  const checkHeritage = (node: ts.ClassDeclaration | ts.InterfaceDeclaration, name: string): void => {
    for (const clause of node.heritageClauses ?? []) {
      for (const t of clause.types) {
        const base = t.expression.getText();
        if (t.typeArguments !== undefined && t.typeArguments.length > 0) {
          report('type-operator', `${name} extends ${base}`);
          continue;
        }
        const symbol = checker.getSymbolAtLocation(t.expression);
        const target =
          symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
        const declaration = target?.declarations?.[0];
        if (target !== undefined && declaration !== undefined && ours(declaration) && !exported.has(target)) {
          report('unexported-type', `${name} extends ${base}`);
        }
      }
    }
    if (node.typeParameters !== undefined && node.typeParameters.length > 0) report('generic', name);
  };

  const checkOverloads = (members: ts.NodeArray<ts.Node>, owner: string): void => {
    const counts = new Map<string, number>();
    for (const m of members) {
      if (!(ts.isMethodDeclaration(m) || ts.isMethodSignature(m) || ts.isConstructorDeclaration(m))) continue;
      if (ts.isMethodDeclaration(m) && m.body === undefined && m.parent && ts.isClassDeclaration(m.parent)) {
        // An overload signature of a class method (abstract methods have no body and are counted once).
        if ((ts.getCombinedModifierFlags(m) & ts.ModifierFlags.Abstract) === 0) {
          const name = m.name.getText();
          counts.set(name, (counts.get(name) ?? 0) + 1);
        }
        continue;
      }
      const name = ts.isConstructorDeclaration(m) ? 'constructor' : m.name.getText();
      if (ts.isConstructorDeclaration(m) && m.body === undefined)
        counts.set(name, (counts.get(name) ?? 0) + 1);
      if (ts.isMethodSignature(m)) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
    for (const [name, count] of counts) if (count > 1) report('overload', `${owner}#${name}`);
  };

  const checkClass = (node: ts.ClassDeclaration, name: string): void => {
    checkHeritage(node, name);
    checkOverloads(node.members, name);
    for (const m of node.members) {
      if (isHidden(m)) continue;
      if (ts.isConstructorDeclaration(m)) {
        checkParams(m.parameters, name);
        continue;
      }
      const memberName = m.name?.getText();
      if (memberName === undefined) continue;
      const isStatic = (ts.getCombinedModifierFlags(m) & ts.ModifierFlags.Static) !== 0;
      const where = `${name}${isStatic ? '.' : '#'}${memberName}`;
      checkName(memberName, where, m);
      if (ts.isPropertyDeclaration(m)) checkType(m.type, where);
      else if (ts.isGetAccessorDeclaration(m)) checkType(m.type, where);
      else if (ts.isMethodDeclaration(m)) {
        if (m.typeParameters !== undefined && m.typeParameters.length > 0) report('generic', where);
        checkParams(m.parameters, where);
        checkType(m.type, where);
      }
    }
  };

  const checkInterface = (node: ts.InterfaceDeclaration, name: string): void => {
    checkHeritage(node, name);
    checkOverloads(node.members, name);
    const struct = !/^I[A-Z]/.test(name);
    for (const m of node.members) {
      if (isInternal(m)) continue;
      if (ts.isIndexSignatureDeclaration(m)) {
        report('index-signature', name);
        continue;
      }
      const memberName = m.name?.getText();
      if (memberName === undefined) continue;
      const where = `${name}.${memberName}`;
      checkName(memberName, where, m);
      if (ts.isPropertySignature(m)) {
        checkType(m.type, where);
        const readonly = m.modifiers?.some((mod) => mod.kind === ts.SyntaxKind.ReadonlyKeyword) ?? false;
        if (struct && !readonly) report('struct-mutable', where);
      } else if (ts.isMethodSignature(m)) {
        if (struct) report('struct-method', where);
        if (m.typeParameters !== undefined && m.typeParameters.length > 0) report('generic', where);
        checkParams(m.parameters, where);
        checkType(m.type, where);
      }
    }
  };

  const checkEnum = (node: ts.EnumDeclaration, name: string): void => {
    for (const m of node.members) {
      const member = m.name.getText();
      const value = m.initializer;
      const literal = value === undefined || ts.isStringLiteral(value) || ts.isNumericLiteral(value);
      if (!/^[A-Z][A-Z0-9_]*$/.test(member) || !literal) report('enum-member', `${name}.${member}`);
    }
  };

  for (const symbol of exports) {
    for (const declaration of symbol.declarations ?? []) {
      if (!ours(declaration)) continue;
      const name = symbol.name;
      if (ts.isClassDeclaration(declaration)) checkClass(declaration, name);
      else if (ts.isInterfaceDeclaration(declaration)) checkInterface(declaration, name);
      else if (ts.isEnumDeclaration(declaration)) checkEnum(declaration, name);
      else if (ts.isTypeAliasDeclaration(declaration)) report('type-alias', name);
      else if (ts.isFunctionDeclaration(declaration) || ts.isVariableDeclaration(declaration))
        report('non-type-export', name);
    }
  }
  return found.sort((a, b) => `${a.rule} ${a.where}`.localeCompare(`${b.rule} ${b.where}`));
}

/** A compiler host that reads `files` (name to source, under `dir`) from memory and everything else from disk. */
export function memoryHost(dir: string, files: Record<string, string>): ts.CompilerHost {
  const host = ts.createCompilerHost({ target: ts.ScriptTarget.ES2022 });
  const inMemory = new Map(Object.entries(files).map(([name, text]) => [path.join(dir, name), text]));
  const read = host.readFile.bind(host);
  const exists = host.fileExists.bind(host);
  const getSourceFile = host.getSourceFile.bind(host);
  host.readFile = (file) => inMemory.get(path.resolve(file)) ?? read(file);
  host.fileExists = (file) => inMemory.has(path.resolve(file)) || exists(file);
  host.getSourceFile = (file, language, onError, shouldCreate) => {
    const text = inMemory.get(path.resolve(file));
    return text !== undefined
      ? ts.createSourceFile(file, text, language, true)
      : getSourceFile(file, language, onError, shouldCreate);
  };
  return host;
}
