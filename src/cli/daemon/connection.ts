/**
 * A client's connection to the daemon's socket, as client.ts uses one: bytes out, events in, each
 * event at most once but `data`. Two ways to make one: Node's `net` (netConnection.ts), and
 * Node's own pipe handle without `net` (pipeConnection.ts), which the launcher takes when it can.
 */
interface ConnectionEvents {
  connect(): void;
  data(chunk: Buffer): void;
  /** A failure, by its error code (ENOENT, ECONNREFUSED, …), as net's errors give it. */
  error(code: string): void;
  /** The daemon closed the connection. */
  close(): void;
}

interface Connection {
  write(bytes: Buffer): void;
  /** Closes the connection: no event follows. */
  destroy(): void;
}

/** Connects to the Unix socket `socket`; every outcome, a failure too, comes as an event, never synchronously. */
export type Connect = (socket: string, on: ConnectionEvents) => Connection;
