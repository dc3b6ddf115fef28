import type { IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';

export type DrainOutcome = 'drained' | 'deadline';

/**
 * Lets an HTTP server finish its in-flight requests and close. `server.close()` alone stops accepting
 * connections, but a keep-alive connection busy at that moment stays open after its response until the client
 * drops it; so once draining, every response asks for its connection to close, and each finished one has its
 * now idle connection closed at once.
 */
export class ConnectionDrainer {
  readonly #server: Server;
  readonly #inFlight = new Set<ServerResponse>();
  #draining = false;

  constructor(server: Server) {
    this.#server = server;
  }

  /** Wraps the server's request listener so in-flight responses are known. */
  track(listener: RequestListener): RequestListener {
    return (request: IncomingMessage, response: ServerResponse) => {
      this.#inFlight.add(response);
      if (this.#draining) response.shouldKeepAlive = false;
      response.once('close', () => {
        this.#inFlight.delete(response);
        // After the current tick: the connection only counts as idle once the response is fully done.
        if (this.#draining) setImmediate(() => this.#server.closeIdleConnections());
      });
      listener(request, response);
    };
  }

  get inFlightCount(): number {
    return this.#inFlight.size;
  }

  /**
   * Stops accepting connections and resolves when the in-flight requests are done, or at the deadline, when
   * the connections still open are cut.
   */
  drain(timeoutMs: number): Promise<DrainOutcome> {
    this.#draining = true;
    for (const response of this.#inFlight) {
      // Decided when the headers go out; a response already streaming closes through `closeIdleConnections`.
      if (!response.headersSent) response.shouldKeepAlive = false;
    }
    return new Promise((resolve) => {
      let outcome: DrainOutcome = 'drained';
      const deadline = setTimeout(() => {
        outcome = 'deadline';
        this.#server.closeAllConnections();
      }, timeoutMs);
      this.#server.close(() => {
        clearTimeout(deadline);
        resolve(outcome);
      });
      this.#server.closeIdleConnections();
    });
  }
}
