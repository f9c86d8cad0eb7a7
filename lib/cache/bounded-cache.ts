import { LRUCache } from "lru-cache";
import { env } from "@/lib/env";

/**
 * A per-instance cache bounded in bytes (not in entries: one slots answer can weigh 500 KB), its
 * share of CACHE_MAX_MB; the least recently used entries go first. `weigh` estimates an entry's
 * bytes (JavaScript strings take two bytes a character).
 */
export function boundedCache<V extends {}>(
  share: number,
  weigh: (value: V, key: string) => number,
) {
  return new LRUCache<string, V>({
    maxSize: Math.floor(env().cacheMaxBytes * share),
    sizeCalculation: (value, key) => Math.max(1, Math.ceil(weigh(value, key))),
  });
}
