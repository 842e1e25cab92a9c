import type { MockRequest } from '../request';
import { createJournal, type Recording } from './journal';

const request = (n: number, body: Uint8Array = new TextEncoder().encode(`{"n":${n}}`)): MockRequest => ({
  method: 'POST',
  path: `/things/${n}`,
  query: n % 2 === 0 ? { page: String(n), tag: ['a', 'b'] } : {},
  headers: { authorization: `Bearer secret-${n}`, 'content-type': 'application/json' },
  body,
});

const recording = (n: number, text = `{"id":${n}}`): Recording => ({
  operation: n % 3 === 0 ? undefined : 'POST /things/{id}',
  answer: { status: 200 + (n % 3), headers: { 'content-type': 'application/json', 'x-n': String(n) }, text },
  reason: n % 2 === 0 ? 'reflected' : 'preference',
  note: n % 4 === 0 ? `note ${n}` : undefined,
  violations: n % 5 === 0 ? [{ location: 'body.n', message: 'too big', value: n }] : [],
  durationMs: n,
});

describe('the journal', () => {
  it('keeps the newest entries exactly as recorded, however often the ring has turned', () => {
    const journal = createJournal(3);
    for (let n = 1; n <= 20; n++) journal.record(request(n), recording(n), new Set());
    const entries = journal.list();
    expect(entries.map((entry) => entry.id)).toEqual([18, 19, 20]);
    for (const entry of entries) {
      const n = entry.id;
      const { time, ...rest } = entry;
      expect(Number.isNaN(Date.parse(time))).toBe(false);
      expect(rest).toStrictEqual({
        method: 'POST',
        path: `/things/${n}`,
        query: n % 2 === 0 ? { page: String(n), tag: ['a', 'b'] } : {},
        headers: { authorization: 'Bearer ***', 'content-type': 'application/json' },
        body: { n },
        ...(n % 3 === 0 ? {} : { operation: 'POST /things/{id}' }),
        reason: n % 2 === 0 ? 'reflected' : 'preference',
        ...(n % 4 === 0 ? { note: `note ${n}` } : {}),
        durationMs: n,
        answer: {
          status: 200 + (n % 3),
          headers: { 'content-type': 'application/json', 'x-n': String(n) },
          body: { id: n },
        },
        violations: n % 5 === 0 ? [{ location: 'body.n', message: 'too big', value: n }] : [],
        id: n,
      });
    }
  });

  it('cuts a body at 4 KiB saying how long it was, and keeps a large answer whole', () => {
    const journal = createJournal(2);
    const big = 'x'.repeat(200_000);
    journal.record(request(1, new TextEncoder().encode('y'.repeat(5000))), recording(1, big), new Set());
    journal.record(request(2, new Uint8Array([0xff, 0xfe])), recording(2), new Set());
    journal.record(request(3), recording(3), new Set()); // written over the slot of the first
    const [second, third] = journal.list();
    expect(second!.body).toBe('\ufffd\ufffd');
    expect(third!.answer.body).toEqual({ id: 3 });
    const fresh = createJournal(1);
    fresh.record(request(1, new TextEncoder().encode('y'.repeat(5000))), recording(1, big), new Set());
    const [first] = fresh.list();
    expect(first!.body).toBe(`${'y'.repeat(4096)}… (5000 bytes)`);
    expect(first!.answer.body).toBe(big);
  });

  it('masks credentials but keeps the scheme of an Authorization header', () => {
    const journal = createJournal(4);
    const headers = ['Bearer s3cret', 'Basic dXNlcjpwdw==', 's3cret-without-scheme', 'Bearer'];
    headers.forEach((authorization, i) =>
      journal.record({ ...request(i), headers: { authorization, cookie: 'id=s3cret' } }, recording(i), new Set()),
    );
    expect(journal.list().map((entry) => [entry.headers.authorization, entry.headers.cookie])).toEqual([
      ['Bearer ***', '***'],
      ['Basic ***', '***'],
      ['***', '***'],
      ['***', '***'],
    ]);
  });
});
