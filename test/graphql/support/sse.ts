import type { Gateway } from '../../../src/graphql/yoga.ts';

/** POSTs one GraphQL subscription to the in-process gateway, asking for Server-Sent Events. */
export function subscribeOverSse(gateway: Gateway, query: string, variables: Record<string, unknown>) {
  return gateway.fetch('http://gateway.test/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify({ query, variables }),
  });
}

/** Reads an SSE response to its end, calling `onEvent` for each `next` payload. */
export async function readEvents(response: Response, onEvent: (data: unknown) => void): Promise<void> {
  const reader = response.body?.getReader();
  if (reader === undefined) throw new Error('no body');
  const decoder = new TextDecoder();
  let buffer = '';
  while (true) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let boundary = buffer.indexOf('\n\n');
    while (boundary >= 0) {
      const block = buffer.slice(0, boundary);
      buffer = buffer.slice(boundary + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event === 'next' && data !== undefined) onEvent(JSON.parse(data));
      if (event === 'complete') return;
      boundary = buffer.indexOf('\n\n');
    }
  }
}
