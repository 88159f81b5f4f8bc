/** Plain HTTP requests for server tests: the path goes out exactly as written (fetch would tidy "..") and any Host header can be sent. */
import { request } from 'node:http';

export interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

export interface RawRequest {
  method?: string;
  headers?: Record<string, string>;
}

/** Sends one request to `origin` + `path`; rejects if the connection fails or is cut before the answer ends. */
export function rawRequest(origin: string, path: string, options: RawRequest = {}): Promise<RawAnswer> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: hostname.replace(/^\[|\]$/g, ''),
        port,
        path,
        method: options.method ?? 'GET',
        headers: options.headers,
        agent: false,
      },
      (answer) => {
        const chunks: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => chunks.push(chunk));
        answer.on('error', reject);
        answer.on('end', () =>
          resolve({
            status: answer.statusCode ?? 0,
            headers: answer.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    outgoing.on('error', reject);
    // A server that cuts an answer short may reset the socket after the request settled: that is an answer too, not a crash of the test.
    outgoing.on('socket', (socket) => socket.on('error', () => undefined));
    outgoing.end();
  });
}
