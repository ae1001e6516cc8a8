import { mkdtempSync, readdirSync, readFileSync, existsSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * No import cycles in shipped code (renderer/, shared/, electron/; tests
 * aside): a module that imports itself through others loads half-initialised,
 * and the layers stop reading as layers. Type-only imports count too: a cycle
 * of types is still two concepts that cannot be understood apart.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const SHIPPED = ['renderer/src', 'shared', 'electron'];
/** Import cycles allowed: none. A new one fails; list one here only with the reason it cannot be broken. */
const KNOWN_CYCLES: string[][] = [];
const TEST_FILE = /\.(test|fixture)\.tsx?$|[\\/]fixtures\.ts$/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') && !TEST_FILE.test(path) ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), join(base, 'index.tsx')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
  }
  return null;
}

function importsOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  for (const statement of source.statements) {
    const specifier = (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : null;
    const target = specifier === null ? null : resolveImport(file, specifier);
    if (target !== null) found.push(target);
  }
  return found;
}

/** Strongly connected components of more than one module (Tarjan), each a cycle or a knot of them. */
function importCycles(files: readonly string[], root = ROOT): string[][] {
  const shipped = new Set(files);
  const edges = new Map(files.map((file) => [file, importsOf(file).filter((target) => shipped.has(target))]));
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (node: string): void => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of edges.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node) ?? 0, low.get(next) ?? 0));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node) ?? 0, index.get(next) ?? 0));
      }
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string | undefined;
      do {
        member = stack.pop();
        if (member === undefined) break;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (edges.get(node) ?? []).includes(node)) cycles.push(component.map((file) => relative(root, file)).sort());
    }
  };
  for (const file of files) if (!index.has(file)) visit(file);
  return cycles;
}

describe('import cycles', () => {
  it('finds a cycle when there is one, type-only imports included (the check can fail)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'baton-cycles-'));
    writeFileSync(join(dir, 'a.ts'), "import type { B } from './b';\nexport type A = B;\n");
    writeFileSync(join(dir, 'b.ts'), "import { c } from './c';\nexport type B = string;\nexport const b = c;\n");
    writeFileSync(join(dir, 'c.ts'), "export { type A } from './a';\nexport const c = 1;\n");
    writeFileSync(join(dir, 'd.ts'), "import { c } from './c';\nexport const d = c;\n");
    const files = ['a.ts', 'b.ts', 'c.ts', 'd.ts'].map((name) => join(dir, name));
    expect(importCycles(files, dir)).toEqual([['a.ts', 'b.ts', 'c.ts']]);
  });

  it('shipped code has none but the known ones', () => {
    const files = SHIPPED.flatMap((dir) => sourceFiles(join(ROOT, dir)));
    expect(files.length).toBeGreaterThan(100);
    const key = (cycle: string[]) => cycle.join(' <-> ');
    expect(importCycles(files).map(key).sort()).toEqual(KNOWN_CYCLES.map(key).sort());
  });
});
