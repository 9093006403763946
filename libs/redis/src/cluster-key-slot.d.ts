declare module 'cluster-key-slot' {
  /** The Redis Cluster hash slot (0–16383) of a key, honouring `{hash tags}`. */
  function generate(key: string | Buffer): number;
  export = generate;
}
