// Apart from the modules that use them so that next.config.ts can read them too.

/** Largest JSON body the API reads. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Largest body a page's server action may send (Next.js's own default for server actions). */
export const MAX_PAGE_BODY_BYTES = 1024 * 1024;
