import generate from 'cluster-key-slot';

/** The Redis Cluster hash slot of a key (0–16383), as the cluster computes it: keys of one slot may share a script. */
export const hashSlot = (key: string): number => generate(key);
