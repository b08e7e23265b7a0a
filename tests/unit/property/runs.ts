/** Generated cases per property: FC_RUNS overrides (CI keeps the default; a soak can raise it). */
export const RUNS = Number(process.env.FC_RUNS ?? 2_000);
