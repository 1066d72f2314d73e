import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The renderer's inner boundaries, read from the import statements
 * themselves (no dependency): a feature reaches another only through its
 * public module (features/<x>/index.ts), features import each other in one
 * direction only (no cycles), and ui/ knows no feature.
 */
const ROOT = resolve(import.meta.dirname, '../../src-renderer');
const FEATURES = join(ROOT, 'features');
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|^\s*import\s+)'(\.{1,2}\/[^']+)'/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string | undefined {
  const base = resolve(dirname(from), specifier);
  return ['.ts', '.tsx', '/index.ts', '/index.tsx', '']
    .map((ending) => base + ending)
    .find((path) => existsSync(path) && statSync(path).isFile());
}

const featureOf = (path: string) =>
  path.startsWith(FEATURES + '/') ? relative(FEATURES, path).split('/')[0] : undefined;
const isPublicModule = (path: string) => /^index\.tsx?$/.test(relative(dirname(path), path));
const isFeatureRoot = (path: string) => dirname(dirname(path)) === FEATURES;

interface Edge {
  from: string;
  to: string;
  fromFeature: string | undefined;
  toFeature: string | undefined;
}

export function importEdges(files: readonly string[]): Edge[] {
  return files.flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(SPECIFIER)].flatMap(([, specifier]) => {
      const target = resolveImport(file, specifier!);
      return target
        ? [{ from: file, to: target, fromFeature: featureOf(file), toFeature: featureOf(target) }]
        : [];
    }),
  );
}

/** Every cycle of the feature graph, each as a path a → b → … → a. */
export function featureCycles(edges: readonly Edge[]): string[] {
  const graph = new Map<string, Set<string>>();
  for (const e of edges)
    if (e.fromFeature && e.toFeature && e.fromFeature !== e.toFeature)
      graph.set(e.fromFeature, (graph.get(e.fromFeature) ?? new Set()).add(e.toFeature));
  const cycles = new Set<string>();
  const walk = (node: string, path: string[]) => {
    for (const next of graph.get(node) ?? []) {
      const at = path.indexOf(next);
      if (at >= 0) cycles.add([...path.slice(at), next].join(' → '));
      else walk(next, [...path, next]);
    }
  };
  for (const start of graph.keys()) walk(start, [start]);
  return [...cycles];
}

const files = sourceFiles(ROOT);
const edges = importEdges(files);
const show = (e: Edge) => `${relative(ROOT, e.from)} → ${relative(ROOT, e.to)}`;

describe('the renderer’s boundaries', () => {
  it('reads the imports it checks (a sanity check of the scanner)', () => {
    expect(edges.length).toBeGreaterThan(500);
    expect(edges.some((e) => e.toFeature === 'courses' && isPublicModule(e.to))).toBe(true);
  });

  it('has features reach each other only through their public module', () => {
    const intoInternals = edges.filter(
      (e) =>
        e.toFeature !== undefined &&
        e.fromFeature !== e.toFeature &&
        !(isPublicModule(e.to) && isFeatureRoot(e.to)),
    );
    expect(intoInternals.map(show)).toEqual([]);
  });

  it('has no cycles between features', () => {
    expect(featureCycles(edges)).toEqual([]);
  });

  it('keeps shared widgets in ui/ free of any feature', () => {
    const fromUi = edges.filter((e) => e.from.startsWith(join(ROOT, 'ui') + '/') && e.toFeature);
    expect(fromUi.map(show)).toEqual([]);
  });

  it('finds a cycle and an import of internals when there is one (the check itself can fail)', () => {
    const fake = (from: string, to: string): Edge => ({
      from: join(FEATURES, from),
      to: join(FEATURES, to),
      fromFeature: from.split('/')[0],
      toFeature: to.split('/')[0],
    });
    expect(
      featureCycles([fake('chat/a.ts', 'desktop/index.ts'), fake('desktop/b.ts', 'chat/index.ts')]),
    ).toContain('chat → desktop → chat');
  });
});
