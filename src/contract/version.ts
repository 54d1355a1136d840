/**
 * Version of the contract suite. It changes when a test is added, removed or changes what it asserts;
 * a divergence manifest written for another version is refused, so that it is reviewed.
 */
export const CONTRACT_SUITE_VERSION = 1;
