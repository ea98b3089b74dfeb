import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the server saw of one request. */
export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
  /** The client's port on the connection: two requests with the same one came over the same socket. */
  remotePort: number;
  /** Resolves when the client's connection closed before the response was finished. */
  closedEarly: Promise<void>;
}

/** A real HTTP server on 127.0.0.1 whose handler each test sets. */
export interface TestServer {
  url: string;
  requests: SeenRequest[];
  handle(handler: (request: SeenRequest, response: ServerResponse) => void | Promise<void>): void;
  close(): Promise<void>;
}

/** Starts a server; the default handler answers 404. */
export async function startTestServer(): Promise<TestServer> {
  let handler: (request: SeenRequest, response: ServerResponse) => void | Promise<void> = (_, response) => void response.writeHead(404).end();
  const requests: SeenRequest[] = [];
  const server: Server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    try {
      for await (const chunk of request) chunks.push(chunk as Buffer);
    } catch {
      // The client cut the request before its body ended: there is no whole request to record or answer.
      return;
    }
    const closedEarly = new Promise<void>((resolve) => response.once('close', () => !response.writableFinished && resolve()));
    const seen: SeenRequest = { method: request.method!, url: request.url!, headers: request.headers, body: Buffer.concat(chunks), remotePort: request.socket.remotePort!, closedEarly };
    requests.push(seen);
    await handler(seen, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    handle(next) {
      handler = next;
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
