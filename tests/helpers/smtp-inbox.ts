import type { AddressInfo } from "node:net";
import { type ParsedMail, simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

/**
 * An SMTP server on a random loopback port that keeps what it receives, parsed. `refuse` makes it
 * answer every message with a permanent error (a server that will not take mail); `stall` holds
 * the answer to the messages it picks forever (a sender killed meanwhile never hears it accepted),
 * calling `onStall` once it has one; `cut` closes the connection of the messages it picks instead
 * of answering (their sender cannot tell whether they were taken).
 */
export async function startInbox() {
  const received: ParsedMail[] = [];
  const state: {
    refuse: boolean;
    stall?: (mail: ParsedMail) => boolean;
    onStall?: () => void;
    cut?: (mail: ParsedMail) => boolean;
  } = { refuse: false };
  const waiting: { from: number; count: number; resolve: (mails: ParsedMail[]) => void }[] = [];
  const sockets = new Map<string, { destroy(): void }>();
  const server = new SMTPServer({
    authOptional: true,
    onConnect(session, callback) {
      // smtp-server does not hand onData the connection: kept here to cut it.
      const connection = [
        ...(server as unknown as { connections: Set<{ id: string; _socket: { destroy(): void } }> })
          .connections,
      ].find((c) => c.id === session.id);
      if (connection) sockets.set(session.id, connection._socket);
      callback();
    },
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          if (state.stall?.(mail)) return state.onStall?.();
          if (state.cut?.(mail)) return sockets.get(session.id)?.destroy();
          if (state.refuse)
            return callback(Object.assign(new Error("mailbox unavailable"), { responseCode: 550 }));
          received.push(mail);
          callback();
          for (const wait of waiting.splice(0)) {
            if (received.length >= wait.from + wait.count) {
              wait.resolve(received.slice(wait.from, wait.from + wait.count));
            } else waiting.push(wait);
          }
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    state,
    /** The next `count` messages to arrive (the test's own time limit applies). */
    next: (count: number) =>
      new Promise<ParsedMail[]>((resolve) =>
        waiting.push({ from: received.length, count, resolve }),
      ),
    /** The messages sent to `address`. */
    to: (address: string) =>
      received.filter((m) =>
        [m.to].flat().some((t) => t?.value.some((v) => v.address === address)),
      ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
