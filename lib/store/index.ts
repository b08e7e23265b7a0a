export { checkDatabase, type DatabaseHealth } from "./check-database";
