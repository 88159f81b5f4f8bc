/**
 * A local HTTP(S) proxy that records every request a child process tries to send
 * out, and refuses it. Node's fetch goes through it when the child runs with
 * NODE_USE_ENV_PROXY=1 and HTTPS_PROXY/HTTP_PROXY pointing here (see `proxyEnv`).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface OutboundTrap {
  /** "CONNECT host:443" for HTTPS, "GET http://host/path" for plain HTTP, in arrival order. */
  requests: string[];
  /** Called after each recorded request, for tests that wait for one. */
  onRequest?: () => void;
  /** Environment that sends a Node child's outside requests to this trap. */
  proxyEnv: NodeJS.ProcessEnv;
  close: () => Promise<void>;
}

export async function startOutboundTrap(): Promise<OutboundTrap> {
  const requests: string[] = [];
  const record = (line: string): void => {
    requests.push(line);
    trap.onRequest?.();
  };
  const server = createServer((request, response) => {
    record(`${request.method} ${request.url}`);
    response.writeHead(403).end();
  });
  // Answer the tunnel request with a refusal, so the child fails fast instead of retrying.
  server.on('connect', (request, socket) => {
    record(`CONNECT ${request.url}`);
    socket.end('HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const proxy = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const trap: OutboundTrap = {
    requests,
    proxyEnv: {
      NODE_USE_ENV_PROXY: '1',
      HTTPS_PROXY: proxy,
      HTTP_PROXY: proxy,
      https_proxy: proxy,
      http_proxy: proxy,
      NO_PROXY: '',
      no_proxy: '',
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return trap;
}
