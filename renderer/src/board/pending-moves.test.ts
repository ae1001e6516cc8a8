import fc from 'fast-check';
import type { Handoff } from '../../../shared/domain/handoff';
import { HANDOFF_STATES, type HandoffState } from '../../../shared/domain/states';
import { makeHandoff } from '../../../test/support/db-fixtures';
import { applyOptimisticMoves, type Columns } from './optimistic-columns';
import { createPendingMoves } from './pending-moves';

/*
 * The pending-move overlay against every order in which its inputs can arrive: moves painted
 * at once, their writes committing or failing in the order issued, the write's answer reaching
 * the overlay late, and the board's live query reading the database at any moment (a read never
 * older than the one before, but possibly older than writes that have already committed). What the
 * board shows is the last read with the overlay applied; it must never show a card twice, never
 * show a card the overlay holds anywhere but where its move put it, and once everything about a
 * card has been answered and read back, show it (and count it) exactly where the database has it.
 */

/** Cards each column loads (a window, as at 10k and 100k): moves to the end of a long column land below it. */
const WINDOW = 2;
const CARDS = ['a', 'b', 'c', 'd', 'e'];
const RUNS = process.env.BATON_LONG === '1' ? 2_000 : 300;
const SEED = process.env.BATON_SEED === undefined ? 16 : Number(process.env.BATON_SEED);

type Db = ReadonlyMap<string, Handoff>;

interface Write {
  token: number;
  id: string;
  to: HandoffState;
  rank: number | null;
}

interface Answer {
  token: number;
  id: string;
  ok: Handoff | null;
}

type Step =
  | { kind: 'move'; card: number; to: number; toEnd: boolean; rank: number }
  | { kind: 'commit' }
  | { kind: 'fail' }
  | { kind: 'answer' }
  | { kind: 'read'; back: number };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('move' as const), card: fc.nat(CARDS.length - 1), to: fc.nat(3), toEnd: fc.boolean(), rank: fc.integer({ min: 1, max: 100 }) }),
  fc.constant({ kind: 'commit' as const }),
  fc.constant({ kind: 'fail' as const }),
  fc.constant({ kind: 'answer' as const }),
  fc.record({ kind: fc.constant('read' as const), back: fc.nat(2) }),
);

function byRank(a: Handoff, b: Handoff): number {
  return a.rank - b.rank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** What the board's live query reads from `db`: each column's first WINDOW cards, and each column's total. */
function readBoard(db: Db): { columns: Columns; totals: Record<HandoffState, number> } {
  const columns = {} as Columns;
  const totals = {} as Record<HandoffState, number>;
  for (const state of HANDOFF_STATES) {
    const cards = [...db.values()].filter((card) => card.state === state).sort(byRank);
    columns[state] = cards.slice(0, WINDOW);
    totals[state] = cards.length;
  }
  return { columns, totals };
}

function initialDb(): Db {
  return new Map(CARDS.map((id, index) => [id, makeHandoff({ id, state: HANDOFF_STATES[index % 2] ?? 'IN_PROGRESS', rank: 10 * (index + 1), version: 1 })]));
}

function run(steps: readonly Step[]): void {
  const pending = createPendingMoves();
  let db = initialDb();
  /** Every state the database has been in (a read may return any of them not older than the last read). */
  const history: Db[] = [db];
  let readAt = 0;
  const writes: Write[] = [];
  const answers: Answer[] = [];
  let board = readBoard(db);

  const shown = () => {
    const last = board;
    return applyOptimisticMoves(last.columns, pending.getState().moves, (state) => last.columns[state].length >= last.totals[state]);
  };
  const where = (columns: Columns, id: string) => HANDOFF_STATES.filter((state) => columns[state].some((card) => card.id === id));
  const read = (at: number) => {
    readAt = at;
    board = readBoard(history[at] ?? db);
    // The render that shows this read (its effect has not run yet: nothing is settled until it has).
    check(false);
    // The board's effect after that render.
    pending.getState().readBack(board.columns);
  };

  function check(effectsRun = true): void {
    const { columns, shift } = shown();
    const moves = pending.getState().moves;
    for (const id of CARDS) {
      const places = where(columns, id);
      expect(places.length, `card ${id} shown in ${places.join(' and ')}`).toBeLessThanOrEqual(1);
      const move = moves.get(id);
      if (move !== undefined) expect(places.every((state) => state === move.after.state), `card ${id} shown outside the column its move put it in`).toBe(true);
      // Everything about this card answered, and the board has read the database as it is now.
      const settled = effectsRun && !writes.some((write) => write.id === id) && !answers.some((answer) => answer.id === id) && readAt === history.length - 1;
      if (settled) {
        const stored = db.get(id);
        const expected = stored === undefined ? [] : where(readBoard(db).columns, id);
        expect(places, `card ${id} settled: shown where the database has it`).toEqual(expected);
        expect(move, `card ${id} settled: nothing of its moves left in the overlay`).toBeUndefined();
      }
    }
    if (effectsRun && readAt === history.length - 1 && writes.length === 0 && answers.length === 0) {
      const counted = HANDOFF_STATES.map((state) => board.totals[state] + shift[state]);
      expect(counted, 'column counts once everything is answered and read').toEqual(HANDOFF_STATES.map((state) => readBoard(db).totals[state]));
    }
  }

  const perform = (s: Step) => {
    switch (s.kind) {
      case 'move': {
        const id = CARDS[s.card] ?? 'a';
        const to = HANDOFF_STATES[s.to] ?? 'IN_PROGRESS';
        // The card as the board shows it (the drag, the menu and the keyboard all move what is shown).
        const current = HANDOFF_STATES.flatMap((state) => shown().columns[state]).find((card) => card.id === id);
        if (current === undefined || (current.state === to && s.toEnd)) return;
        // The pure gate's verdict on the shown card is painted; the write runs on the stored record.
        const judged: Handoff = { ...current, state: to, rank: s.toEnd ? current.rank : s.rank, version: current.version + 1 };
        const token = pending.getState().show(judged, s.toEnd);
        writes.push({ token, id, to, rank: s.toEnd ? null : s.rank });
        return;
      }
      case 'commit':
      case 'fail': {
        const write = writes.shift();
        if (write === undefined) return;
        const stored = db.get(write.id);
        // The transaction refuses a move that changes nothing ("already in …").
        if (s.kind === 'fail' || stored === undefined || (stored.state === write.to && write.rank === null)) {
          answers.push({ token: write.token, id: write.id, ok: null });
          return;
        }
        const endRank = Math.max(0, ...[...db.values()].filter((card) => card.state === write.to).map((card) => card.rank)) + 10;
        const after: Handoff = { ...stored, state: write.to, rank: write.rank ?? endRank, version: stored.version + 1 };
        db = new Map(db).set(after.id, after);
        history.push(db);
        answers.push({ token: write.token, id: write.id, ok: after });
        return;
      }
      case 'answer': {
        const answer = answers.shift();
        if (answer === undefined) return;
        if (answer.ok === null) pending.getState().failed(answer.token);
        else pending.getState().committed(answer.token, answer.ok);
        return;
      }
      case 'read':
        // The live query's next result: the database now, or (a read that began before the latest commits) a little older.
        read(Math.max(readAt, history.length - 1 - s.back));
        return;
    }
  };

  for (const s of steps) {
    perform(s);
    check();
  }
  // Everything answers and the board reads the database as it ends up.
  while (writes.length > 0) perform({ kind: 'commit' });
  while (answers.length > 0) perform({ kind: 'answer' });
  check();
  read(history.length - 1);
  check();
}

describe('pending moves under any interleaving of paints, commits, failures and board reads', () => {
  it('never shows a card twice or outside its move, and settles exactly where the database has it', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => run(steps)),
      { numRuns: RUNS, seed: SEED },
    );
  });

  it('lets a committed move go when the board read it back before the write answered (no later read comes)', () => {
    run([{ kind: 'move', card: 0, to: 1, toEnd: true, rank: 1 }, { kind: 'commit' }, { kind: 'read', back: 0 }, { kind: 'answer' }]);
    // run() ends with one more read; check the state before it too.
    const pending = createPendingMoves();
    const a = makeHandoff({ id: 'a', state: 'IN_PROGRESS', rank: 10, version: 1 });
    const written = { ...a, state: 'READY_FOR_HANDOFF' as const, rank: 50, version: 2 };
    const token = pending.getState().show({ ...written, rank: 10 }, true);
    pending.getState().readBack({ IN_PROGRESS: [], READY_FOR_HANDOFF: [written], IN_HANDOFF: [], HANDOFF_DONE: [] });
    pending.getState().committed(token, written);
    expect(pending.getState().moves.size).toBe(0);
  });

  it('keeps showing the newest move of a card when an older write of it answers', () => {
    const pending = createPendingMoves();
    const a = makeHandoff({ id: 'a', state: 'IN_PROGRESS', rank: 10, version: 1 });
    const first = pending.getState().show({ ...a, state: 'READY_FOR_HANDOFF', version: 2 }, true);
    const second = pending.getState().show({ ...a, state: 'IN_HANDOFF', version: 3 }, true);
    pending.getState().committed(first, { ...a, state: 'READY_FOR_HANDOFF', version: 2 });
    expect(pending.getState().moves.get('a')?.after.state).toBe('IN_HANDOFF');
    pending.getState().failed(first);
    expect(pending.getState().moves.get('a')?.after.state).toBe('IN_HANDOFF');
    pending.getState().failed(second);
    expect(pending.getState().moves.size).toBe(0);
  });
});
