/** A small CONNECT proxy on 127.0.0.1 for the proxy tests: it records each tunnel it opens. */
import * as http from 'node:http';
import * as net from 'node:net';

export interface TestProxy {
  url: string;
  connects: { target: string; headers: http.IncomingHttpHeaders }[];
  close(): Promise<void>;
}

/**
 * A CONNECT-only HTTP proxy; with `auth`, a 407 unless Proxy-Authorization is Basic `auth`.
 * `toLoopback` tunnels every target to 127.0.0.1 on the target's port, so a test can name a
 * host that does not exist (a non-loopback URL, which the extension and the CLI do proxy).
 */
export async function startProxy(auth?: string, options: { toLoopback?: boolean } = {}): Promise<TestProxy> {
  const connects: TestProxy['connects'] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((_req, res) => {
    res.writeHead(405).end();
  });
  server.on('connect', (req: http.IncomingMessage, client: net.Socket, head: Buffer) => {
    sockets.add(client);
    connects.push({ target: req.url ?? '', headers: req.headers });
    if (auth && req.headers['proxy-authorization'] !== `Basic ${Buffer.from(auth).toString('base64')}`) {
      client.end('HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic\r\n\r\n');
      return;
    }
    const [host, port] = (req.url ?? '').split(':');
    const upstream = net.connect(Number(port), options.toLoopback ? '127.0.0.1' : (host ?? ''), () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(upstream);
    const end = () => {
      upstream.destroy();
      client.destroy();
    };
    upstream.on('error', end).on('close', end);
    client.on('error', end).on('close', end);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connects,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
