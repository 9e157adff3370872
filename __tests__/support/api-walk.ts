/**
 * Walks the public API as the declarations show it (the TypeScript compiler over src/index.ts, `@internal` left
 * out as `stripInternal` leaves it out of lib/*.d.ts): every exported construct's constructor, every static
 * factory of an exported class, every public method of an exported construct, and the properties of their
 * parameters, recursively through the interfaces this library declares.
 */
import * as path from 'path';
import * as ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..');
const SRC = path.join(ROOT, 'src');
const ARM = path.join(SRC, 'arm');

/** One way into the API: `new ManagedVnetWorkspace(...)`, `Model.fromLocalPath(...)`, `endpoint.routeTraffic(...)`. */
export interface ApiOwner {
  /** `ManagedVnetWorkspace`, `Model.fromLocalPath`, `SecureOnlineEndpoint#routeTraffic`. */
  readonly name: string;
  /** The class that declares it (for methods, the declaring class, which may be a base class). */
  readonly declaringName: string;
  readonly kind: 'constructor' | 'static' | 'method';
  /** The parameters after `scope` and `id` (constructors and scope-taking factories). */
  readonly params: readonly ApiParam[];
}

/** A parameter, or a property of a parameter's interface. */
export interface ApiParam {
  readonly name: string;
  /** Where it is declared: `OnlineDeploymentOptions.instanceCount`, or `Model.fromLocalPath(localPath)`. */
  readonly declaredAt: string;
  readonly optional: boolean;
  /** The name of the interface (or alias) of its type, when it is one this library declares outside src/arm. */
  readonly typeName?: string;
  /** Its properties, when its type is such an interface. */
  readonly props?: readonly ApiParam[];
}

function declaredIn(symbol: ts.Symbol, dir: string): boolean {
  return (symbol.declarations ?? []).some((d) => path.resolve(d.getSourceFile().fileName).startsWith(dir));
}

function isInternal(symbol: ts.Symbol): boolean {
  return symbol.getJsDocTags().some((t) => t.name === 'internal');
}

function isPrivate(symbol: ts.Symbol): boolean {
  const decl = symbol.declarations?.[0];
  if (decl === undefined) return false;
  const flags = ts.getCombinedModifierFlags(decl);
  return (
    (flags & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) !== 0 || symbol.name.startsWith('#')
  );
}

/** Walks the API; takes a few seconds (one TypeScript program over src). */
export function walkApi(): ApiOwner[] {
  const program = ts.createProgram([path.join(SRC, 'index.ts')], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.CommonJS,
    strict: true,
    skipLibCheck: true,
    noEmit: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const index = program.getSourceFile(path.join(SRC, 'index.ts'));
  if (index === undefined) throw new Error('src/index.ts not found');
  const moduleSymbol = checker.getSymbolAtLocation(index);
  if (moduleSymbol === undefined) throw new Error('src/index.ts is not a module');

  const propsOf = (type: ts.Type, depth: number): ApiParam[] | undefined => {
    const t = checker.getNonNullableType(type);
    if (t.isUnion() || t.isIntersection() || depth > 4) return undefined;
    const symbol = t.aliasSymbol ?? t.getSymbol();
    if (symbol === undefined || !declaredIn(symbol, SRC) || declaredIn(symbol, ARM)) return undefined;
    if (!(symbol.flags & ts.SymbolFlags.Interface)) return undefined;
    // Constructs passed by reference (a workspace, an endpoint) are checked where they are made.
    if (t.getProperty('node') !== undefined) return undefined;
    return t
      .getProperties()
      .filter((p) => declaredIn(p, SRC) && !isInternal(p) && !(p.flags & ts.SymbolFlags.Method))
      .map((p) => param(p, depth + 1));
  };
  const param = (symbol: ts.Symbol, depth: number, owner?: string): ApiParam => {
    const type = checker.getTypeOfSymbol(symbol);
    const nonNull = checker.getNonNullableType(type);
    const typeSymbol = nonNull.aliasSymbol ?? nonNull.getSymbol();
    const props = propsOf(type, depth);
    const declaration = symbol.valueDeclaration;
    const optional =
      (symbol.flags & ts.SymbolFlags.Optional) !== 0 ||
      (declaration !== undefined && ts.isParameter(declaration) && declaration.initializer !== undefined);
    const parent = declaration?.parent;
    const container =
      parent !== undefined && (ts.isInterfaceDeclaration(parent) || ts.isTypeLiteralNode(parent))
        ? ts.isInterfaceDeclaration(parent)
          ? parent.name.text
          : '{}'
        : undefined;
    return {
      name: symbol.name,
      declaredAt: owner !== undefined ? `${owner}(${symbol.name})` : `${container ?? '?'}.${symbol.name}`,
      optional,
      typeName: props === undefined ? undefined : typeSymbol?.name,
      props,
    };
  };
  const paramsOf = (signature: ts.Signature, owner: string): ApiParam[] => {
    const all = signature.getParameters();
    const first = all[0] === undefined ? undefined : checker.getTypeOfSymbol(all[0]);
    // (scope, id, ...): the construct tree's arguments, not props.
    const skip =
      first !== undefined && first.getProperty('node') !== undefined && all[1]?.name === 'id' ? 2 : 0;
    return all.slice(skip).map((p) => param(p, 0, owner));
  };

  const owners: ApiOwner[] = [];
  for (const exported of checker.getExportsOfModule(moduleSymbol)) {
    const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
    if (!(symbol.flags & ts.SymbolFlags.Class) || symbol.valueDeclaration === undefined) continue;
    const classType = checker.getTypeOfSymbolAtLocation(symbol, symbol.valueDeclaration);
    const instanceType = checker.getDeclaredTypeOfSymbol(symbol);
    const isConstruct = instanceType.getProperty('node') !== undefined;
    const declaration = symbol.valueDeclaration as ts.ClassDeclaration;
    const ctor = declaration.members.find(ts.isConstructorDeclaration);
    const ctorHidden =
      ctor !== undefined &&
      (ts.getCombinedModifierFlags(ctor) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) !== 0;
    const abstract = (ts.getCombinedModifierFlags(declaration) & ts.ModifierFlags.Abstract) !== 0;
    const signature = classType.getConstructSignatures()[0];
    if (isConstruct && !ctorHidden && !abstract && signature !== undefined) {
      owners.push({
        name: symbol.name,
        declaringName: symbol.name,
        kind: 'constructor',
        params: paramsOf(signature, symbol.name),
      });
    }
    for (const member of classType.getProperties()) {
      if (!(member.flags & ts.SymbolFlags.Method) || !declaredIn(member, SRC) || isInternal(member)) continue;
      if (isPrivate(member)) continue;
      const sig = checker.getSignaturesOfType(checker.getTypeOfSymbol(member), ts.SignatureKind.Call)[0];
      owners.push({
        name: `${symbol.name}.${member.name}`,
        declaringName: `${symbol.name}.${member.name}`,
        kind: 'static',
        params: paramsOf(sig, `${symbol.name}.${member.name}`),
      });
    }
    if (!isConstruct) continue;
    for (const member of instanceType.getProperties()) {
      if (!(member.flags & ts.SymbolFlags.Method) || !declaredIn(member, SRC) || isInternal(member)) continue;
      if (isPrivate(member)) continue;
      const declaringClass = member.declarations?.[0]?.parent;
      const declaring =
        declaringClass !== undefined &&
        ts.isClassDeclaration(declaringClass) &&
        declaringClass.name !== undefined
          ? declaringClass.name.text
          : symbol.name;
      const sig = checker.getSignaturesOfType(checker.getTypeOfSymbol(member), ts.SignatureKind.Call)[0];
      owners.push({
        name: `${symbol.name}#${member.name}`,
        declaringName: `${declaring}#${member.name}`,
        kind: 'method',
        params: paramsOf(sig, `${declaring}#${member.name}`),
      });
    }
  }
  return owners.sort((a, b) => a.name.localeCompare(b.name));
}
