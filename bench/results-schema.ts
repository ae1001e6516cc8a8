import { z } from 'zod';

/**
 * The format of `bench/results.json`. `scripts/bench-results.test.ts` checks
 * the committed file against it, so a bench change that breaks the format
 * (or writes a "met" that contradicts its own value and target) is caught.
 */

export const TargetSchema = z.strictObject({
  op: z.enum(['<=', '>=', '<', '>', '==']),
  value: z.number().finite(),
});
export type Target = z.infer<typeof TargetSchema>;

export const FigureSchema = z
  .strictObject({
    /** Stable identifier, e.g. "board-open-100k-ms". */
    name: z.string().regex(/^[a-z0-9]+(?:[-.][a-z0-9]+)*$/, 'figure names are kebab-case ids'),
    /** Median over the runs (or the single measured count). */
    value: z.number().finite(),
    unit: z.string().min(1),
    /** null: reported for context, no target of its own. */
    target: TargetSchema.nullable(),
    met: z.boolean().nullable(),
    /** What was measured and how many runs the median is over. */
    note: z.string().optional(),
  })
  .superRefine((figure, ctx) => {
    if ((figure.target === null) !== (figure.met === null)) {
      ctx.addIssue({ code: 'custom', message: `Figure "${figure.name}": "met" must be null exactly when there is no target.` });
    } else if (figure.target !== null && figure.met !== meets(figure.value, figure.target)) {
      ctx.addIssue({ code: 'custom', message: `Figure "${figure.name}": "met" is ${String(figure.met)} but ${figure.value} ${figure.target.op} ${figure.target.value} is not.` });
    }
  });
export type Figure = z.infer<typeof FigureSchema>;

export const MachineSchema = z.strictObject({
  cpus: z.number().int().positive(),
  cpuModel: z.string(),
  memoryGb: z.number().positive(),
  platform: z.string(),
  node: z.string(),
  chromium: z.string(),
  quick: z.boolean(),
  startedAt: z.iso.datetime(),
  durationS: z.number().nonnegative(),
});
export type Machine = z.infer<typeof MachineSchema>;

export const BenchResultsSchema = z.strictObject({
  machine: MachineSchema,
  figures: z
    .array(FigureSchema)
    .min(1)
    .superRefine((figures, ctx) => {
      const seen = new Set<string>();
      for (const figure of figures) {
        if (seen.has(figure.name)) ctx.addIssue({ code: 'custom', message: `Figure "${figure.name}" appears twice.` });
        seen.add(figure.name);
      }
    }),
});
export type BenchResults = z.infer<typeof BenchResultsSchema>;

/**
 * Issue 16's move figures, each for a pointer, a keyboard and a menu move at 10k and 100k:
 * drop → painted, drop → committed, the drop input's own handling, and the longest frame of
 * the move, alone and as a ratio to the idle page's.
 */
export const MOVE_FIGURES: readonly string[] = ['pointer', 'keyboard', 'menu'].flatMap((kind) =>
  ['10k', '100k'].flatMap((size) => [
    `drop-painted-${kind}-${size}-ms`,
    `drop-committed-${kind}-${size}-ms`,
    `drop-handling-${kind}-${size}-ms`,
    `move-longest-frame-${kind}-${size}-ms`,
    `move-longest-frame-${kind}-${size}-vs-idle`,
  ]),
);

/** Issue 12's team figures: requests per handed-over handoff (push, pull) and a second desktop's convergence, as ratios to the limits' minimum. */
export const TEAM_FIGURES: readonly string[] = ['sync-team-push-requests-ratio', 'sync-team-pull-requests-ratio', 'sync-team-converge-1000-vs-search-minimum'];

/** The figures a full run must report: one or more per figure of the board/sync issue (1–7), issue 12's team figures and issue 16's move figures. */
export const REQUIRED_FULL_RUN_FIGURES: readonly string[] = [
  'board-open-1k-ms',
  'board-open-10k-ms',
  'board-open-100k-ms',
  'board-open-100k-vs-1k',
  'board-open-100k-vs-toarray',
  'drag-commit-10k-ms',
  'drag-commit-10k-vs-put',
  'drag-longest-frame-10k-ms',
  'heap-10k-mb',
  'heap-100k-mb',
  'sync-push-10k-requests-ratio',
  'sync-push-10k-throughput-share',
  'sync-push-10k-429s',
  'sync-pull-10k-speed-vs-search-minimum',
  'import-10k-vs-bulkput',
  ...TEAM_FIGURES,
  ...MOVE_FIGURES,
];

export function meets(value: number, target: Target): boolean {
  switch (target.op) {
    case '<=':
      return value <= target.value;
    case '>=':
      return value >= target.value;
    case '<':
      return value < target.value;
    case '>':
      return value > target.value;
    case '==':
      return value === target.value;
  }
}

/** A figure with `met` computed from its value and target. */
export function figure(name: string, value: number, unit: string, target: Target | null, note?: string): Figure {
  const rounded = Math.round(value * 1000) / 1000;
  return { name, value: rounded, unit, target, met: target === null ? null : meets(rounded, target), ...(note === undefined ? {} : { note }) };
}
