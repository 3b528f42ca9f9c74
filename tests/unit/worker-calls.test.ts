/**
 * Calls to a worker are answered by id (in any order); a worker that dies fails the calls
 * waiting on it, and the next call starts a new worker.
 */
import { describe, expect, it, vi } from 'vitest';
import { workerCalls } from '../../lib/messaging/worker-calls';

/** A stand-in for a Worker: echoes `{ id, value * 2 }`, later answers first; `die()` fails it. */
class FakeWorker {
  onmessage: ((event: MessageEvent) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  received: unknown[] = [];
  postMessage(message: { id: number; value: number }): void {
    this.received.push(message);
    setTimeout(
      () => this.onmessage?.({ data: { id: message.id, out: message.value * 2 } } as MessageEvent),
      20 - message.value,
    );
  }
  terminated = false;
  terminate(): void {
    this.terminated = true;
  }
  die(): void {
    this.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
  }
}

/** workerCalls over FakeWorkers; `workers` lists each one started, in order. */
function fakeCalls(options: { idleMs?: number } = {}) {
  const workers: FakeWorker[] = [];
  const call = workerCalls<{ value: number }, { id: number; out: number }>(() => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker as unknown as Worker;
  }, options);
  return { call, workers };
}

describe('workerCalls', () => {
  it('matches answers to calls by id, whatever their order', async () => {
    const { call, workers } = fakeCalls();
    const replies = await Promise.all([1, 5, 10].map((value) => call({ value })));
    expect(replies.map((r) => r.out)).toEqual([2, 10, 20]);
    expect(workers).toHaveLength(1);
  });

  it('fails the waiting calls when the worker dies, and starts a new one for the next', async () => {
    const { call, workers } = fakeCalls();
    const waiting = call({ value: 0 });
    workers[0]?.die();
    await expect(waiting).rejects.toThrow(/worker stopped: boom/);
    expect((await call({ value: 3 })).out).toBe(6);
    expect(workers).toHaveLength(2);
  });

  it('stop ends the worker, fails the calls waiting on it, and the next call starts a new one', async () => {
    const { call, workers } = fakeCalls();
    expect((await call({ value: 1 })).out).toBe(2);
    const waiting = call({ value: 5 });
    call.stop();
    await expect(waiting).rejects.toThrow(/worker was stopped/);
    expect(workers[0]?.terminated).toBe(true);
    expect((await call({ value: 4 })).out).toBe(8);
    expect(workers).toHaveLength(2);
    expect(workers[1]?.terminated).toBe(false);
    call.stop();
    call.stop();
    expect(workers[1]?.terminated).toBe(true);
  });

  it('with idleMs, ends the worker that long after its last answer, unless a call comes first', async () => {
    vi.useFakeTimers();
    try {
      const { call, workers } = fakeCalls({ idleMs: 1000 });
      const first = call({ value: 1 });
      await vi.advanceTimersByTimeAsync(30);
      expect((await first).out).toBe(2);
      await vi.advanceTimersByTimeAsync(900);
      // A call within the idle time keeps the same worker.
      const second = call({ value: 2 });
      await vi.advanceTimersByTimeAsync(30);
      expect((await second).out).toBe(4);
      expect(workers).toHaveLength(1);
      // Answered 18 ms into those 30: 992 ms idle, then 1002.
      await vi.advanceTimersByTimeAsync(980);
      expect(workers[0]?.terminated).toBe(false);
      await vi.advanceTimersByTimeAsync(10);
      expect(workers[0]?.terminated).toBe(true);
      const third = call({ value: 3 });
      await vi.advanceTimersByTimeAsync(30);
      expect((await third).out).toBe(6);
      expect(workers).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
