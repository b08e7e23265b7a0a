/**
 * Settings of every session the app opens on PostgreSQL (pg's `options`, sent at connect).
 *
 * JIT off: the app's statements are short index walks, and PostgreSQL compiles a plan once
 * its estimated cost passes jit_above_cost, which plans over a dozen partitions (and the
 * roll-up recomputes, which penalize sequential scans) easily do: a dependency roll-up of
 * one empty 5-minute bucket took 270-310 ms compiling 255 functions, and 1.2-1.6 ms without.
 */
export const POSTGRES_SESSION_OPTIONS = "-c jit=off";
