/**
 * A promise settled from outside and created only when someone asks for it,
 * so a rejection nobody observes never becomes an unhandled rejection.
 */
export class DelayedPromise<T> {
  private state: { type: 'pending' } | { type: 'resolved'; value: T } | { type: 'rejected'; error: unknown } = { type: 'pending' };
  private inner: { promise: Promise<T>; resolve: (value: T) => void; reject: (error: unknown) => void } | undefined;

  /** The promise; settled already if the value or error came first. */
  get promise(): Promise<T> {
    if (this.inner) return this.inner.promise;
    if (this.state.type === 'resolved') return Promise.resolve(this.state.value);
    if (this.state.type === 'rejected') return Promise.reject(this.state.error);
    let resolve!: (value: T) => void;
    let reject!: (error: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    this.inner = { promise, resolve, reject };
    return promise;
  }

  /** True once resolved or rejected. */
  get settled(): boolean {
    return this.state.type !== 'pending';
  }

  /** Resolves, unless already settled. */
  resolve(value: T): void {
    if (this.state.type !== 'pending') return;
    this.state = { type: 'resolved', value };
    this.inner?.resolve(value);
  }

  /** Rejects, unless already settled. */
  reject(error: unknown): void {
    if (this.state.type !== 'pending') return;
    this.state = { type: 'rejected', error };
    this.inner?.reject(error);
  }
}
