/**
 * Diagnosis only (`npm run bench -- --profile`): an init script that counts, for
 * every React commit, which components rendered. It poses as React DevTools'
 * global hook (React reports each commit to it, in production builds too) and
 * walks the committed tree the way DevTools does: a subtree whose child list was
 * not re-created bailed out, and a component rendered when its fiber carries
 * React's PerformedWork flag. Names are readable only in an unminified build.
 */
export interface RenderCommit {
  /** performance.now() when the commit was reported (after React's mutation and layout phases). */
  at: number;
  /** Component name (with "+" for those mounted) → how many instances rendered in this commit. */
  rendered: Record<string, number>;
}

export interface RenderCounter {
  commits: RenderCommit[];
}

export function installRenderCounter(): void {
  // Inside: this function is shipped to the page on its own, without the module around it.
  interface Fiber {
    tag: number;
    type: unknown;
    elementType: unknown;
    flags: number;
    child: Fiber | null;
    sibling: Fiber | null;
    alternate: Fiber | null;
  }
  const PERFORMED_WORK = 1;
  // Function, class, forwardRef, memo with compare, simple memo.
  const COMPONENT_TAGS = new Set([0, 1, 11, 14, 15]);
  const counter: RenderCounter = { commits: [] };
  (window as unknown as { __renderCounter: RenderCounter }).__renderCounter = counter;
  const nameOf = (fiber: Fiber): string => {
    const type = (fiber.tag === 14 ? fiber.elementType : fiber.type) as { displayName?: string; name?: string; type?: { name?: string }; render?: { name?: string } } | null;
    return type?.displayName ?? type?.name ?? type?.type?.name ?? type?.render?.name ?? `tag${fiber.tag}`;
  };
  const visit = (fiber: Fiber, rendered: Record<string, number>): void => {
    const mounted = fiber.alternate === null;
    if (COMPONENT_TAGS.has(fiber.tag) && (mounted || (fiber.flags & PERFORMED_WORK) !== 0)) {
      // "+": mounted in this commit.
      const name = `${nameOf(fiber)}${mounted ? '+' : ''}`;
      rendered[name] = (rendered[name] ?? 0) + 1;
    }
    // The same child list as before: the whole subtree bailed out.
    if (!mounted && fiber.child === fiber.alternate?.child) return;
    for (let child = fiber.child; child !== null; child = child.sibling) visit(child, rendered);
  };
  (window as unknown as { __REACT_DEVTOOLS_GLOBAL_HOOK__: unknown }).__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject: () => 1,
    checkDCE: () => undefined,
    onScheduleFiberRoot: () => undefined,
    onCommitFiberUnmount: () => undefined,
    onPostCommitFiberRoot: () => undefined,
    onCommitFiberRoot: (_id: number, root: { current: Fiber }) => {
      const rendered: Record<string, number> = {};
      for (let child = root.current.child; child !== null; child = child.sibling) visit(child, rendered);
      counter.commits.push({ at: performance.now(), rendered });
    },
  };
}
