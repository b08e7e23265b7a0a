import type { Plan } from "../plan";
import type { Random } from "../random";

export interface Scenario {
  name: string;
  /** How many traces one run produces (a queue consumer may start its own). */
  traces: number;
  build(random: Random): Plan;
}
