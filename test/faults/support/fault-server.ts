import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** What a fault handler gets for one request to a target path. */
export interface FaultRequest {
  /** 1 for the first request of the case, 2 for the first retry, … */
  attempt: number;
  request: IncomingMessage;
  response: ServerResponse;
  /** The request body, read whole. */
  body: string;
  /** Runs `fn` after `ms` unless the socket closed first; the timer never outlives the socket. */
  later(ms: number, fn: () => void): void;
  /** Writes `bytes` one byte per `intervalMs`, then calls `done` (stops silently if the client hangs up). */
  trickle(bytes: string | Uint8Array, intervalMs: number, done?: () => void): void;
}

/** Answers one request of the case; may leave the response open (a stall) or destroy the socket (a reset). */
export type FaultHandler = (request: FaultRequest) => void | Promise<void>;

/** Answers a request that is not the target of the case (an OAuth token exchange, a download). */
export type AuxiliaryHandler = (request: IncomingMessage, response: ServerResponse, body: string) => void;

/**
 * A real HTTP server on 127.0.0.1 whose answers a test scripts per request,
 * so sockets really break, stall and trickle (msw cannot do that). Every
 * response carries `connection: close`: once a case settles, the only open
 * sockets are ones the client failed to close.
 */
export class FaultServer {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  /** Sockets that carried at least one request; the others are a client pool's idle spares. */
  private readonly used = new WeakSet<Socket>();
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();
  private handler: FaultHandler | undefined;
  private auxiliary: Array<{ match: (path: string) => boolean; handle: AuxiliaryHandler }> = [];
  /** Requests to target paths since the last {@link reset}. */
  attempts = 0;
  /** Bodies of those requests. */
  readonly bodies: string[] = [];
  /** Sockets closed by the client while a response was still being written. */
  clientHangups = 0;
  /** The base URL, e.g. `http://127.0.0.1:40123`. */
  url = '';

  /** Starts listening on an ephemeral port. */
  async listen(): Promise<void> {
    const server = createServer((request, response) => void this.dispatch(request, response));
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /** Closes the server and every socket. */
  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    for (const timer of this.timers) clearTimeout(timer);
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  /** Sets the handler for target requests and clears counters and auxiliary routes. */
  reset(handler: FaultHandler): void {
    this.handler = handler;
    this.attempts = 0;
    this.bodies.length = 0;
    this.clientHangups = 0;
    this.auxiliary = [];
  }

  /** Replaces the handler for target requests, keeping counters and auxiliary routes. */
  setHandler(handler: FaultHandler): void {
    this.handler = handler;
  }

  /** Serves `path`s matching `match` with `handle` without counting them as attempts. */
  serveAuxiliary(match: (path: string) => boolean, handle: AuxiliaryHandler): void {
    this.auxiliary.push({ match, handle });
  }

  /** Sockets that carried a request and are still open (the client has not closed them). */
  get openSockets(): number {
    let count = 0;
    for (const socket of this.sockets) if (this.used.has(socket)) count++;
    return count;
  }

  /**
   * Closes sockets that never carried a request. Node's global `fetch` (its
   * bundled undici, the `faults-fetch` project) opens a spare connection
   * right after an aborted request's socket is destroyed and keeps it idle
   * for its 4 s keep-alive timeout; that spare belongs to the pool, not to
   * the call under test. The `node:http` transport's agent opens none.
   */
  destroyIdleSockets(): number {
    let count = 0;
    for (const socket of this.sockets) {
      if (this.used.has(socket)) continue;
      socket.destroy();
      count++;
    }
    return count;
  }

  /** Destroys every open socket (between cases, so a leak in one case does not spill into the next). */
  destroySockets(): void {
    for (const socket of this.sockets) socket.destroy();
    for (const timer of this.timers) clearTimeout(timer);
    this.timers.clear();
  }

  private async dispatch(request: IncomingMessage, response: ServerResponse): Promise<void> {
    this.used.add(request.socket);
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    response.setHeader('connection', 'close');
    const path = new URL(request.url ?? '/', this.url).pathname;
    const aux = this.auxiliary.find((route) => route.match(path));
    if (aux) return aux.handle(request, response, body);
    this.attempts++;
    this.bodies.push(body);
    const socket = request.socket;
    let closed = false;
    const pending = new Set<ReturnType<typeof setTimeout>>();
    socket.on('close', () => {
      closed = true;
      if (!response.writableFinished) this.clientHangups++;
      for (const timer of pending) {
        clearTimeout(timer);
        this.timers.delete(timer);
      }
    });
    const later = (ms: number, fn: () => void) => {
      if (closed) return;
      const timer = setTimeout(() => {
        pending.delete(timer);
        this.timers.delete(timer);
        if (!closed) fn();
      }, ms);
      pending.add(timer);
      this.timers.add(timer);
    };
    const trickle = (bytes: string | Uint8Array, intervalMs: number, done?: () => void) => {
      const data = typeof bytes === 'string' ? Buffer.from(bytes) : Buffer.from(bytes);
      let index = 0;
      const step = () => {
        if (index >= data.length) return done?.();
        response.write(data.subarray(index, index + 1));
        index++;
        later(intervalMs, step);
      };
      step();
    };
    if (!this.handler) {
      response.writeHead(500).end('no handler');
      return;
    }
    await this.handler({ attempt: this.attempts, request, response, body, later, trickle });
  }
}
