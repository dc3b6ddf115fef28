import type { Redis } from 'ioredis';

type MessageHandler = (message: string) => void;

/**
 * Pub/sub channels over one subscriber connection: Redis allows any number of channels per connection, and a
 * connection per job followed would not scale. A channel is subscribed while it has handlers.
 */
export class RedisChannels {
  readonly #subscriber: Redis;
  readonly #handlers = new Map<string, Set<MessageHandler>>();

  /** `subscriber` must be dedicated to this: once it subscribes it can run no other command. */
  constructor(subscriber: Redis) {
    this.#subscriber = subscriber;
    subscriber.on('message', (channel: string, message: string) => {
      for (const handler of [...(this.#handlers.get(channel) ?? [])]) {
        try {
          handler(message);
        } catch {
          // One faulty handler must not starve the others.
        }
      }
    });
  }

  /** Resolves once Redis confirmed the subscription, with the function that ends it. */
  async subscribe(channel: string, handler: MessageHandler): Promise<() => Promise<void>> {
    let handlers = this.#handlers.get(channel);
    if (handlers === undefined) {
      handlers = new Set();
      this.#handlers.set(channel, handlers);
    }
    handlers.add(handler);
    try {
      // Subscribing again to a channel already subscribed is harmless, and waits for Redis' confirmation too.
      await this.#subscriber.subscribe(channel);
    } catch (error) {
      await this.#remove(channel, handler);
      throw error;
    }
    return () => this.#remove(channel, handler);
  }

  async #remove(channel: string, handler: MessageHandler): Promise<void> {
    const handlers = this.#handlers.get(channel);
    if (handlers === undefined || !handlers.delete(handler) || handlers.size > 0) return;
    this.#handlers.delete(channel);
    try {
      await this.#subscriber.unsubscribe(channel);
    } catch {
      // The connection is gone; so is the subscription.
    }
  }
}
