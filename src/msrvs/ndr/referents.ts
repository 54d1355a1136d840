/**
 * How an encoder numbers its non-NULL pointers. ms-srvs-wire §3.2: a referent id only has to be
 * non-zero; Windows and Samba count 0x00020000, 0x00020004, … in marshalling order, and Samba's replies
 * continue the count of the request. `index` is the 0-based position of the non-NULL pointer in the stub.
 */
export type ReferentStrategy = (index: number) => number;

/** The first referent id Windows and Samba use in a stub they start numbering. */
export const FIRST_REFERENT_ID = 0x00020000;

/**
 * Referent ids `first`, `first + 4`, `first + 8`, … (ms-srvs-wire §3.2). The default `first` is
 * 0x00020000 (what Windows and Samba send in a request); Samba's reply to a request with `n` non-NULL
 * pointers starts at `0x00020000 + 4 * n`.
 */
export function sequentialReferents(first: number = FIRST_REFERENT_ID): ReferentStrategy {
  return (index) => (first + 4 * index) >>> 0;
}

/**
 * Referent ids taken from a list, in order (e.g. to re-encode a captured stub with the ids it carried);
 * past the end of the list it continues from the last id in steps of 4.
 */
export function listedReferents(ids: readonly number[]): ReferentStrategy {
  return (index) => {
    const listed = ids[index];
    if (listed !== undefined) return listed;
    const last = ids[ids.length - 1] ?? FIRST_REFERENT_ID - 4;
    return (last + 4 * (index - ids.length + 1)) >>> 0;
  };
}
